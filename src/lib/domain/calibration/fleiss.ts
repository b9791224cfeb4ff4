/**
 * Fleiss' kappa: agreement among many raters sorting subjects into nominal categories, corrected
 * for the agreement expected by chance (Fleiss 1971, "Measuring nominal scale agreement among many
 * raters", Psychological Bulletin 76(5)).
 *
 * For subject i with n_i ratings, n_ij of them in category j:
 *
 *   P_i  = (Σ_j n_ij² − n_i) / (n_i (n_i − 1))   share of rater pairs that agree on subject i
 *   P̄    = mean of P_i                           observed agreement
 *   p_j  = mean over subjects of n_ij / n_i      share of ratings in category j
 *   P̄e   = Σ_j p_j²                              agreement expected by chance
 *   κ    = (P̄ − P̄e) / (1 − P̄e)
 *
 * Raters may differ in number per subject (an evaluator skipped an item). Fleiss assumed the same
 * n for every subject; we follow Gwet's generalisation (Handbook of Inter-Rater Reliability,
 * 2014; the same as irrCAC's fleiss.kappa.raw): P_i uses the subject's own n_i and is averaged over
 * subjects with at least two ratings (one rating cannot agree or disagree), and p_j averages the
 * shares of every subject with a rating, so each subject weighs the same. With a constant n both
 * reduce to Fleiss' formulas exactly. Subjects nobody rated are left out of everything.
 *
 * Degenerate cases give numbers, never NaN: when every rating falls in one category (P̄e = 1)
 * agreement is perfect and there is no disagreement left to explain, so κ = 1 with `degenerate`
 * set for the UI to say so; with no subject rated twice κ is null.
 */

export interface FleissResult {
	/** κ; null when no subject has two ratings. */
	kappa: number | null;
	/** P̄, the mean share of agreeing rater pairs. */
	observed: number | null;
	/** P̄e, the agreement expected by chance from the category shares. */
	expected: number | null;
	/** p_j for each category (column) of the table. */
	categoryShares: number[];
	/** P_i for each subject (row); null for a subject with fewer than two ratings. */
	subjectAgreement: (number | null)[];
	/** Subjects that entered P̄ (those with at least two ratings). */
	subjects: number;
	/** Every rating fell in one category: κ is 1 by convention, not by calculation. */
	degenerate: boolean;
}

/** Rejects tables a typo could produce, rather than returning a plausible wrong κ. */
function checkTable(table: number[][]): number {
	const k = table[0]?.length ?? 0;
	for (const row of table) {
		if (row.length !== k) throw new RangeError('every subject needs a count for every category');
		for (const n of row) {
			if (!Number.isInteger(n) || n < 0) throw new RangeError(`counts must be whole, not ${n}`);
		}
	}
	return k;
}

/** Share of agreeing rater pairs among `n` ratings with `counts` per category: P_i. */
export function pairAgreement(counts: number[]): number | null {
	const n = counts.reduce((a, b) => a + b, 0);
	if (n < 2) return null;
	return (counts.reduce((a, c) => a + c * c, 0) - n) / (n * (n - 1));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Fleiss' kappa of a subjects × categories table of counts (`table[i][j]` = raters who put
 * subject i in category j). Throws a RangeError on ragged rows or counts that are not whole.
 */
export function fleissKappa(table: number[][]): FleissResult {
	const k = checkTable(table);
	const sizes = table.map((row) => row.reduce((a, b) => a + b, 0));
	const subjectAgreement = table.map(pairAgreement);
	const rated = table.filter((_, i) => sizes[i] > 0);
	const categoryShares = Array.from({ length: k }, (_, j) =>
		rated.length ? mean(rated.map((row) => row[j] / row.reduce((a, b) => a + b, 0))) : 0
	);
	const agreeing = subjectAgreement.filter((p): p is number => p !== null);
	const base = { categoryShares, subjectAgreement, subjects: agreeing.length };
	if (agreeing.length === 0) {
		return { ...base, kappa: null, observed: null, expected: null, degenerate: false };
	}
	const observed = mean(agreeing);
	const expected = categoryShares.reduce((a, p) => a + p * p, 0);
	// 1 − P̄e below rounding noise means one category took every rating
	if (1 - expected < 1e-12) return { ...base, kappa: 1, observed, expected, degenerate: true };
	return {
		...base,
		kappa: (observed - expected) / (1 - expected),
		observed,
		expected,
		degenerate: false
	};
}

/**
 * The subjects × categories count table from raw ratings: `ratings[i]` holds each rater's answer
 * for subject i, null or undefined where a rater gave none. Categories come in first-seen order
 * unless given; an answer outside a given list throws.
 */
export function countTable<C>(
	ratings: readonly (readonly (C | null | undefined)[])[],
	categories?: readonly C[]
): { categories: C[]; table: number[][] } {
	const cats: C[] = categories ? [...categories] : [];
	if (!categories) {
		for (const row of ratings)
			for (const r of row) if (r != null && !cats.includes(r)) cats.push(r);
	}
	const table = ratings.map((row) => {
		const counts = cats.map(() => 0);
		for (const r of row) {
			if (r == null) continue;
			const j = cats.indexOf(r);
			if (j < 0) throw new RangeError(`answer ${String(r)} is not one of the categories`);
			counts[j]++;
		}
		return counts;
	});
	return { categories: cats, table };
}
