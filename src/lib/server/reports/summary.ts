/** Headline figures of a report, stored with each published version for lists (no personal data). */
import type { ReportData } from './gather';

export interface ReportSummary {
	calls: number;
	/** Reviewed calls with a score: the only ones the report's figures use. */
	scored: number;
	/** Submitted calls still awaiting review. */
	awaitingReview: number;
	/** Mean overall score of the scored calls, 0..1; null when none was scored (never a 0/0). */
	mean: number | null;
	criticalFailed: number;
}

/** The summary of `data`. */
export function summarise(data: ReportData): ReportSummary {
	const reviewed = data.calls.filter((c) => c.reviewed && c.kind === 'mystery_call');
	const scored = reviewed.filter((c) => c.overall != null);
	const sum = scored.reduce((s, c) => s + (c.overall ?? 0), 0);
	return {
		calls: data.calls.length,
		scored: scored.length,
		mean: scored.length ? Math.round((sum / scored.length) * 10_000) / 10_000 : null,
		awaitingReview: data.calls.filter((c) => !c.reviewed && c.status === 'submitted').length,
		criticalFailed: reviewed.filter((c) => c.criticalFailed).length
	};
}
