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
		return { linkValid: false, email: '' };
	}
	if (tokenHash) {
		const type = (url.searchParams.get('type') ?? 'recovery') as EmailOtpType;
		const { error } = await locals.supabase.auth.verifyOtp({ token_hash: tokenHash, type });
		if (!error) redirect(303, '/reset');
		return { linkValid: false, email: '' };
	}
	return {
		linkValid: !!locals.user && !url.searchParams.has('error'),
		email: locals.user?.email ?? ''
	};
};

export const actions: Actions = {
	/**
	 * Invitations use the implicit flow: the tokens arrive in the URL fragment, which only the browser
	 * sees. The page posts them here and the server client validates them and sets the cookies.
	 */
	session: async ({ request, locals }) => {
		const form = await request.formData();
		const access_token = String(form.get('access_token') ?? '');
		const refresh_token = String(form.get('refresh_token') ?? '');
		if (!access_token || !refresh_token) return fail(400, { linkExpired: true });
		const { error } = await locals.supabase.auth.setSession({ access_token, refresh_token });
		if (error) return fail(400, { linkExpired: true });
		return { sessionSet: true };
	},

	password: async ({ request, locals }) => {
		if (!locals.user) return fail(401, { errorMessage: undefined, linkExpired: true });
		const parsed = validate(resetSchema, formObject(await request.formData()));
		if (!parsed.ok) return fail(400, { errorFields: localiseErrors(parsed.errors) });

		const { error } = await locals.supabase.auth.updateUser({ password: parsed.data.password });
		if (error)
			return fail(error.status === 429 ? 429 : 400, { errorMessage: authErrorMessage(error) });
		redirect(303, homeFor(rolesOf(await locals.memberships())));
	}
};
