/**
 * The dashboards' datasets: which database function each chart reads, with which arguments. The
 * functions are security invoker, so the caller's own client decides the scope through RLS; this
 * module only turns validated filters into arguments. Free of SvelteKit so the bench and the specs
 * use it as the pages do.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { DashboardFilters } from '../../schemas/dashboard';
import { DATASETS, type Dataset, type Row } from '../../dashboard/types';

export { DATASETS, isDataset, type Dataset, type Row } from '../../dashboard/types';

export interface DashboardQuery {
	dataset: Dataset;
	fn: `dashboard_${Dataset}`;
	/** Takes a grain (week or month) as well as the filters. */
	grained: boolean;
}

/** Every chart's query, in the order the page shows them. */
export const DASHBOARD_QUERIES: readonly DashboardQuery[] = DATASETS.map((dataset) => ({
	dataset,
	fn: `dashboard_${dataset}` as const,
	grained: dataset === 'trend' || dataset === 'workload'
}));

/** Periods longer than this many days are charted by month rather than by week. */
const WEEKLY_UP_TO_DAYS = 120;

/** The RPC arguments of query `q` for `filters` (absent ids become null: no filter). */
export function dashboardArgs(
	filters: Pick<DashboardFilters, 'from' | 'to'> & Partial<DashboardFilters>
) {
	const days = (Date.parse(filters.to) - Date.parse(filters.from)) / 86_400_000;
	const common = {
		p_from: filters.from,
		p_to: filters.to,
		p_client: filters.client ?? null,
		p_vendor: filters.vendor ?? null,
		p_site: filters.site ?? null,
		p_scenario: filters.scenario ?? null
	};
	return (q: DashboardQuery) =>
		q.grained ? { ...common, p_grain: days > WEEKLY_UP_TO_DAYS ? 'month' : 'week' } : common;
}

/** The rows of one dataset as `client` may see them. */
export async function loadDataset(
	client: SupabaseClient,
	dataset: Dataset,
	filters: DashboardFilters
): Promise<Row[]> {
	const q = DASHBOARD_QUERIES.find((x) => x.dataset === dataset)!;
	const { data, error } = await client.rpc(q.fn, dashboardArgs(filters)(q));
	if (error) throw new Error(`${q.fn} failed: ${error.message}`);
	return (data ?? []) as Row[];
}

/** Every dataset at once, as the page shows them. */
export async function loadDashboard(
	client: SupabaseClient,
	filters: DashboardFilters
): Promise<Record<Dataset, Row[]>> {
	const rows = await Promise.all(DATASETS.map((d) => loadDataset(client, d, filters)));
	return Object.fromEntries(DATASETS.map((d, i) => [d, rows[i]])) as Record<Dataset, Row[]>;
}
