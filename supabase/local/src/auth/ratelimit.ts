/**
 * Sign-in throttling: failed password attempts are counted per account and per client address in a
 * sliding window; once either count reaches the limit, further attempts answer 429 until old
 * failures age out. Successful sign-ins are not counted, so busy legitimate clients are not locked.
 */
export class FailureLimiter {
	#failures = new Map<string, number[]>();

	constructor(private limit: { attempts: number; windowMs: number }) {}

	#recent(key: string, now: number): number[] {
		const since = now - this.limit.windowMs;
		const kept = (this.#failures.get(key) ?? []).filter((t) => t > since);
		if (kept.length) this.#failures.set(key, kept);
		else this.#failures.delete(key);
		return kept;
	}

	/** Seconds until the first of `keys` that is over the limit frees up; 0 when none is. */
	retryAfter(keys: string[], now = Date.now()): number {
		let wait = 0;
		for (const key of keys) {
			const recent = this.#recent(key, now);
			if (recent.length >= this.limit.attempts) {
				const frees = recent[recent.length - this.limit.attempts] + this.limit.windowMs;
				wait = Math.max(wait, Math.ceil((frees - now) / 1000));
			}
		}
		return wait;
	}

	/** Counts one failed attempt against every key. */
	fail(keys: string[], now = Date.now()): void {
		for (const key of keys) {
			const recent = this.#recent(key, now);
			recent.push(now);
			this.#failures.set(key, recent);
		}
		// Bound memory under a spray of distinct keys: drop whatever has aged out.
		if (this.#failures.size > 10_000)
			for (const key of [...this.#failures.keys()]) this.#recent(key, now);
	}
}
