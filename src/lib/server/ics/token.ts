/**
 * Calendar-feed tokens. The secret goes into the URL and is shown to the shopper once; the
 * database keeps only its SHA-256, so a leaked table does not leak working feed addresses.
 */
import { createHash, randomBytes } from 'node:crypto';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh secret: 256 random bits, base64url (43 characters, safe in a path segment). */
export function newFeedToken(): string {
	return randomBytes(32).toString('base64url');
}

/** The value stored in calendar_feeds.token_hash: lowercase hex SHA-256 of the token. */
export function hashFeedToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** True for something newFeedToken could have produced; anything else is not looked up at all. */
export function isFeedToken(value: string): boolean {
	return TOKEN.test(value);
}
