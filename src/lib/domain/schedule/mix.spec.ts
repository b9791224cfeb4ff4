import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interleave, largestRemainder } from './mix';
import { hashString, seededRng, shuffle } from './prng';

describe('largest remainder', () => {
	it('turns a 60/30/10 mix into whole calls that add up', () => {
		expect(largestRemainder([60, 30, 10], 10)).toEqual([6, 3, 1]);
		expect(largestRemainder([60, 30, 10], 7)).toEqual([4, 2, 1]);
		expect(largestRemainder([60, 30, 10], 1)).toEqual([1, 0, 0]);
		expect(largestRemainder([1, 1, 1], 10)).toEqual([4, 3, 3]);
		expect(largestRemainder([60, 30, 10], 0)).toEqual([0, 0, 0]);
	});

	it('adds up to the total and misses every quota by less than one call', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 12 }),
				fc.integer({ min: 0, max: 100_000 }),
				(shares, total) => {
					const counts = largestRemainder(shares, total);
					const sum = shares.reduce((a, b) => a + b, 0);
					expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
					counts.forEach((c, i) => {
						expect(Number.isInteger(c)).toBe(true);
						expect(Math.abs(c - (shares[i] / sum) * total)).toBeLessThan(1 + 1e-9);
					});
				}
			)
		);
	});
});

describe('interleave', () => {
	it('hands out exactly the counts, keeping every prefix near the mix', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 6 }),
				(counts) => {
					const seq = interleave(counts);
					const total = counts.reduce((a, b) => a + b, 0);
					expect(seq).toHaveLength(total);
					const used = counts.map(() => 0);
					seq.forEach((i, k) => {
						used[i]++;
						for (let j = 0; j < counts.length; j++) {
							expect(Math.abs(used[j] - ((k + 1) * counts[j]) / total)).toBeLessThanOrEqual(
								1 + 1e-9
							);
						}
					});
					expect(used).toEqual(counts);
				}
			)
		);
	});

	it('spreads a rare scenario out rather than putting it first or last', () => {
		const seq = interleave([6, 3, 1]);
		expect(seq).toEqual([0, 1, 0, 2, 0, 1, 0, 0, 1, 0]);
		// No two calls of the 30 % scenario in a row.
		expect(seq.some((x, i) => x === 1 && seq[i + 1] === 1)).toBe(false);
	});
});

describe('seeded randomness', () => {
	it('repeats for a seed, differs between seeds and stays in [0, 1)', () => {
		const a = seededRng(42, 'x');
		const b = seededRng(42, 'x');
		const c = seededRng(43, 'x');
		const xs = Array.from({ length: 1000 }, () => a());
		expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
		expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
		expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
		// Roughly uniform: each tenth gets 100 ± 40 of 1,000 draws.
		const tenths = Array.from(
			{ length: 10 },
			(_, d) => xs.filter((x) => Math.floor(x * 10) === d).length
		);
		expect(Math.min(...tenths)).toBeGreaterThan(60);
		expect(Math.max(...tenths)).toBeLessThan(140);
	});

	it('shuffles into a permutation, the same one for the same seed', () => {
		const items = Array.from({ length: 50 }, (_, i) => i);
		const once = shuffle([...items], seededRng('s'));
		expect(shuffle([...items], seededRng('s'))).toEqual(once);
		expect([...once].sort((x, y) => x - y)).toEqual(items);
		expect(once).not.toEqual(items);
		expect(hashString('site-1')).not.toBe(hashString('site-2'));
	});
});
