/**
 * Form state → the document the schema reads. Inputs hold '' for "nothing typed"; the schema wants
 * the key left out instead (an optional severity, next step or help text), and bilingual text
 * keeps only the languages actually written.
 */

const OPTIONAL_SCALARS = new Set(['severity', 'category', 'fromTimer', 'next', 'unit', 'critical']);
const OPTIONAL_TEXT = new Set(['description', 'help', 'say', 'listenFor']);

const isBilingual = (v: object): v is Record<string, unknown> =>
	!Array.isArray(v) && Object.keys(v).every((k) => k === 'en' || k === 'zh-CN');

const isEmpty = (v: Record<string, unknown>) => Object.keys(v).length === 0;

function cleanValue(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(cleanValue);
	if (!value || typeof value !== 'object') return value;
	if (isBilingual(value))
		return Object.fromEntries(
			Object.entries(value).filter(([, text]) => typeof text !== 'string' || text.trim() !== '')
		);
	const isStep = 'branches' in value;
	const out: Record<string, unknown> = {};
	for (const [key, raw] of Object.entries(value)) {
		if (raw === undefined) continue;
		if ((raw === '' || raw === null) && OPTIONAL_SCALARS.has(key)) continue;
		const v = cleanValue(raw);
		const optionalText = OPTIONAL_TEXT.has(key) || (isStep && key === 'title');
		if (optionalText && v && typeof v === 'object' && isEmpty(v as Record<string, unknown>))
			continue;
		out[key] = v;
	}
	return out;
}

/** A plain, cleaned copy of draft content (pass `$state.snapshot` output or any plain value). */
export function cleanContent<T>(content: T): T {
	return cleanValue(content) as T;
}
