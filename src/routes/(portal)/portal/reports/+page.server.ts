import { listReports } from '$lib/server/reports/list';
import type { PageServerLoad } from './$types';

// The reader's own client: RLS shows a client viewer its programmes' and vendors' reports, a vendor
// manager its vendor's, and nothing of anyone else.
export const load: PageServerLoad = async ({ locals }) => ({
	reports: await listReports(locals.supabase)
});
