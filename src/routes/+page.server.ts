import { redirect } from '@sveltejs/kit';
import { homeFor } from '$lib/auth/roles';
import { rolesOf } from '$lib/server/memberships';
import type { PageServerLoad } from './$types';

// `/` has no page of its own: it sends each visitor to where they belong.
export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/signin');
	redirect(303, homeFor(rolesOf(await locals.memberships())));
};
