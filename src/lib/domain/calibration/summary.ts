import { cohenKappa, itemAgreement, type CohenResult, type ItemAgreement } from './agreement';
import { countTable, fleissKappa, type FleissResult } from './fleiss';
import { deviationFromBenchmark, scoreSpread, type ScoreSpread } from './spread';

type ByEvaluator<T> = Readonly<Record<string, T | null | undefined>>;

export interface CalibrationItem {
	id: string;
	/** Each evaluator's answer; only categorical items (yes/no/N/A, single choice) belong here. */
	answers: ByEvaluator<string>;
	/** Points each evaluator's answer earned, for the deviation from the benchmark. */
	points?: ByEvaluator<number>;
}

export interface CalibrationInput {
	/** Evaluators in display order; evaluators who scored nothing still get a row. */
	evaluators: readonly string[];
	/** The evaluator whose scoring is the reference, usually the officer who set the session up. */
	benchmark?: string;
	items: readonly CalibrationItem[];
	/** Each evaluator's overall score in points (0–100). */
	overall: ByEvaluator<number>;
	/** Half-width of the agreement band in points; 5 unless given. */
	band?: number;
}

export interface EvaluatorComparison {
	evaluator: string;
	overall: number | null;
	/** Overall score minus the benchmark's; null without a benchmark or either score. */
	overallDelta: number | null;
	/** Item points against the benchmark's: mean absolute and signed difference. */
	compared: number;
	meanAbsolute: number | null;
	meanSigned: number | null;
	/** Share of items answered the same as the benchmark, and Cohen's kappa of the two. */
	answerMatch: number | null;
	cohen: CohenResult | null;
}

export interface CalibrationSummary {
	items: (ItemAgreement<string> & { id: string; benchmarkAnswer: string | null })[];
	/** Fleiss' kappa across all evaluators and items; categories are every answer seen. */
	fleiss: FleissResult & { categories: string[] };
	/** Spread of overall scores, the band centred on the benchmark's score when there is one. */
	spread: ScoreSpread | null;
	/** Every evaluator but the benchmark, in the given order. */
	evaluators: EvaluatorComparison[];
}

const value = <T>(v: T | null | undefined): T | null => v ?? null;

/**
 * Everything a calibration session reveals, from the evaluators' blind answers: agreement per
 * item, Fleiss' kappa over all categorical items (N/A counts as an answer, since disagreeing on
 * whether an item applies is a calibration problem too), the spread of overall scores, and each
 * evaluator against the benchmark.
 */
export function summarizeCalibration(input: CalibrationInput): CalibrationSummary {
	const { evaluators, benchmark, items, overall } = input;
	const rows = items.map((item) => evaluators.map((e) => value(item.answers[e])));
	const { categories, table } = countTable(rows);
	const ref = benchmark ?? null;
	const refOverall = ref === null ? null : value(overall[ref]);

	const points: Record<string, Record<string, number | null>> = {};
	for (const e of evaluators) {
		points[e] = Object.fromEntries(items.map((item) => [item.id, value(item.points?.[e])]));
	}
	const deviations = ref === null ? [] : deviationFromBenchmark(points, ref);

	return {
		items: items.map((item, i) => ({
			id: item.id,
			benchmarkAnswer: ref === null ? null : value(item.answers[ref]),
			...itemAgreement(rows[i])
		})),
		fleiss: { ...fleissKappa(table), categories },
		spread: scoreSpread(
			evaluators.map((e) => overall[e]),
			{ band: input.band, center: refOverall ?? undefined }
		),
		evaluators: evaluators
			.filter((e) => e !== ref)
			.map((e) => {
				const own = value(overall[e]);
				const deviation = deviations.find((d) => d.evaluator === e);
				const cohen =
					ref === null
						? null
						: cohenKappa(
								items.map((item) => value(item.answers[e])),
								items.map((item) => value(item.answers[ref]))
							);
				return {
					evaluator: e,
					overall: own,
					overallDelta: own === null || refOverall === null ? null : own - refOverall,
					compared: deviation?.compared ?? 0,
					meanAbsolute: deviation?.meanAbsolute ?? null,
					meanSigned: deviation?.meanSigned ?? null,
					answerMatch: cohen?.observed ?? null,
					cohen
				};
			})
	};
}
