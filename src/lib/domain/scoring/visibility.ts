/**
 * Which answers count, which script steps were reached and which items are shown.
 *
 * Branches read the answers as given (hidden or not), because the script runs during the call,
 * before visibility is settled; visibility then reads only the answers of visible items, so
 * hiding an item also hides whatever depends on it. The schema rejects visibility cycles; should
 * one slip through, an item still being evaluated counts as hidden, which always terminates.
 */
import type { AnswerValue, Answers } from '../../schemas/scenario-answers';
import type { Condition, ScenarioContent } from '../../schemas/scenario';
import { acceptsAnswer } from '../../schemas/scenario-items';
import type { ChecklistItem, ChecklistSection } from '../../schemas/scenario-checklist';
import { evaluateRule, type CallFacts } from './facts';

export interface Effective {
	value: AnswerValue | undefined;
	derived: boolean;
}

/** The recorded answer when it suits the item, else the one derived from markers and timers. */
export function effectiveAnswer(
	item: ChecklistItem,
	answers: Answers,
	facts: CallFacts
): Effective {
	const given = answers.items[item.id];
	if (given !== undefined && given !== null && acceptsAnswer(item, given))
		return { value: given, derived: false };
	if (item.type === 'marker_derived')
		return { value: evaluateRule(item.rule, facts), derived: true };
	if (item.type === 'duration' && item.fromTimer) {
		const seconds = facts.seconds(item.fromTimer);
		if (seconds !== undefined) return { value: seconds, derived: true };
	}
	return { value: undefined, derived: false };
}

type Lookup = (itemId: string) => AnswerValue | undefined;

function holds(cond: Condition, answerOf: Lookup, facts: CallFacts, reached: Set<string>): boolean {
	switch (cond.kind) {
		case 'answer': {
			const value = answerOf(cond.item);
			return value !== undefined && value !== null && cond.in.some((v) => v === value);
		}
		case 'marker':
			return facts.times(cond.marker).length > 0 === cond.present;
		case 'step':
			return reached.has(cond.step);
	}
}

/**
 * The steps the script passes through: from the first step, the first branch whose condition
 * holds, else `next`, else the following step; it stops at an `end` step, at the last step or
 * on returning to a step already visited.
 */
export function scriptPath(content: ScenarioContent, answerOf: Lookup, facts: CallFacts): string[] {
	if (content.kind !== 'mystery_call') return [];
	const steps = content.script.steps;
	const index = new Map(steps.map((s, i) => [s.id, i]));
	const reached = new Set<string>();
	const path: string[] = [];
	let at = steps.length > 0 ? 0 : -1;
	while (at >= 0 && !reached.has(steps[at].id)) {
		const step = steps[at];
		reached.add(step.id);
		path.push(step.id);
		if (step.end) break;
		const branch = step.branches.find((b) => holds(b.when, answerOf, facts, reached));
		const target = branch?.goto ?? step.next;
		at = target !== undefined ? (index.get(target) ?? -1) : at + 1 < steps.length ? at + 1 : -1;
	}
	return path;
}

export interface Visibility {
	item(itemId: string): boolean;
	section(section: ChecklistSection): boolean;
}

/** Memoised visibility tests for the items and sections of the scenario. */
export function visibility(
	content: ScenarioContent,
	answerOf: Lookup,
	facts: CallFacts,
	reached: Set<string>
): Visibility {
	const owner = new Map<string, { item: ChecklistItem; section: ChecklistSection }>();
	for (const section of content.checklist.sections)
		for (const item of section.items)
			if (!owner.has(item.id)) owner.set(item.id, { item, section });
	const memo = new Map<string, boolean>();
	const shownAnswer: Lookup = (other) => (item(other) ? answerOf(other) : undefined);
	const shown = (cond: Condition | undefined) => !cond || holds(cond, shownAnswer, facts, reached);
	const section = (s: ChecklistSection) => shown(s.visibleWhen);
	function item(id: string): boolean {
		const known = memo.get(id);
		if (known !== undefined) return known;
		const entry = owner.get(id);
		if (!entry) return false;
		memo.set(id, false);
		const ok = section(entry.section) && shown(entry.item.visibleWhen);
		memo.set(id, ok);
		return ok;
	}
	return { item, section };
}
