import { describe, expect, it } from 'vitest';
import { fullCall, item, rawCall, section, yesNo } from '../domain/scoring/test-fixtures';
import { scenarioContentSchema } from './scenario';
import { exportScenarioJson, formatPath, importScenarioJson } from './scenario-import';

describe('scenario JSON import and export', () => {
	it('reads back exactly what it exported', () => {
		const content = scenarioContentSchema.parse(fullCall);
		const again = importScenarioJson(exportScenarioJson(content));
		expect(again).toEqual({ ok: true, content });
	});

	it('parses stored output to itself, so re-validating a saved version changes nothing', () => {
		const once = scenarioContentSchema.parse(fullCall);
		expect(scenarioContentSchema.parse(JSON.parse(JSON.stringify(once)))).toEqual(once);
	});

	it('names the path of every bad field, field and cross-field errors together', () => {
		const bad = rawCall([
			section('s', [
				yesNo('a', { weight: -1 }),
				yesNo('a', { clauses: ['P99'] }),
				item('b', 'scale', { min: 3, max: 1 })
			])
		]);
		const result = importScenarioJson(JSON.stringify(bad));
		expect(result.ok ? [] : result.errors.map((e) => e.at)).toEqual([
			'checklist.sections[0].items[0].weight',
			'checklist.sections[0].items[1].clauses[0]',
			'checklist.sections[0].items[1].id',
			'checklist.sections[0].items[2].max'
		]);
		expect(result.ok ? undefined : result.errors[2]).toEqual({
			path: ['checklist', 'sections', 0, 'items', 1, 'id'],
			at: 'checklist.sections[0].items[1].id',
			message: 'duplicate item id "a"'
		});
	});

	it('reports malformed JSON as one error at the root', () => {
		const result = importScenarioJson('{"kind": "mystery_call",');
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors).toMatchObject([{ at: '', path: [] }]);
		expect(!result.ok && result.errors[0].message).toMatch(/^not valid JSON/);
	});

	it('formats paths with dots for keys and brackets for indexes', () => {
		expect(formatPath([])).toBe('');
		expect(formatPath(['script', 'steps', 2, 'branches', 0, 'goto'])).toBe(
			'script.steps[2].branches[0].goto'
		);
		expect(formatPath([0, 'a'])).toBe('[0].a');
	});
});
