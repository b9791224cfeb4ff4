/**
 * Loads shared by the officers' and the vendor managers' findings screens; RLS decides which
 * findings each reader gets (vendor managers: their own sites', agents pseudonymous).
 */
import { error } from '@sveltejs/kit';
import { findingThread, listFindings } from './review';
import { actorOf } from './review-screens';
import { issueKeys } from '$lib/schemas/form';
import { findingFiltersSchema, queryObject } from '$lib/schemas/review-filters';
import { scenarioContentSchema } from '$lib/schemas/scenario';
import { findItem } from './review/rescore';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The findings list with its (validated) filters. */
export async function findingsList(locals: App.Locals, url: URL) {
	const raw = queryObject(url.searchParams);
	const parsed = findingFiltersSchema.safeParse(raw);
	const findings = parsed.success
		? await listFindings(actorOf(locals), {
				status: parsed.data.status ? [parsed.data.status] : undefined,
				siteId: parsed.data.site
			})
		: [];
	const { data: sites } = await locals.supabase
		.from('sites')
		.select('id, name, name_zh')
		.order('name');
	return {
		findings,
		sites: sites ?? [],
		filters: raw,
		filterErrors: parsed.success ? {} : issueKeys(parsed.error)
	};
}

/** One finding with thread and disputes, or 404. */
export async function findingPage(locals: App.Locals, id: string) {
	if (!UUID.test(id)) error(404, 'no such finding');
	const r = await findingThread(actorOf(locals), id);
	if (!r.ok) error(404, 'no such finding');
	const siteId = (r.finding as { site_id: string }).site_id;
	const [results, site] = await Promise.all([
		siteResults(locals, siteId),
		locals.supabase.from('sites').select('time_zone').eq('id', siteId).maybeSingle()
	]);
	// Times on a finding read in its site's zone, like every call time in the app.
	const zone = (site.data?.time_zone as string | undefined) ?? 'UTC';
	return { ...r, results, siteScore: siteScore(results), zone, callOrder: callOrder(r) };
}

/**
 * The checklist item a finding is about, read through the first of its calls the reader may see
 * (officers only; vendors cannot read calls), for the answer choices of a partly accepted dispute.
 */
export async function findingItem(locals: App.Locals, callIds: string[], itemId: string) {
	if (!callIds.length) return null;
	const { data } = await locals.supabase
		.from('test_calls')
		.select('scenario_versions(content)')
		.in('id', callIds)
		.limit(1)
		.maybeSingle();
	const content = scenarioContentSchema.safeParse(
		(data as { scenario_versions?: { content: unknown } } | null)?.scenario_versions?.content
	);
	return content.success ? (findItem(content.data, itemId) ?? null) : null;
}

export interface SiteCallResult {
	call_id: string;
	site_id: string;
	reviewed_at: string;
	agent_pseudonym: string | null;
	overall: number | null;
}

/** Reviewed calls' results at `siteId` the reader may see (pseudonymous, current scores). */
export async function siteResults(locals: App.Locals, siteId: string): Promise<SiteCallResult[]> {
	const { data, error: e } = await locals.supabase.rpc('vendor_call_results', {
		p_site_id: siteId
	} as never);
	if (e) throw new Error(`call results failed: ${e.message}`);
	return (data ?? []) as unknown as SiteCallResult[];
}

/** The site's score: the mean current overall of its reviewed calls, with how many counted. */
export function siteScore(results: SiteCallResult[]): { mean: number | null; calls: number } {
	const xs = results
		.map((r) => r.overall)
		.filter((v): v is number => v !== null)
		.map(Number);
	return { mean: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null, calls: xs.length };
}

/**
 * Every call the finding ever had, in the order they joined (the thread's opened/occurrence
 * entries), so "Call 2" keeps its number after an accepted dispute takes a call out of call_ids.
 */
export function callOrder(r: { finding: unknown; messages: unknown[] }): string[] {
	const seen = new Set<string>();
	for (const msg of r.messages as { kind: string; body: { call_id?: string } }[])
		if ((msg.kind === 'opened' || msg.kind === 'occurrence') && msg.body?.call_id)
			seen.add(msg.body.call_id);
	for (const id of (r.finding as { call_ids: string[] }).call_ids) seen.add(id);
	return [...seen];
}
