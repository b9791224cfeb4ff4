/**
 * A per-key fixed-window counter in memory. Enough for one app process: it stops a client from
 * guessing feed tokens or hammering the feed, and a restart merely forgets the counts.
 */
export interface RateLimiter {
	/** Counts one request for `key`; false when the key is over its limit in the current window. */
	allow(key: string, now?: number): boolean;
}

/** At most `limit` requests per `windowMs` for each key. */
export function createRateLimiter(limit: number, windowMs: number): RateLimiter {
	const windows = new Map<string, { start: number; count: number }>();
	let lastSweep = 0;
	return {
		allow(key, now = Date.now()) {
			// Dropping expired windows now and then keeps the map from growing with every address.
			if (now - lastSweep > windowMs) {
				for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
				lastSweep = now;
			}
			const current = windows.get(key);
			if (!current || now - current.start >= windowMs) {
				windows.set(key, { start: now, count: 1 });
				return true;
			}
			current.count += 1;
			return current.count <= limit;
		}
	};
}
