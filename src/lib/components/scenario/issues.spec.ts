import { afterEach, describe, expect, it } from 'vitest';
import { rawCall, section, yesNo, item, fullCall } from '$lib/domain/scoring/test-fixtures';
import { overwriteGetLocale, baseLocale } from '$lib/paraglide/runtime';
import { checkContent, checkImport, localiseMessage } from './issues';

const inChinese = () => overwriteGetLocale(() => 'zh-CN');
const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

const bad = rawCall(
	[
		section('s', [
			yesNo('a', { weight: -1 }),
			yesNo('a', { clauses: ['P99'] }),
			item('b', 'scale', { min: 3, max: 1 }),
			yesNo('c', { visibleWhen: { kind: 'answer', item: 'nope', in: ['yes'] } })
		])
	],
	{
		script: {
			steps: [
				{
					id: 'x',
					say: { en: 'hi' },
					branches: [{ when: { kind: 'marker', marker: 'verify' }, goto: 'missing' }]
				}
			]
		}
	}
);

afterEach(() => overwriteGetLocale(() => baseLocale));

describe('validation messages in the reader’s language', () => {
	it('keeps the path of every problem, so each shows next to its field', () => {
		const result = checkContent(bad);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors.map((e) => e.at)).toEqual([
			'checklist.sections[0].items[0].weight',
			'checklist.sections[0].items[1].clauses[0]',
			'checklist.sections[0].items[1].id',
			'checklist.sections[0].items[2].max',
			'checklist.sections[0].items[3].visibleWhen.item',
			'script.steps[0].branches[0].goto'
		]);
	});

	it('speaks English to English readers', () => {
		const result = checkContent(bad);
		expect(!result.ok && result.errors[2].message).toBe('Duplicate item id “a”.');
	});

	it('translates every schema message and zod’s own ones for Chinese readers', () => {
		inChinese();
		const result = checkContent({ ...bad, surprise: 1, title: 7 });
		expect(result.ok).toBe(false);
		const untranslated = !result.ok ? result.errors.filter((e) => !hasChinese(e.message)) : [];
		expect(untranslated).toEqual([]);
	});

	it('translates each fixed sentence of the schemas', () => {
		inChinese();
		const english = [
			'use 1–64 letters, digits, _, - or . (no spaces)',
			'give the text in at least one language (en or zh-CN)',
			'weights cannot be negative',
			'weights above 1000 are not supported',
			'use 0 or a weight of at least 0.001',
			'points cannot be negative',
			'points above 1000 are not supported',
			'use 0 or at least 0.001 points',
			'unknown clause code: pick one from the clause catalogue',
			'personas must use synthetic identities only',
			'a step needs something to say or to listen for',
			'duplicate built-in marker kind (only custom markers may repeat) "greeting"',
			'unknown marker "m"',
			'unknown step "s"',
			'unknown item "i"',
			'"x" is not a possible answer of item "i"',
			'a final step cannot name a next step',
			'only an item that earns points can be critical',
			'a critical item cannot also be a bonus item',
			'marker-derived items need the markers of a mystery call',
			'audit results (COM/MAJ/MIN/OBS) belong to vendor audits',
			'the scale maximum must be above its minimum',
			'the maximum must not be below the minimum',
			'a band maximum must not be below its minimum',
			'"na" is reserved for not applicable',
			'timer "hold" is not enabled for this scenario',
			'visibility conditions form a cycle: a → b → a',
			'not valid JSON: Unexpected end of JSON input'
		];
		expect(english.filter((text) => !hasChinese(localiseMessage(text)))).toEqual([]);
	});

	it('passes an unknown message through rather than hiding it', () => {
		expect(localiseMessage('something new')).toBe('something new');
	});

	it('imports valid JSON and refuses malformed JSON with one error at the root', () => {
		expect(checkImport(JSON.stringify(fullCall)).ok).toBe(true);
		inChinese();
		const result = checkImport('{"kind":');
		expect(!result.ok && result.errors.map((e) => e.at)).toEqual(['']);
		expect(!result.ok && hasChinese(result.errors[0].message)).toBe(true);
	});

	it('names bad fields of an import in Chinese with the same paths as in English', () => {
		const english = checkImport(JSON.stringify(bad));
		inChinese();
		const chinese = checkImport(JSON.stringify(bad));
		expect(!chinese.ok && chinese.errors.map((e) => e.at)).toEqual(
			!english.ok && english.errors.map((e) => e.at)
		);
	});
});
