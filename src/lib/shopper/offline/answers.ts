/**
 * The draft seen through the scenario: the answers the engine takes, the script's next step, the
 * checklist pre-filled from markers and timers, required-item errors and the live score. The
 * engine is the server's, so the preview and the stored score agree.
 */
import { scoreScenario, type ScoreResult } from '../../domain/scoring';
import { callFacts } from '../../domain/scoring/facts';
import { effectiveAnswer } from '../../domain/scoring/visibility';
import type { Answers, AnswerValue } from '../../schemas/scenario-answers';
import type { Condition, MysteryCallContent, ScriptStep } from '../../schemas/scenario';
import { readings } from './clock';
import type { CallDraft } from './types';

/** The draft as the engine's `Answers`, timers read at `now` (or at the hang-up). */
export function draftAnswers(content: MysteryCallContent, d: CallDraft, now: number): Answers {
	const enabled = new Set<string>(content.timers);
	const timings = Object.fromEntries(
		Object.entries(readings(d.clock, now)).filter(([k]) => enabled.has(k))
	);
	const items = Object.fromEntries(
		Object.entries(d.answers).filter(([, v]) => v !== null && v !== undefined)
	) as Record<string, AnswerValue>;
	return { items, notes: d.itemNotes, markers: d.markers, timings };
}

/** The step with `id`, or undefined. */
export const stepById = (content: MysteryCallContent, id: string | null) =>
	content.script.steps.find((s) => s.id === id);

function holds(
	cond: Condition,
	answerOf: (id: string) => AnswerValue | undefined,
	tapped: (id: string) => boolean,
	reached: ReadonlySet<string>
): boolean {
	switch (cond.kind) {
		case 'answer': {
			const v = answerOf(cond.item);
			return v !== undefined && v !== null && cond.in.some((x) => x === v);
		}
		case 'marker':
			return tapped(cond.marker) === cond.present;
		case 'step':
			return reached.has(cond.step);
	}
}

/**
 * Where "next" leads from `step`: the first branch whose condition holds, else `next`, else the
 * following step; null at an end step or the last one. Same rules as the engine's script path.
 */
export function nextStep(
	content: MysteryCallContent,
	step: ScriptStep,
	d: CallDraft,
	now: number
): string | null {
	if (step.end) return null;
	const answers = draftAnswers(content, d, now);
	const facts = callFacts(content, answers);
	const items = new Map(content.checklist.sections.flatMap((s) => s.items.map((i) => [i.id, i])));
	const answerOf = (id: string) => {
		const item = items.get(id);
		return item ? effectiveAnswer(item, answers, facts).value : undefined;
	};
	const reached = new Set([...d.trail, step.id]);
	const branch = step.branches.find((b) =>
		holds(b.when, answerOf, (id) => facts.times(id).length > 0, reached)
	);
	if (branch) return branch.goto;
	if (step.next) return step.next;
	const at = content.script.steps.indexOf(step);
	return content.script.steps[at + 1]?.id ?? null;
}

/** Items the step's branches ask about: the shopper answers them on the step's screen. */
export function branchItems(content: MysteryCallContent, step: ScriptStep) {
	const ids = new Set(
		step.branches.flatMap((b) => (b.when.kind === 'answer' ? [b.when.item] : []))
	);
	return content.checklist.sections.flatMap((s) => s.items.filter((i) => ids.has(i.id)));
}

/**
 * Answers the checklist starts with, from markers and timers where the scenario says so
 * (marker-derived items, duration items fed by a timer); the shopper may override each.
 */
export function prefilled(
	content: MysteryCallContent,
	d: CallDraft,
	now: number
): Record<string, AnswerValue> {
	const answers = draftAnswers(content, { ...d, answers: {} }, now);
	const facts = callFacts(content, answers);
	const out: Record<string, AnswerValue> = {};
	for (const s of content.checklist.sections)
		for (const item of s.items) {
			const e = effectiveAnswer(item, answers, facts);
			if (e.derived && e.value !== undefined) out[item.id] = e.value;
		}
	return out;
}

/** The live score preview and the visible required items still unanswered, by item id. */
export function preview(
	content: MysteryCallContent,
	d: CallDraft,
	now: number
): { score: ScoreResult; missing: Set<string>; visible: Set<string> } {
	const score = scoreScenario(content, draftAnswers(content, d, now));
	return {
		score,
		missing: new Set(score.missing),
		visible: new Set(score.items.filter((i) => i.status !== 'hidden').map((i) => i.id))
	};
}

/** The server's field errors (`answers.q1`, `itemNotes.q1`) by item id; the rest under `_`. */
export function errorsByItem(errors: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [path, message] of Object.entries(errors)) {
		const [head, id] = path.split('.');
		const key = (head === 'answers' || head === 'itemNotes') && id ? id : '_';
		out[key] ??= message;
	}
	return out;
}
