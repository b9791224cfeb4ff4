import { listLines, listOrganisations, listSites } from '$lib/server/tenancy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [organisations, sites, lines] = await Promise.all([
		listOrganisations(locals.supabase),
		listSites(locals.supabase),
		listLines(locals.supabase)
	]);
	// One instant for the whole page, so server and browser render the same local times.
	return { organisations, sites, lineCount: lines.length, now: new Date().toISOString() };
};
