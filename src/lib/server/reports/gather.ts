/**
 * DB → report data, read with the publishing officer's OWN client: what RLS lets them see is what goes
 * into the report, and a scope they cannot see is simply not found. Calls (final scores after review,
 * agent pseudonyms, bilingual scenario titles, vendor-audit results), evidence hashes and purges,
 * the findings resting on the calls with their remediation plans, the same scope's three previous
 * periods of equal length (the trend) and the programmes' sampling plans; the report model
 * (src/lib/domain/report) turns this into what the PDF shows.
 *
 * Which calls count: only REVIEWED calls (approved by an officer; their current_* scores, which
 * include overrides and upheld disputes) are scored, as the issue asks ("computed from reviewed
 * calls"). Submitted calls still awaiting review are counted and named as such in the method section
 * but add nothing to any figure, so a later approval can only add to a re-published version.
 *
 * Audience: a site or vendor report may be made for one client (`audience`), and then holds only the
 * calls of that client's programmes and the findings resting on them, never another client's data.
 */
import type { Text2 } from '$lib/domain/findings';
import { dayOf, isoDay, toLocal } from '$lib/domain/schedule/tz';
import type { ReportSampling } from '$lib/domain/report';
import type { AppClient } from '$lib/tenancy';
import { loadFindings } from './findings';
import { samplingFromPlans } from './plan';
import type {
	ReportAuditResult,
	ReportCall,
	ReportData,
	ReportParties,
	ReportScope,
	ScopeKind
} from './data';

export type * from './data';

/** How many earlier periods the trend shows. */
export const TREND_PERIODS = 3;

interface SiteRow {
	id: string;
	name: string;
	name_zh: string | null;
	time_zone: string;
	vendor_id: string;
}

/** The data of a supabase-js result; a failed read throws rather than looking like "nothing". */
function must<R extends { data: unknown; error: { message: string } | null }>(
	what: string,
	r: R
): R['data'] {
	if (r.error) throw new Error(`${what}: ${r.error.message}`);
	return r.data;
}

/** The scope's name and organisation, and the sites whose calls it covers; null when not visible. */
async function loadScope(
	client: AppClient,
	kind: ScopeKind,
	id: string
): Promise<{
	scope: ReportScope;
	sites: SiteRow[] | null;
	programmeId: string | null;
	vendorId: string | null;
	clientId: string | null;
} | null> {
	const siteCols = 'id, name, name_zh, time_zone, vendor_id';
	if (kind === 'programme') {
		const p = must(
			'programme',
			await client
				.from('programmes')
				.select('id, name, organisation_id, client_id')
				.eq('id', id)
				.maybeSingle()
		);
		if (!p) return null;
		const scope = { kind, id, name: p.name, nameZh: null, organisationId: p.organisation_id };
		return { scope, sites: null, programmeId: id, vendorId: null, clientId: p.client_id };
	}
	const vendorId =
		kind === 'site'
			? must('site', await client.from('sites').select('vendor_id').eq('id', id).maybeSingle())
					?.vendor_id
			: id;
	if (!vendorId) return null;
	const vendor = must(
		'vendor',
		await client
			.from('organisations')
			.select('id, name, name_zh, audit_organisation_id, kind')
			.eq('id', vendorId)
			.maybeSingle()
	);
	if (!vendor || vendor.kind !== 'vendor' || !vendor.audit_organisation_id) return null;
	const q = client.from('sites').select(siteCols);
	const sites: SiteRow[] =
		must('sites', await (kind === 'site' ? q.eq('id', id) : q.eq('vendor_id', vendorId))) ?? [];
	const named = kind === 'site' ? sites[0] : vendor;
	if (!named) return null;
	const scope = {
		kind,
		id,
		name: named.name,
		nameZh: named.name_zh,
		organisationId: vendor.audit_organisation_id
	};
	return { scope, sites, programmeId: null, vendorId, clientId: null };
}

/** A stored submission as the report reads it (never the shopper, never the agent's name). */
interface SubmissionRow {
	overall: number | null;
	critical_failed: boolean;
	evidence: unknown;
	score: unknown;
	current_overall: number | null;
	current_critical_failed: boolean | null;
	current_score: unknown;
	agent_pseudonym: string | null;
	reviewed_at: string | null;
}

interface ContentItem {
	id: string;
	type?: string;
	label?: Partial<Text2>;
	clauses?: string[];
}
interface Content {
	kind?: string;
	title?: Partial<Text2>;
	checklist?: { sections?: { items?: ContentItem[] }[] };
}

const text2 = (t: Partial<Text2> | undefined, fallback = '—'): Text2 => ({
	en: t?.en || t?.['zh-CN'] || fallback,
	'zh-CN': t?.['zh-CN'] || t?.en || fallback
});

const AUDIT_CODES = new Set(['COM', 'MAJ', 'MIN', 'OBS']);

/** The audit-result items of a reviewed vendor audit, with the final answers. */
function auditResults(content: Content, score: unknown): ReportAuditResult[] {
	const items = ((score ?? {}) as { items?: { id: string; status?: string; value?: unknown }[] })
		.items;
	const byId = new Map((items ?? []).map((i) => [i.id, i]));
	const out: ReportAuditResult[] = [];
	for (const section of content.checklist?.sections ?? [])
		for (const item of section.items ?? []) {
			if (item.type !== 'audit_result') continue;
			const v = byId.get(item.id)?.value;
			const result = typeof v === 'string' && AUDIT_CODES.has(v) ? v : 'na';
			out.push({
				itemId: item.id,
				label: text2(item.label, item.id),
				clauses: item.clauses ?? [],
				result: result as ReportAuditResult['result']
			});
		}
	return out;
}

/** Item labels of `content` by `scenarioId|itemId`, added to `into`. */
function collectLabels(scenarioId: string, content: Content, into: Record<string, Text2>) {
	for (const section of content.checklist?.sections ?? [])
		for (const item of section.items ?? [])
			into[`${scenarioId}|${item.id}`] ??= text2(item.label, item.id);
}

/** The programmes of `clientId` the caller can read (an audience report's calls come from these). */
async function clientProgrammes(client: AppClient, clientId: string): Promise<string[]> {
	const rows = must(
		'programmes',
		await client.from('programmes').select('id').eq('client_id', clientId)
	);
	return (rows ?? []).map((r) => r.id);
}

/** `start`..`end` moved back by `n` periods of the same length. */
function earlier(start: string, end: string, n: number): { start: string; end: string } {
	const len = dayOf(end) - dayOf(start) + 1;
	return { start: isoDay(dayOf(start) - n * len), end: isoDay(dayOf(end) - n * len) };
}

/**
 * Everything the report needs for scope `kind`/`id` over the days `start`..`end` (inclusive, in each
 * call's site time zone), or null when the caller cannot see the scope (or, with `audience`, when
 * the scope's vendor does not serve that client as far as the caller can see).
 */
export async function gatherReportData(
	client: AppClient,
	kind: ScopeKind,
	id: string,
	start: string,
	end: string,
	audience: string | null = null
): Promise<ReportData | null> {
	const loaded = await loadScope(client, kind, id);
	if (!loaded) return null;
	if (kind !== 'programme' && audience) {
		const link = must(
			'client_vendors',
			await client
				.from('client_vendors')
				.select('client_id')
				.eq('client_id', audience)
				.eq('vendor_id', loaded.vendorId!)
				.maybeSingle()
		);
		if (!link) return null;
		loaded.clientId = audience;
	}
	const oldest = earlier(start, end, TREND_PERIODS);
	// A day of slack each side: the exact cut is made below in each site's own time zone.
	const from = `${isoDay(dayOf(oldest.start) - 1)}T00:00:00Z`;
	const to = `${isoDay(dayOf(end) + 2)}T00:00:00Z`;
	let q = client
		.from('test_calls')
		.select(
			'id, site_id, status, window_start, scheduled_at, programme_id, sites(id, name, name_zh, time_zone, vendor_id), call_submissions(overall, critical_failed, evidence, score, current_overall, current_critical_failed, current_score, agent_pseudonym, reviewed_at), scenario_versions(scenario_id, content)'
		)
		.gte('window_start', from)
		.lt('window_start', to)
		.neq('status', 'cancelled')
		.order('window_start');
	// An audience client with no programmes has no calls here (and `in ()` is no valid filter).
	const programmes =
		loaded.clientId && !loaded.programmeId ? await clientProgrammes(client, loaded.clientId) : null;
	if (loaded.programmeId) q = q.eq('programme_id', loaded.programmeId);
	else {
		q = q.in(
			'site_id',
			(loaded.sites ?? []).map((s) => s.id)
		);
		if (programmes) q = q.in('programme_id', programmes);
	}
	const rows = programmes?.length === 0 ? [] : (must('calls', await q) ?? []);
	const periods = [
		...Array.from({ length: TREND_PERIODS }, (_, i) => earlier(start, end, TREND_PERIODS - i)),
		{ start, end }
	].map((p) => ({ ...p, calls: [] as ReportCall[] }));
	const current = periods[TREND_PERIODS];
	const purges = await purgedAt(
		client,
		rows.map((r) => r.id)
	);
	const itemLabels: Record<string, Text2> = {};
	for (const r of rows) {
		const site = r.sites as unknown as SiteRow;
		const at = r.scheduled_at ?? r.window_start;
		const localDay = isoDay(toLocal(site.time_zone, Date.parse(at)).day);
		const bucket = periods.find((p) => localDay >= p.start && localDay <= p.end);
		if (!bucket) continue;
		const sub = (Array.isArray(r.call_submissions) ? r.call_submissions[0] : r.call_submissions) as
			SubmissionRow | null | undefined;
		const reviewed = !!sub?.reviewed_at && (r.status === 'reviewed' || r.status === 'closed');
		const evidence = (Array.isArray(sub?.evidence) ? sub.evidence : []) as {
			path?: string;
			sha256?: string;
			mime?: string;
		}[];
		const finalScore = reviewed && sub?.current_score ? sub.current_score : sub?.score;
		const score = (finalScore ?? {}) as {
			clauses?: ReportCall['clauses'];
			categories?: ReportCall['categories'];
		};
		const overall = reviewed && sub?.current_overall != null ? sub.current_overall : sub?.overall;
		const version = r.scenario_versions as unknown as {
			scenario_id?: string;
			content?: Content;
		} | null;
		const content = version?.content ?? {};
		if (version?.scenario_id) collectLabels(version.scenario_id, content, itemLabels);
		const isAudit = content.kind === 'vendor_audit';
		bucket.calls.push({
			id: r.id,
			programmeId: r.programme_id,
			reviewed,
			kind: isAudit ? 'vendor_audit' : 'mystery_call',
			agent: sub?.agent_pseudonym ?? null,
			scenarioId: version?.scenario_id ?? null,
			scenarioTitle: text2(content.title),
			audit: isAudit && reviewed ? auditResults(content, finalScore) : [],
			siteId: r.site_id,
			siteName: site.name,
			timeZone: site.time_zone,
			at,
			localDay,
			status: r.status,
			overall: overall == null ? null : Number(overall),
			criticalFailed: Boolean(
				reviewed ? (sub?.current_critical_failed ?? sub?.critical_failed) : sub?.critical_failed
			),
			scenario: content.title?.en ?? null,
			clauses: score.clauses ?? {},
			categories: score.categories ?? {},
			evidence: evidence
				.filter((e) => typeof e.path === 'string')
				.map((e) => ({
					path: e.path!,
					sha256: e.sha256 ?? null,
					mime: e.mime ?? null,
					purgedAt: purges.get(`${r.id}|${e.path}`) ?? null
				}))
		});
	}
	const calls = current.calls;
	const parties = await loadParties(client, loaded, calls);
	const reviewedIds = new Set(calls.filter((c) => c.reviewed).map((c) => c.id));
	const findings = await loadFindings(
		client,
		parties.sites.map((s) => s.id),
		reviewedIds,
		`${isoDay(dayOf(end) + 2)}T00:00:00Z`
	);
	const sampling = await loadSampling(client, loaded, calls);
	return {
		scope: loaded.scope,
		parties,
		audienceClientId: loaded.clientId,
		period: { start, end },
		calls,
		previous: periods.slice(0, TREND_PERIODS),
		findings,
		itemLabels,
		sampling
	};
}

/** The sampling plan of the programmes the period's calls belong to, for the scope's sites. */
async function loadSampling(
	client: AppClient,
	loaded: NonNullable<Awaited<ReturnType<typeof loadScope>>>,
	calls: ReportCall[]
): Promise<ReportSampling> {
	const ids = loaded.programmeId
		? [loaded.programmeId]
		: [...new Set(calls.map((c) => c.programmeId).filter((x): x is string => !!x))];
	const plans = ids.length
		? (must(
				'programme plans',
				await client.from('programmes').select('id, definition').in('id', ids)
			) ?? [])
		: [];
	const siteIds = loaded.sites ? new Set(loaded.sites.map((s) => s.id)) : null;
	const scheduled = calls.filter((c) => c.kind === 'mystery_call').length;
	return samplingFromPlans(plans, siteIds, scheduled);
}

/** The organisation, vendor and client names and the sites involved. */
async function loadParties(
	client: AppClient,
	loaded: NonNullable<Awaited<ReturnType<typeof loadScope>>>,
	calls: ReportCall[]
): Promise<ReportParties> {
	const ids = [loaded.scope.organisationId, loaded.vendorId, loaded.clientId].filter(
		(x): x is string => !!x
	);
	const orgs =
		must('organisations', await client.from('organisations').select('id, name').in('id', ids)) ??
		[];
	const name = (id: string | null) => (id ? (orgs.find((o) => o.id === id)?.name ?? null) : null);
	const sites = new Map<string, ReportParties['sites'][number]>();
	for (const s of loaded.sites ?? [])
		sites.set(s.id, { id: s.id, name: s.name, nameZh: s.name_zh, timeZone: s.time_zone });
	for (const c of calls)
		if (!sites.has(c.siteId))
			sites.set(c.siteId, { id: c.siteId, name: c.siteName, nameZh: null, timeZone: c.timeZone });
	return {
		organisation: name(loaded.scope.organisationId) ?? '',
		vendor: name(loaded.vendorId),
		client: name(loaded.clientId),
		sites: [...sites.values()]
	};
}

/** call id|path → when its file was purged, for the calls given. */
async function purgedAt(client: AppClient, callIds: string[]): Promise<Map<string, string>> {
	const out = new Map<string, string>();
	// Batches keep the `in` filter's URL short.
	for (let i = 0; i < callIds.length; i += 100) {
		const rows = must(
			'evidence purges',
			await client
				.from('evidence_purges')
				.select('call_id, path, purged_at')
				.in('call_id', callIds.slice(i, i + 100))
		);
		for (const p of rows ?? []) out.set(`${p.call_id}|${p.path}`, p.purged_at);
	}
	return out;
}
