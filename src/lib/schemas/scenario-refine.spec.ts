import { describe, expect, it } from 'vitest';
import { en, issues, item, paths, rawCall, section, yesNo } from '../domain/scoring/test-fixtures';

const steps = (...list: object[]) => ({ script: { steps: list } });
const say = en('Say something');

describe('scenario cross-field rules', () => {
	it('rejects a repeated item id, even across sections, at the second occurrence', () => {
		const input = rawCall([section('a', [yesNo('x')]), section('b', [yesNo('y'), yesNo('x')])]);
		expect(issues(input)).toEqual(['checklist.sections.1.items.1.id: duplicate item id "x"']);
	});

	it('rejects repeated section, step, marker, timer, fact and option ids', () => {
		const input = rawCall(
			[
				section('s', [
					item('c', 'single_choice', {
						options: [
							{ id: 'o', label: en('O'), points: 1 },
							{ id: 'o', label: en('O2'), points: 0 }
						]
					})
				]),
				section('s', [])
			],
			{
				...steps({ id: 'a', say }, { id: 'a', say }),
				markers: [
					{ id: 'm', kind: 'custom', label: en('M') },
					{ id: 'm', kind: 'custom', label: en('M') }
				],
				timers: ['hold', 'hold'],
				persona: {
					name: en('N'),
					pretext: en('P'),
					synthetic: true,
					facts: [
						{ id: 'f', label: en('F'), value: en('1') },
						{ id: 'f', label: en('F'), value: en('2') }
					]
				}
			}
		);
		expect(paths(input).sort()).toEqual([
			'checklist.sections.0.items.0.options.1.id',
			'checklist.sections.1.id',
			'markers.1.id',
			'persona.facts.1.id',
			'script.steps.1.id',
			'timers.1'
		]);
	});

	it('rejects a branch whose target step does not exist', () => {
		const input = rawCall([], {
			...steps({
				id: 'a',
				say,
				branches: [{ when: { kind: 'marker', marker: 'verify' }, goto: 'zz' }]
			})
		});
		expect(issues(input)).toEqual(['script.steps.0.branches.0.goto: unknown step "zz"']);
	});

	it('rejects a next step that does not exist and a final step that names one', () => {
		const input = rawCall([], {
			...steps({ id: 'a', say, next: 'nope' }, { id: 'b', say, end: true, next: 'a' })
		});
		expect(issues(input)).toEqual([
			'script.steps.0.next: unknown step "nope"',
			'script.steps.1.next: a final step cannot name a next step'
		]);
	});

	it('rejects branch conditions on unknown items or markers, and unknown step markers', () => {
		const input = rawCall([section('s', [yesNo('a')])], {
			...steps({
				id: 'a',
				say,
				markers: ['ghost'],
				branches: [
					{ when: { kind: 'answer', item: 'zz', in: ['yes'] }, goto: 'a' },
					{ when: { kind: 'marker', marker: 'zz' }, goto: 'a' }
				]
			})
		});
		expect(paths(input)).toEqual([
			'script.steps.0.markers.0',
			'script.steps.0.branches.0.when.item',
			'script.steps.0.branches.1.when.marker'
		]);
	});

	it('rejects visibility that refers to a missing item, marker or step', () => {
		const input = rawCall(
			[
				section('s', [
					yesNo('a', { visibleWhen: { kind: 'answer', item: 'ghost', in: ['yes'] } }),
					yesNo('b', { visibleWhen: { kind: 'marker', marker: 'ghost' } }),
					yesNo('c', { visibleWhen: { kind: 'step', step: 'ghost' } })
				])
			],
			{ ...steps({ id: 'only', say }) }
		);
		expect(issues(input)).toEqual([
			'checklist.sections.0.items.0.visibleWhen.item: unknown item "ghost"',
			'checklist.sections.0.items.1.visibleWhen.marker: unknown marker "ghost"',
			'checklist.sections.0.items.2.visibleWhen.step: unknown step "ghost"'
		]);
	});

	it('rejects a visibility value the referenced item can never have', () => {
		const input = rawCall([
			section('s', [
				item('c', 'single_choice', { options: [{ id: 'one', label: en('1'), points: 1 }] }),
				yesNo('a', { visibleWhen: { kind: 'answer', item: 'c', in: ['one', 'two'] } }),
				yesNo('b', { visibleWhen: { kind: 'answer', item: 'a', in: ['yes', 'maybe', 'na'] } })
			])
		]);
		expect(issues(input)).toEqual([
			'checklist.sections.0.items.1.visibleWhen.in.1: "two" is not a possible answer of item "c"',
			'checklist.sections.0.items.2.visibleWhen.in.1: "maybe" is not a possible answer of item "a"'
		]);
	});

	it('rejects visibility cycles, direct, indirect and through a section condition', () => {
		const self = rawCall([
			section('s', [yesNo('a', { visibleWhen: { kind: 'answer', item: 'a', in: ['yes'] } })])
		]);
		expect(issues(self)).toEqual([
			'checklist.sections.0.items.0.visibleWhen.item: visibility conditions form a cycle: a → a'
		]);
		const loop = rawCall([
			section('s', [
				yesNo('a', { visibleWhen: { kind: 'answer', item: 'c', in: ['yes'] } }),
				yesNo('b', { visibleWhen: { kind: 'answer', item: 'a', in: ['yes'] } }),
				yesNo('c', { visibleWhen: { kind: 'answer', item: 'b', in: ['no'] } })
			])
		]);
		expect(issues(loop)).toEqual([
			'checklist.sections.0.items.1.visibleWhen.item: visibility conditions form a cycle: a → c → b → a'
		]);
		const viaSection = rawCall([
			section('s', [yesNo('a')], { visibleWhen: { kind: 'answer', item: 'a', in: ['yes'] } })
		]);
		expect(paths(viaSection)).toEqual(['checklist.sections.0.visibleWhen.item']);
	});

	it('accepts chains of visibility conditions that do not loop', () => {
		const chain = rawCall([
			section('s', [
				yesNo('a'),
				yesNo('b', { visibleWhen: { kind: 'answer', item: 'a', in: ['yes'] } }),
				yesNo('c', { visibleWhen: { kind: 'answer', item: 'b', in: ['yes'] } })
			]),
			section('t', [yesNo('d')], { visibleWhen: { kind: 'answer', item: 'a', in: ['no'] } })
		]);
		expect(issues(chain)).toEqual([]);
	});

	it('rejects a scale whose maximum is not above its minimum, and inverted bands', () => {
		const input = rawCall([
			section('s', [
				item('sc', 'scale', { min: 5, max: 5 }),
				item('n', 'number', { min: 10, max: 1, bands: [{ min: 4, max: 2, points: 1 }] })
			])
		]);
		expect(paths(input)).toEqual([
			'checklist.sections.0.items.0.max',
			'checklist.sections.0.items.1.max',
			'checklist.sections.0.items.1.bands.0.max'
		]);
	});

	it('rejects a critical bonus item and a critical item that cannot earn points', () => {
		const input = rawCall([
			section('s', [
				yesNo('a', { severity: 'C', bonus: true }),
				item('t', 'text', { critical: true })
			])
		]);
		expect(issues(input)).toEqual([
			'checklist.sections.0.items.0.bonus: a critical item cannot also be a bonus item',
			'checklist.sections.0.items.1.critical: only an item that earns points can be critical'
		]);
	});

	it('accepts a severity-C item explicitly made non-critical as a bonus', () => {
		expect(
			issues(rawCall([section('s', [yesNo('a', { severity: 'C', critical: false, bonus: true })])]))
		).toEqual([]);
	});

	it('reserves the option id "na" for not applicable', () => {
		const input = rawCall([
			section('s', [
				item('c', 'single_choice', { options: [{ id: 'na', label: en('N/A'), points: 0 }] })
			])
		]);
		expect(paths(input)).toEqual(['checklist.sections.0.items.0.options.0.id']);
	});

	it('rejects marker rules and timers that the scenario does not define', () => {
		const input = rawCall(
			[
				section('s', [
					item('a', 'marker_derived', { rule: { kind: 'before', first: 'verify', then: 'ghost' } }),
					item('b', 'marker_derived', {
						rule: { kind: 'timer_max', timer: 'talk', maxSeconds: 5 }
					}),
					item('c', 'duration', { fromTimer: 'talk' }),
					item('d', 'marker_derived', { rule: { kind: 'max_count', marker: 'ghost', max: 1 } })
				])
			],
			{ timers: ['hold'] }
		);
		expect(paths(input)).toEqual([
			'checklist.sections.0.items.0.rule.then',
			'checklist.sections.0.items.1.rule.timer',
			'checklist.sections.0.items.2.fromTimer',
			'checklist.sections.0.items.3.rule.marker'
		]);
	});

	it('allows each built-in marker kind once but custom markers many times', () => {
		const input = rawCall([], {
			markers: [
				{ id: 'g1', kind: 'greeting', label: en('Hi') },
				{ id: 'c1', kind: 'custom', label: en('C1') },
				{ id: 'c2', kind: 'custom', label: en('C2') },
				{ id: 'g2', kind: 'greeting', label: en('Hi again') }
			]
		});
		expect(issues(input)).toEqual([
			'markers.3.kind: duplicate built-in marker kind (only custom markers may repeat) "greeting"'
		]);
	});

	it('keeps marker-derived items to calls and audit results to vendor audits', () => {
		expect(paths(rawCall([section('s', [item('a', 'audit_result')])]))).toEqual([
			'checklist.sections.0.items.0.type'
		]);
		const audit = {
			kind: 'vendor_audit',
			title: en('Audit'),
			checklist: {
				sections: [
					section('s', [
						item('a', 'marker_derived', { rule: { kind: 'present', marker: 'greeting' } })
					])
				]
			}
		};
		expect(paths(audit)).toEqual([
			'checklist.sections.0.items.0.type',
			'checklist.sections.0.items.0.rule.marker'
		]);
	});
});
