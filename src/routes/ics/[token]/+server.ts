/**
 * GET /ics/<token>: a shopper's calls as an iCalendar feed for their phone's calendar. The secret
 * token is the only credential, so unknown and revoked tokens get the same 404, every address is
 * rate-limited against guessing, and nothing is cached on the way.
 */
import { loadFeed } from '$lib/server/ics/feed';
import { createRateLimiter } from '$lib/server/ics/rate-limit';
import { supabaseAdmin } from '$lib/server/supabase-admin';
import type { RequestHandler } from './$types';

// Calendar apps poll every 15 minutes or so; 30 a minute leaves room for several devices behind one
// address while making guessing 256-bit tokens pointless anyway.
const limiter = createRateLimiter(30, 60_000);

const PRIVATE = {
	'cache-control': 'no-store, private',
	'x-robots-tag': 'noindex, nofollow',
	'referrer-policy': 'no-referrer'
};

export const GET: RequestHandler = async ({ params, url, getClientAddress }) => {
	if (!limiter.allow(getClientAddress()))
		return new Response('Too many requests\n', {
			status: 429,
			headers: { ...PRIVATE, 'retry-after': '60', 'content-type': 'text/plain; charset=utf-8' }
		});
	// Some calendar apps only subscribe to addresses ending in .ics.
	const token = params.token.replace(/\.ics$/, '');
	const body = await loadFeed(supabaseAdmin(), token, url.origin);
	if (body === null)
		return new Response('Not found\n', {
			status: 404,
			headers: { ...PRIVATE, 'content-type': 'text/plain; charset=utf-8' }
		});
	return new Response(body, {
		headers: {
			...PRIVATE,
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="clearcall.ics"'
		}
	});
};
