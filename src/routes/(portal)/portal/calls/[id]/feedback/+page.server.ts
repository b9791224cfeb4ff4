import { error } from '@sveltejs/kit';
import { feedbackData } from '$lib/server/review';
import { actorOf } from '$lib/server/review-screens';
import { supabaseAdmin } from '$lib/server/supabase-admin';
import type { PageServerLoad } from './$types';

// vendor_call_results decides access (audit staff: their organisation's calls; vendor managers:
// their sites'), pseudonymous for both; only then is the scenario read with the service role.
export const load: PageServerLoad = async ({ locals, params }) => {
	const r = await feedbackData(actorOf(locals), supabaseAdmin() as never, params.id);
	if (!r.ok) error(404, 'no feedback sheet for this call');
	return { sheet: r.sheet, callId: params.id };
};
