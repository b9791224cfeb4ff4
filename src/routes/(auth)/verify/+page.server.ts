import { fail } from '@sveltejs/kit';
import { answerVerify } from '$lib/server/reports/verify-form';
import { supabaseAdmin } from '$lib/server/supabase-admin';
import type { Actions, PageServerLoad } from './$types';

// Public: no sign-in. The printed verification URL carries the report ID to pre-fill.
export const load: PageServerLoad = async ({ url }) => ({
	code: (url.searchParams.get('code') ?? '').slice(0, 20)
});

export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const form = await request.formData();
		const code = String(form.get('code') ?? '');
		const answer = await answerVerify(supabaseAdmin(), form, getClientAddress());
		if (!answer.ok) {
			const { status, ...rest } = answer;
			return fail(status, { code, ...rest });
		}
		return { code, verdict: answer.verdict, sha256: answer.sha256 };
	}
};
