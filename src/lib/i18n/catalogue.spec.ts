import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// messages/{locale}.json is the core catalogue; features may keep theirs in messages/<feature>/.
const ROOT = path.resolve('messages');
const dirs = [
	ROOT,
	...readdirSync(ROOT, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.map((d) => path.join(ROOT, d.name))
].filter((dir) => existsSync(path.join(dir, 'en.json')));

const load = (dir: string, locale: string): Record<string, string> => {
	const { $schema: _schema, ...messages } = JSON.parse(
		readFileSync(path.join(dir, `${locale}.json`), 'utf8')
	);
	return messages;
};
const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(dirs.map((dir) => [path.relative(process.cwd(), dir), dir]))(
	'the message catalogue in %s',
	(_name, dir) => {
		const en = load(dir, 'en');
		const zh = load(dir, 'zh-CN');
		it('has every English key in Chinese and nothing extra', () => {
			expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
		});
		it('uses the same {parameters} in both languages', () => {
			for (const key of Object.keys(en))
				expect([key, params(zh[key] ?? '')]).toEqual([key, params(en[key])]);
		});
		it('has no empty message', () => {
			for (const [key, text] of [...Object.entries(en), ...Object.entries(zh)])
				expect([key, text.trim().length > 0]).toEqual([key, true]);
		});
	}
);

describe('the core catalogue', () => {
	it('really translates: Chinese messages contain Chinese characters', () => {
		const en = load(ROOT, 'en');
		const zh = load(ROOT, 'zh-CN');
		const untranslated = Object.keys(en).filter(
			(key) => key !== 'app_name' && !/[\u4e00-\u9fff]/.test(zh[key])
		);
		expect(untranslated).toEqual([]);
	});
});
