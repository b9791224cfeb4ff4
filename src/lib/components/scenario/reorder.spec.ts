import { describe, expect, it } from 'vitest';
import { entryKey, fieldId, freshId, keyTarget, moveEntry } from './reorder';

describe('reordering the entries of a list', () => {
	it('moves an entry in place and says where it landed', () => {
		const list = ['a', 'b', 'c', 'd'];
		const same = list;
		expect(moveEntry(list, 0, 2)).toBe(2);
		expect(list).toEqual(['b', 'c', 'a', 'd']);
		expect(list).toBe(same);
		expect(moveEntry(list, 3, 0)).toBe(0);
		expect(list).toEqual(['d', 'b', 'c', 'a']);
	});

	it('clamps moves past either end and reports a move to the same place as none', () => {
		const list = [1, 2, 3];
		expect(moveEntry(list, 0, -1)).toBe(-1);
		expect(moveEntry(list, 2, 9)).toBe(-1);
		expect(moveEntry(list, 1, 9)).toBe(2);
		expect(list).toEqual([1, 3, 2]);
		expect(moveEntry(list, 5, 0)).toBe(-1);
		expect(list).toEqual([1, 3, 2]);
	});

	it('turns arrow, Home and End keys into targets and ignores other keys', () => {
		expect(keyTarget('ArrowUp', 2, 5)).toBe(1);
		expect(keyTarget('ArrowDown', 2, 5)).toBe(3);
		expect(keyTarget('Home', 2, 5)).toBe(0);
		expect(keyTarget('End', 2, 5)).toBe(4);
		expect(keyTarget('Enter', 2, 5)).toBeNull();
		expect(keyTarget('a', 2, 5)).toBeNull();
	});

	it('picks the first free numbered id', () => {
		expect(freshId('item', [])).toBe('item-1');
		expect(freshId('item', ['item-1', 'item-3'])).toBe('item-2');
	});

	it('keys entries by identity, so editing an id does not change the key', () => {
		const entry = { id: 'a' };
		const key = entryKey(entry);
		entry.id = 'b';
		expect(entryKey(entry)).toBe(key);
		expect(entryKey({ id: 'a' })).not.toBe(key);
	});

	it('makes DOM ids from content paths', () => {
		expect(fieldId('checklist.sections[0].items[12].label')).toBe(
			'f-checklist-sections-0-items-12-label'
		);
		expect(fieldId('persona.name')).toBe('f-persona-name');
	});
});
