import { listProgrammes } from '$lib/server/schedule/programmes';
import { listSites } from '$lib/server/tenancy';
import { reviewQueue } from '$lib/server/review';
import { actorOf } from '$lib/server/review-screens';
import { issueKeys } from '$lib/schemas/form';
import {
	QUEUE_STATUSES,
	queryObject,
	queueFiltersSchema,
	type QueueFilters
} from '$lib/schemas/review-filters';
import type { PageServerLoad } from './$types';

export interface QueueRow {
	id: string;
	status: (typeof QUEUE_STATUSES)[number];
	site_id: string;
	programme_id: string | null;
	submitted_at: string | null;
	sites: { name: string; time_zone: string } | null;
	scenario_versions: { scenario_id: string; version: number } | null;
	call_submissions: {
		overall: number | null;
		critical_failed: boolean;
		current_overall: number | null;
		version: number;
		submitted_at: string;
	} | null;
}

// One query over every status (with the other filters) gives both the rows and the per-status
// counts, so the counts always describe the same filters as the table.
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = actorOf(locals);
	const raw = queryObject(url.searchParams);
	const parsed = queueFiltersSchema.safeParse(raw);
	const filters: QueueFilters = parsed.success ? parsed.data : {};
	const [programmes, sites, scenarios] = await Promise.all([
		listProgrammes(locals.supabase),
		listSites(locals.supabase),
		locals.supabase.from('scenarios').select('id, code, title, title_zh').order('code')
	]);
	let rows: QueueRow[] = [];
	if (parsed.success) {
		const r = await reviewQueue(actor, {
			status: [...QUEUE_STATUSES],
			programmeId: filters.programme,
			siteId: filters.site,
			scenarioId: filters.scenario,
			from: filters.from,
			to: filters.to,
			limit: 200
		});
		if (r.ok) rows = r.calls as QueueRow[];
	}
	const counts = Object.fromEntries(
		QUEUE_STATUSES.map((s) => [s, rows.filter((c) => c.status === s).length])
	) as Record<(typeof QUEUE_STATUSES)[number], number>;
	const status = filters.status ?? 'submitted';
	return {
		calls: rows.filter((c) => c.status === status),
		counts,
		status,
		filters: raw,
		filterErrors: parsed.success ? {} : issueKeys(parsed.error),
		programmes: programmes.map((p) => ({ id: p.id, name: p.name })),
		sites: sites.map((s) => ({ id: s.id, name: s.name, name_zh: s.name_zh })),
		scenarios: scenarios.data ?? []
	};
};
