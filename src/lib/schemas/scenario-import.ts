/**
 * JSON import and export of scenario versions, with one error per bad field so the designer can
 * show each message next to the field it names.
 */
import type { z } from 'zod';
import { scenarioContentSchema, type ScenarioContent } from './scenario';

export interface FieldError {
	/** Path segments as zod reports them: keys and array indexes. */
	path: (string | number)[];
	/** The same path for people: `checklist.sections[0].items[2].weight`. */
	at: string;
	message: string;
}

export type ImportResult =
	{ ok: true; content: ScenarioContent } | { ok: false; errors: FieldError[] };

/** Formats a path as `a.b[0].c`; the root is an empty string. */
export function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
		.join('');
}

/** One field error per zod issue, in the order zod found them. */
export function fieldErrors(error: z.ZodError): FieldError[] {
	return error.issues.map((issue) => ({
		path: issue.path.filter((p) => typeof p !== 'symbol') as (string | number)[],
		at: formatPath(issue.path),
		message: issue.message
	}));
}

/** Validates an already-parsed value as scenario content. */
export function validateScenario(value: unknown): ImportResult {
	const result = scenarioContentSchema.safeParse(value);
	return result.success
		? { ok: true, content: result.data }
		: { ok: false, errors: fieldErrors(result.error) };
}

/** Parses and validates exported JSON text; malformed JSON is one error at the root. */
export function importScenarioJson(text: string): ImportResult {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		return {
			ok: false,
			errors: [{ path: [], at: '', message: `not valid JSON: ${(e as Error).message}` }]
		};
	}
	return validateScenario(value);
}

/** Pretty JSON of a version's content, which `importScenarioJson` reads back unchanged. */
export function exportScenarioJson(content: ScenarioContent): string {
	return `${JSON.stringify(content, null, '\t')}\n`;
}
