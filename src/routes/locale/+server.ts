import { error, redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/paraglide/runtime';
import { safeRedirectPath } from '$lib/auth/redirect';
import { saveProfileLocale, setLocaleCookie } from '$lib/server/locale';
import type { RequestHandler } from './$types';

/** The language switch on every screen posts here; SvelteKit's origin check guards it. */
export const POST: RequestHandler = async (event) => {
	const form = await event.request.formData();
	const locale = form.get('locale');
	if (!isLocale(locale)) error(400, 'Unknown locale');
	setLocaleCookie(event, locale);
	await saveProfileLocale(event, locale);
	redirect(303, safeRedirectPath(String(form.get('redirectTo') ?? '')) ?? '/');
};
