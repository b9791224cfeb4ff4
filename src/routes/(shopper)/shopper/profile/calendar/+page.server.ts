/**
 * The shopper's calendar feed: create (or replace) and revoke it. The profile page embeds the same
 * section and posts here; without JavaScript the result shows on this page.
 */
import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { activeFeed, feedUrl, issueFeed, revokeFeeds } from '$lib/server/ics/feeds';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, depends }) => {
	depends('app:calendar-feed');
	return { feed: await activeFeed(locals.supabase, locals.user!.id) };
};

export const actions: Actions = {
	create: async ({ locals, url }) => {
		try {
			const token = await issueFeed(locals.supabase, locals.user!.id);
			return { feedUrl: feedUrl(url.origin, token) };
		} catch {
			return fail(500, { feedError: m.error_unexpected() });
		}
	},
	revoke: async ({ locals }) => {
		try {
			await revokeFeeds(locals.supabase, locals.user!.id);
			return { feedRevoked: true };
		} catch {
			return fail(500, { feedError: m.error_unexpected() });
		}
	}
};
