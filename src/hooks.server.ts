/**
 * Request pipeline, as in Supabase's SvelteKit SSR guide: a per-request Supabase client on
 * `locals.supabase` with a `safeGetSession()` that validates the JWT with the auth server, then a
 * guard that keeps each audience's routes to its roles. Paraglide runs first so every load, action
 * and error page renders in the request's locale.
 */
import '$lib/server/websocket';
import '$lib/server/jobs';
import { createServerClient } from '@supabase/ssr';
import { redirect, type Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { cookieName as localeCookie, cookieMaxAge } from '$lib/paraglide/runtime';
import { areaOf, homeFor } from '$lib/auth/roles';
import { safeRedirectPath } from '$lib/auth/redirect';
import { cookieOptions } from '$lib/server/cookies';
import { supabasePublicEnv } from '$lib/supabase-env';
import { requireArea } from '$lib/server/guard';
import { loadMemberships, rolesOf } from '$lib/server/memberships';
import type { Database } from '$lib/database.types';
import type { Membership } from '$lib/tenancy';

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.locale = locale;
		// Pin the negotiated locale so the browser's runtime reads the same one the server rendered.
		// Not httpOnly: Paraglide's client runtime reads it; it holds nothing secret.
		if (event.cookies.get(localeCookie) !== locale)
			event.cookies.set(
				localeCookie,
				locale,
				cookieOptions(event.url, { httpOnly: false, maxAge: cookieMaxAge })
			);
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	});

const supabase: Handle = async ({ event, resolve }) => {
	const headersSent = new Set<string>();
	event.locals.supabase = createServerClient<Database>(...supabasePublicEnv(), {
		cookies: {
			getAll: () => event.cookies.getAll(),
			setAll: (cookiesToSet, headers: Record<string, string> = {}) => {
				for (const { name, value, options } of cookiesToSet) {
					// @supabase/ssr sets httpOnly=false on purpose: the browser client reads the session.
					event.cookies.set(name, value, {
						...options,
						path: '/',
						secure: event.url.protocol === 'https:'
					});
				}
				// No-store headers keep a response that carries a session out of shared caches.
				const fresh = Object.entries(headers).filter(([k]) => !headersSent.has(k));
				fresh.forEach(([k]) => headersSent.add(k));
				if (fresh.length) event.setHeaders(Object.fromEntries(fresh));
			}
		}
	});

	/**
	 * getSession() alone trusts the cookie; getUser() asks the auth server whether the JWT is valid,
	 * so a forged or revoked session counts as none.
	 */
	event.locals.safeGetSession = async () => {
		const {
			data: { session }
		} = await event.locals.supabase.auth.getSession();
		if (!session) return { session: null, user: null };
		const {
			data: { user },
			error
		} = await event.locals.supabase.auth.getUser();
		if (error || !user) return { session: null, user: null };
		return { session, user };
	};

	return resolve(event, {
		filterSerializedResponseHeaders: (name) =>
			name === 'content-range' || name === 'x-supabase-api-version'
	});
};

const authGuard: Handle = async ({ event, resolve }) => {
	const { session, user } = await event.locals.safeGetSession();
	event.locals.session = session;
	event.locals.user = user;
	let memberships: Promise<Membership[]> | undefined;
	event.locals.memberships = () =>
		(memberships ??= user ? loadMemberships(event.locals.supabase, user.id) : Promise.resolve([]));

	// Checked here as well as in each group's layout: layouts do not run for form actions or
	// +server endpoints, the hook does.
	const area = areaOf(event.url.pathname);
	if (area) await requireArea(event.locals, event.url, area);

	if (user && event.url.pathname === '/signin') {
		const roles = rolesOf(await event.locals.memberships());
		redirect(303, safeRedirectPath(event.url.searchParams.get('redirectTo')) ?? homeFor(roles));
	}
	return resolve(event);
};

export const handle: Handle = sequence(i18n, supabase, authGuard);
