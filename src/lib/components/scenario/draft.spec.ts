import { describe, expect, it } from 'vitest';
import { call, section, yesNo } from '$lib/domain/scoring/test-fixtures';
import { ScenarioDraft } from './draft.svelte';

const fresh = () => new ScenarioDraft(call([section('s', [yesNo('a'), yesNo('b'), yesNo('c')])]));

describe('the designer’s draft state', () => {
	it('validates on every edit and puts each error at its path', () => {
		const draft = fresh();
		expect(draft.checked.ok).toBe(true);
		draft.content.checklist.sections[0].items[1].weight = -2;
		expect(draft.errorAt('checklist.sections[0].items[1].weight')).toBe(
			'Weights cannot be negative.'
		);
		draft.content.checklist.sections[0].items[1].weight = 2;
		expect(draft.errors.size).toBe(0);
	});

	it('keeps showing the last valid content in the preview while the draft has errors', () => {
		const draft = fresh();
		draft.content.title = { en: 'Renamed' };
		expect(draft.previewContent.title).toEqual({ en: 'Renamed' });
		draft.content.title = { en: '' };
		expect(draft.checked.ok).toBe(false);
		expect(draft.previewContent.title).toEqual({ en: 'Renamed' });
	});

	it('moves an entry and announces its new position', () => {
		const draft = fresh();
		const items = draft.content.checklist.sections[0].items;
		draft.move(items, 0, 2, 'a');
		expect(items.map((i) => i.id)).toEqual(['b', 'c', 'a']);
		expect(draft.announcement).toBe('a moved to position 3 of 3.');
	});

	it('merges server errors for paths the browser does not flag', () => {
		const draft = fresh();
		draft.serverErrors = [{ path: [], at: '', message: 'refused' }];
		expect(draft.errorList.map((e) => e.message)).toEqual(['refused']);
	});

	it('saves a clean document: unset optional text is left out', () => {
		const draft = fresh();
		draft.content.description = { en: '', 'zh-CN': '' };
		expect(draft.document).not.toHaveProperty('description');
		expect(draft.checked.ok).toBe(true);
	});
});
