import { describe, expect, it } from 'vitest';
import { call, item, section, yesNo } from '../domain/scoring/test-fixtures';
import { sessionChecklistItems } from './calibration-items';

const content = call([
	section('s', [
		yesNo('greeted'),
		item('patience', 'scale', { min: 1, max: 5 }),
		item('note', 'text', { required: false })
	])
]);

describe('the blind evaluator form', () => {
	it('keeps answered items only, numbers for numeric items and N/A as N/A', () => {
		const form = new FormData();
		form.set('item.greeted', 'no');
		form.set('item.patience', '4');
		form.set('item.note', '');
		form.set('item.unknown', 'yes');
		expect(sessionChecklistItems(content, form)).toEqual({ greeted: 'no', patience: 4 });
		form.set('item.patience', 'na');
		expect(sessionChecklistItems(content, form).patience).toBe('na');
	});

	it('takes nothing when the checklist could not be read', () => {
		const form = new FormData();
		form.set('item.greeted', 'yes');
		expect(sessionChecklistItems(null, form)).toEqual({});
	});
});
