import { redirect } from '@sveltejs/kit';
import { homeFor, NO_ACCESS_PATH } from '$lib/auth/roles';
import { rolesOf } from '$lib/server/memberships';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/signin');
	const home = homeFor(rolesOf(await locals.memberships()));
	if (home !== NO_ACCESS_PATH) redirect(303, home);
	return { email: locals.user.email ?? '' };
};
