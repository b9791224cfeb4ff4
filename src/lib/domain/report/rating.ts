/**
 * The assurance rating (the ICO's four-level scale). Each measure below is graded on its own and
 * the report gets the WORST grade of the measures it has evidence for, so one very weak area can
 * never be averaged away by strong ones. The report's "rating definitions" section prints this
 * same table, so the published rules and the computed rating cannot drift apart.
 */
export const ratings = ['high', 'reasonable', 'limited', 'very_limited'] as const;
export type AssuranceRating = (typeof ratings)[number];

export type RatingMeasureId =
	| 'mean_score'
	| 'critical_rate'
	| 'privacy_rate'
	| 'open_critical_findings'
	| 'major_nonconformities'
	| 'overdue_actions';

export interface RatingMeasures {
	/** Mean final call score, 0..1; null without scored calls. */
	mean_score: number | null;
	/** Share of calls with a critical failure; null without calls. */
	critical_rate: number | null;
	/** Privacy checks passed / checked; null when no clause-tagged item was scored. */
	privacy_rate: number | null;
	open_critical_findings: number;
	major_nonconformities: number;
	overdue_actions: number;
}

/**
 * Thresholds per measure, best grade first: `high`, `reasonable`, `limited`; anything past the
 * `limited` bound is `very_limited`. `higher` says whether larger values are better.
 */
export interface RatingRule {
	measure: RatingMeasureId;
	higher: boolean;
	/** Bounds for high, reasonable, limited (inclusive). */
	bounds: readonly [number, number, number];
	/** Fractions print as percentages; counts as whole numbers. */
	unit: 'fraction' | 'count';
}

export const ratingRules: readonly RatingRule[] = [
	{ measure: 'mean_score', higher: true, bounds: [0.9, 0.75, 0.6], unit: 'fraction' },
	{ measure: 'critical_rate', higher: false, bounds: [0.02, 0.05, 0.15], unit: 'fraction' },
	{ measure: 'privacy_rate', higher: true, bounds: [0.95, 0.85, 0.7], unit: 'fraction' },
	{ measure: 'open_critical_findings', higher: false, bounds: [0, 0, 2], unit: 'count' },
	{ measure: 'major_nonconformities', higher: false, bounds: [0, 1, 3], unit: 'count' },
	{ measure: 'overdue_actions', higher: false, bounds: [0, 2, 5], unit: 'count' }
];

/*
 * Rates are compared after rounding to 1e-9 so a score that is 0.9 on paper but 0.8999999999 in
 * floating point (a mean of tenths) is graded as 0.9.
 */
const EPS = 1e-9;

/** The grade one value earns under one rule. */
export function gradeMeasure(rule: RatingRule, value: number): AssuranceRating {
	for (let i = 0; i < 3; i++) {
		const bound = rule.bounds[i];
		if (rule.higher ? value >= bound - EPS : value <= bound + EPS) return ratings[i];
	}
	return 'very_limited';
}

export interface RatingOutcome {
	/** Null when no measure had evidence (no calls, no audit, nothing raised). */
	rating: AssuranceRating | null;
	/** Each measure with its value and grade (null value: not assessed, no grade). */
	measures: { measure: RatingMeasureId; value: number | null; grade: AssuranceRating | null }[];
	/** Measures that set the overall rating (the worst ones), for the summary's "because …". */
	limiting: RatingMeasureId[];
}

/**
 * Rates the measures. Count measures always have evidence once there is any call or audit item;
 * with neither (`hasEvidence` false) the report is unrated rather than "high" by default.
 */
export function rateAssurance(values: RatingMeasures, hasEvidence: boolean): RatingOutcome {
	const measures = ratingRules.map((rule) => {
		const value = values[rule.measure];
		return {
			measure: rule.measure,
			value,
			grade: value === null ? null : gradeMeasure(rule, value)
		};
	});
	if (!hasEvidence) return { rating: null, measures, limiting: [] };
	const worst = Math.max(...measures.map((m) => (m.grade ? ratings.indexOf(m.grade) : 0)));
	const rating = ratings[worst];
	const limiting =
		rating === 'high' ? [] : measures.filter((m) => m.grade === rating).map((m) => m.measure);
	return { rating, measures, limiting };
}
