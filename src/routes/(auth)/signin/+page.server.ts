import { fail, redirect } from '@sveltejs/kit';
import { homeFor } from '$lib/auth/roles';
import { safeRedirectPath } from '$lib/auth/redirect';
import { localiseErrors } from '$lib/i18n/localise';
import { signInSchema } from '$lib/schemas/auth';
import { formObject, validate } from '$lib/schemas/form';
import { authErrorMessage } from '$lib/server/auth-errors';
import { applyProfileLocale } from '$lib/server/locale';
import { loadMemberships, rolesOf } from '$lib/server/memberships';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	return { redirectTo: safeRedirectPath(url.searchParams.get('redirectTo')) };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals } = event;
		const input = formObject(await request.formData());
		const email = String(input.email ?? '');
		const parsed = validate(signInSchema, input);
		if (!parsed.ok) return fail(400, { email, errorFields: localiseErrors(parsed.errors) });

		const { data, error } = await locals.supabase.auth.signInWithPassword({
			email: parsed.data.email,
			password: parsed.data.password
		});
		if (error || !data.user) {
			const status = error?.status === 429 ? 429 : error?.status === 400 ? 400 : 503;
			return fail(status, { email, errorMessage: authErrorMessage(error) });
		}

		await applyProfileLocale(event, data.user.id);
		const memberships = await loadMemberships(locals.supabase, data.user.id);
		// Only a same-origin path is honoured; anything else falls back to the role's home.
		redirect(303, safeRedirectPath(parsed.data.redirectTo) ?? homeFor(rolesOf(memberships)));
	}
};
