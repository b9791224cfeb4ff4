import { fail, redirect } from '@sveltejs/kit';
import type { EmailOtpType } from '@supabase/supabase-js';
import { homeFor } from '$lib/auth/roles';
import { localiseErrors } from '$lib/i18n/localise';
import { resetSchema } from '$lib/schemas/auth';
import { formObject, validate } from '$lib/schemas/form';
import { authErrorMessage } from '$lib/server/auth-errors';
import { rolesOf } from '$lib/server/memberships';
import type { Actions, PageServerLoad } from './$types';

/**
 * The recovery link lands here. It carries either a PKCE `code` (what @supabase/ssr asks for) or, with
 * Supabase's SSR e-mail template, a `token_hash`; either is exchanged for a session on the server,
 * then the URL is cleaned so the one-time secret does not stay in history.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
	const code = url.searchParams.get('code');
	const tokenHash = url.searchParams.get('token_hash');
	if (code) {
		const { error } = await locals.supabase.auth.exchangeCodeForSession(code);
		if (!error) redirect(303, '/reset');
		return { linkValid: false };
	}
	if (tokenHash) {
		const type = (url.searchParams.get('type') ?? 'recovery') as EmailOtpType;
		const { error } = await locals.supabase.auth.verifyOtp({ token_hash: tokenHash, type });
		if (!error) redirect(303, '/reset');
		return { linkValid: false };
	}
	return { linkValid: !!locals.user && !url.searchParams.has('error') };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		if (!locals.user) return fail(401, { errorMessage: undefined, linkExpired: true });
		const parsed = validate(resetSchema, formObject(await request.formData()));
		if (!parsed.ok) return fail(400, { errorFields: localiseErrors(parsed.errors) });

		const { error } = await locals.supabase.auth.updateUser({ password: parsed.data.password });
		if (error)
			return fail(error.status === 429 ? 429 : 400, { errorMessage: authErrorMessage(error) });
		redirect(303, homeFor(rolesOf(await locals.memberships())));
	}
};
