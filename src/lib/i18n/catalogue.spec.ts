import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const load = (locale: string): Record<string, string> => {
	const { $schema: _schema, ...messages } = JSON.parse(
		readFileSync(path.resolve('messages', `${locale}.json`), 'utf8')
	);
	return messages;
};
const en = load('en');
const zh = load('zh-CN');
const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
	it('has every English key in Chinese and nothing extra', () => {
		expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
	});
	it('uses the same {parameters} in both languages', () => {
		for (const key of Object.keys(en))
			expect([key, params(zh[key])]).toEqual([key, params(en[key])]);
	});
	it('has no empty message', () => {
		for (const [key, text] of [...Object.entries(en), ...Object.entries(zh)])
			expect([key, text.trim().length > 0]).toEqual([key, true]);
	});
	it('really translates: Chinese messages contain Chinese characters', () => {
		const untranslated = Object.keys(en).filter(
			(key) => key !== 'app_name' && !/[\u4e00-\u9fff]/.test(zh[key])
		);
		expect(untranslated).toEqual([]);
	});
});
