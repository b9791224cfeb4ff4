/**
 * Everything the PDF (and the HTML preview) shows, in the order of the report's sections. Numbers
 * are fractions (0..1) or counts, never preformatted, and null where there is nothing to measure
 * (the renderer prints "no data" for null, so there is never a NaN or a division by zero).
 * Interface labels come from the report locale's messages at render time; data labels that exist
 * in both languages (scenarios, categories, clauses) carry both, and the renderer picks one.
 */
import type { LocalizedTitle } from '../clauses/types';
import type { AuditResultCode, ServiceCategory, Severity } from '../../schemas/scenario-base';
import type {
	ActionStatus,
	ReportAction,
	Classification,
	FindingStatus,
	ReportFinding,
	ReportLocale,
	ReportPeriod,
	ReportScopeKind
} from './input';
import type { AssuranceRating, RatingOutcome, RatingRule } from './rating';

/** Period headline figures, used for the current period and each previous one (the trend). */
export interface PeriodFigures {
	period: ReportPeriod;
	calls: number;
	meanScore: number | null;
	/** Share of calls with a critical failure. */
	criticalRate: number | null;
	privacyRate: number | null;
}

export interface ClauseRow {
	code: string;
	/** The obligation: the clause's catalogue title, or the code itself when uncatalogued. */
	title: LocalizedTitle;
	toVerify: boolean;
	passed: number;
	failed: number;
	rate: number | null;
	/** Calls on which at least one item tagged with the clause failed. */
	callsFailing: number;
}

export interface CategoryRow {
	category: ServiceCategory;
	title: LocalizedTitle;
	earned: number;
	possible: number;
	score: number | null;
	calls: number;
}

export interface ActionRow extends ReportAction {
	overdue: boolean;
	/** Days past due on the report date (0 when not overdue). */
	daysOverdue: number;
}

export interface CallLogRow {
	id: string;
	site: string;
	/** `YYYY-MM-DD HH:mm` in the site's zone. */
	localTime: string;
	timeZone: string;
	agent: string;
	scenario: LocalizedTitle;
	score: number | null;
	criticalFailed: boolean;
	evidenceHashes: string[];
}

export interface ReportModel {
	locale: ReportLocale;
	control: {
		reportId: string;
		version: number;
		issuedOn: string;
		scopeKind: ReportScopeKind;
		scopeName: string;
		period: ReportPeriod;
		organisation: string;
		client: string | null;
		vendor: string | null;
		programme: string | null;
		sites: { id: string; name: string; timeZone: string }[];
		author: string;
		approver: string;
		distribution: string[];
		classification: Classification;
	};
	summary: {
		noCalls: boolean;
		rating: AssuranceRating | null;
		assessment: RatingOutcome;
		current: PeriodFigures;
		/** Change of the mean score against the latest previous period with a score. */
		scoreChange: number | null;
		domains: {
			callScore: number | null;
			privacy: number | null;
			service: number | null;
			/** (COM + OBS) / assessed audit items. */
			vendorControls: number | null;
		};
		topFindings: ReportFinding[];
		openFindings: number;
		overdueActions: number;
	};
	trend: PeriodFigures[];
	method: {
		plannedCalls: number;
		completedCalls: number;
		/** Submitted calls still awaiting review, left out of every figure. */
		awaitingReview: number;
		population: number | null;
		confidence: number;
		targetMargin: number;
		/** Achieved margin of error on a pass rate (p = 0.5); null without calls; 0 for a census. */
		achievedMargin: number | null;
		criticalCalls: number;
		sites: number;
		agents: number;
		clausesChecked: number;
	};
	privacy: { rows: ClauseRow[]; passed: number; failed: number; rate: number | null };
	/** Pass rate per clause (rows, the privacy table's order) and site (columns). */
	heatmap: { sites: string[]; clauses: string[]; rates: (number | null)[][] };
	service: { rows: CategoryRow[]; score: number | null };
	audit: {
		counts: Record<AuditResultCode | 'na', number>;
		conformance: number | null;
		/** Items that were not COM or N/A: the nonconformities and observations. */
		exceptions: {
			ref: string;
			title: LocalizedTitle;
			clauses: string[];
			result: AuditResultCode;
			note?: string;
		}[];
	};
	findings: (ReportFinding & { overdue: boolean })[];
	findingCounts: Record<Severity, number>;
	remediation: {
		actions: ActionRow[];
		byStatus: Record<ActionStatus, number>;
		overdue: number;
	};
	callLog: CallLogRow[];
	ratingRules: readonly RatingRule[];
	signOff: { role: 'lead_auditor' | 'qa_reviewer' | 'vendor' | 'client'; name: string | null }[];
}

export type { FindingStatus };
