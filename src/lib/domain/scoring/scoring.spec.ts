import { describe, expect, it } from 'vitest';
import { scoreScenario } from '.';
import { answers, call, en, item, section, yesNo } from './test-fixtures';

describe('scoring: weights, N/A and bonus', () => {
	it('weights items by item weight × section weight', () => {
		// E = 2·1·1 + 2·3·0 + 1·2·0.75 = 3.5, P = 2·1 + 2·3 + 1·2 = 10
		const scenario = call([
			section('a', [yesNo('a1'), yesNo('a2', { weight: 3 })], { weight: 2 }),
			section('b', [item('b1', 'scale', { min: 1, max: 5, weight: 2 })])
		]);
		const r = scoreScenario(scenario, answers({ a1: 'yes', a2: 'no', b1: 4 }));
		expect(r.status).toBe('scored');
		expect(r.earned).toBe(3.5);
		expect(r.possible).toBe(10);
		expect(r.score).toBe(0.35);
		expect(r.maxScore).toBe(1);
		expect(r.sections.map((s) => [s.id, s.score])).toEqual([
			['a', 0.25],
			['b', 0.75]
		]);
	});

	it('removes N/A items from the possible points', () => {
		// y1 1/1 + choice 1/2 + y2 N/A → 2/3
		const scenario = call([
			section('s', [
				yesNo('y1'),
				item('c', 'single_choice', {
					options: [
						{ id: 'none', label: en('None'), points: 0 },
						{ id: 'partial', label: en('Partial'), points: 1 },
						{ id: 'full', label: en('Full'), points: 2 }
					]
				}),
				yesNo('y2', { weight: 5 })
			])
		]);
		const r = scoreScenario(scenario, answers({ y1: 'yes', c: 'partial', y2: 'na' }));
		expect([r.earned, r.possible]).toEqual([2, 3]);
		expect(r.score).toBeCloseTo(2 / 3, 15);
		expect(r.items.find((i) => i.id === 'y2')).toMatchObject({
			status: 'na',
			earned: 0,
			possible: 0
		});
	});

	it('gives no score, not NaN, when every item is N/A', () => {
		const scenario = call([section('s', [yesNo('a'), item('b', 'scale', { min: 0, max: 4 })])]);
		const r = scoreScenario(scenario, answers({ a: 'na', b: 'na' }));
		expect(r).toMatchObject({ status: 'no_score', score: null, rawScore: null, maxScore: null });
		expect(r.sections[0].score).toBeNull();
		expect(r.failed).toBe(false);
	});

	it('lets bonus items lift the score above 100 % by default', () => {
		const scenario = call([
			section('s', [yesNo('y1'), yesNo('y2'), yesNo('extra', { bonus: true })])
		]);
		const r = scoreScenario(scenario, answers({ y1: 'yes', y2: 'yes', extra: 'yes' }));
		expect([r.earned, r.possible, r.score, r.maxScore]).toEqual([3, 2, 1.5, 1.5]);
		expect([r.bonusEarned, r.bonusPossible]).toEqual([1, 1]);
		expect(r.sections[0].score).toBe(1.5);
	});

	it('counts a missed bonus item as neither earned nor possible', () => {
		const scenario = call([
			section('s', [yesNo('y1'), yesNo('y2'), yesNo('extra', { bonus: true })])
		]);
		const r = scoreScenario(scenario, answers({ y1: 'yes', y2: 'no', extra: 'no' }));
		expect([r.score, r.maxScore, r.bonusEarned]).toEqual([0.5, 1.5, 0]);
	});

	it('caps the score at 100 % when the scenario asks for it', () => {
		const scenario = call(
			[section('s', [yesNo('y1'), yesNo('y2'), yesNo('extra', { bonus: true })])],
			{
				scoring: { capBonusAt100: true }
			}
		);
		const full = scoreScenario(scenario, answers({ y1: 'yes', y2: 'yes', extra: 'yes' }));
		expect([full.score, full.maxScore]).toEqual([1, 1]);
		const partial = scoreScenario(scenario, answers({ y1: 'no', y2: 'yes', extra: 'yes' }));
		expect(partial.score).toBe(1);
		const low = scoreScenario(scenario, answers({ y1: 'no', y2: 'no', extra: 'yes' }));
		expect(low.score).toBe(0.5);
	});

	it('scores items phrased negatively when "no" is the passing answer', () => {
		const scenario = call([section('s', [yesNo('asked_cvv', { passAnswer: 'no' })])]);
		expect(scoreScenario(scenario, answers({ asked_cvv: 'no' })).score).toBe(1);
		expect(scoreScenario(scenario, answers({ asked_cvv: 'yes' })).score).toBe(0);
	});

	it('scores numbers and durations by their first matching band', () => {
		const bands = [
			{ max: 10, points: 2 },
			{ min: 10, max: 20, points: 1 }
		];
		const scenario = call([
			section('s', [
				item('rings', 'number', { bands }),
				item('wait', 'duration', { bands }),
				item('free', 'number')
			])
		]);
		// rings 15 → 1 of 2; wait 30 s → no band, 0 of 2; free has no bands and is unscored
		const r = scoreScenario(scenario, answers({ rings: 15, wait: 30, free: 7 }));
		expect([r.earned, r.possible]).toEqual([1, 4]);
		expect(r.items.find((i) => i.id === 'free')?.status).toBe('unscored');
	});

	it('leaves unanswered items out of the score and lists the required ones as missing', () => {
		const scenario = call([
			section('s', [
				yesNo('a'),
				yesNo('b'),
				item('note', 'text', { required: false }),
				item('why', 'text')
			])
		]);
		const r = scoreScenario(scenario, answers({ a: 'yes', b: null }));
		expect(r.score).toBe(1);
		expect(r.missing).toEqual(['b', 'why']);
		expect(r.items.find((i) => i.id === 'b')?.status).toBe('unanswered');
	});

	it('ignores a recorded answer that does not suit its item instead of guessing', () => {
		const scenario = call([section('s', [yesNo('a'), item('sc', 'scale', { min: 1, max: 5 })])]);
		const r = scoreScenario(scenario, answers({ a: 'yes', sc: 9 }));
		expect(r.score).toBe(1);
		expect(r.missing).toEqual(['sc']);
	});

	it('keeps items of weight 0 on the sheet without counting them', () => {
		const scenario = call([section('s', [yesNo('a'), yesNo('info', { weight: 0 })])]);
		const r = scoreScenario(scenario, answers({ a: 'yes', info: 'no' }));
		expect([r.score, r.possible]).toEqual([1, 1]);
		expect(r.items[1]).toMatchObject({ status: 'scored', passed: false, possible: 0 });
	});
});

describe('scoring: critical items', () => {
	const sheet = (mode?: 'zero_and_flag' | 'show_score_mark_failed') =>
		call([section('s', [yesNo('y1'), yesNo('y2'), yesNo('verify', { severity: 'C' })])], {
			scoring: mode ? { criticalMode: mode } : {}
		});

	it('zeroes and flags a call with a failed critical item by default', () => {
		const r = scoreScenario(sheet(), answers({ y1: 'yes', y2: 'yes', verify: 'no' }));
		expect(r).toMatchObject({
			score: 0,
			failed: true,
			flagged: true,
			criticalFailures: ['verify']
		});
		expect(r.rawScore).toBeCloseTo(2 / 3, 15);
		expect(r.sections[0].score).toBeCloseTo(2 / 3, 15);
	});

	it('shows the computed score but marks the call failed in the other mode', () => {
		const r = scoreScenario(
			sheet('show_score_mark_failed'),
			answers({ y1: 'yes', y2: 'yes', verify: 'no' })
		);
		expect(r.score).toBeCloseTo(2 / 3, 15);
		expect(r).toMatchObject({ failed: true, flagged: false, criticalFailures: ['verify'] });
	});

	it('does not fail a call whose critical item passed, is N/A or is unanswered', () => {
		for (const verify of ['yes', 'na', null]) {
			const r = scoreScenario(sheet(), answers({ y1: 'yes', y2: 'no', verify }));
			expect(r.failed, String(verify)).toBe(false);
			expect(r.score, String(verify)).toBeGreaterThan(0);
		}
	});

	it('lets an explicit critical flag override the severity default', () => {
		const scenario = call([
			section('s', [
				yesNo('a', { severity: 'C', critical: false }),
				yesNo('b', { severity: 'm', critical: true })
			])
		]);
		const r = scoreScenario(scenario, answers({ a: 'no', b: 'no' }));
		expect(r.criticalFailures).toEqual(['b']);
	});

	it('fails a critical scale item that misses full marks', () => {
		const scenario = call([section('s', [item('q', 'scale', { min: 0, max: 4, critical: true })])]);
		expect(scoreScenario(scenario, answers({ q: 3 })).failed).toBe(true);
		expect(scoreScenario(scenario, answers({ q: 4 })).failed).toBe(false);
	});
});
