import { describe, expect, it } from 'vitest';
import { cohenKappa, cohenKappaFromMatrix, itemAgreement, kappaBand } from './agreement';

describe("Cohen's kappa: published examples", () => {
	it('gives κ = 0.4 for the textbook 50-application example (p_o 0.7, p_e 0.5)', () => {
		// rater A yes/B yes 20, A yes/B no 5, A no/B yes 10, A no/B no 15 (Wikipedia, "Cohen's kappa")
		const r = cohenKappaFromMatrix([
			[20, 5],
			[10, 15]
		]);
		expect(r.observed).toBeCloseTo(0.7, 12);
		expect(r.expected).toBeCloseTo(0.5, 12);
		expect(r.kappa).toBeCloseTo(0.4, 12);
		expect(r.items).toBe(50);
	});

	it('gives κ = 0.4842 for the SAS three-category example', () => {
		const r = cohenKappaFromMatrix([
			[0, 4, 1],
			[0, 8, 0],
			[0, 1, 5]
		]);
		expect(r.kappa).toBeCloseTo(0.4842, 4);
	});

	it("matches R irr's kappa2 on raters 2 and 3 of the anxiety data: κ = −0.006289308", () => {
		const rater2 = [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4];
		const rater3 = [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2];
		expect(cohenKappa(rater2, rater3).kappa).toBeCloseTo(-0.006289308, 8);
	});
});

describe("Cohen's kappa: edge cases", () => {
	it('is 1 for identical answers using several categories', () => {
		expect(cohenKappa(['yes', 'no', 'na'], ['yes', 'no', 'na'])).toMatchObject({
			kappa: 1,
			degenerate: false
		});
	});

	it('is 1, flagged as degenerate, when both raters only ever said the same thing', () => {
		expect(cohenKappa(['yes', 'yes'], ['yes', 'yes'])).toMatchObject({
			kappa: 1,
			observed: 1,
			expected: 1,
			degenerate: true
		});
	});

	it('is 0, not NaN, when one rater always gives the same answer and the other does not', () => {
		expect(cohenKappa(['yes', 'yes', 'yes', 'yes'], ['yes', 'no', 'yes', 'no']).kappa).toBe(0);
	});

	it('skips items either rater left blank, and is null when none is left', () => {
		const r = cohenKappa(['yes', null, 'no', 'no'], ['yes', 'no', undefined, 'no']);
		expect(r).toMatchObject({ kappa: 1, items: 2 });
		expect(cohenKappa([null], ['yes'])).toMatchObject({ kappa: null, items: 0 });
	});

	it('rejects answer lists of different lengths and malformed matrices', () => {
		expect(() => cohenKappa(['yes'], ['yes', 'no'])).toThrow(RangeError);
		expect(() => cohenKappaFromMatrix([[1, 2]])).toThrow(RangeError);
		expect(() =>
			cohenKappaFromMatrix([
				[1, -2],
				[0, 1]
			])
		).toThrow(RangeError);
	});
});

describe('agreement on one item', () => {
	it('gives pairwise and modal agreement for three of four evaluators agreeing', () => {
		const r = itemAgreement(['yes', 'yes', 'no', 'yes']);
		expect(r.counts).toEqual([
			{ category: 'yes', count: 3 },
			{ category: 'no', count: 1 }
		]);
		expect(r.pairwise).toBeCloseTo(0.5, 12); // 3 of 6 pairs agree
		expect(r.modal).toEqual(['yes']);
		expect(r.modalShare).toBe(0.75);
		expect(r.unanimous).toBe(false);
	});

	it('lists every tied answer as modal', () => {
		const r = itemAgreement(['yes', 'no', 'na', 'no', 'yes']);
		expect(r.modal).toEqual(['yes', 'no']);
		expect(r.modalShare).toBe(0.4);
		expect(r.pairwise).toBeCloseTo(0.2, 12);
	});

	it('calls two or more identical answers unanimous and ignores missing ones', () => {
		expect(itemAgreement(['no', null, 'no'])).toMatchObject({
			ratings: 2,
			pairwise: 1,
			unanimous: true
		});
	});

	it('has no agreement figure for one answer or none', () => {
		expect(itemAgreement(['yes'])).toMatchObject({
			pairwise: null,
			modalShare: 1,
			unanimous: false
		});
		expect(itemAgreement([])).toMatchObject({ ratings: 0, modal: [], modalShare: null });
	});
});

describe('kappa bands', () => {
	it("uses Landis & Koch's bands with inclusive upper edges", () => {
		const cases: [number, string][] = [
			[-0.1, 'poor'],
			[0, 'slight'],
			[0.2, 'slight'],
			[0.21, 'fair'],
			[0.41, 'moderate'],
			[0.8, 'substantial'],
			[0.81, 'almost_perfect'],
			[1, 'almost_perfect']
		];
		for (const [kappa, band] of cases) expect(kappaBand(kappa)).toBe(band);
	});
});
