/** The call roll-ups a report is made of: headline figures, clause results, service categories. */
import { findClause, clauses as catalogue } from '../clauses';
import { serviceCategories, type ServiceCategory } from '../../schemas/scenario-base';
import type { ReportCall, ReportPeriod } from './input';
import type { CategoryRow, ClauseRow, PeriodFigures } from './model';

/** a / b, or null when b is 0: a rate over nothing is "no data", never NaN or Infinity. */
export function ratio(a: number, b: number): number | null {
	return b > 0 ? a / b : null;
}

/** Adds in the order given (callers keep input order, so results do not depend on a sort). */
function total(values: number[]): number {
	let t = 0;
	for (const v of values) t += v;
	return t;
}

/** Mean of the non-null values; null when there are none. */
export function mean(values: (number | null)[]): number | null {
	const present = values.filter((v): v is number => v !== null);
	return ratio(total(present), present.length);
}

/** Privacy checks passed and failed over every clause on every call. */
export function privacyTotals(calls: readonly ReportCall[]): { passed: number; failed: number } {
	let passed = 0;
	let failed = 0;
	for (const call of calls) {
		for (const r of Object.values(call.clauses)) {
			passed += r.passed;
			failed += r.failed;
		}
	}
	return { passed, failed };
}

/** Headline figures of one period's calls. */
export function periodFigures(period: ReportPeriod, calls: readonly ReportCall[]): PeriodFigures {
	const { passed, failed } = privacyTotals(calls);
	return {
		period,
		calls: calls.length,
		meanScore: mean(calls.map((c) => c.score)),
		criticalRate: ratio(calls.filter((c) => c.criticalFailed).length, calls.length),
		privacyRate: ratio(passed, passed + failed)
	};
}

const catalogueOrder = new Map(catalogue.map((c, i) => [c.code, i]));

/** Catalogue order first (China, Europe, standards), then uncatalogued codes alphabetically. */
function byCatalogue(a: string, b: string): number {
	const ia = catalogueOrder.get(a) ?? Infinity;
	const ib = catalogueOrder.get(b) ?? Infinity;
	return ia !== ib ? (ia < ib ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0;
}

/** Per clause: checks passed and failed, pass rate and calls with a failure, catalogue order. */
export function clauseRows(calls: readonly ReportCall[]): ClauseRow[] {
	const rows = new Map<string, ClauseRow>();
	for (const call of calls) {
		for (const [code, r] of Object.entries(call.clauses)) {
			let row = rows.get(code);
			if (!row) {
				const c = findClause(code);
				row = {
					code,
					title: c?.title ?? { en: code, 'zh-CN': code },
					toVerify: c?.toVerify ?? false,
					passed: 0,
					failed: 0,
					rate: null,
					callsFailing: 0
				};
				rows.set(code, row);
			}
			row.passed += r.passed;
			row.failed += r.failed;
			if (r.failed > 0) row.callsFailing++;
		}
	}
	return [...rows.keys()].sort(byCatalogue).map((code) => {
		const row = rows.get(code)!;
		return { ...row, rate: ratio(row.passed, row.passed + row.failed) };
	});
}

/** Per service category that any call scored: weighted points summed over calls. */
export function categoryRows(calls: readonly ReportCall[]): CategoryRow[] {
	const keys = Object.keys(serviceCategories) as ServiceCategory[];
	return keys.flatMap((category) => {
		const tallies = calls.flatMap((c) => (c.categories[category] ? [c.categories[category]] : []));
		if (tallies.length === 0) return [];
		const earned = total(tallies.map((t) => t.earned));
		const possible = total(tallies.map((t) => t.possible));
		return [
			{
				category,
				title: serviceCategories[category],
				earned,
				possible,
				score: ratio(earned, possible),
				calls: tallies.length
			}
		];
	});
}

/** Pass rates per clause (rows, in `codes` order) and site (columns); null where never checked. */
export function clauseHeatmap(
	calls: readonly ReportCall[],
	codes: readonly string[],
	siteIds: readonly string[]
): (number | null)[][] {
	return codes.map((code) =>
		siteIds.map((siteId) => {
			let passed = 0;
			let failed = 0;
			for (const call of calls) {
				const r = call.siteId === siteId ? call.clauses[code] : undefined;
				if (!r) continue;
				passed += r.passed;
				failed += r.failed;
			}
			return ratio(passed, passed + failed);
		})
	);
}
