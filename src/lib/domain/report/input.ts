/**
 * What a compliance report is computed from. A later step maps database rows (reviewed calls,
 * vendor audits, findings, remediation) into this shape; everything here is plain data so the
 * model stays pure and a test or bench can build one by hand.
 */
import type { LocalizedTitle } from '../clauses/types';
import type { AuditResultCode, ServiceCategory, Severity } from '../../schemas/scenario-base';

export type ReportLocale = 'en' | 'zh-CN';
export type ReportScopeKind = 'site' | 'vendor' | 'programme';
export type Classification = 'confidential' | 'restricted' | 'internal';
export type FindingStatus = 'open' | 'in_progress' | 'closed' | 'accepted';
export type ActionStatus = 'planned' | 'in_progress' | 'done' | 'verified';

/** Inclusive calendar dates (YYYY-MM-DD) in the organisation's reporting calendar. */
export interface ReportPeriod {
	from: string;
	to: string;
}

export interface ReportSite {
	id: string;
	name: string;
	/** IANA zone: call times in the appendix are printed in it. */
	timeZone: string;
}

/** One reviewed call with its final (post-review, post-dispute) results. */
export interface ReportCall {
	/** The call's display ID, e.g. `TC-2026-0042`. */
	id: string;
	siteId: string;
	/** ISO 8601 instant the call started. */
	startedAt: string;
	/** Pseudonym only (`Agent 7F3A`): reports never name agents. */
	agent: string;
	scenario: LocalizedTitle;
	/** Final score 0..1 (0 after a critical failure); null when nothing was scorable. */
	score: number | null;
	/** A critical item failed: the call fails whatever its points. */
	criticalFailed: boolean;
	/** Per clause code: tagged items passed and failed on this call (ScoreResult.clauses). */
	clauses: Record<string, { passed: number; failed: number }>;
	/** Per service category: weighted points (ScoreResult.categories). */
	categories: Partial<Record<ServiceCategory, { earned: number; possible: number }>>;
	/** SHA-256 (hex) of each evidence file: recording, call sheet. */
	evidenceHashes: string[];
}

/** One vendor-audit checklist item's result. */
export interface ReportAuditItem {
	/** Checklist number or item ID, e.g. `VA-13`. */
	ref: string;
	title: LocalizedTitle;
	clauses: string[];
	result: AuditResultCode | 'na';
	/** Evidence examined / note, in the report's language. */
	note?: string;
}

export interface ReportFinding {
	/** Register ID, e.g. `F-2026-007`. */
	id: string;
	title: string;
	severity: Severity;
	clauses: string[];
	condition: string;
	criteria: string;
	cause: string;
	effect: string;
	recommendation: string;
	managementResponse?: string;
	/** Calls or audit items the finding rests on. */
	occurrences: number;
	/** YYYY-MM-DD */
	raisedOn: string;
	dueOn: string;
	status: FindingStatus;
}

export interface ReportAction {
	id: string;
	findingId: string;
	action: string;
	owner: string;
	/** YYYY-MM-DD */
	dueOn: string;
	status: ActionStatus;
	evidenceNeeded?: string;
	retestOn?: string;
}

/** The sampling plan the calls were drawn under (see domain/sampling.ts). */
export interface ReportSampling {
	plannedCalls: number;
	/** Calls the scope handled in the period; undefined when unknown (treated as infinite). */
	population?: number;
	confidence: number;
	targetMargin: number;
	/** Calls submitted but not yet reviewed: named in the method, never scored. */
	awaitingReview?: number;
}

export interface ReportInput {
	reportId: string;
	version: number;
	locale: ReportLocale;
	/** YYYY-MM-DD: the report's date; overdue means due before it and not done. */
	issuedOn: string;
	scope: { kind: ReportScopeKind; name: string };
	period: ReportPeriod;
	/** Earlier periods of the same scope, oldest first, for the trend. */
	previousPeriods: { period: ReportPeriod; calls: ReportCall[] }[];
	organisation: string;
	client: string | null;
	vendor: string | null;
	programme?: string;
	sites: ReportSite[];
	control: {
		author: string;
		approver: string;
		distribution: string[];
		classification: Classification;
	};
	calls: ReportCall[];
	audit: ReportAuditItem[];
	findings: ReportFinding[];
	actions: ReportAction[];
	sampling: ReportSampling;
}
