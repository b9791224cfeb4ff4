import { fail } from '@sveltejs/kit';
import { localiseErrors } from '$lib/i18n/localise';
import { forgotSchema } from '$lib/schemas/auth';
import { formObject, validate } from '$lib/schemas/form';
import { authErrorMessage } from '$lib/server/auth-errors';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const input = formObject(await request.formData());
		const email = String(input.email ?? '');
		const parsed = validate(forgotSchema, input);
		if (!parsed.ok) return fail(400, { email, errorFields: localiseErrors(parsed.errors) });

		// The link comes back to /reset on this origin; with the embedded stack it lands in the outbox.
		const { error } = await locals.supabase.auth.resetPasswordForEmail(parsed.data.email, {
			redirectTo: `${url.origin}/reset`
		});
		if (error?.status === 429) return fail(429, { email, errorMessage: authErrorMessage(error) });
		if (error) console.warn(`password recovery failed: ${error.message}`);
		// The same answer whether or not the address has an account, so the form reveals nothing.
		return { email, sent: true };
	}
};
