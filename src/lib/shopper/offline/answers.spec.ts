import { describe, expect, it } from 'vitest';
import { branchItems, errorsByItem, nextStep, prefilled, preview, stepById } from './answers';
import { marker, played, relative } from './test-fixtures';

const step = (id: string) => stepById(relative, id)!;

describe('the script on the phone', () => {
	it('follows the branch the answer picks', () => {
		const yes = played({ type: 'answer', item: 'rel_asked', value: 'yes' });
		const no = played({ type: 'answer', item: 'rel_asked', value: 'no' });
		expect(nextStep(relative, step('request'), yes, 0)).toBe('verify');
		expect(nextStep(relative, step('request'), no, 0)).toBe('pressure');
	});

	it('falls back to next, then to the following step, and stops at an end step', () => {
		const d = played();
		expect(nextStep(relative, step('request'), d, 0)).toBe('pressure');
		expect(nextStep(relative, step('open'), d, 0)).toBe('pretext');
		expect(nextStep(relative, step('close'), d, 0)).toBeNull();
	});

	it("puts the items a step's branches ask about on that step's screen", () => {
		expect(branchItems(relative, step('request')).map((i) => i.id)).toEqual(['rel_asked']);
		expect(branchItems(relative, step('open'))).toEqual([]);
	});
});

describe('the checklist on the phone', () => {
	const call = played(
		{ type: 'start', now: 1000, firstStep: 'open' },
		{ type: 'answered', now: 4000 },
		{ type: 'marker', now: 5000, marker: marker('verify') },
		{ type: 'marker', now: 6000, marker: marker('disclosure') },
		{ type: 'hangup', now: 31_000 }
	);

	it('is pre-filled from markers and timers where the scenario says so', () => {
		const pre = prefilled(relative, call, 99_000);
		expect(pre.rel_no_disclosure).toBe('no');
		expect(pre.rel_answer_time).toBe(3);
		expect(pre.rel_talk_time).toBe(27);
	});

	it('lists visible required items without an answer, and a live score from the engine', () => {
		const { score, missing } = preview(relative, call, 99_000);
		expect(missing.has('rel_asked')).toBe(true);
		expect(missing.has('rel_no_disclosure')).toBe(false);
		expect(score.failed).toBe(true);
	});

	it("maps the server's field errors onto items", () => {
		expect(
			errorsByItem({ 'answers.q1': 'required', 'itemNotes.q2': 'too long', notes: 'x' })
		).toEqual({ q1: 'required', q2: 'too long', _: 'x' });
	});
});
