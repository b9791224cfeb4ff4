/**
 * DB → report data, read with the publishing officer's OWN client: what RLS lets them see is what goes
 * into the report, and a scope they cannot see is simply not found. Maps what exists today (calls,
 * submissions with score and overall, evidence hashes and purges, sites, vendors, programmes); the
 * report model (src/lib/domain/report) turns this into what the PDF shows.
 */
import { dayOf, isoDay, toLocal } from '$lib/domain/schedule/tz';
import type { AppClient } from '$lib/tenancy';

export type ScopeKind = 'site' | 'vendor' | 'programme';

export interface ReportScope {
	kind: ScopeKind;
	id: string;
	name: string;
	nameZh: string | null;
	/** The audit organisation that publishes it. */
	organisationId: string;
}

/** Names printed in the control block, as the publisher reads them. */
export interface ReportParties {
	organisation: string;
	vendor: string | null;
	client: string | null;
	sites: { id: string; name: string; nameZh: string | null; timeZone: string }[];
}

export interface ReportEvidence {
	path: string;
	sha256: string | null;
	mime: string | null;
	/** When retention purged the file; the hash stays. */
	purgedAt: string | null;
}

export interface ReportCall {
	id: string;
	siteId: string;
	siteName: string;
	timeZone: string;
	/** When the call took place (planned start, else window start), UTC ISO. */
	at: string;
	/** The call's day in its site's time zone, YYYY-MM-DD. */
	localDay: string;
	status: string;
	/** 0..1, null when nothing counted or nothing was submitted. */
	overall: number | null;
	criticalFailed: boolean;
	/** The scenario's title, when the publisher can read it. */
	scenario: string | null;
	/** Per clause and per category tallies from the stored ScoreResult (empty when unscored). */
	clauses: Record<string, { passed: number; failed: number }>;
	categories: Record<string, { earned: number; possible: number }>;
	evidence: ReportEvidence[];
}

export interface ReportData {
	scope: ReportScope;
	parties: ReportParties;
	period: { start: string; end: string };
	calls: ReportCall[];
}

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

/**
 * Everything the report needs for scope `kind`/`id` over the days `start`..`end` (inclusive, in each
 * call's site time zone), or null when the caller cannot see the scope.
 */
export async function gatherReportData(
	client: AppClient,
	kind: ScopeKind,
	id: string,
	start: string,
	end: string
): Promise<ReportData | null> {
	const loaded = await loadScope(client, kind, id);
	if (!loaded) return null;
	// A day of slack each side: the exact cut is made below in each site's own time zone.
	const from = `${isoDay(dayOf(start) - 1)}T00:00:00Z`;
	const to = `${isoDay(dayOf(end) + 2)}T00:00:00Z`;
	let q = client
		.from('test_calls')
		.select(
			'id, site_id, status, window_start, scheduled_at, sites(id, name, name_zh, time_zone, vendor_id), call_submissions(overall, critical_failed, evidence, score), scenario_versions(content)'
		)
		.gte('window_start', from)
		.lt('window_start', to)
		.neq('status', 'cancelled')
		.order('window_start');
	q = loaded.programmeId
		? q.eq('programme_id', loaded.programmeId)
		: q.in(
				'site_id',
				(loaded.sites ?? []).map((s) => s.id)
			);
	const rows = must('calls', await q) ?? [];
	const purges = await purgedAt(
		client,
		rows.map((r) => r.id)
	);
	const calls: ReportCall[] = [];
	for (const r of rows) {
		const site = r.sites as unknown as SiteRow;
		const at = r.scheduled_at ?? r.window_start;
		const local = toLocal(site.time_zone, Date.parse(at));
		const localDay = isoDay(local.day);
		if (localDay < start || localDay > end) continue;
		const sub = (Array.isArray(r.call_submissions) ? r.call_submissions[0] : r.call_submissions) as
			| { overall: number | null; critical_failed: boolean; evidence: unknown; score: unknown }
			| null
			| undefined;
		const evidence = (Array.isArray(sub?.evidence) ? sub.evidence : []) as {
			path?: string;
			sha256?: string;
			mime?: string;
		}[];
		const score = (sub?.score ?? {}) as {
			clauses?: ReportCall['clauses'];
			categories?: ReportCall['categories'];
		};
		const version = r.scenario_versions as unknown as { content?: { title?: { en?: string } } };
		calls.push({
			id: r.id,
			siteId: r.site_id,
			siteName: site.name,
			timeZone: site.time_zone,
			at,
			localDay,
			status: r.status,
			overall: sub?.overall == null ? null : Number(sub.overall),
			criticalFailed: Boolean(sub?.critical_failed),
			scenario: version?.content?.title?.en ?? null,
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
	const parties = await loadParties(client, loaded, calls);
	return { scope: loaded.scope, parties, period: { start, end }, calls };
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
