import { describe, expect, it } from 'vitest';
import { scoreScenario } from '.';
import { answers, call, en, item, section, yesNo } from './test-fixtures';

const say = en('…');

describe('scoring: branches and visibility', () => {
	// "agent asked for verification?" yes → step 3 (judge the check), no → step 2 (push on)
	const branching = call(
		[
			section('s', [
				yesNo('asked'),
				yesNo('quality', { visibleWhen: { kind: 'step', step: 'check' } }),
				yesNo('refused', { visibleWhen: { kind: 'step', step: 'push' } })
			])
		],
		{
			script: {
				steps: [
					{
						id: 'open',
						say,
						branches: [{ when: { kind: 'answer', item: 'asked', in: ['yes'] }, goto: 'check' }]
					},
					{ id: 'push', say, next: 'close' },
					{ id: 'check', say },
					{ id: 'close', say, end: true }
				]
			}
		}
	);

	it('follows the branch taken and hides the items of the step not reached', () => {
		const r = scoreScenario(branching, answers({ asked: 'yes', quality: 'no', refused: 'yes' }));
		expect(r.path).toEqual(['open', 'check', 'close']);
		expect(r.items.map((i) => [i.id, i.status])).toEqual([
			['asked', 'scored'],
			['quality', 'scored'],
			['refused', 'hidden']
		]);
		expect(r.score).toBe(0.5); // asked 1 + quality 0 of 2
	});

	it('falls through to the next step when no branch holds', () => {
		const r = scoreScenario(branching, answers({ asked: 'no', quality: 'no', refused: 'yes' }));
		expect(r.path).toEqual(['open', 'push', 'close']);
		expect(r.items.find((i) => i.id === 'quality')?.status).toBe('hidden');
		expect(r.score).toBe(0.5); // asked 0 + refused 1 of 2; the answered quality is ignored
	});

	it('branches on a marker and stops at a step already visited', () => {
		const loop = call([section('s', [yesNo('a', { visibleWhen: { kind: 'step', step: 'b' } })])], {
			script: {
				steps: [
					{
						id: 'a',
						say,
						branches: [{ when: { kind: 'marker', marker: 'transfer' }, goto: 'b' }],
						next: 'a'
					},
					{ id: 'b', say, next: 'a' }
				]
			}
		});
		const transferred = answers({ a: 'yes' }, { markers: [{ kind: 'transfer', t: 10 }] });
		expect(scoreScenario(loop, transferred).path).toEqual(['a', 'b']);
		const none = scoreScenario(loop, answers({ a: 'yes' }));
		expect(none.path).toEqual(['a']);
		expect(none.status).toBe('no_score');
	});

	it('shows an item only while the answer it depends on is given, and cascades hiding', () => {
		const scenario = call([
			section('s', [
				yesNo('refused'),
				yesNo('offered_callback', {
					visibleWhen: { kind: 'answer', item: 'refused', in: ['yes'] }
				}),
				yesNo('callback_number', {
					visibleWhen: { kind: 'answer', item: 'offered_callback', in: ['yes'] }
				})
			])
		]);
		const all = answers({ refused: 'yes', offered_callback: 'yes', callback_number: 'no' });
		expect(scoreScenario(scenario, all).score).toBeCloseTo(2 / 3, 15);
		const r = scoreScenario(scenario, { ...all, items: { ...all.items, refused: 'no' } });
		expect(r.items.map((i) => i.status)).toEqual(['scored', 'hidden', 'hidden']);
		expect(r.score).toBe(0);
	});

	it('hides a whole section when its condition is false', () => {
		const scenario = call([
			section('payment', [yesNo('took_card')]),
			section('pci', [yesNo('paused'), yesNo('no_cvv_repeat', { severity: 'C' })], {
				visibleWhen: { kind: 'answer', item: 'took_card', in: ['yes'] }
			})
		]);
		const r = scoreScenario(
			scenario,
			answers({ took_card: 'no', paused: 'no', no_cvv_repeat: 'no' })
		);
		expect(r.sections.map((s) => [s.id, s.visible, s.score])).toEqual([
			['payment', true, 0],
			['pci', false, null]
		]);
		expect(r.failed).toBe(false);
		expect(r.missing).toEqual([]);
	});
});

describe('scoring: marker-derived items', () => {
	const scenario = call(
		[
			section('s', [
				item('verified_first', 'marker_derived', {
					rule: { kind: 'before', first: 'verify', then: 'disclosure' },
					critical: true
				}),
				item('short_hold', 'marker_derived', {
					rule: { kind: 'within', from: 'hold_start', to: 'hold_end', maxSeconds: 60 }
				}),
				item('hold_budget', 'marker_derived', {
					rule: { kind: 'timer_max', timer: 'hold', maxSeconds: 90 }
				}),
				item('one_transfer', 'marker_derived', {
					rule: { kind: 'max_count', marker: 'transfer', max: 1 }
				}),
				item('no_leading', 'marker_derived', { rule: { kind: 'absent', marker: 'dob_led' } }),
				item('answered_in', 'duration', {
					fromTimer: 'time_to_answer',
					bands: [
						{ max: 10, points: 2 },
						{ max: 20, points: 1 }
					]
				})
			])
		],
		{ scoring: { criticalMode: 'show_score_mark_failed' } }
	);
	const value = (r: ReturnType<typeof scoreScenario>, id: string) =>
		r.items.find((i) => i.id === id)?.value;

	it('derives every answer from the markers and timers of the call', () => {
		const r = scoreScenario(
			scenario,
			answers(
				{},
				{
					markers: [
						{ kind: 'disclosure', t: 8000 },
						{ kind: 'verification_asked', t: 5000 },
						{ kind: 'hold_start', t: 10_000 },
						{ kind: 'hold_end', t: 85_000 },
						{ kind: 'transfer', t: 90_000 },
						{ kind: 'transfer', t: 95_000 }
					],
					timings: { time_to_answer: 12_000 }
				}
			)
		);
		// verified first ✓, hold 75 s > 60 ✗, hold 75 s ≤ 90 ✓, 2 transfers ✗, no leading ✓, 12 s → 1 of 2
		expect(r.items.map((i) => [i.id, i.value, i.derived])).toEqual([
			['verified_first', 'yes', true],
			['short_hold', 'no', true],
			['hold_budget', 'yes', true],
			['one_transfer', 'no', true],
			['no_leading', 'yes', true],
			['answered_in', 12, true]
		]);
		expect([r.earned, r.possible]).toEqual([4, 7]);
		expect(r.failed).toBe(false);
	});

	it('fails "verification before disclosure" when disclosure came first', () => {
		const r = scoreScenario(
			scenario,
			answers(
				{},
				{
					markers: [
						{ kind: 'disclosure', t: 3000 },
						{ kind: 'verification_asked', t: 5000 },
						{ kind: 'custom', id: 'dob_led', t: 4000 }
					]
				}
			)
		);
		expect(value(r, 'verified_first')).toBe('no');
		expect(value(r, 'no_leading')).toBe('no');
		expect(r.criticalFailures).toEqual(['verified_first']);
	});

	it('passes the order rule when nothing was disclosed and leaves unknown timings N/A', () => {
		const r = scoreScenario(scenario, answers());
		expect(r.items.map((i) => [i.id, i.status])).toEqual([
			['verified_first', 'scored'],
			['short_hold', 'na'],
			['hold_budget', 'na'],
			['one_transfer', 'scored'],
			['no_leading', 'scored'],
			['answered_in', 'unanswered']
		]);
		expect(r.score).toBe(1);
	});

	it('prefers the hold timer reading to the hold markers', () => {
		const markers = [
			{ kind: 'hold_start' as const, t: 0 },
			{ kind: 'hold_end' as const, t: 100_000 }
		];
		expect(value(scoreScenario(scenario, answers({}, { markers })), 'hold_budget')).toBe('no');
		const timed = answers({}, { markers, timings: { hold: 30_000 } });
		expect(value(scoreScenario(scenario, timed), 'hold_budget')).toBe('yes');
	});

	it('lets the shopper override a derived answer', () => {
		const r = scoreScenario(
			scenario,
			answers(
				{ verified_first: 'yes', answered_in: 'na' },
				{ markers: [{ kind: 'disclosure', t: 1 }], timings: { time_to_answer: 5000 } }
			)
		);
		expect(r.items[0]).toMatchObject({ value: 'yes', derived: false, passed: true });
		expect(r.items[5]).toMatchObject({ value: 'na', status: 'na' });
	});

	it('does not depend on the order in which markers were stored', () => {
		const markers = [
			{ kind: 'hold_start' as const, t: 1000 },
			{ kind: 'hold_end' as const, t: 1000 },
			{ kind: 'hold_start' as const, t: 2000 },
			{ kind: 'hold_end' as const, t: 70_000 },
			{ kind: 'verification_asked' as const, t: 500 }
		];
		const forward = scoreScenario(scenario, answers({}, { markers }));
		const backward = scoreScenario(scenario, answers({}, { markers: [...markers].reverse() }));
		expect(backward).toEqual(forward);
	});
});
