import { describe, expect, it } from 'vitest';
import { scenarioContentSchema } from '$lib/schemas/scenario';
import { cleanContent } from './clean';
import { newContent, newItem, newSection, newStep } from './templates';

describe('turning form state into a scenario document', () => {
	it('drops empty languages and leaves out optional text nobody wrote', () => {
		const step = {
			...newStep('s'),
			title: { en: '', 'zh-CN': '' },
			say: { en: 'Hi', 'zh-CN': ' ' }
		};
		expect(cleanContent(step)).toEqual({
			id: 's',
			say: { en: 'Hi' },
			markers: [],
			branches: [],
			end: false
		});
	});

	it('keeps a required text empty, so the schema can name the field', () => {
		const section = newSection('s');
		expect(cleanContent(section).title).toEqual({});
	});

	it('leaves out unset optional choices', () => {
		const item = {
			...newItem('i', 'duration'),
			severity: '',
			fromTimer: undefined,
			category: null
		};
		const out = cleanContent(item) as Record<string, unknown>;
		expect(out).not.toHaveProperty('severity');
		expect(out).not.toHaveProperty('fromTimer');
		expect(out).not.toHaveProperty('category');
	});

	it('yields a document the schema accepts for a fresh scenario of either kind', () => {
		for (const kind of ['mystery_call', 'vendor_audit'] as const) {
			const content = newContent(kind, { en: 'T' });
			const parsed = scenarioContentSchema.safeParse(cleanContent(content));
			expect([kind, parsed.success]).toEqual([kind, true]);
		}
	});
});
