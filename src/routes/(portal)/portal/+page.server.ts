import { AREA_ROLES } from '$lib/auth/roles';
import { listLines, listOrganisations, listSites } from '$lib/server/tenancy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { memberships } = await parent();
	const [organisations, sites, lines] = await Promise.all([
		listOrganisations(locals.supabase),
		listSites(locals.supabase),
		listLines(locals.supabase)
	]);
	const home = memberships.find((m) => AREA_ROLES.portal.includes(m.role));
	return {
		organisations,
		sites,
		lines,
		kind: home?.organisation?.kind ?? null,
		organisationId: home?.organisationId ?? null,
		now: new Date().toISOString()
	};
};
