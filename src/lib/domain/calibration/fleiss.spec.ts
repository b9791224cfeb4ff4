import { describe, expect, it } from 'vitest';
import { countTable, fleissKappa } from './fleiss';

/**
 * The worked example of Wikipedia's "Fleiss' kappa" article (also statsmodels' test table):
 * 10 subjects, 14 raters, 5 categories; published p_j, P_i, P̄, P̄e and κ to three decimals.
 */
const wikipedia = [
	[0, 0, 0, 0, 14],
	[0, 2, 6, 4, 2],
	[0, 0, 3, 5, 6],
	[0, 3, 9, 2, 0],
	[2, 2, 8, 1, 1],
	[7, 7, 0, 0, 0],
	[3, 2, 6, 3, 0],
	[2, 5, 3, 2, 2],
	[6, 5, 2, 1, 0],
	[0, 2, 2, 3, 7]
];

/**
 * Fleiss (1971), Table 1: psychiatric diagnoses of 30 patients by 6 raters into 5 categories, as
 * raw ratings (R package irr's `diagnoses`); kappam.fleiss gives κ = 0.4302445.
 */
const diagnoses = [
	[4, 4, 4, 4, 4, 4],
	[2, 2, 2, 5, 5, 5],
	[2, 3, 3, 3, 3, 5],
	[5, 5, 5, 5, 5, 5],
	[2, 2, 2, 4, 4, 4],
	[1, 1, 3, 3, 3, 3],
	[3, 3, 3, 3, 5, 5],
	[1, 1, 3, 3, 3, 4],
	[1, 1, 4, 4, 4, 4],
	[5, 5, 5, 5, 5, 5],
	[1, 4, 4, 4, 4, 4],
	[1, 2, 4, 4, 4, 4],
	[2, 2, 2, 3, 3, 3],
	[1, 4, 4, 4, 4, 4],
	[2, 2, 4, 4, 4, 5],
	[3, 3, 3, 3, 3, 5],
	[1, 1, 1, 4, 5, 5],
	[1, 1, 1, 1, 1, 2],
	[2, 2, 4, 4, 4, 4],
	[1, 3, 3, 5, 5, 5],
	[5, 5, 5, 5, 5, 5],
	[2, 4, 4, 4, 4, 4],
	[2, 2, 4, 5, 5, 5],
	[1, 1, 4, 4, 4, 4],
	[1, 4, 4, 4, 4, 5],
	[2, 2, 2, 2, 2, 4],
	[1, 1, 1, 1, 5, 5],
	[2, 2, 4, 4, 4, 4],
	[1, 3, 3, 3, 3, 3],
	[5, 5, 5, 5, 5, 5]
];

describe("Fleiss' kappa: published examples", () => {
	const r = fleissKappa(wikipedia);

	it('gives κ ≈ 0.210 for the 10 × 14 × 5 worked example', () => {
		expect(r.kappa).toBeCloseTo(0.21, 3);
		// exactly: P̄ = 688/1820 and P̄e = 4170/19600
		expect(r.kappa).toBeCloseTo((688 / 1820 - 4170 / 19600) / (1 - 4170 / 19600), 12);
	});

	it('gives the published category shares p_j', () => {
		const published = [0.143, 0.2, 0.279, 0.15, 0.229];
		r.categoryShares.forEach((p, j) => expect(p).toBeCloseTo(published[j], 3));
		expect(r.categoryShares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
	});

	it('gives the published subject agreements P_i, P̄ and P̄e', () => {
		const published = [1, 0.253, 0.308, 0.44, 0.33, 0.462, 0.242, 0.176, 0.286, 0.286];
		r.subjectAgreement.forEach((p, i) => expect(p).toBeCloseTo(published[i], 3));
		expect(r.observed).toBeCloseTo(0.378, 3);
		expect(r.expected).toBeCloseTo(0.213, 3);
		expect(r.subjects).toBe(10);
		expect(r.degenerate).toBe(false);
	});

	it("reproduces Fleiss' own 1971 example from raw ratings: κ = 0.4302445", () => {
		const { categories, table } = countTable(diagnoses, [1, 2, 3, 4, 5]);
		expect(categories).toEqual([1, 2, 3, 4, 5]);
		expect([0, 1, 2, 3, 4].map((j) => table.reduce((a, row) => a + row[j], 0))).toEqual([
			26, 26, 30, 55, 43
		]);
		expect(fleissKappa(table).kappa).toBeCloseTo(0.4302445, 7);
	});
});

describe("Fleiss' kappa: edge cases", () => {
	it('is 1 when every rater agrees on every subject', () => {
		const r = fleissKappa([
			[3, 0, 0],
			[0, 3, 0],
			[0, 0, 3],
			[3, 0, 0]
		]);
		expect(r.kappa).toBe(1);
		expect(r.degenerate).toBe(false);
	});

	it('is 1, flagged as degenerate, when everyone uses one category, instead of NaN', () => {
		const r = fleissKappa([
			[4, 0],
			[4, 0],
			[4, 0]
		]);
		expect(r).toMatchObject({ kappa: 1, observed: 1, expected: 1, degenerate: true });
	});

	it('is −1 when two raters disagree on every subject with both categories equally used', () => {
		expect(
			fleissKappa([
				[1, 1],
				[1, 1]
			]).kappa
		).toBe(-1);
	});

	it('is null, not NaN, when no subject has two ratings or there are no subjects', () => {
		expect(
			fleissKappa([
				[1, 0],
				[0, 1],
				[0, 0]
			]).kappa
		).toBeNull();
		expect(fleissKappa([])).toMatchObject({ kappa: null, subjects: 0, categoryShares: [] });
	});

	it('handles raters differing in count per subject as documented (Gwet)', () => {
		// P_i = 1, 0, 1/3 (the one-rating subject is left out): P̄ = 4/9
		// p = mean of (1, 0), (½, ½), (⅔, ⅓), (1, 0) = (19/24, 5/24): P̄e = 386/576
		const r = fleissKappa([
			[2, 0],
			[1, 1],
			[2, 1],
			[1, 0]
		]);
		expect(r.subjectAgreement).toEqual([1, 0, 1 / 3, null]);
		expect(r.observed).toBeCloseTo(4 / 9, 12);
		expect(r.categoryShares[0]).toBeCloseTo(19 / 24, 12);
		expect(r.expected).toBeCloseTo(386 / 576, 12);
		expect(r.kappa).toBeCloseTo(-13 / 19, 12);
		expect(r.subjects).toBe(3);
	});

	it('rejects ragged rows and counts that are negative or not whole', () => {
		expect(() => fleissKappa([[1, 2], [3]])).toThrow(RangeError);
		expect(() => fleissKappa([[1, -1]])).toThrow(RangeError);
		expect(() => fleissKappa([[1.5, 1]])).toThrow(RangeError);
	});
});

describe('count tables from raw ratings', () => {
	it('counts answers per subject in first-seen category order, skipping missing ones', () => {
		const { categories, table } = countTable([
			['yes', 'no', null],
			['na', 'yes', undefined],
			['yes', 'yes', 'yes']
		]);
		expect(categories).toEqual(['yes', 'no', 'na']);
		expect(table).toEqual([
			[1, 1, 0],
			[1, 0, 1],
			[3, 0, 0]
		]);
	});

	it('keeps unused given categories as zero columns and rejects unknown answers', () => {
		expect(countTable([['a']], ['a', 'b']).table).toEqual([[1, 0]]);
		expect(() => countTable([['c']], ['a', 'b'])).toThrow(RangeError);
	});
});
