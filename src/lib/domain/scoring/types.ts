import type { AnswerValue } from '../../schemas/scenario-answers';
import type { AuditResultCode, ServiceCategory } from '../../schemas/scenario-base';

/**
 * - scored: visible, answered and worth points
 * - na: answered "not applicable" (or a marker rule with nothing to judge)
 * - hidden: its visibility condition (or its section's) is false
 * - unanswered: visible with no answer yet
 * - unscored: text items, and number/duration items without score bands
 */
export type ItemStatus = 'scored' | 'na' | 'hidden' | 'unanswered' | 'unscored';

export interface ItemScore {
	id: string;
	sectionId: string;
	status: ItemStatus;
	/** The answer used: the recorded one, or the one derived from markers and timers. */
	value: AnswerValue | undefined;
	/** True when `value` came from markers or timers rather than from the shopper. */
	derived: boolean;
	/** Weighted points (section weight × item weight × raw points); 0 unless scored. */
	earned: number;
	possible: number;
	/** Full points earned; null when not scored. */
	passed: boolean | null;
	critical: boolean;
	bonus: boolean;
}

/** `score` is earned / possible as a fraction (1 = 100 %), null when nothing was possible. */
export interface Tally {
	earned: number;
	possible: number;
	score: number | null;
}

export interface SectionScore extends Tally {
	id: string;
	visible: boolean;
}

export interface ClauseResult {
	passed: number;
	failed: number;
	/** passed / (passed + failed); null when no tagged item was scored. */
	rate: number | null;
	failedItems: string[];
}

export type AuditTally = Record<AuditResultCode | 'na', number>;

export interface ScoreResult extends Tally {
	/** 'no_score' when no item counted towards the possible points (all N/A, hidden or unanswered). */
	status: 'scored' | 'no_score';
	/** The score before a critical failure zeroes it (equal to `score` otherwise). */
	rawScore: number | null;
	/** The highest score these applicable items allow: 1 plus what the scored bonus items could add. */
	maxScore: number | null;
	bonusEarned: number;
	bonusPossible: number;
	/** A visible, answered critical item missed full points. */
	failed: boolean;
	/** Zeroed by a critical failure (mode `zero_and_flag`) and needing attention. */
	flagged: boolean;
	criticalFailures: string[];
	/** Visible required items with no answer yet. */
	missing: string[];
	/** Steps the script passed through with these answers and markers, in order. */
	path: string[];
	items: ItemScore[];
	sections: SectionScore[];
	clauses: Record<string, ClauseResult>;
	categories: Partial<Record<ServiceCategory, Tally>>;
	audit: AuditTally;
}
