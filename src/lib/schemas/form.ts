/**
 * One error shape for every form (CMSaasStarter's): `{ errorMessage?, errorFields, ...values }`.
 * Schemas carry message *keys* as their issue messages, so they stay free of any locale and the
 * caller localises them.
 */
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** FormData → plain object; `multi` names fields that may repeat (checkbox groups). */
export function formObject(form: FormData, multi: readonly string[] = []): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of new Set(form.keys())) {
		const values = form.getAll(key).filter((v): v is string => typeof v === 'string');
		out[key] = multi.includes(key) ? values : (values[0] ?? '');
	}
	for (const key of multi) out[key] ??= [];
	return out;
}

/** The first issue per field, as message keys (`_form` for issues not tied to a field). */
export function issueKeys(error: z.ZodError): FieldErrors {
	const out: FieldErrors = {};
	for (const issue of error.issues) {
		const field = issue.path.length ? String(issue.path[0]) : '_form';
		out[field] ??= issue.message;
	}
	return out;
}

/** Parses `input`; on failure returns field → message key. */
export function validate<S extends z.ZodType>(
	schema: S,
	input: unknown
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
	const result = schema.safeParse(input);
	return result.success
		? { ok: true, data: result.data }
		: { ok: false, errors: issueKeys(result.error) };
}
