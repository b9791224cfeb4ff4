/**
 * Turning percentages into whole calls. The programme-wide counts use the largest-remainder
 * (Hamilton) method, so they differ from the exact quotas by less than one call each and add up to
 * the total; the order in which those calls are handed out keeps every prefix of the list close to
 * the mix, so each site (a run of consecutive calls) also gets a fair share of every scenario.
 */

/** Whole counts for `shares` (any positive scale) adding up to `total`; ties go to the earlier. */
export function largestRemainder(shares: readonly number[], total: number): number[] {
	const sum = shares.reduce((a, b) => a + b, 0);
	if (total <= 0 || sum <= 0) return shares.map(() => 0);
	const quotas = shares.map((s) => (s / sum) * total);
	const counts = quotas.map(Math.floor);
	let left = total - counts.reduce((a, b) => a + b, 0);
	const order = quotas
		.map((q, i) => ({ i, r: q - Math.floor(q) }))
		.sort((a, b) => b.r - a.r || a.i - b.i);
	for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k].i]++;
	return counts;
}

/**
 * A sequence of indices with exactly `counts[i]` of each, interleaved so that after any k items
 * each index has been used as close as possible to k·counts[i]/total times (the quota method).
 */
export function interleave(counts: readonly number[]): number[] {
	const total = counts.reduce((a, b) => a + b, 0);
	const used = counts.map(() => 0);
	const out: number[] = [];
	for (let k = 1; k <= total; k++) {
		let best = -1;
		let bestLag = -Infinity;
		for (let i = 0; i < counts.length; i++) {
			if (used[i] >= counts[i]) continue;
			const lag = (counts[i] * k) / total - used[i];
			if (lag > bestLag) {
				best = i;
				bestLag = lag;
			}
		}
		used[best]++;
		out.push(best);
	}
	return out;
}
