import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The designer keeps its strings in messages/scenarios/; the main catalogue test covers messages/.
const load = (locale: string): Record<string, string> => {
	const { $schema: _schema, ...messages } = JSON.parse(
		readFileSync(path.resolve('messages/scenarios', `${locale}.json`), 'utf8')
	);
	return messages;
};
const en = load('en');
const zh = load('zh-CN');
const main = JSON.parse(readFileSync(path.resolve('messages/en.json'), 'utf8'));
const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the scenario designer’s messages', () => {
	it('has every English key in Chinese and nothing extra', () => {
		expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
	});
	it('uses the same {parameters} in both languages', () => {
		for (const key of Object.keys(en))
			expect([key, params(zh[key])]).toEqual([key, params(en[key])]);
	});
	it('really translates: every Chinese message contains Chinese characters', () => {
		expect(Object.keys(en).filter((k) => !/[\u4e00-\u9fff]/.test(zh[k]))).toEqual([]);
	});
	it('shares no key with the main catalogue', () => {
		expect(Object.keys(en).filter((k) => k in main)).toEqual([]);
	});
});
