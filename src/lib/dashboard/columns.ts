/**
 * What each dashboard dataset shows as a table: its columns, headed in the reader's language, with
 * values already turned into what a person reads (names in their locale, categories by label,
 * percentages). The chart's table alternative and the CSV export both use it, so the download holds
 * exactly what the table shows.
 */
import { m } from '$lib/paraglide/messages';
import { serviceCategories, type ServiceCategory } from '$lib/schemas/scenario-base';
import type { Dataset, Row } from './types';

export type Cell = string | number | null;
export interface Column {
	key: string;
	label: () => string;
	/** A percentage (0..1 in the data) or a plain value. */
	kind?: 'percent';
	value: (row: Row, locale: string) => Cell;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const ratio = (a: unknown, b: unknown) => {
	const d = num(b);
	return d ? (num(a) ?? 0) / d : null;
};
const named = (key: string) => (row: Row, locale: string) =>
	String((locale === 'zh-CN' && row[`${key}_zh`]) || row[key] || row[`${key}_id`] || '');
const plain = (key: string) => (row: Row) => num(row[key]);

const col = (key: string, label: () => string, extra: Partial<Column> = {}): Column => ({
	key,
	label,
	value: plain(key),
	...extra
});
const period = col('period', m.rp_dash_col_period, { value: (r) => String(r.period ?? '') });
const calls = col('calls', m.rp_dash_col_calls);
const average = col('average', m.rp_dash_col_average, { kind: 'percent' });
const critical = col('critical_failures', m.rp_dash_col_critical);
const passed = col('passed', m.rp_dash_col_passed);
const failed = col('failed', m.rp_dash_col_failed);

const DISPUTE_STATUS: Record<string, () => string> = {
	open: m.rp_dash_dispute_open,
	accepted: m.rp_dash_dispute_accepted,
	partly_accepted: m.rp_dash_dispute_partly_accepted,
	rejected: m.rp_dash_dispute_rejected
};

export const COLUMNS: Record<Dataset, Column[]> = {
	trend: [period, calls, average, critical],
	vendors: [
		col('vendor', m.rp_dash_col_vendor, { value: named('vendor') }),
		calls,
		average,
		critical,
		col('items_failed', m.rp_dash_col_items_failed)
	],
	categories: [
		col('category', m.rp_dash_col_category, {
			value: (r, locale) => {
				const c = serviceCategories[r.category as ServiceCategory];
				return c ? c[locale === 'zh-CN' ? 'zh-CN' : 'en'] : String(r.category);
			}
		}),
		col('items', m.rp_dash_col_items),
		passed,
		failed,
		col('score', m.rp_dash_col_score, { kind: 'percent' })
	],
	clauses: [
		col('clause', m.rp_dash_col_clause, { value: (r) => String(r.clause) }),
		passed,
		failed,
		col('fail_rate', m.rp_dash_col_fail_rate, {
			kind: 'percent',
			value: (r) => ratio(r.failed, (num(r.passed) ?? 0) + (num(r.failed) ?? 0))
		})
	],
	findings: [
		col('age_band', m.rp_dash_col_age, { value: (r) => String(r.age_band) }),
		col('critical', m.rp_dash_col_sev_critical),
		col('major', m.rp_dash_col_sev_major),
		col('minor', m.rp_dash_col_sev_minor),
		col('overdue', m.rp_dash_col_overdue)
	],
	disputes: [
		col('status', m.rp_dash_col_status, {
			value: (r) => DISPUTE_STATUS[String(r.status)]?.() ?? String(r.status)
		}),
		col('disputes', m.rp_dash_col_disputes),
		col('decision_days', m.rp_dash_col_decision_days)
	],
	workload: [
		period,
		col('awaiting', m.rp_dash_col_awaiting),
		col('reviewed', m.rp_dash_col_reviewed),
		col('review_hours', m.rp_dash_col_review_hours)
	],
	coverage: [
		col('site', m.rp_dash_col_site, { value: named('site') }),
		col('planned', m.rp_dash_col_planned),
		col('completed', m.rp_dash_col_completed),
		col('missed', m.rp_dash_col_missed),
		col('coverage', m.rp_dash_col_coverage, {
			kind: 'percent',
			value: (r) => ratio(r.completed, r.planned)
		})
	]
};

/** The dataset's rows as cells, in column order. */
export function cells(dataset: Dataset, rows: Row[], locale: string): Cell[][] {
	return rows.map((r) => COLUMNS[dataset].map((c) => c.value(r, locale)));
}

/** A cell as a person reads it in a table (percentages with one decimal). */
export function display(column: Column, cell: Cell, locale: string): string {
	if (cell === null) return '–';
	if (column.kind === 'percent' && typeof cell === 'number')
		return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
			cell
		);
	if (typeof cell === 'number') return new Intl.NumberFormat(locale).format(cell);
	return cell;
}
