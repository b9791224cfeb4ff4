import { dashboardPage } from '$lib/server/dashboard/page';
import type { PageServerLoad } from './$types';

// The scope is the caller's: the dashboard functions run as them, under the rollups' RLS.
export const load: PageServerLoad = async ({ locals, url }) => dashboardPage(locals, url);
