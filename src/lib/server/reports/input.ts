/**
 * Report data (what the publisher's client read) → the report model's input
 * (src/lib/domain/report). Findings, remediation, vendor-audit items, earlier periods and the
 * sampling plan's margin are not mapped yet: they come from the review and findings tables.
 */
import type { ReportCall as ModelCall, ReportInput, ReportLocale } from '$lib/domain/report';
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

// The call's display ID: short and stable, never the shopper or agent.
const displayId = (id: string) => `TC-${id.slice(0, 8).toUpperCase()}`;

function toModelCall(c: ReportCall, locale: ReportLocale): ModelCall {
	return {
		id: displayId(c.id),
		siteId: c.siteId,
		startedAt: c.at,
		agent: '—',
		scenario: { en: c.scenario ?? '—', 'zh-CN': c.scenario ?? '—' },
		score: c.overall,
		criticalFailed: c.criticalFailed,
		clauses: c.clauses,
		categories: c.categories as ModelCall['categories'],
		evidenceHashes: c.evidence.map((e) => evidenceLine(e, locale))
	};
}

/** The model input for `data`, stamped with the published ID and version, in `locale`. */
export function toReportInput(
	data: ReportData,
	stamp: ReportStamp,
	locale: ReportLocale
): ReportInput {
	const local = <T extends { name: string; nameZh: string | null }>(x: T) =>
		locale === 'zh-CN' && x.nameZh ? x.nameZh : x.name;
	const scored = data.calls.filter((c) => c.status !== 'missed');
	return {
		reportId: stamp.code,
		version: stamp.version,
		locale,
		issuedOn: stamp.publishedAt.slice(0, 10),
		scope: { kind: data.scope.kind, name: local(data.scope) },
		period: { from: data.period.start, to: data.period.end },
		previousPeriods: [],
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
		calls: scored.map((c) => toModelCall(c, locale)),
		audit: [],
		findings: [],
		actions: [],
		sampling: { plannedCalls: data.calls.length, confidence: 0.95, targetMargin: 0.1 }
	};
}
