/**
 * A shopper's own calendar feeds, through their own (RLS) client: at most one live feed at a time;
 * creating a new one revokes the old, so "regenerate" is simply "create" again.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { hashFeedToken, newFeedToken } from './token';

export interface ActiveFeed {
	id: string;
	created_at: string;
}

/** The user's live feed, if any (the token itself is never stored, so it cannot be shown again). */
export async function activeFeed(
	client: SupabaseClient,
	userId: string
): Promise<ActiveFeed | null> {
	const { data, error } = await client
		.from('calendar_feeds')
		.select('id, created_at')
		.eq('user_id', userId)
		.is('revoked_at', null)
		.order('created_at', { ascending: false })
		.limit(1)
		.maybeSingle<ActiveFeed>();
	if (error) throw new Error(`calendar feeds: ${error.message}`);
	return data;
}

/** Revokes every live feed of the user; their URLs stop working with the next request. */
export async function revokeFeeds(client: SupabaseClient, userId: string): Promise<void> {
	const { error } = await client
		.from('calendar_feeds')
		.update({ revoked_at: new Date().toISOString() })
		.eq('user_id', userId)
		.is('revoked_at', null);
	if (error) throw new Error(`calendar feeds: ${error.message}`);
}

/** Revokes the old feed and issues a new one; returns the secret token (to show once). */
export async function issueFeed(client: SupabaseClient, userId: string): Promise<string> {
	await revokeFeeds(client, userId);
	const token = newFeedToken();
	const { error } = await client
		.from('calendar_feeds')
		.insert({ user_id: userId, token_hash: hashFeedToken(token) });
	if (error) throw new Error(`calendar feeds: ${error.message}`);
	return token;
}

/** The subscription address for `token` on this app. */
export function feedUrl(origin: string, token: string): string {
	return `${origin}/ics/${token}`;
}
