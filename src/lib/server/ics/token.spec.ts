import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';
import { hashFeedToken, isFeedToken, newFeedToken } from './token';

describe('feed tokens', () => {
	it('are 43 URL-safe characters and differ every time', () => {
		const tokens = new Set(Array.from({ length: 50 }, newFeedToken));
		expect(tokens.size).toBe(50);
		for (const t of tokens) expect(isFeedToken(t)).toBe(true);
	});

	it('hash to the lowercase hex SHA-256 the database stores', () => {
		const t = newFeedToken();
		expect(hashFeedToken(t)).toBe(createHash('sha256').update(t).digest('hex'));
		expect(hashFeedToken(t)).toMatch(/^[0-9a-f]{64}$/);
	});

	it('reject anything that is not a token shape', () => {
		for (const bad of ['', 'short', 'x'.repeat(44), `${'a'.repeat(42)}/`, `${'a'.repeat(42)}=`])
			expect(isFeedToken(bad)).toBe(false);
	});
});

describe('createRateLimiter', () => {
	it('allows the limit in a window, refuses the next, and allows again in the next window', () => {
		const limiter = createRateLimiter(3, 1000);
		expect([0, 1, 2, 3].map((i) => limiter.allow('ip', 100 + i))).toEqual([
			true,
			true,
			true,
			false
		]);
		expect(limiter.allow('other', 105)).toBe(true);
		expect(limiter.allow('ip', 1100)).toBe(true);
	});
});
