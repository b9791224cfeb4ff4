import { describe, expect, it } from 'vitest';
import { call, item, persona, section, yesNo } from '$lib/domain/scoring/test-fixtures';
import { diffScenarios, stableJson } from './diff';

const steps = (...ids: string[]) => ({
	script: { steps: ids.map((id) => ({ id, say: { en: `say ${id}` } })) }
});

describe('comparing two versions of a scenario', () => {
	it('marks nothing when the versions are identical', () => {
		const v1 = call([section('s', [yesNo('a')])], steps('open'));
		const d = diffScenarios(v1, structuredClone(v1));
		expect(d.counts).toEqual({ added: 0, removed: 0, changed: 0 });
		expect([...d.before.values(), ...d.after.values()].every((c) => c === 'same')).toBe(true);
	});

	it('finds added, removed and changed items, sections and steps by id', () => {
		const v1 = call(
			[section('s', [yesNo('a'), yesNo('b')]), section('old', [yesNo('z')])],
			steps('open', 'gone')
		);
		const v2 = call(
			[section('s', [yesNo('a', { weight: 3 }), yesNo('b'), yesNo('c')]), section('new', [])],
			steps('open', 'fresh')
		);
		const d = diffScenarios(v1, v2);
		expect(d.after.get('item:a')).toBe('changed');
		expect(d.before.get('item:a')).toBe('changed');
		expect(d.after.get('item:b')).toBe('same');
		expect(d.after.get('item:c')).toBe('added');
		expect(d.before.get('item:z')).toBe('removed');
		expect(d.before.get('section:old')).toBe('removed');
		expect(d.after.get('section:new')).toBe('added');
		// The section lists a new item, so the section itself changed too.
		expect(d.after.get('section:s')).toBe('changed');
		expect(d.before.get('step:gone')).toBe('removed');
		expect(d.after.get('step:fresh')).toBe('added');
		expect(d.after.get('step:open')).toBe('same');
		expect(d.counts).toEqual({ added: 3, removed: 3, changed: 2 });
	});

	it('reads an item moved to another section as changed, not removed and added', () => {
		const v1 = call([section('s1', [yesNo('a')]), section('s2', [])]);
		const v2 = call([section('s1', []), section('s2', [yesNo('a')])]);
		const d = diffScenarios(v1, v2);
		expect(d.after.get('item:a')).toBe('changed');
		expect(d.counts.added + d.counts.removed).toBe(0);
	});

	it('notices a changed critical flag, persona, or scoring mode', () => {
		const v1 = call([section('s', [item('q', 'yes_no_na')])]);
		const v2 = call([section('s', [item('q', 'yes_no_na', { critical: true })])], {
			scoring: { criticalMode: 'show_score_mark_failed' },
			persona: { ...persona, name: { en: 'Someone else' } }
		});
		const d = diffScenarios(v1, v2);
		expect(d.after.get('item:q')).toBe('changed');
		expect(d.after.get('settings')).toBe('changed');
		expect(d.after.get('persona')).toBe('changed');
	});

	it('ignores the order of keys inside objects', () => {
		expect(stableJson({ a: 1, b: { d: 2, c: 3 } })).toBe(stableJson({ b: { c: 3, d: 2 }, a: 1 }));
		expect(stableJson([1, 2])).not.toBe(stableJson([2, 1]));
	});
});
