import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { claimableCalls } from '$lib/server/schedule/calls';
import { loose } from '$lib/server/schedule/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	calls: await claimableCalls(locals.supabase, new Date().toISOString())
});

/** claim_open_call's refusal (its hint or status code) in the shopper's language. */
function refusal(error: { code?: string; hint?: string | null }): string {
	const byHint: Record<string, () => string> = {
		max_per_day: m.sch_refusal_daily_limit,
		lockout: m.sch_refusal_lockout,
		language: m.sch_refusal_language,
		conflict: m.sch_refusal_conflict
	};
	const reason =
		(error.hint && byHint[error.hint]) ||
		(error.code === 'PT409' ? m.sch_refusal_taken : m.sch_refusal_other);
	return m.sch_claim_refused({ reason: reason() });
}

export const actions: Actions = {
	claim: async ({ locals, request }) => {
		const callId = String((await request.formData()).get('call_id') ?? '');
		const { error } = await loose(locals.supabase).rpc('claim_open_call', { p_call_id: callId });
		if (error) return fail(400, { callId, claimError: refusal(error) });
		return { callId, claimed: true };
	}
};
