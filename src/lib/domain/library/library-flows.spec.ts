/**
 * Library calls played through as a shopper would record them: markers tapped at times, timers
 * read, only the observed items answered, and the marker-derived items left to the markers.
 */
import { describe, expect, it } from 'vitest';
import type { AnswersInput } from '../../schemas/scenario-answers';
import type { ScenarioContent } from '../../schemas/scenario';
import { scoreScenario, type ScoreResult } from '../scoring';
import { findLibraryEntry, libraryContent } from './index';
import { allItems, bestAnswer, callAnswers } from './test-answers';

const s = (seconds: number) => seconds * 1000;
type Marker = AnswersInput['markers'] extends (infer M)[] | undefined ? M : never;
const tap = (kind: Marker['kind'], seconds: number, id?: string): Marker => ({
	kind,
	t: s(seconds),
	...(id ? { id } : {})
});

/** Every item the shopper answers by hand at its best, except marker-derived ones, then `answers`. */
function play(
	content: ScenarioContent,
	answers: Record<string, string | number>,
	markers: Marker[],
	timings: AnswersInput['timings'] = {}
): ScoreResult {
	const items: Record<string, string | number> = {};
	for (const item of allItems(content))
		if (item.type !== 'marker_derived' && item.type !== 'duration' && !item.bonus)
			items[item.id] = bestAnswer(item);
	return scoreScenario(
		content,
		callAnswers(content, { items: { ...items, ...answers }, markers, timings })
	);
}
const load = (code: string) => libraryContent(findLibraryEntry(code)!);
const item = (r: ScoreResult, id: string) => r.items.find((i) => i.id === id)!;

describe('SE-RELATIVE: a caller asking about a relative’s account', () => {
	const content = load('SE-RELATIVE');

	it('passes an agent who asks for authority first and discloses nothing', () => {
		const r = play(
			content,
			{ rel_asked: 'yes' },
			[tap('greeting', 2), tap('verification_asked', 25)],
			{
				time_to_answer: s(8),
				talk: s(240)
			}
		);
		expect(r.path).toEqual(['open', 'pretext', 'request', 'verify', 'fallback', 'close']);
		expect(item(r, 'mc05')).toMatchObject({ value: 'yes', derived: true });
		expect(item(r, 'rel_no_disclosure')).toMatchObject({ value: 'yes', derived: true });
		expect(item(r, 'rel_answer_time')).toMatchObject({ value: 8, status: 'unscored' });
		expect(r.score).toBeCloseTo(1, 12);
		expect(r.failed).toBe(false);
	});

	it('fails and zeroes a call where disclosure came before any verification', () => {
		const r = play(content, { rel_asked: 'no' }, [tap('greeting', 2), tap('disclosure', 30)]);
		expect(r.path).toEqual(['open', 'pretext', 'request', 'pressure', 'close']);
		expect(item(r, 'mc05')).toMatchObject({ value: 'no', derived: true, passed: false });
		expect(r.criticalFailures).toEqual(expect.arrayContaining(['mc05', 'rel_no_disclosure']));
		expect(r).toMatchObject({ failed: true, flagged: true, score: 0 });
		// The verification items belong to the step the call never reached.
		for (const id of ['mc06', 'mc07', 'mc08']) expect(item(r, id).status).toBe('hidden');
		expect(r.clauses['G32'].failedItems).toEqual(
			expect.arrayContaining(['mc05', 'rel_no_disclosure'])
		);
	});

	it('still fails a call where the agent verified but disclosed anyway', () => {
		const r = play(content, { rel_asked: 'yes' }, [
			tap('verification_asked', 20),
			tap('disclosure', 50)
		]);
		expect(item(r, 'mc05').value).toBe('yes');
		expect(r.criticalFailures).toEqual(['rel_no_disclosure']);
	});
});

describe('SE-MANAGER: an urgent branch-manager request', () => {
	const content = load('SE-MANAGER');

	it('follows the callback route when the agent insists on an internal check', () => {
		const r = play(content, { bm_internal_check: 'yes' }, [tap('greeting', 1)]);
		expect(r.path).toEqual(['open', 'authority', 'request', 'callback', 'procedure', 'close']);
		expect(r.score).toBeCloseTo(1, 12);
	});

	it('fails a call where the agent gave in to pressure and read out client data', () => {
		const r = play(content, { bm_internal_check: 'no', mc09: 'no' }, [tap('disclosure', 70)]);
		expect(r.path).toEqual(['open', 'authority', 'request', 'pressure', 'close']);
		expect(r.criticalFailures.sort()).toEqual(['bm_no_disclosure', 'mc09']);
		expect(r.score).toBe(0);
	});
});

describe('SE-PHONE: a request to change the phone number', () => {
	const content = load('SE-PHONE');

	it('holds firm after a step-up check: full marks', () => {
		const r = play(content, { mc10: 'yes' }, [tap('verification_asked', 15)]);
		expect(r.path).toEqual(['open', 'request', 'verify', 'hold_firm', 'close']);
		expect(item(r, 'mc06').status).toBe('scored');
		expect(r.score).toBeCloseTo(1, 12);
	});

	it('fails a change made without asking for any verification', () => {
		const r = play(content, { mc10: 'no' }, [tap('custom', 40, 'contact_changed')]);
		expect(r.path).toEqual(['open', 'request', 'push', 'close']);
		for (const id of ['mc06', 'mc07', 'mc08']) expect(item(r, id).status).toBe('hidden');
		expect(r.criticalFailures.sort()).toEqual(['mc10', 'ph_not_changed']);
		expect(r.flagged).toBe(true);
	});
});

describe('PCI-PAY: the card-payment call', () => {
	const content = load('PCI-PAY');
	const spoken = { mc23: 'no' };

	it('scores secure keypad entry in full and skips the spoken-number items', () => {
		const r = play(content, { mc23: 'yes' }, [tap('verification_asked', 10)]);
		expect(r.path).toContain('secure_entry');
		for (const id of ['mc24', 'mc25', 'cp_resumed', 'cp_cvv_not_kept'])
			expect(item(r, id).status).toBe('hidden');
		expect(r.score).toBeCloseTo(1, 12);
	});

	it('accepts pause-and-resume around a spoken card number, at the cost of the DTMF item', () => {
		const r = play(content, spoken, [
			tap('custom', 55, 'recording_paused'),
			tap('custom', 60, 'pan_spoken'),
			tap('custom', 95, 'recording_resumed')
		]);
		expect(r.path).toEqual([
			'open',
			'identify',
			'pay_request',
			'spoken',
			'cvv',
			'confirm',
			'email_probe',
			'close'
		]);
		for (const id of ['mc24', 'mc25', 'cp_resumed', 'mc19']) expect(item(r, id).value).toBe('yes');
		expect(r.failed).toBe(false);
		expect(r.score!).toBeLessThan(1);
		expect(r.clauses['PCI TEL']).toMatchObject({ passed: 0, failed: 1 });
	});

	it('fails a card number spoken before the recording was paused, or a CVV repeated aloud', () => {
		const late = play(content, spoken, [
			tap('custom', 60, 'pan_spoken'),
			tap('custom', 62, 'recording_paused')
		]);
		expect(late.criticalFailures).toEqual(['mc24']);
		const repeated = play(content, spoken, [
			tap('custom', 55, 'recording_paused'),
			tap('custom', 60, 'pan_spoken'),
			tap('custom', 80, 'cvv_repeated')
		]);
		expect(repeated.criticalFailures).toEqual(['mc25']);
		expect(item(repeated, 'cp_resumed').value).toBe('no');
	});
});

describe('SQ-9: the service-quality sheet', () => {
	const content = load('SQ-9');

	it('scores the answer time from the timer and shows the score of a call failed for a forbidden phrase', () => {
		const r = play(content, { sq_clarify: 'no', sq_forbidden: 'yes' }, [tap('greeting', 15)], {
			time_to_answer: s(15)
		});
		expect(r.path).toContain('volunteer');
		expect(item(r, 'sq_answer_time')).toMatchObject({ value: 15, derived: true });
		expect(r.categories.opening!.score).toBeLessThan(1);
		expect(r).toMatchObject({ failed: true, flagged: false, criticalFailures: ['sq_forbidden'] });
		expect(r.score).toBe(r.rawScore);
		expect(r.score!).toBeGreaterThan(0.5);
	});
});

describe('PRIV-40 and VENDOR-28', () => {
	it('shows the card-payment section of the privacy call only when the payment step was reached', () => {
		const content = load('PRIV-40');
		const without = play(content, {}, [tap('verification_asked', 20)]);
		expect(without.sections.find((x) => x.id === 'payment')!.visible).toBe(false);
		const withPay = play(content, {}, [
			tap('verification_asked', 20),
			tap('custom', 300, 'payment_started')
		]);
		expect(withPay.path).toContain('payment');
		expect(withPay.sections.find((x) => x.id === 'payment')!.visible).toBe(true);
		expect(withPay.score).toBeCloseTo(1, 12);
	});

	it('tallies audit result codes and marks (not zeroes) an audit with a major nonconformity on a critical control', () => {
		const content = load('VENDOR-28');
		const r = play(content, { va01: 'MAJ', va09: 'MIN', va16: 'OBS', va27: 'na' }, []);
		expect(r.audit).toEqual({ COM: 24, MAJ: 1, MIN: 1, OBS: 1, na: 1 });
		expect(r).toMatchObject({ failed: true, flagged: false, criticalFailures: ['va01'] });
		// Weights C 3, M 2, m 1: 8·3 + 16·2 + 4·1 = 60, less N/A va27 (m) = 59 possible; va01 (C)
		// loses its 3 points, va09 (m, MIN) half of its 1.
		expect(r.possible).toBe(59);
		expect(r.score).toBeCloseTo((59 - 3 - 0.5) / 59, 12);
	});
});
