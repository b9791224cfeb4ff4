/**
 * Seeds the dashboard benchmark's database on the server Postgres: a fresh `clearcall_bench` (or
 * BENCH_DB), migrated and demo-seeded by supabase/local's own migrate code, then 50,000 submitted
 * calls with about 1,000,000 item answers written by set-based SQL (generate_series), so the rollup
 * triggers see one bulk statement each, as a bulk import would.
 *
 * Run alone: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/seed/dashboard.ts
 */
import pg from 'pg';
import { openDatabase } from '../../supabase/local/src/db/driver';
import { migrate } from '../../supabase/local/src/db/migrate';
import path from 'node:path';
import { PROJECT_ROOT } from '../../supabase/local/src/config';
import { pathToFileURL } from 'node:url';

export const CALLS = Number(process.env.BENCH_CALLS ?? 50_000);
const AUDIT = 'a0000000-0000-4000-8000-000000000001';

/** The URL of database `name` on the server that `baseUrl` points at. */
export function databaseUrl(baseUrl: string, name: string): string {
	const url = new URL(baseUrl);
	url.pathname = `/${name}`;
	return url.toString();
}

/** Extra vendors (17 × 5 sites, plus the demo's 3 × 2), lines for both clients, two programmes. */
const TENANTS = `
insert into public.organisations (id, kind, name, name_zh, audit_organisation_id)
select ('d1000000-0000-4000-8000-' || lpad(v::text, 12, '0'))::uuid, 'vendor',
  'Bench vendor ' || v, '测试供应商 ' || v, '${AUDIT}'
from generate_series(1, 17) v;

insert into public.client_vendors (client_id, vendor_id)
select c.id, o.id from public.organisations c, public.organisations o
where c.kind = 'client' and o.kind = 'vendor' and o.name like 'Bench vendor %';

insert into public.sites (id, vendor_id, name, name_zh, city, country, time_zone)
select gen_random_uuid(), o.id, o.name || ' site ' || s, o.name_zh || ' 站点 ' || s, 'Bench city',
  'CN', (array['Asia/Shanghai', 'Asia/Manila', 'Europe/Dublin'])[1 + s % 3]
from public.organisations o, generate_series(1, 5) s
where o.name like 'Bench vendor %';

insert into public.lines (site_id, client_id, label, phone_number)
select st.id, cv.client_id, 'Bench line', '+86 21 5555 0000'
from public.sites st join public.client_vendors cv on cv.vendor_id = st.vendor_id
where not exists (select 1 from public.lines l where l.site_id = st.id and l.client_id = cv.client_id);

insert into public.programmes (organisation_id, client_id, name, status)
select '${AUDIT}', c.id, 'Bench programme ' || c.name, 'active'
from public.organisations c where c.kind = 'client';
`;

/**
 * The calls: one of every site's lines, a published library version, a programme of the line's
 * client, a time spread over the past year. `n` are submitted (85 % of them reviewed); 7 % more are
 * still planned (future) or missed, for the coverage chart.
 */
const CALLS_SQL = (n: number) => `
create temporary table bench_lines as
select row_number() over (order by l.id) as n, l.id as line_id, l.site_id, p.id as programme_id
from public.lines l join public.programmes p on p.client_id = l.client_id;
create temporary table bench_versions as
select row_number() over (order by v.id) as n, v.id
from public.scenario_versions v where v.status = 'published';

insert into public.test_calls (
  id, organisation_id, scenario_version_id, site_id, line_id, programme_id, status, window_start,
  window_end, scheduled_at, submitted_at
)
select gen_random_uuid(), '${AUDIT}', bv.id, bl.site_id, bl.line_id, bl.programme_id,
  case when i > ${n} then (case when i % 2 = 0 then 'scheduled' else 'missed' end)
       when i % 100 < 15 then 'submitted' else 'reviewed' end::public.call_status,
  at, at + interval '2 hours', at + interval '30 minutes',
  case when i <= ${n} then at + interval '45 minutes' end
from generate_series(1, ${n} + ${n} * 7 / 100) i
cross join lateral (
  select case when i > ${n} and i % 2 = 0 then now() + (i % 60) * interval '1 day'
              else now() - (i % 365) * interval '1 day' - (i % 11) * interval '1 hour' end as at
) t
join bench_lines bl on bl.n = 1 + i % (select count(*) from bench_lines)
join bench_versions bv on bv.n = 1 + (i / 7) % (select count(*) from bench_versions);
`;

/**
 * One submission per submitted call, scored item by item: a pseudo-random pass/fail/N/A per call and
 * item (each vendor a little better or worse), with the engine's ScoreResult shape for what the
 * rollups read (score, failed, items[id, sectionId, status, passed, earned, possible, critical]).
 */
const SUBMISSIONS_SQL = `
create temporary table bench_items as
select v.id as version_id, sec ->> 'id' as section_id, i ->> 'id' as item_id,
  coalesce((i ->> 'critical')::boolean, i ->> 'severity' = 'C') as critical
from public.scenario_versions v
cross join lateral jsonb_array_elements(v.content -> 'checklist' -> 'sections') sec
cross join lateral jsonb_array_elements(sec -> 'items') i
where v.status = 'published' and i ->> 'type' <> 'text';

insert into public.call_submissions (call_id, organisation_id, idempotency_key, answers, score,
  overall, critical_failed, submitted_at)
select c.id, c.organisation_id, gen_random_uuid(), '{}'::jsonb,
  jsonb_build_object('status', 'scored', 'score', x.score, 'failed', x.failed, 'items', x.items),
  x.score, x.failed, c.submitted_at
from public.test_calls c
join public.sites st on st.id = c.site_id
cross join lateral (
  select
    round(sum(r.passed::int)::numeric / nullif(count(*) filter (where r.status = 'scored'), 0), 4)
      as score,
    bool_or(r.critical and r.status = 'scored' and not r.passed) as failed,
    jsonb_agg(jsonb_build_object(
      'id', r.item_id, 'sectionId', r.section_id, 'status', r.status, 'passed',
      case when r.status = 'scored' then r.passed end, 'earned', case when r.passed then 1 else 0 end,
      'possible', case when r.status = 'scored' then 1 else 0 end, 'critical', r.critical
    )) as items
  from (
    select bi.*, case when h < 60 then 'na' else 'scored' end as status,
      h >= 60 + (abs(hashtext(st.vendor_id::text)) % 150) as passed
    from bench_items bi
    cross join lateral (select abs(hashtext(c.id::text || bi.item_id)) % 1000 as h) hh
    where bi.version_id = c.scenario_version_id
  ) r
) x
where c.status in ('submitted', 'reviewed');
`;

/** Creates, migrates and fills the benchmark database; returns its URL and the counts. */
export async function seedDashboardBench(baseUrl: string, name = 'clearcall_bench') {
	const log = (msg: string) => console.log(`[bench dashboard seed] ${msg}`);
	const admin = new pg.Client({ connectionString: baseUrl });
	await admin.connect();
	await admin.query(`drop database if exists ${name} with (force)`);
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = databaseUrl(baseUrl, name);

	let t = performance.now();
	const db = await openDatabase({ databaseUrl: url, dataDir: 'memory://' });
	try {
		await migrate(
			db,
			path.join(PROJECT_ROOT, 'supabase/migrations'),
			path.join(PROJECT_ROOT, 'supabase/seed.sql')
		);
		log(`migrated and demo-seeded ${name} in ${Math.round(performance.now() - t)} ms`);
		for (const [what, sql] of [
			['tenants', TENANTS],
			['calls', CALLS_SQL(CALLS)],
			['submissions (and the rollup triggers)', SUBMISSIONS_SQL]
		] as const) {
			t = performance.now();
			await db.transaction((tx) => tx.exec(sql));
			log(`${what} in ${Math.round(performance.now() - t)} ms`);
		}
		// Each result row was written three times by the triggers (insert, tallies, counts); autovacuum
		// would clear the dead versions in a while, the bench does it at once.
		t = performance.now();
		await db.exec('vacuum analyze');
		log(`vacuum analyze in ${Math.round(performance.now() - t)} ms`);
		const [counts] = (
			await db.query<{ calls: number; submitted: number; items: number; coverage: number }>(
				`select (select count(*) from public.test_calls)::int as calls,
				   (select count(*) from public.call_results)::int as submitted,
				   (select count(*) from public.call_item_results)::int as items,
				   (select count(*) from public.plan_coverage)::int as coverage`
			)
		).rows;
		log(
			`${counts.calls} calls, ${counts.submitted} submitted, ${counts.items} item answers, ` +
				`${counts.coverage} coverage rows`
		);
		return { url, ...counts };
	} finally {
		await db.close();
	}
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const base = process.env.DATABASE_URL;
	if (!base) throw new Error('set DATABASE_URL to a server Postgres');
	await seedDashboardBench(base);
}
