import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa } from './agreement';
import { countTable, fleissKappa } from './fleiss';
import { scoreSpread } from './spread';

const categories = ['yes', 'no', 'na', 'other'] as const;
const answer = fc.constantFrom(...categories);

/** Raw ratings: subjects × raters, every rater answering every subject. */
const complete = fc
	.record({ raters: fc.integer({ min: 2, max: 7 }), subjects: fc.integer({ min: 1, max: 12 }) })
	.chain(({ raters, subjects }) =>
		fc.array(fc.array(answer, { minLength: raters, maxLength: raters }), {
			minLength: subjects,
			maxLength: subjects
		})
	);

/** Raw ratings with gaps: a rater may skip a subject. */
const gappy = fc.array(fc.array(fc.option(answer, { nil: null }), { minLength: 1, maxLength: 6 }), {
	minLength: 1,
	maxLength: 10
});

/** Two raters' answers to the same items. */
const pairs = fc
	.integer({ min: 1, max: 20 })
	.chain((n) =>
		fc.tuple(
			fc.array(answer, { minLength: n, maxLength: n }),
			fc.array(answer, { minLength: n, maxLength: n })
		)
	);

const kappaOf = (ratings: (string | null)[][]) => fleissKappa(countTable(ratings).table).kappa;

/** Scott's π for two raters, written independently of fleiss.ts: Fleiss' kappa generalises it. */
function scottsPi(a: string[], b: string[]): number {
	const n = a.length;
	const po = a.filter((x, i) => x === b[i]).length / n;
	const pe = categories.reduce((s, c) => {
		const p = (a.filter((x) => x === c).length + b.filter((x) => x === c).length) / (2 * n);
		return s + p * p;
	}, 0);
	return pe === 1 ? 1 : (po - pe) / (1 - pe);
}

describe('calibration statistics: properties', () => {
	it("keeps Fleiss' kappa between −1/(n−1) and 1 for n raters, never NaN", () => {
		fc.assert(
			fc.property(complete, (ratings) => {
				const n = ratings[0].length;
				const k = kappaOf(ratings);
				expect(k).not.toBeNull();
				expect(k as number).toBeLessThanOrEqual(1 + 1e-12);
				expect(k as number).toBeGreaterThanOrEqual(-1 / (n - 1) - 1e-12);
			})
		);
	});

	it('gives a finite kappa or null with raters missing, and exactly 1 iff every subject is unanimous', () => {
		fc.assert(
			fc.property(gappy, (ratings) => {
				const r = fleissKappa(countTable(ratings).table);
				if (r.kappa === null) {
					expect(r.subjects).toBe(0);
					return;
				}
				expect(Number.isFinite(r.kappa)).toBe(true);
				const unanimous = r.subjectAgreement.every((p) => p === null || p === 1);
				expect(Math.abs(r.kappa - 1) < 1e-12).toBe(unanimous);
			})
		);
	});

	it('does not depend on the order of subjects, raters or categories', () => {
		fc.assert(
			fc.property(complete, fc.infiniteStream(fc.integer()), (ratings, noise) => {
				const k = kappaOf(ratings);
				const key = [...ratings.keys()].map(() => noise.next().value);
				const subjects = ratings.map((r, i) => [key[i], r] as const).sort((a, b) => a[0] - b[0]);
				const shuffled = subjects.map(([, r]) => [...r].reverse());
				expect(kappaOf(shuffled)).toBeCloseTo(k as number, 10);
				const { table } = countTable(ratings, [...categories].reverse());
				expect(fleissKappa(table).kappa).toBeCloseTo(k as number, 10);
			})
		);
	});

	it("equals Scott's π for two raters", () => {
		fc.assert(
			fc.property(pairs, ([a, b]) => {
				const k = kappaOf(a.map((x, i) => [x, b[i]]));
				expect(k).toBeCloseTo(scottsPi(a, b), 10);
			})
		);
	});

	it("makes Cohen's kappa symmetric, at most 1, and 1 for a rater against themself", () => {
		fc.assert(
			fc.property(pairs, ([a, b]) => {
				const ab = cohenKappa(a, b).kappa as number;
				expect(cohenKappa(b, a).kappa).toBeCloseTo(ab, 12);
				expect(ab).toBeLessThanOrEqual(1 + 1e-12);
				expect(cohenKappa(a, a).kappa).toBe(1);
			})
		);
	});

	it('keeps the spread consistent: min ≤ mean ≤ max, sd ≥ 0, shifting moves the centre only', () => {
		const scores = fc.array(fc.double({ min: 0, max: 100, noNaN: true }), {
			minLength: 1,
			maxLength: 12
		});
		fc.assert(
			fc.property(scores, fc.double({ min: -50, max: 50, noNaN: true }), (xs, shift) => {
				const r = scoreSpread(xs)!;
				expect(r.min).toBeLessThanOrEqual(r.mean + 1e-9);
				expect(r.mean).toBeLessThanOrEqual(r.max + 1e-9);
				expect(r.range).toBeCloseTo(r.max - r.min, 12);
				expect(r.sd).toBeGreaterThanOrEqual(0);
				expect(r.withinBandShare).toBeGreaterThanOrEqual(0);
				expect(r.withinBandShare).toBeLessThanOrEqual(1);
				const moved = scoreSpread(xs.map((x) => x + shift))!;
				expect(moved.mean).toBeCloseTo(r.mean + shift, 9);
				expect(moved.sd).toBeCloseTo(r.sd, 9);
				expect(scoreSpread(xs, { band: r.range })!.withinBandShare).toBe(1);
			})
		);
	});
});
