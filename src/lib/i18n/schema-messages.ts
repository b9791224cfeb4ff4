/**
 * Schema validation in the reader's language. Our zod schemas speak English (they are shared with
 * imports, the server and tests), so their fixed messages are translated by pattern, and zod's own
 * messages (wrong type, too small, unknown key…) come from zod's Chinese locale when the reader
 * reads Chinese. Paths are untouched, so every error still lands next to its field.
 */
import zhCN from 'zod/v4/locales/zh-CN.js';
import { getLocale } from '$lib/paraglide/runtime';

/** Builds the localised text from the pattern's capture groups. */
export type Translate = (...groups: string[]) => string;

/** English schema message → the same message in the current locale. */
export type MessagePatterns = readonly (readonly [RegExp, Translate])[];

/** One schema message in the current locale; messages no pattern knows pass through. */
export function localiseWith(patterns: MessagePatterns, message: string): string {
	for (const [pattern, translate] of patterns) {
		const match = pattern.exec(message);
		if (match) return translate(...match.slice(1));
	}
	return message;
}

/** The parse options that make zod's built-in messages speak the current locale. */
export function zodLocaleOptions() {
	return getLocale() === 'zh-CN' ? { error: zhCN().localeError } : undefined;
}
