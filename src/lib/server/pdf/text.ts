/**
 * The report's own language, not the viewer's: every string is looked up with an explicit
 * `{ locale }` option, which Paraglide's compiled messages accept and which bypasses the request's
 * locale (cookie / AsyncLocalStorage). So one server process renders a zh-CN and an en report
 * side by side, and a background job with no request renders either.
 */
import * as messages from '../../paraglide/messages.js';
import type { LocalizedTitle } from '../../domain/clauses/types';
import type { ReportLocale } from '../../domain/report';

type Message = (inputs?: Record<string, unknown>, options?: { locale?: ReportLocale }) => string;
const catalogue = messages as unknown as Record<string, Message | undefined>;
const PREFIX = 'rp_doc_';

/** Formatting and strings for one report locale. */
export interface ReportText {
	locale: ReportLocale;
	/** `rp_doc_<key>` in the report's locale; the key itself when missing, so a gap shows. */
	t(key: string, inputs?: Record<string, unknown>): string;
	/** A fraction as a percentage with one decimal; the "no data" text for null. */
	pct(value: number | null): string;
	/** A signed change in percentage points. */
	points(value: number | null): string;
	count(value: number): string;
	/** The data label in the report's language (scenario, category, clause titles). */
	label(title: LocalizedTitle): string;
}

/** The strings and number formats of a report in `locale`. */
export function reportText(locale: ReportLocale): ReportText {
	const percent = new Intl.NumberFormat(locale, {
		style: 'percent',
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	});
	const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
	const t = (key: string, inputs?: Record<string, unknown>) =>
		catalogue[PREFIX + key]?.(inputs ?? {}, { locale }) ?? key;
	return {
		locale,
		t,
		pct: (v) => (v === null ? t('no_data') : percent.format(v)),
		points: (v) =>
			v === null
				? t('no_data')
				: `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v * 100).toFixed(1)} pp`,
		count: (v) => integer.format(v),
		label: (title) => title[locale]
	};
}

/** Every report string in `locale` (placeholders left open), for choosing font glyphs. */
export function allReportStrings(locale: ReportLocale): string[] {
	return Object.entries(catalogue)
		.filter(([key]) => key.startsWith(PREFIX))
		.map(([, fn]) => fn!({}, { locale }));
}
