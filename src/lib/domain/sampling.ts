/**
 * Sampling plans for a pass rate: how many calls a site needs for a target confidence and margin
 * of error, and the margin a number of completed calls actually achieved. Both use the normal
 * approximation for a proportion with the finite-population correction (Cochran), so a small
 * site needs fewer calls than an infinite one and calling every contact is a census (margin 0).
 */

/* Wichura's AS 241 (PPND16) coefficients, highest degree first, for Horner's rule; the
   published 20-digit values, rounded to the nearest double. */
const CENTRAL_NUM = [
	2509.0809287301227, 33430.57558358813, 67265.7709270087, 45921.95393154987, 13731.69376550946,
	1971.5909503065513, 133.14166789178438, 3.3871328727963665
];
const CENTRAL_DEN = [
	5226.495278852546, 28729.085735721943, 39307.89580009271, 21213.794301586597, 5394.196021424751,
	687.1870074920579, 42.31333070160091, 1
];
const NEAR_NUM = [
	0.0007745450142783414, 0.022723844989269184, 0.2417807251774506, 1.2704582524523684,
	3.6478483247632045, 5.769497221460691, 4.630337846156546, 1.4234371107496835
];
const NEAR_DEN = [
	1.0507500716444169e-9, 0.0005475938084995345, 0.015198666563616457, 0.14810397642748008,
	0.6897673349851, 1.6763848301838038, 2.053191626637759, 1
];
const TAIL_NUM = [
	2.0103343992922881e-7, 0.000027115555687434876, 0.0012426609473880784, 0.026532189526576124,
	0.29656057182850487, 1.7848265399172913, 5.463784911164114, 6.657904643501103
];
const TAIL_DEN = [
	2.0442631033899397e-15, 1.421511758316446e-7, 0.000018463183175100548, 0.0007868691311456133,
	0.014875361290850615, 0.1369298809227358, 0.599832206555888, 1
];

const horner = (coefficients: readonly number[], x: number) =>
	coefficients.reduce((acc, c) => acc * x + c, 0);

/**
 * The standard normal quantile Φ⁻¹(p), by Wichura's algorithm AS 241 (PPND16), accurate to about
 * 1e-16 relative, so any confidence level works, not only the three a printed table lists.
 */
export function inverseNormal(p: number): number {
	if (!(p > 0 && p < 1)) throw new RangeError(`probability must be in (0, 1), got ${p}`);
	const q = p - 0.5;
	if (Math.abs(q) <= 0.425) {
		const r = 0.180625 - q * q;
		return (q * horner(CENTRAL_NUM, r)) / horner(CENTRAL_DEN, r);
	}
	const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
	const value =
		r <= 5
			? horner(NEAR_NUM, r - 1.6) / horner(NEAR_DEN, r - 1.6)
			: horner(TAIL_NUM, r - 5) / horner(TAIL_DEN, r - 5);
	return q < 0 ? -value : value;
}

/** The two-sided critical value for a confidence level, e.g. 0.95 → 1.959963984540054. */
export function zForConfidence(confidence: number): number {
	if (!(confidence > 0 && confidence < 1)) {
		throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
	}
	return inverseNormal(1 - (1 - confidence) / 2);
}

export interface SampleTarget {
	/** e.g. 0.95 */
	confidence: number;
	/** Half-width of the interval on the pass rate, e.g. 0.05 for ± 5 points. */
	margin: number;
	/** The expected pass rate; 0.5 (the default) is the most conservative. */
	passRate?: number;
}

export interface SampleSize {
	/** Calls to make: n rounded up, never more than the population. */
	calls: number;
	/** Cochran's n0 for an infinite population (unrounded). */
	n0: number;
	z: number;
	/** Undefined population means infinite (no correction). */
	population: number | undefined;
	/** True when the plan is to call every contact in the population. */
	census: boolean;
}

/*
 * Rounding up a value that is an integer on paper but 1e-13 above it in floating point would ask
 * for one call too many; anything within this of an integer counts as that integer.
 */
const ROUNDING_SLACK = 1e-9;

function checkPopulation(population: number | undefined): void {
	if (population === undefined) return;
	if (!Number.isInteger(population) || population < 0) {
		throw new RangeError(`population must be a whole number ≥ 0, got ${population}`);
	}
}

function variance(passRate: number): number {
	if (!(passRate > 0 && passRate < 1)) {
		throw new RangeError(`expected pass rate must be in (0, 1), got ${passRate}`);
	}
	return passRate * (1 - passRate);
}

/**
 * Calls needed for `target` at a site handling `population` calls in the period (undefined for
 * an unknown, effectively infinite volume): n0 = z²·p(1−p)/e², then n = n0 / (1 + (n0 − 1)/N),
 * rounded up. A site with no volume needs no calls; a small one is called in full (a census).
 */
export function sampleSize(target: SampleTarget, population?: number): SampleSize {
	const { confidence, margin, passRate = 0.5 } = target;
	if (!(margin > 0 && margin < 1)) throw new RangeError(`margin must be in (0, 1), got ${margin}`);
	checkPopulation(population);
	const z = zForConfidence(confidence);
	const n0 = (z * z * variance(passRate)) / (margin * margin);
	if (population === 0) return { calls: 0, n0, z, population, census: true };
	const n = population === undefined ? n0 : n0 / (1 + (n0 - 1) / population);
	const rounded = Math.max(1, Math.ceil(n - ROUNDING_SLACK));
	const calls = population === undefined ? rounded : Math.min(rounded, population);
	return { calls, n0, z, population, census: calls === population };
}

export interface MarginQuery {
	confidence: number;
	completed: number;
	population?: number;
	passRate?: number;
}

/**
 * The margin of error (half-width, as a fraction) that `completed` calls achieve on a pass rate:
 * e = z·√(p(1−p)/n)·√((N − n)/(N − 1)), the exact reverse of `sampleSize` before rounding.
 * Null when nothing was completed (no estimate exists); 0 when every contact was called.
 */
export function achievedMargin(query: MarginQuery): number | null {
	const { confidence, completed, population, passRate = 0.5 } = query;
	if (!Number.isInteger(completed) || completed < 0) {
		throw new RangeError(`completed must be a whole number ≥ 0, got ${completed}`);
	}
	checkPopulation(population);
	const z = zForConfidence(confidence);
	const p = variance(passRate);
	if (completed === 0) return null;
	if (population !== undefined && completed >= population) return 0;
	const fpc = population === undefined ? 1 : (population - completed) / (population - 1);
	return z * Math.sqrt((p / completed) * fpc);
}

export interface SiteVolume {
	siteId: string;
	/** Calls the site handles in the period; undefined when unknown (treated as infinite). */
	volume?: number;
}

/** Calls needed per site for one target, in the order given. */
export function planSample(
	target: SampleTarget,
	sites: readonly SiteVolume[]
): { siteId: string; sample: SampleSize }[] {
	return sites.map((s) => ({ siteId: s.siteId, sample: sampleSize(target, s.volume) }));
}
