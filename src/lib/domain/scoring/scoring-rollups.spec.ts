import { describe, expect, it } from 'vitest';
import { scoreScenario } from '.';
import { answers, audit, call, item, section, yesNo } from './test-fixtures';

describe('scoring: per-clause results', () => {
	const scenario = call([
		section('s', [
			yesNo('i1', { clauses: ['P13', 'G32'] }),
			yesNo('i2', { clauses: ['G32'] }),
			yesNo('i3', { clauses: ['G32', 'P13', 'G32'] }),
			yesNo('i4', { clauses: ['P13'] }),
			yesNo('i5', { clauses: ['G32'], visibleWhen: { kind: 'answer', item: 'i1', in: ['no'] } }),
			item('i6', 'scale', { min: 0, max: 2, clauses: ['PCI 3.3.1'] }),
			item('i7', 'text', { clauses: ['P17'] })
		])
	]);

	it('counts an item as passing its clauses only when it earns full points', () => {
		const r = scoreScenario(
			scenario,
			answers({ i1: 'yes', i2: 'no', i3: 'yes', i4: 'na', i5: 'no', i6: 1, i7: 'said it' })
		);
		expect(r.clauses).toEqual({
			G32: { passed: 2, failed: 1, rate: 2 / 3, failedItems: ['i2'] },
			P13: { passed: 2, failed: 0, rate: 1, failedItems: [] },
			'PCI 3.3.1': { passed: 0, failed: 1, rate: 0, failedItems: ['i6'] }
		});
	});

	it('lists clauses in code order and leaves out clauses with nothing scored', () => {
		const r = scoreScenario(scenario, answers({ i1: 'na', i2: 'no', i6: 2 }));
		expect(Object.keys(r.clauses)).toEqual(['G32', 'PCI 3.3.1']);
		expect(r.clauses['PCI 3.3.1'].rate).toBe(1);
	});
});

describe('scoring: service-quality categories', () => {
	it('scores each category over its items, taking the section category as the default', () => {
		const scenario = call([
			section(
				'open',
				[
					yesNo('greeting'),
					yesNo('named'),
					item('tone', 'scale', { min: 1, max: 5, category: 'voice' })
				],
				{ category: 'opening' }
			),
			section('close', [yesNo('summary', { category: 'conversation_skills', weight: 2 })], {
				category: 'overall_impression',
				weight: 3
			}),
			section('other', [yesNo('plain')])
		]);
		const r = scoreScenario(
			scenario,
			answers({ greeting: 'yes', named: 'no', tone: 4, summary: 'yes' })
		);
		expect(r.categories).toEqual({
			opening: { earned: 1, possible: 2, score: 0.5 },
			voice: { earned: 0.75, possible: 1, score: 0.75 },
			conversation_skills: { earned: 6, possible: 6, score: 1 }
		});
	});

	it('shows a category whose items are all N/A without a score', () => {
		const scenario = call([section('s', [yesNo('a', { category: 'listening' })])]);
		expect(scoreScenario(scenario, answers({ a: 'na' })).categories).toEqual({
			listening: { earned: 0, possible: 0, score: null }
		});
	});
});

describe('scoring: vendor audits', () => {
	const sheet = (extra = {}) =>
		audit(
			[
				section('contract', [
					item('dpa', 'audit_result', { severity: 'C' }),
					item('instructions', 'audit_result'),
					item('subprocessors', 'audit_result')
				]),
				section('site', [
					item('clean_desk', 'audit_result'),
					item('screen_lock', 'audit_result'),
					item('wfh', 'audit_result'),
					item('notes', 'text', { required: false })
				])
			],
			extra
		);

	it('tallies COM / MAJ / MIN / OBS and scores them by the default points', () => {
		const r = scoreScenario(
			sheet(),
			answers({
				dpa: 'COM',
				instructions: 'MAJ',
				subprocessors: 'MIN',
				clean_desk: 'OBS',
				screen_lock: 'na',
				wfh: 'OBS'
			})
		);
		expect(r.audit).toEqual({ COM: 1, MAJ: 1, MIN: 1, OBS: 2, na: 1 });
		// (1 + 0 + 0.5 + 1 + 1) / 5
		expect(r.score).toBe(0.7);
		expect(r.failed).toBe(false);
	});

	it('fails the audit on a nonconformity against a critical control', () => {
		const r = scoreScenario(sheet(), answers({ dpa: 'MAJ', instructions: 'COM' }));
		expect(r).toMatchObject({ failed: true, score: 0, criticalFailures: ['dpa'] });
	});

	it('uses the points per result code that the scenario sets', () => {
		const r = scoreScenario(
			sheet({ scoring: { auditPoints: { MIN: 0, OBS: 0.5 } } }),
			answers({ instructions: 'MIN', clean_desk: 'OBS', wfh: 'COM' })
		);
		expect(r.score).toBe(0.5);
	});
});
