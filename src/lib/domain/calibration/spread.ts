/**
 * How far evaluators' scores of the same call lie apart. Scores are in points (0–100), as the
 * ±5-point band used in contact-centre calibration (NICE, for one) is stated in points.
 *
 * The standard deviation is the sample one (divisor n − 1): a calibration session is a sample of
 * how evaluators score, not all their scores. One score has a spread of 0.
 */

export interface ScoreSpread {
	count: number;
	min: number;
	max: number;
	range: number;
	mean: number;
	sd: number;
	/** What the band is centred on: the benchmark score when given, else the mean. */
	center: number;
	band: number;
	/** Scores within center ± band, inclusive, and their share of all scores. */
	withinBand: number;
	withinBandShare: number;
}

// scores like 84.99999999999999 must still count as inside an 85 ± 5 edge
const EPSILON = 1e-9;

/** Spread of the given scores (missing ones skipped); null when there is none. */
export function scoreSpread(
	scores: readonly (number | null | undefined)[],
	options: { band?: number; center?: number } = {}
): ScoreSpread | null {
	const xs = scores.filter((s): s is number => typeof s === 'number' && Number.isFinite(s));
	if (xs.length === 0) return null;
	const band = options.band ?? 5;
	if (!(band >= 0)) throw new RangeError('the band must be a number ≥ 0');
	const count = xs.length;
	const mean = xs.reduce((a, b) => a + b, 0) / count;
	const min = Math.min(...xs);
	const max = Math.max(...xs);
	const sd = count > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (count - 1)) : 0;
	const center = options.center ?? mean;
	const withinBand = xs.filter((x) => Math.abs(x - center) <= band + EPSILON).length;
	return {
		count,
		min,
		max,
		range: max - min,
		mean,
		sd,
		center,
		band,
		withinBand,
		withinBandShare: withinBand / count
	};
}

export interface Deviation {
	evaluator: string;
	/** Items both this evaluator and the benchmark scored. */
	compared: number;
	/** Mean of |evaluator − benchmark| over those items; null when there are none. */
	meanAbsolute: number | null;
	/** Mean of evaluator − benchmark: above 0 the evaluator is more lenient, below 0 stricter. */
	meanSigned: number | null;
}

type Scores = Readonly<Record<string, number | null | undefined>>;

/**
 * Each evaluator's deviation from the benchmark evaluator over the items both scored.
 * `scores[evaluator][item]` is a number (points, or an overall score under one item key); the
 * benchmark itself is left out of the result. Throws when the benchmark has no scores at all.
 */
export function deviationFromBenchmark(
	scores: Readonly<Record<string, Scores>>,
	benchmark: string
): Deviation[] {
	const reference = scores[benchmark];
	if (!reference) throw new RangeError(`no scores from the benchmark evaluator ${benchmark}`);
	return Object.entries(scores)
		.filter(([evaluator]) => evaluator !== benchmark)
		.map(([evaluator, own]) => {
			const diffs: number[] = [];
			for (const [item, value] of Object.entries(own)) {
				const ref = reference[item];
				if (typeof value === 'number' && typeof ref === 'number') diffs.push(value - ref);
			}
			const n = diffs.length;
			return {
				evaluator,
				compared: n,
				meanAbsolute: n ? diffs.reduce((a, d) => a + Math.abs(d), 0) / n : null,
				meanSigned: n ? diffs.reduce((a, d) => a + d, 0) / n : null
			};
		});
}
