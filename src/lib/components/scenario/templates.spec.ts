import { describe, expect, it } from 'vitest';
import { call, section } from '$lib/domain/scoring/test-fixtures';
import { scenarioContentSchema, type ItemType } from '$lib/schemas/scenario';
import { cleanContent } from './clean';
import { changeType, newItem } from './templates';

const TYPES: ItemType[] = [
	'yes_no_na',
	'scale',
	'single_choice',
	'number',
	'duration',
	'text',
	'marker_derived'
];

describe('new checklist items', () => {
	it('become valid for every mystery-call item type once labelled', () => {
		for (const type of TYPES) {
			const it = newItem('q', type);
			it.label = { en: 'Question' };
			if (it.type === 'single_choice') it.options[0].label = { en: 'A' };
			if (it.type === 'marker_derived') it.rule = { kind: 'present', marker: 'greeting' };
			const doc = {
				...call([section('s', [])]),
				checklist: { sections: [{ ...section('s', []), weight: 1, items: [it] }] }
			};
			const parsed = scenarioContentSchema.safeParse(cleanContent(doc));
			expect([type, parsed.success ? [] : parsed.error.issues]).toEqual([type, []]);
		}
	});

	it('keep their shared fields and drop the old type’s own ones when the type changes', () => {
		const it = newItem('q', 'single_choice');
		it.label = { en: 'Kept' };
		it.weight = 3;
		changeType(it, 'scale');
		expect(it).toMatchObject({ type: 'scale', label: { en: 'Kept' }, weight: 3, min: 1, max: 5 });
		expect(it).not.toHaveProperty('options');
	});
});
