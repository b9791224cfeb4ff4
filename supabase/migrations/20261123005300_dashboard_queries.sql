-- The dashboards' queries, one function per chart over the rollups of 005200. Every function is
-- security invoker: it runs as the signed-in user, so the rollups' policies decide whose rows it
-- aggregates, and the page passes only filters (period, client, vendor, site, scenario; null = all).
--
-- The two filter helpers are plain SQL functions without `set search_path` (everything in them is
-- schema-qualified instead): a SET clause would stop Postgres from inlining them, and inlined they
-- let the planner push the filters into the index scans listed in 005200's header.

/* The call results in the filters' scope that the caller may read. */
create function private.dashboard_calls(
  p_from date, p_to date, p_client uuid, p_vendor uuid, p_site uuid, p_scenario uuid
)
returns setof public.call_results
language sql stable
as $$
  select * from public.call_results r
  where r.local_date between p_from and p_to
    and (p_client is null or r.client_id = p_client)
    and (p_vendor is null or r.vendor_id = p_vendor)
    and (p_site is null or r.site_id = p_site)
    and (p_scenario is null or r.scenario_id = p_scenario)
$$;

/* The item results in the filters' scope that the caller may read. */
create function private.dashboard_items(
  p_from date, p_to date, p_client uuid, p_vendor uuid, p_site uuid, p_scenario uuid
)
returns setof public.call_item_results
language sql stable
as $$
  select * from public.call_item_results i
  where i.local_date between p_from and p_to
    and (p_client is null or i.client_id = p_client)
    and (p_vendor is null or i.vendor_id = p_vendor)
    and (p_site is null or i.site_id = p_site)
    and (p_scenario is null or i.scenario_id = p_scenario)
$$;

revoke all on function private.dashboard_calls(date, date, uuid, uuid, uuid, uuid) from public, anon;
revoke all on function private.dashboard_items(date, date, uuid, uuid, uuid, uuid) from public, anon;
grant execute on function private.dashboard_calls(date, date, uuid, uuid, uuid, uuid)
  to authenticated, service_role;
grant execute on function private.dashboard_items(date, date, uuid, uuid, uuid, uuid)
  to authenticated, service_role;

/* Overall trend: calls, average overall score and critical failures per week or month. */
create function public.dashboard_trend(
  p_from date, p_to date, p_client uuid default null, p_vendor uuid default null,
  p_site uuid default null, p_scenario uuid default null, p_grain text default 'week'
)
returns table (period date, calls bigint, average numeric, critical_failures bigint)
language sql stable security invoker
set search_path = ''
as $$
  select date_trunc(case when p_grain = 'month' then 'month' else 'week' end, r.local_date)::date,
    count(*), round(avg(r.overall), 4), count(*) filter (where r.critical_failed)
  from private.dashboard_calls(p_from, p_to, p_client, p_vendor, p_site, p_scenario) r
  group by 1
  order by 1
$$;

/* Vendor league table: per vendor, calls, average score, critical failures and failed items. */
create function public.dashboard_vendors(
  p_from date, p_to date, p_client uuid default null, p_vendor uuid default null,
  p_site uuid default null, p_scenario uuid default null
)
returns table (
  vendor_id uuid, vendor text, vendor_zh text, calls bigint, average numeric,
  critical_failures bigint, items_failed bigint
)
language sql stable security invoker
set search_path = ''
as $$
  select t.vendor_id, o.name, o.name_zh, t.calls, t.average, t.critical_failures, t.items_failed
  from (
    select r.vendor_id, count(*) as calls, round(avg(r.overall), 4) as average,
      count(*) filter (where r.critical_failed) as critical_failures,
      sum(r.items_failed)::bigint as items_failed
    from private.dashboard_calls(p_from, p_to, p_client, p_vendor, p_site, p_scenario) r
    group by r.vendor_id
  ) t
  left join public.organisations o on o.id = t.vendor_id
  order by t.average desc nulls last, t.calls desc
$$;

/* Category breakdown: per service-quality category, items, passes, failures and the score. */
create function public.dashboard_categories(
  p_from date, p_to date, p_client uuid default null, p_vendor uuid default null,
  p_site uuid default null, p_scenario uuid default null
)
returns table (category text, items bigint, passed bigint, failed bigint, score numeric)
language sql stable security invoker
set search_path = ''
as $$
  select i.category, count(*), count(*) filter (where i.outcome = 'pass'),
    count(*) filter (where i.outcome = 'fail'),
    round(sum(i.earned) / nullif(sum(i.possible), 0), 4)
  from private.dashboard_items(p_from, p_to, p_client, p_vendor, p_site, p_scenario) i
  where i.category is not null
  group by i.category
  order by i.category
$$;

/* Privacy results by clause: how often items tagged with each clause passed and failed. */
create function public.dashboard_clauses(
  p_from date, p_to date, p_client uuid default null, p_vendor uuid default null,
  p_site uuid default null, p_scenario uuid default null
)
returns table (clause text, passed bigint, failed bigint)
language sql stable security invoker
set search_path = ''
as $$
  select c.clause, count(*) filter (where i.outcome = 'pass'), count(*) filter (where i.outcome = 'fail')
  from private.dashboard_items(p_from, p_to, p_client, p_vendor, p_site, p_scenario) i
  cross join lateral unnest(i.clauses) as c (clause)
  where i.clauses <> '{}' and i.outcome <> 'na'
  group by c.clause
  order by 3 desc, 1
$$;

/* QA workload: per week or month of submission, calls awaiting review and reviewed, and the mean
   hours from submission to review. */
create function public.dashboard_workload(
  p_from date, p_to date, p_client uuid default null, p_vendor uuid default null,
  p_site uuid default null, p_scenario uuid default null, p_grain text default 'week'
)
returns table (period date, awaiting bigint, reviewed bigint, review_hours numeric)
language sql stable security invoker
set search_path = ''
as $$
  select date_trunc(case when p_grain = 'month' then 'month' else 'week' end, r.local_date)::date,
    count(*) filter (where r.status = 'submitted'),
    count(*) filter (where r.status in ('reviewed', 'closed')),
    round((avg(extract(epoch from r.reviewed_at - r.submitted_at)) / 3600)::numeric, 1)
  from private.dashboard_calls(p_from, p_to, p_client, p_vendor, p_site, p_scenario) r
  group by 1
  order by 1
$$;

/* Coverage against the plan: per site, calls planned, completed and missed in the months the
   period touches (programmes have no scenario filter here: a plan mixes scenarios). */
create function public.dashboard_coverage(
  p_from date, p_to date, p_client uuid default null, p_vendor uuid default null,
  p_site uuid default null, p_scenario uuid default null
)
returns table (
  site_id uuid, site text, site_zh text, vendor_id uuid, planned bigint, completed bigint,
  missed bigint
)
language sql stable security invoker
set search_path = ''
as $$
  select t.site_id, s.name, s.name_zh, t.vendor_id, t.planned, t.completed, t.missed
  from (
    select pc.site_id, pc.vendor_id, sum(pc.planned)::bigint as planned,
      sum(pc.completed)::bigint as completed, sum(pc.missed)::bigint as missed
    from public.plan_coverage pc
    where pc.month between date_trunc('month', p_from)::date and p_to
      and (p_client is null or pc.client_id = p_client)
      and (p_vendor is null or pc.vendor_id = p_vendor)
      and (p_site is null or pc.site_id = p_site)
    group by pc.site_id, pc.vendor_id
  ) t
  left join public.sites s on s.id = t.site_id
  order by t.completed::numeric / nullif(t.planned, 0) nulls first, s.name
$$;

revoke all on function public.dashboard_trend(date, date, uuid, uuid, uuid, uuid, text) from public, anon;
revoke all on function public.dashboard_vendors(date, date, uuid, uuid, uuid, uuid) from public, anon;
revoke all on function public.dashboard_categories(date, date, uuid, uuid, uuid, uuid) from public, anon;
revoke all on function public.dashboard_clauses(date, date, uuid, uuid, uuid, uuid) from public, anon;
revoke all on function public.dashboard_workload(date, date, uuid, uuid, uuid, uuid, text) from public, anon;
revoke all on function public.dashboard_coverage(date, date, uuid, uuid, uuid, uuid) from public, anon;
grant execute on function public.dashboard_trend(date, date, uuid, uuid, uuid, uuid, text)
  to authenticated, service_role;
grant execute on function public.dashboard_vendors(date, date, uuid, uuid, uuid, uuid)
  to authenticated, service_role;
grant execute on function public.dashboard_categories(date, date, uuid, uuid, uuid, uuid)
  to authenticated, service_role;
grant execute on function public.dashboard_clauses(date, date, uuid, uuid, uuid, uuid)
  to authenticated, service_role;
grant execute on function public.dashboard_workload(date, date, uuid, uuid, uuid, uuid, text)
  to authenticated, service_role;
grant execute on function public.dashboard_coverage(date, date, uuid, uuid, uuid, uuid)
  to authenticated, service_role;
