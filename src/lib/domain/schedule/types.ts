/**
 * What the planner returns. Every planned call carries why its time, scenario and shopper were
 * chosen, as data (for audits and tests) and as a message key with parameters (for the UI).
 * Calls nobody could take are returned too, with the rules that excluded every shopper.
 */
import type { PastCall } from '../../schemas/programme';
import type { SampleSize } from '../sampling';

/** Why a shopper was not taken for a call. */
export type ExclusionRule =
	/** speaks none of the line's (or site's) languages */
	| 'language'
	/** not available then, in the shopper's own time zone */
	| 'availability'
	/** has a conflict of interest with the vendor */
	| 'conflict'
	/** already at the maximum calls for that day (shopper's day) */
	| 'daily_limit'
	/** called this site within the lockout days */
	| 'lockout'
	/** another call of theirs overlaps */
	| 'busy'
	/** beyond the bounded candidate window, not looked at */
	| 'not_examined';

export type UnfillableRule = ExclusionRule | 'no_window';

/** A message key for the UI and its parameters. */
export interface Sentence {
	key: string;
	params: Record<string, string | number>;
}

export interface LocalStamp {
	/** YYYY-MM-DD */
	date: string;
	/** HH:MM */
	time: string;
}

export interface TimeReason {
	rule: 'window';
	timeZone: string;
	local: LocalStamp;
	/** The volume weight of the call's local hour. */
	hourWeight: number;
	/** Set when nobody could take the planned time and the call moved to another one. */
	movedFrom?: LocalStamp & { timesTried: number };
	sentence: Sentence;
}

export interface ScenarioReason {
	rule: 'mix';
	/** The scenario's percentage of the programme. */
	share: number;
	/** Calls of this scenario in the whole plan (largest-remainder count). */
	planned: number;
	sentence: Sentence;
}

export interface ShopperReason {
	rule: 'rotation';
	/** Eligible shoppers among those examined. */
	candidates: number;
	examined: number;
	/** Examined shoppers turned down, by the first rule they failed. */
	excluded: Partial<Record<ExclusionRule, number>>;
	/** e.g. "fewest calls so far (2)". */
	chosenBecause: string;
	/** The shopper's calls before this one (past calls included). */
	callsBefore: number;
	sentence: Sentence;
}

export interface PlannedCall {
	/** `siteId/n`, n counting the site's calls in planned-time order from 1. */
	id: string;
	siteId: string;
	vendorId: string;
	lineId: string | null;
	scenarioId: string;
	shopperId: string;
	/** ISO 8601 UTC. */
	start: string;
	end: string;
	startMs: number;
	timeZone: string;
	siteLocal: LocalStamp;
	shopperTimeZone: string;
	shopperLocal: LocalStamp;
	why: { time: TimeReason; scenario: ScenarioReason; shopper: ShopperReason };
}

export interface UnfillableCall {
	id: string;
	siteId: string;
	vendorId: string;
	lineId: string | null;
	scenarioId: string;
	/** The planned time (ISO UTC), or null when the site has no calling time in the period. */
	plannedStart: string | null;
	siteLocal: LocalStamp | null;
	/** How many shoppers each rule turned down at the planned time; together, every shopper. */
	excludedBy: Partial<Record<UnfillableRule, number>>;
	/** The rules that turned someone down, most shoppers first. */
	rules: UnfillableRule[];
	/** Times tried: the planned one and its alternatives. */
	timesTried: number;
	sentence: Sentence;
}

export interface SitePlan {
	siteId: string;
	requested: number;
	planned: number;
	unfillable: number;
	/** The sample size behind `requested`; null when the site had a fixed number of calls. */
	sample: SampleSize | null;
}

export interface Plan {
	seed: number;
	requested: number;
	/** In start order. */
	calls: PlannedCall[];
	unfillable: UnfillableCall[];
	sites: SitePlan[];
	/** Calls per scenario, planned and unfillable together. */
	scenarioCounts: Record<string, number>;
}

export interface PlanOptions {
	/** Calls outside this plan that still count for lockout, daily limits and rotation. */
	history?: readonly PastCall[];
	/** Shoppers examined per call time (default 32): bounds the work per call. */
	candidateWindow?: number;
	/** Other times tried when nobody can take the planned one (default 8). */
	alternativeTimes?: number;
}
