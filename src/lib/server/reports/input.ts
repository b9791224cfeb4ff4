/**
 * Report data (what the publisher's client read) → the report model's input
 * (src/lib/domain/report), in the report's language: reviewed mystery calls with their final scores
 * and agent pseudonyms, the earlier periods' reviewed calls (the trend), vendor-audit results,
 * findings with their remediation actions, and the programmes' sampling plan. Submitted calls
 * awaiting review are only counted (see gather.ts for why).
 */
import type { Text2 } from '$lib/domain/findings';
import type {
	ActionStatus,
	FindingStatus,
	ReportAction,
	ReportAuditItem,
	ReportCall as ModelCall,
	ReportFinding,
	ReportInput,
	ReportLocale
} from '$lib/domain/report';
import type { DbFindingStatus, ReportFindingData } from './findings';
import type { ReportCall, ReportData, ReportEvidence } from './gather';
import type { ReportStamp } from './render';

const PURGED: Record<ReportLocale, (day: string) => string> = {
	en: (day) => `purged on ${day}`,
	'zh-CN': (day) => `已于 ${day} 清除`
};

/** One evidence line of the call log: the hash, and when retention deleted the file. */
function evidenceLine(e: ReportEvidence, locale: ReportLocale): string {
	const hash = e.sha256 ?? '—';
	return e.purgedAt ? `${hash} (${PURGED[locale](e.purgedAt.slice(0, 10))})` : hash;
}

// Display IDs: short and stable, never the shopper or agent.
const displayId = (id: string) => `TC-${id.slice(0, 8).toUpperCase()}`;
const findingId = (id: string) => `F-${id.slice(0, 8).toUpperCase()}`;

/** The mystery calls that count: reviewed ones (final scores). */
const counted = (calls: ReportCall[]) =>
	calls.filter((c) => c.reviewed && c.kind === 'mystery_call');

function toModelCall(c: ReportCall, locale: ReportLocale): ModelCall {
	return {
		id: displayId(c.id),
		siteId: c.siteId,
		startedAt: c.at,
		agent: c.agent ?? '—',
		scenario: { en: c.scenarioTitle.en, 'zh-CN': c.scenarioTitle['zh-CN'] },
		score: c.overall,
		criticalFailed: c.criticalFailed,
		clauses: c.clauses,
		categories: c.categories as ModelCall['categories'],
		evidenceHashes: c.evidence.map((e) => evidenceLine(e, locale))
	};
}

/** Every audit-result item of the period's reviewed vendor audits; the note names the audit. */
function auditItems(calls: ReportCall[]): ReportAuditItem[] {
	return calls.flatMap((c) =>
		c.audit.map((a) => ({
			ref: a.itemId,
			title: { en: a.label.en, 'zh-CN': a.label['zh-CN'] },
			clauses: a.clauses,
			result: a.result,
			note: `${displayId(c.id)} · ${c.localDay}`
		}))
	);
}

const FINDING_STATUS: Record<DbFindingStatus, FindingStatus> = {
	open: 'open',
	disputed: 'open',
	remediation_proposed: 'in_progress',
	in_remediation: 'in_progress',
	closed: 'closed',
	withdrawn: 'closed'
};

function toFinding(
	f: ReportFindingData,
	labels: Record<string, Text2>,
	locale: ReportLocale
): ReportFinding {
	const pick = (t: Text2) => t[locale];
	const label = labels[`${f.scenarioId}|${f.itemId}`];
	const tag = f.auditResult ? `${f.auditResult} · ` : '';
	return {
		id: findingId(f.id),
		title: tag + (label ? label[locale] : pick(f.condition)),
		severity: f.severity,
		clauses: f.clauses,
		condition: pick(f.condition),
		criteria: pick(f.criteria),
		cause: pick(f.cause),
		effect: pick(f.effect),
		recommendation: pick(f.recommendation),
		occurrences: f.occurrences,
		raisedOn: f.raisedOn,
		dueOn: f.dueOn,
		status: FINDING_STATUS[f.status]
	};
}

/** The finding's plan actions; a done action of a closed finding counts as verified. */
function toActions(f: ReportFindingData): ReportAction[] {
	return f.actions.map((a, i) => ({
		id: `${findingId(f.id)}-A${i + 1}`,
		findingId: findingId(f.id),
		action: a.title,
		owner: a.owner,
		dueOn: a.due_date,
		status: (a.status === 'done' && f.status === 'closed' ? 'verified' : a.status) as ActionStatus,
		...(a.evidence ? { evidenceNeeded: a.evidence } : {})
	}));
}

/** The model input for `data`, stamped with the published ID and version, in `locale`. */
export function toReportInput(
	data: ReportData,
	stamp: ReportStamp,
	locale: ReportLocale
): ReportInput {
	const local = <T extends { name: string; nameZh: string | null }>(x: T) =>
		locale === 'zh-CN' && x.nameZh ? x.nameZh : x.name;
	const awaitingReview = data.calls.filter((c) => !c.reviewed && c.status === 'submitted').length;
	return {
		reportId: stamp.code,
		version: stamp.version,
		locale,
		issuedOn: stamp.publishedAt.slice(0, 10),
		scope: { kind: data.scope.kind, name: local(data.scope) },
		period: { from: data.period.start, to: data.period.end },
		previousPeriods: data.previous.map((p) => ({
			period: { from: p.start, to: p.end },
			calls: counted(p.calls).map((c) => toModelCall(c, locale))
		})),
		organisation: data.parties.organisation,
		client: data.parties.client,
		vendor: data.parties.vendor,
		sites: data.parties.sites.map((s) => ({ id: s.id, name: local(s), timeZone: s.timeZone })),
		control: {
			author: stamp.author,
			approver: stamp.author,
			distribution: [data.parties.client ?? data.parties.vendor ?? data.parties.organisation],
			classification: 'confidential'
		},
		calls: counted(data.calls).map((c) => toModelCall(c, locale)),
		audit: auditItems(data.calls),
		findings: data.findings.map((f) => toFinding(f, data.itemLabels, locale)),
		actions: data.findings.flatMap(toActions),
		sampling: { ...data.sampling, awaitingReview }
	};
}
