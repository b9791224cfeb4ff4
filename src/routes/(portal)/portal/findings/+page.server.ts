import { findingsList } from '$lib/server/findings-screens';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => findingsList(locals, url);
