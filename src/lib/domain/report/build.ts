/** ReportInput → ReportModel: the pure computation behind every report section. */
import { achievedMargin } from '../sampling';
import { dayOf, hhmm, isoDay, toLocal } from '../schedule/tz';
import { auditResultCodes, severities, type Severity } from '../../schemas/scenario-base';
import { parseTimestamp } from '../../i18n/datetime';
import {
	categoryRows,
	clauseHeatmap,
	clauseRows,
	periodFigures,
	privacyTotals,
	ratio
} from './figures';
import type { ActionStatus, ReportAction, ReportFinding, ReportInput } from './input';
import type { ActionRow, CallLogRow, ReportModel } from './model';
import { rateAssurance, ratingRules } from './rating';

/** How many findings the executive summary lists. */
export const TOP_FINDINGS = 5;

const SEVERITY_RANK: Record<Severity, number> = { C: 0, M: 1, m: 2 };
const DONE: ReadonlySet<ActionStatus> = new Set(['done', 'verified']);

const isOpen = (f: ReportFinding) => f.status === 'open' || f.status === 'in_progress';

/**
 * Most serious first: open before closed, then severity, then how often it occurred, then ID
 * (so the order is total and the same on every run).
 */
export function findingOrder(a: ReportFinding, b: ReportFinding): number {
	return (
		Number(isOpen(b)) - Number(isOpen(a)) ||
		SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
		b.occurrences - a.occurrences ||
		(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

/** Days `due` lies before `asOf` (both YYYY-MM-DD); 0 when not past. */
export function daysPast(due: string, asOf: string): number {
	return Math.max(0, dayOf(asOf) - dayOf(due));
}

function actionRow(a: ReportAction, asOf: string): ActionRow {
	const daysOverdue = DONE.has(a.status) ? 0 : daysPast(a.dueOn, asOf);
	return { ...a, overdue: daysOverdue > 0, daysOverdue };
}

/** `YYYY-MM-DD HH:mm` in the site's zone: an audit trail reads the time the site's agent saw. */
export function siteTime(instant: string, timeZone: string): string {
	const local = toLocal(timeZone, parseTimestamp(instant).getTime());
	return `${isoDay(local.day)} ${hhmm(local.minute)}`;
}

function callLog(input: ReportInput): CallLogRow[] {
	const sites = new Map(input.sites.map((s) => [s.id, s]));
	return [...input.calls]
		.sort(
			(a, b) =>
				parseTimestamp(a.startedAt).getTime() - parseTimestamp(b.startedAt).getTime() ||
				(a.id < b.id ? -1 : 1)
		)
		.map((c) => {
			const site = sites.get(c.siteId);
			const timeZone = site?.timeZone ?? 'UTC';
			return {
				id: c.id,
				site: site?.name ?? c.siteId,
				localTime: siteTime(c.startedAt, timeZone),
				timeZone,
				agent: c.agent,
				scenario: c.scenario,
				score: c.score,
				criticalFailed: c.criticalFailed,
				evidenceHashes: c.evidenceHashes
			};
		});
}

function auditSection(input: ReportInput): ReportModel['audit'] {
	const counts = { COM: 0, MAJ: 0, MIN: 0, OBS: 0, na: 0 };
	for (const item of input.audit) counts[item.result]++;
	const assessed = counts.COM + counts.MAJ + counts.MIN + counts.OBS;
	const exceptions = input.audit.flatMap((item) =>
		item.result === 'na' || item.result === 'COM'
			? []
			: [
					{
						ref: item.ref,
						title: item.title,
						clauses: item.clauses,
						result: item.result,
						note: item.note
					}
				]
	);
	// MAJ first, then MIN, then OBS: the order a reader should act in.
	exceptions.sort((a, b) =>
		auditResultCodes.indexOf(a.result) === auditResultCodes.indexOf(b.result)
			? 0
			: auditResultCodes.indexOf(a.result) - auditResultCodes.indexOf(b.result)
	);
	return { counts, conformance: ratio(counts.COM + counts.OBS, assessed), exceptions };
}

/** Builds the model for one scope and period. Pure: the same input gives the same model. */
export function buildReportModel(input: ReportInput): ReportModel {
	const current = periodFigures(input.period, input.calls);
	const trend = [...input.previousPeriods.map((p) => periodFigures(p.period, p.calls)), current];
	const lastScored = trend
		.slice(0, -1)
		.reverse()
		.find((p) => p.meanScore !== null);
	const rows = clauseRows(input.calls);
	const privacy = privacyTotals(input.calls);
	const categories = categoryRows(input.calls);
	const audit = auditSection(input);
	const actions = input.actions.map((a) => actionRow(a, input.issuedOn));
	const findings = [...input.findings]
		.sort(findingOrder)
		.map((f) => ({ ...f, overdue: isOpen(f) && daysPast(f.dueOn, input.issuedOn) > 0 }));
	const overdueActions = actions.filter((a) => a.overdue).length;
	const serviceEarned = categories.reduce((t, r) => t + r.earned, 0);
	const servicePossible = categories.reduce((t, r) => t + r.possible, 0);

	const assessment = rateAssurance(
		{
			mean_score: current.meanScore,
			critical_rate: current.criticalRate,
			privacy_rate: current.privacyRate,
			open_critical_findings: findings.filter((f) => isOpen(f) && f.severity === 'C').length,
			major_nonconformities: audit.counts.MAJ,
			overdue_actions: overdueActions
		},
		input.calls.length > 0 || input.audit.length > 0
	);

	const byStatus = { planned: 0, in_progress: 0, done: 0, verified: 0 };
	for (const a of actions) byStatus[a.status]++;
	const findingCounts = Object.fromEntries(severities.map((s) => [s, 0])) as Record<
		Severity,
		number
	>;
	for (const f of findings) findingCounts[f.severity]++;

	const { sampling } = input;
	const completed = input.calls.length;
	return {
		locale: input.locale,
		control: {
			reportId: input.reportId,
			version: input.version,
			issuedOn: input.issuedOn,
			scopeKind: input.scope.kind,
			scopeName: input.scope.name,
			period: input.period,
			organisation: input.organisation,
			client: input.client,
			vendor: input.vendor,
			programme: input.programme ?? null,
			sites: input.sites.map((s) => ({ ...s })),
			...input.control
		},
		summary: {
			noCalls: completed === 0,
			rating: assessment.rating,
			assessment,
			current,
			scoreChange:
				current.meanScore !== null && lastScored?.meanScore != null
					? current.meanScore - lastScored.meanScore
					: null,
			domains: {
				callScore: current.meanScore,
				privacy: current.privacyRate,
				service: ratio(serviceEarned, servicePossible),
				vendorControls: audit.conformance
			},
			topFindings: findings.filter(isOpen).slice(0, TOP_FINDINGS),
			openFindings: findings.filter(isOpen).length,
			overdueActions
		},
		trend,
		method: {
			plannedCalls: sampling.plannedCalls,
			completedCalls: completed,
			awaitingReview: sampling.awaitingReview ?? 0,
			population: sampling.population ?? null,
			confidence: sampling.confidence,
			targetMargin: sampling.targetMargin,
			achievedMargin: achievedMargin({
				confidence: sampling.confidence,
				completed,
				population: sampling.population
			}),
			criticalCalls: input.calls.filter((c) => c.criticalFailed).length,
			sites: new Set(input.calls.map((c) => c.siteId)).size,
			agents: new Set(input.calls.map((c) => c.agent)).size,
			clausesChecked: rows.length
		},
		privacy: { rows, ...privacy, rate: ratio(privacy.passed, privacy.passed + privacy.failed) },
		heatmap: {
			sites: input.sites.map((s) => s.name),
			clauses: rows.map((r) => r.code),
			rates: clauseHeatmap(
				input.calls,
				rows.map((r) => r.code),
				input.sites.map((s) => s.id)
			)
		},
		service: { rows: categories, score: ratio(serviceEarned, servicePossible) },
		audit,
		findings,
		findingCounts,
		remediation: { actions, byStatus, overdue: overdueActions },
		callLog: callLog(input),
		ratingRules,
		signOff: [
			{ role: 'lead_auditor', name: input.control.author },
			{ role: 'qa_reviewer', name: input.control.approver },
			{ role: 'vendor', name: null },
			{ role: 'client', name: null }
		]
	};
}
