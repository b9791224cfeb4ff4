/** The shapes gather.ts reads out of the database for one report: scope, parties, calls, periods. */
import type { Text2 } from '$lib/domain/findings';
import type { ReportSampling } from '$lib/domain/report';
import type { ReportFindingData } from './findings';

export type ScopeKind = 'site' | 'vendor' | 'programme';

export interface ReportScope {
	kind: ScopeKind;
	id: string;
	name: string;
	nameZh: string | null;
	/** The audit organisation that publishes it. */
	organisationId: string;
}

/** Names printed in the control block, as the publisher reads them. */
export interface ReportParties {
	organisation: string;
	vendor: string | null;
	client: string | null;
	sites: { id: string; name: string; nameZh: string | null; timeZone: string }[];
}

export interface ReportEvidence {
	path: string;
	sha256: string | null;
	mime: string | null;
	/** When retention purged the file; the hash stays. */
	purgedAt: string | null;
}

/** One vendor-audit checklist item's result on a reviewed audit. */
export interface ReportAuditResult {
	itemId: string;
	label: Text2;
	clauses: string[];
	result: 'COM' | 'MAJ' | 'MIN' | 'OBS' | 'na';
}

export interface ReportCall {
	id: string;
	programmeId: string | null;
	/** Approved by an officer: only these are scored in the report. */
	reviewed: boolean;
	kind: 'mystery_call' | 'vendor_audit';
	/** The agent's pseudonym (`Agent 7F3A`), never a name; null when none was recorded. */
	agent: string | null;
	scenarioId: string | null;
	scenarioTitle: Text2;
	/** Vendor-audit item results (empty for mystery calls). */
	audit: ReportAuditResult[];
	siteId: string;
	siteName: string;
	timeZone: string;
	/** When the call took place (planned start, else window start), UTC ISO. */
	at: string;
	/** The call's day in its site's time zone, YYYY-MM-DD. */
	localDay: string;
	status: string;
	/** 0..1, the final score once reviewed (the shopper's before); null when nothing counted. */
	overall: number | null;
	criticalFailed: boolean;
	/** The scenario's title, when the publisher can read it. */
	scenario: string | null;
	/** Per clause and per category tallies from the stored ScoreResult (empty when unscored). */
	clauses: Record<string, { passed: number; failed: number }>;
	categories: Record<string, { earned: number; possible: number }>;
	evidence: ReportEvidence[];
}

export interface ReportPeriodData {
	start: string;
	end: string;
	calls: ReportCall[];
}

export interface ReportData {
	scope: ReportScope;
	parties: ReportParties;
	/** The client whose data the report holds (programme reports: the programme's client). */
	audienceClientId: string | null;
	period: { start: string; end: string };
	calls: ReportCall[];
	/** The scope's earlier periods of the same length, oldest first. */
	previous: ReportPeriodData[];
	findings: ReportFindingData[];
	/** Checklist item labels by `scenarioId|itemId`, for finding titles. */
	itemLabels: Record<string, Text2>;
	sampling: ReportSampling;
}
