/** The one access check for protected areas, used by the auth hook and by each group's layout. */
import { redirect } from '@sveltejs/kit';
import { accessRedirect, type Area } from '$lib/auth/roles';
import { rolesOf } from './memberships';

/**
 * Lets the request through, or redirects: to sign-in without a session, to the user's home when the
 * area is not theirs. Returns what the area's pages need.
 */
export async function requireArea(locals: App.Locals, url: URL, area: Area) {
	const { session, user } = locals;
	const memberships = session && user ? await locals.memberships() : [];
	const to = accessRedirect(
		area,
		url.pathname + url.search,
		!!(session && user),
		rolesOf(memberships)
	);
	if (to) redirect(303, to);
	return { user: user!, memberships, roles: rolesOf(memberships) };
}
