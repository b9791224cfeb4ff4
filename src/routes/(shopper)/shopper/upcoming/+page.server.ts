import { ownCalls } from '$lib/server/schedule/calls';
import { localDays, zoneOf } from '$lib/server/schedule/shopper';
import type { PageServerLoad } from './$types';

/** The next 30 days after today, in the shopper's zone. */
export const load: PageServerLoad = async ({ locals, parent }) => {
	const { profile } = await parent();
	const { from, to } = localDays(zoneOf(profile), new Date().toISOString(), 1, 30);
	return { calls: await ownCalls(locals.supabase, profile.id, from, to) };
};
