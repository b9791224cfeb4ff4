import { listLines, listOrganisations, listSites } from '$lib/server/tenancy';
import { attentionCalls } from '$lib/server/schedule/calls';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	// One instant for the whole page, so server and browser render the same local times.
	const now = new Date().toISOString();
	const [organisations, sites, lines, attention] = await Promise.all([
		listOrganisations(locals.supabase),
		listSites(locals.supabase),
		listLines(locals.supabase),
		attentionCalls(locals.supabase, now)
	]);
	return { organisations, sites, lineCount: lines.length, now, attention };
};
