import { listProgrammes } from '$lib/server/schedule/programmes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	programmes: await listProgrammes(locals.supabase)
});
