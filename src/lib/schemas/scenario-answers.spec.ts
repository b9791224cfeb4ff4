import { describe, expect, it } from 'vitest';
import { call, en, item, section, yesNo } from '../domain/scoring/test-fixtures';
import { answersSchema, answersSchemaFor } from './scenario-answers';

const scenario = call(
	[
		section('s', [
			yesNo('a', { allowNa: false }),
			item('sc', 'scale', { min: 1, max: 5 }),
			item('c', 'single_choice', { options: [{ id: 'good', label: en('Good'), points: 1 }] }),
			item('n', 'number', { min: 0 }),
			item('d', 'duration'),
			item('t', 'text'),
			item('m', 'marker_derived', { rule: { kind: 'present', marker: 'greeting' } })
		])
	],
	{ timers: ['hold'] }
);

function paths(input: unknown): string[] {
	const r = answersSchemaFor(scenario).safeParse(input);
	return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
}

describe('answers schema', () => {
	it('fills empty answers with no items, notes, markers or timings', () => {
		expect(answersSchema.parse({})).toEqual({ items: {}, notes: {}, markers: [], timings: {} });
	});

	it('accepts answers that suit each item type, N/A where allowed and cleared values', () => {
		const valid = {
			items: { a: 'no', sc: 3.5, c: 'good', n: 12, d: 41.5, t: 'said "wei"', m: 'na' },
			notes: { a: 'asked twice' },
			markers: [
				{ kind: 'greeting', t: 1200 },
				{ kind: 'custom', id: 'dob_led', t: 5000 },
				{ kind: 'hold_start', id: 'hold_start', t: 9000 }
			],
			timings: { hold: 30_000 }
		};
		expect(paths(valid)).toEqual([]);
		expect(paths({ items: { sc: 'na', c: null } })).toEqual([]);
	});

	it('rejects answers for unknown items and notes on unknown items', () => {
		expect(paths({ items: { ghost: 'yes' }, notes: { ghost2: 'x' } })).toEqual([
			'items.ghost',
			'notes.ghost2'
		]);
	});

	it('rejects values that do not suit the item at the item key', () => {
		expect(paths({ items: { a: 'na', sc: 6, c: 'bad', n: -1, d: -3, t: 4, m: 'maybe' } })).toEqual([
			'items.a',
			'items.sc',
			'items.c',
			'items.n',
			'items.d',
			'items.t',
			'items.m'
		]);
	});

	it('rejects markers the scenario does not define and custom markers without an id', () => {
		expect(
			paths({
				markers: [
					{ kind: 'custom', id: 'ghost', t: 1 },
					{ kind: 'custom', t: 2 },
					{ kind: 'greeting', id: 'verify', t: 3 },
					{ kind: 'greeting', t: -1 }
				]
			})
		).toEqual(['markers.1.id', 'markers.3.t', 'markers.0', 'markers.2']);
		expect(
			paths({
				markers: [
					{ kind: 'custom', id: 'ghost', t: 1 },
					{ kind: 'greeting', id: 'verify', t: 3 }
				]
			})
		).toEqual(['markers.0', 'markers.1']);
	});

	it('rejects timer readings for timers the scenario does not use', () => {
		expect(paths({ timings: { hold: 1000, talk: 5000 } })).toEqual(['timings.talk']);
		expect(paths({ timings: { hold: 1.5 } })).toEqual(['timings.hold']);
	});
});
