import { ownCalls } from '$lib/server/schedule/calls';
import { localDays, zoneOf } from '$lib/server/schedule/shopper';
import type { PageServerLoad } from './$types';

// One instant for the page, so the server and the browser show the same date.
export const load: PageServerLoad = async ({ locals, parent }) => {
	const { profile } = await parent();
	const now = new Date().toISOString();
	const { from, to } = localDays(zoneOf(profile), now, 0, 1);
	return { now, calls: await ownCalls(locals.supabase, profile.id, from, to) };
};
