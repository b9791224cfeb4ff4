/**
 * Agreement on one item, and between two raters. Cohen's kappa (Cohen 1960, "A coefficient of
 * agreement for nominal scales"): for N items both raters answered,
 *
 *   p_o = share of items with the same answer
 *   p_e = Σ_c (a_c / N)(b_c / N), a_c and b_c being how often each rater chose category c
 *   κ   = (p_o − p_e) / (1 − p_e)
 *
 * As for Fleiss' kappa, p_e = 1 (both raters always chose the one same category) gives κ = 1 with
 * `degenerate` set, and no item answered by both gives κ = null.
 */
import { pairAgreement } from './fleiss';

export interface ItemAgreement<C> {
	/** How many raters answered. */
	ratings: number;
	/** Answers in first-seen order with how many raters gave each. */
	counts: { category: C; count: number }[];
	/** Share of rater pairs giving the same answer (Fleiss' P_i); null under two ratings. */
	pairwise: number | null;
	/** The most frequent answers (several when tied) and the share of raters who gave one of them. */
	modal: C[];
	modalShare: number | null;
	unanimous: boolean;
}

/**
 * Agreement on one item from each rater's answer; missing answers (null, undefined) are skipped.
 * Both measures are given because both are in use: the pairwise share is the one kappa builds on,
 * "3 of 4 evaluators agreed" (the modal share) is the one people read.
 */
export function itemAgreement<C>(answers: readonly (C | null | undefined)[]): ItemAgreement<C> {
	const counts: { category: C; count: number }[] = [];
	for (const a of answers) {
		if (a == null) continue;
		const c = counts.find((x) => x.category === a);
		if (c) c.count++;
		else counts.push({ category: a, count: 1 });
	}
	const ratings = counts.reduce((n, c) => n + c.count, 0);
	const top = Math.max(0, ...counts.map((c) => c.count));
	const modal = counts.filter((c) => c.count === top).map((c) => c.category);
	return {
		ratings,
		counts,
		pairwise: pairAgreement(counts.map((c) => c.count)),
		modal: ratings ? modal : [],
		modalShare: ratings ? top / ratings : null,
		unanimous: ratings >= 2 && counts.length === 1
	};
}

export interface CohenResult {
	kappa: number | null;
	/** p_o, the share of items both raters answered alike. */
	observed: number | null;
	/** p_e, the agreement expected by chance. */
	expected: number | null;
	/** Items both raters answered. */
	items: number;
	degenerate: boolean;
}

/**
 * Cohen's kappa of two raters' answers to the same items, by position; an item either rater left
 * blank is skipped. Throws a RangeError when the lists differ in length.
 */
export function cohenKappa<C>(
	a: readonly (C | null | undefined)[],
	b: readonly (C | null | undefined)[]
): CohenResult {
	if (a.length !== b.length) throw new RangeError('both raters need an entry for every item');
	const pairs: [C, C][] = [];
	a.forEach((x, i) => {
		const y = b[i];
		if (x != null && y != null) pairs.push([x, y]);
	});
	const n = pairs.length;
	if (n === 0) return { kappa: null, observed: null, expected: null, items: 0, degenerate: false };
	const observed = pairs.filter(([x, y]) => x === y).length / n;
	const categories = [...new Set(pairs.flat())];
	const share = (side: 0 | 1, c: C) => pairs.filter((p) => p[side] === c).length / n;
	const expected = categories.reduce((s, c) => s + share(0, c) * share(1, c), 0);
	if (1 - expected < 1e-12) return { kappa: 1, observed, expected, items: n, degenerate: true };
	const kappa = (observed - expected) / (1 - expected);
	return { kappa, observed, expected, items: n, degenerate: false };
}

/**
 * Cohen's kappa from a confusion matrix: `matrix[i][j]` = items rater A put in category i and
 * rater B in category j, as textbooks print it.
 */
export function cohenKappaFromMatrix(matrix: number[][]): CohenResult {
	const a: number[] = [];
	const b: number[] = [];
	matrix.forEach((row, i) => {
		if (row.length !== matrix.length) throw new RangeError('the matrix must be square');
		row.forEach((count, j) => {
			if (!Number.isInteger(count) || count < 0) throw new RangeError(`bad count ${count}`);
			for (let k = 0; k < count; k++) {
				a.push(i);
				b.push(j);
			}
		});
	});
	return cohenKappa(a, b);
}

export type KappaBand = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost_perfect';

/** Landis & Koch's (1977) words for a kappa, which calibration reports conventionally use. */
export function kappaBand(kappa: number): KappaBand {
	if (kappa < 0) return 'poor';
	if (kappa <= 0.2) return 'slight';
	if (kappa <= 0.4) return 'fair';
	if (kappa <= 0.6) return 'moderate';
	if (kappa <= 0.8) return 'substantial';
	return 'almost_perfect';
}
