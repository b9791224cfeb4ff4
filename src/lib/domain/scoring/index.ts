/**
 * The scoring engine: one pure, deterministic function that the phone runs as a preview and the
 * server runs as the authoritative score, on a parsed scenario version and parsed answers.
 *
 * Formula (all scores are fractions; 1 = 100 %):
 *
 *   An item counts when it is visible (its own and its section's condition hold, see
 *   visibility.ts), answered (the recorded answer, else one derived from markers or timers), not
 *   N/A, and scorable. A counted item i in section s earns raw points e_i of p_i (points.ts) and
 *   weighs w_i = W_s × w_item (section weight × item weight, both ≥ 0, default 1).
 *
 *     earned   E = Σ w_i·e_i   over counted items, bonus items included
 *     possible P = Σ w_i·p_i   over counted items that are not bonus
 *     score    = E / P; when P = 0 (everything N/A, hidden or unanswered) there is no score
 *                (status 'no_score', score null) rather than NaN
 *     maxScore = (P + Σ bonus w_i·p_i) / P, so bonus items can lift a score above 1
 *
 *   Bonus cap: uncapped by default so that bonus work stays visible; with
 *   `scoring.capBonusAt100` score and maxScore are clamped to 1.
 *
 *   Critical items (`critical`, else severity C): a counted critical item with e_i < p_i fails
 *   the call. Mode `zero_and_flag` (default) sets score 0 and flagged; mode
 *   `show_score_mark_failed` keeps the score. Both set failed; rawScore keeps the computed value.
 *
 *   Sections: Σ w_item·e / Σ w_item·p over the section's counted items (section weight cancels
 *   out; bonus counts in earned only); never zeroed by a critical failure. Categories: as the
 *   overall score, over items of each service-quality category. Clauses: a counted item passes
 *   each of its clause tags when e_i = p_i and fails them otherwise. Audit: COM/MAJ/MIN/OBS/N/A
 *   counts of visible, answered audit items.
 *
 * Every sum runs over items sorted by id, so floating-point results do not depend on the order of
 * sections, items or markers and match across devices.
 */
import type { AnswerValue, Answers } from '../../schemas/scenario-answers';
import type { ScenarioContent, ScoringSettings } from '../../schemas/scenario';
import { isCritical } from '../../schemas/scenario-items';
import type { ChecklistItem, ChecklistSection } from '../../schemas/scenario-checklist';
import { auditTally, categoryScores, clauseResults, sum, tally, type Scored } from './aggregate';
import { callFacts, compare } from './facts';
import { rawPoints } from './points';
import type { ScoreResult } from './types';
import { effectiveAnswer, scriptPath, visibility, type Effective } from './visibility';

export type * from './types';

/** One item's points, weighted twice: fully for the overall score, by item only for its section. */
function scoreItem(
	section: ChecklistSection,
	item: ChecklistItem,
	answer: Effective,
	visible: boolean,
	settings: ScoringSettings
): Scored {
	const raw = !visible
		? 'hidden'
		: answer.value === undefined
			? 'unanswered'
			: rawPoints(item, answer.value, settings);
	const counted = typeof raw === 'object';
	const weighted = (w: number) =>
		counted ? { earned: w * raw.earned, possible: w * raw.possible } : { earned: 0, possible: 0 };
	return {
		item,
		section,
		inSection: weighted(item.weight),
		score: {
			id: item.id,
			sectionId: section.id,
			status: counted ? 'scored' : raw,
			value: answer.value,
			derived: answer.derived,
			...weighted(section.weight * item.weight),
			passed: counted ? raw.earned >= raw.possible : null,
			critical: isCritical(item),
			bonus: item.bonus
		}
	};
}

/** Scores one call or audit against its scenario version; see the formula above. */
export function scoreScenario(content: ScenarioContent, answers: Answers): ScoreResult {
	const facts = callFacts(content, answers);
	const sections = content.checklist.sections;
	const entries = sections.flatMap((section) =>
		section.items.map((item) => ({ section, item, answer: effectiveAnswer(item, answers, facts) }))
	);
	const given = new Map<string, AnswerValue | undefined>();
	for (const e of entries) if (!given.has(e.item.id)) given.set(e.item.id, e.answer.value);
	const answerOf = (id: string) => given.get(id);
	const path = scriptPath(content, answerOf, facts);
	const visible = visibility(content, answerOf, facts, new Set(path));

	const scored = entries.map(({ section, item, answer }) =>
		scoreItem(section, item, answer, visible.item(item.id), content.scoring)
	);

	const sorted = [...scored].sort((a, b) => compare(a.score.id, b.score.id));
	const counted = sorted.filter((e) => e.score.status === 'scored');
	const overall = tally(sorted);
	const ceiling = sum(counted.map((e) => e.score.possible));
	const bonus = counted.filter((e) => e.item.bonus);
	const cap = (x: number) => (content.scoring.capBonusAt100 ? Math.min(x, 1) : x);
	const rawScore = overall.score === null ? null : cap(overall.score);
	const criticalFailures = scored
		.filter((e) => e.score.critical && e.score.passed === false)
		.map((e) => e.score.id);
	const failed = criticalFailures.length > 0;
	const zero = failed && content.scoring.criticalMode === 'zero_and_flag';

	return {
		status: overall.possible > 0 ? 'scored' : 'no_score',
		earned: overall.earned,
		possible: overall.possible,
		score: zero ? 0 : rawScore,
		rawScore,
		maxScore: overall.possible > 0 ? cap(ceiling / overall.possible) : null,
		bonusEarned: sum(bonus.map((e) => e.score.earned)),
		bonusPossible: sum(bonus.map((e) => e.score.possible)),
		failed,
		flagged: zero,
		criticalFailures,
		missing: scored
			.filter((e) => e.score.status === 'unanswered' && e.item.required)
			.map((e) => e.score.id),
		path,
		items: scored.map((e) => e.score),
		sections: sections.map((section) => ({
			id: section.id,
			visible: visible.section(section),
			...tally(
				sorted.filter((e) => e.section === section),
				(e) => e.inSection
			)
		})),
		clauses: clauseResults(sorted),
		categories: categoryScores(sorted),
		audit: auditTally(sorted)
	};
}
