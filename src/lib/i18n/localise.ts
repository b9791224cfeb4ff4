/** Turns message keys (as zod issues and server errors carry them) into text in the current locale. */
import { m } from '$lib/paraglide/messages';
import type { FieldErrors } from '$lib/schemas/form';

const messages = m as unknown as Record<string, ((inputs?: object) => string) | undefined>;

/** The message for `key`, or the key itself so a missing translation is visible, not blank. */
export function t(key: string): string {
	return messages[key]?.() ?? key;
}

/** Localises every value of a field → key map. */
export function localiseErrors(keys: FieldErrors): FieldErrors {
	return Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, t(key)]));
}
