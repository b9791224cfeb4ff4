/** The locale cookie and the user's saved preference (profiles.locale). */
import type { RequestEvent } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale, type Locale } from '$lib/paraglide/runtime';
import { cookieOptions } from './cookies';

/** Sets the locale cookie (readable by Paraglide's browser runtime, so not httpOnly). */
export function setLocaleCookie(event: Pick<RequestEvent, 'cookies' | 'url'>, locale: Locale) {
	event.cookies.set(
		cookieName,
		locale,
		cookieOptions(event.url, { httpOnly: false, maxAge: cookieMaxAge })
	);
}

/** After sign-in: the language saved on the user's profile wins over this browser's cookie. */
export async function applyProfileLocale(event: RequestEvent, userId: string) {
	const { data } = await event.locals.supabase
		.from('profiles')
		.select('locale')
		.eq('id', userId)
		.maybeSingle<{ locale: string | null }>();
	if (data?.locale && isLocale(data.locale)) setLocaleCookie(event, data.locale);
}

/** Saves the choice on the signed-in user's profile (their own row; RLS allows exactly that). */
export async function saveProfileLocale(event: RequestEvent, locale: Locale) {
	const user = event.locals.user;
	if (!user) return;
	const { error } = await event.locals.supabase
		.from('profiles')
		.update({ locale })
		.eq('id', user.id);
	// The cookie already carries the choice for this browser; a failed save only loses it elsewhere.
	if (error) console.warn(`profiles.locale not saved for ${user.id}: ${error.message}`);
}
