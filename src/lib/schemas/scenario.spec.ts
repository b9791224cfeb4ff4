import { describe, expect, it } from 'vitest';
import {
	en,
	fullCall,
	issues,
	item,
	paths,
	persona,
	rawCall,
	section,
	yesNo
} from '../domain/scoring/test-fixtures';
import { localize, scenarioContentSchema } from './scenario';

describe('scenario content schema', () => {
	it('accepts a mystery call using every item type, branches, markers and timers', () => {
		expect(issues(fullCall)).toEqual([]);
	});

	it('fills documented defaults so stored versions are normalised', () => {
		const parsed = scenarioContentSchema.parse(
			rawCall([section('s', [yesNo('a')])], { markers: [], timers: [] })
		);
		expect(parsed.schemaVersion).toBe(1);
		expect(parsed.scoring).toEqual({
			criticalMode: 'zero_and_flag',
			capBonusAt100: false,
			auditPoints: { COM: 1, OBS: 1, MIN: 0.5, MAJ: 0 }
		});
		const [s] = parsed.checklist.sections;
		expect(s.weight).toBe(1);
		expect(s.items[0]).toMatchObject({
			weight: 1,
			clauses: [],
			bonus: false,
			required: true,
			allowNa: true,
			passAnswer: 'yes'
		});
		expect(parsed.kind === 'mystery_call' && parsed.script.steps).toEqual([]);
	});

	it('accepts a vendor audit with result-code items and no script', () => {
		const audit = {
			kind: 'vendor_audit',
			auditMode: 'questionnaire',
			title: { 'zh-CN': '供应商数据保护审计' },
			checklist: {
				sections: [
					section('contract', [
						item('dpa', 'audit_result', { severity: 'C', clauses: ['P21', 'G28(3)', 'A 5.20'] }),
						item('evidence', 'text', { required: false })
					])
				]
			}
		};
		expect(issues(audit)).toEqual([]);
	});

	it('rejects a vendor audit that carries a persona or script', () => {
		const audit = { kind: 'vendor_audit', title: en('Audit'), persona };
		expect(issues(audit)).toEqual([': Unrecognized key: "persona"']);
	});

	it('rejects unknown keys where they are, so typos in an import are named', () => {
		const input = rawCall([section('s', [yesNo('a', { wieght: 2 })])]);
		expect(issues(input)).toEqual(['checklist.sections.0.items.0: Unrecognized key: "wieght"']);
	});

	it('rejects an unknown item type at the type field', () => {
		expect(paths(rawCall([section('s', [item('a', 'stars' as 'text')])]))).toEqual([
			'checklist.sections.0.items.0.type'
		]);
	});

	it('rejects negative weights on items and sections at the weight field', () => {
		const input = rawCall([section('s', [yesNo('a', { weight: -1 })], { weight: -0.5 })]);
		expect(paths(input).sort()).toEqual([
			'checklist.sections.0.items.0.weight',
			'checklist.sections.0.weight'
		]);
	});

	it('rejects weights and points too small or too large to add up safely', () => {
		const input = rawCall([
			section('s', [
				yesNo('a', { weight: 1e-9 }),
				yesNo('b', { weight: 1001 }),
				item('c', 'single_choice', { options: [{ id: 'o', label: en('O'), points: 1e-300 }] })
			])
		]);
		expect(issues(input)).toEqual([
			'checklist.sections.0.items.0.weight: use 0 or a weight of at least 0.001',
			'checklist.sections.0.items.1.weight: weights above 1000 are not supported',
			'checklist.sections.0.items.2.options.0.points: use 0 or at least 0.001 points'
		]);
	});

	it('rejects infinite and non-numeric weights', () => {
		expect(paths(rawCall([section('s', [yesNo('a', { weight: Infinity })])]))).toEqual([
			'checklist.sections.0.items.0.weight'
		]);
		expect(paths(rawCall([section('s', [yesNo('a', { weight: '2' })])]))).toEqual([
			'checklist.sections.0.items.0.weight'
		]);
	});

	it('rejects clause codes outside the catalogue at their index', () => {
		const input = rawCall([section('s', [yesNo('a', { clauses: ['P13', 'P99', 'GB 7.2'] })])]);
		expect(issues(input)).toEqual([
			'checklist.sections.0.items.0.clauses.1: unknown clause code: pick one from the clause catalogue'
		]);
	});

	it('rejects severities other than C, M and m', () => {
		expect(paths(rawCall([section('s', [yesNo('a', { severity: 'H' })])]))).toEqual([
			'checklist.sections.0.items.0.severity'
		]);
	});

	it('rejects a persona that is not declared synthetic', () => {
		const input = rawCall([], { persona: { ...persona, synthetic: false } });
		expect(issues(input)).toEqual([
			'persona.synthetic: personas must use synthetic identities only'
		]);
	});

	it('rejects labels with no text in either language, and unknown locales', () => {
		expect(issues(rawCall([section('s', [yesNo('a', { label: { en: ' ' } })])]))).toEqual([
			'checklist.sections.0.items.0.label: give the text in at least one language (en or zh-CN)'
		]);
		expect(paths(rawCall([section('s', [yesNo('a', { label: { fr: 'Oui' } })])]))).toContain(
			'checklist.sections.0.items.0.label'
		);
	});

	it('rejects ids with spaces or that are too long', () => {
		expect(paths(rawCall([section('s', [yesNo('has space')])]))).toEqual([
			'checklist.sections.0.items.0.id'
		]);
		expect(paths(rawCall([section('x'.repeat(65), [])]))).toEqual(['checklist.sections.0.id']);
	});

	it('rejects a step with nothing to say or listen for', () => {
		const input = rawCall([], { script: { steps: [{ id: 'a' }] } });
		expect(issues(input)).toEqual([
			'script.steps.0.say: a step needs something to say or to listen for'
		]);
	});

	it('rejects an empty answer list in a condition and an unknown critical mode', () => {
		const input = rawCall(
			[
				section('s', [
					yesNo('a'),
					yesNo('b', { visibleWhen: { kind: 'answer', item: 'a', in: [] } })
				])
			],
			{ scoring: { criticalMode: 'warn' } }
		);
		expect(paths(input).sort()).toEqual([
			'checklist.sections.0.items.1.visibleWhen.in',
			'scoring.criticalMode'
		]);
	});

	it('rejects audit points outside 0..1', () => {
		expect(paths(rawCall([], { scoring: { auditPoints: { MIN: 2 } } }))).toEqual([
			'scoring.auditPoints.MIN'
		]);
	});
});

describe('localize', () => {
	it('returns the wanted locale and falls back to the other one', () => {
		expect(localize({ en: 'Yes', 'zh-CN': '是' }, 'zh-CN')).toBe('是');
		expect(localize({ en: 'Yes' }, 'zh-CN')).toBe('Yes');
		expect(localize({ 'zh-CN': '是' }, 'en')).toBe('是');
	});
});
