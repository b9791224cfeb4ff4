-- The dashboards' findings and disputes charts, over the review tables of 004100 (findings,
-- finding_disputes). Security invoker like the other dashboard functions: audit staff see their
-- organisation's, vendor managers their own vendor's; client viewers and shoppers read no finding, so
-- both charts are empty for them.
--
-- Open findings by age is a snapshot (age today since first seen), so it takes the vendor, site and
-- scenario filters but not the period; disputes count those raised in the period. A finding has no
-- client of its own, so the client filter does not apply to either. Both read a few hundred rows per
-- organisation through findings_organisation_id_idx / findings_vendor_id_idx (organisation or vendor,
-- status) and the disputes' finding_id index.

/* Open findings by age band (0–30, 31–90, 91–180, over 180 days) and severity (C, M, m). */
create function public.dashboard_findings(
  p_from date, p_to date, p_client uuid default null, p_vendor uuid default null,
  p_site uuid default null, p_scenario uuid default null
)
returns table (age_band text, critical bigint, major bigint, minor bigint, overdue bigint)
language sql stable security invoker
set search_path = ''
as $$
  with bands (band, lo, hi) as (
    values ('0-30', 0, 30), ('31-90', 31, 90), ('91-180', 91, 180), ('181+', 181, 1000000)
  ), open as (
    select f.severity, f.due_at, (current_date - f.first_seen_at::date) as age
    from public.findings f
    where f.status not in ('closed', 'withdrawn')
      and (p_vendor is null or f.vendor_id = p_vendor)
      and (p_site is null or f.site_id = p_site)
      and (p_scenario is null or f.scenario_id = p_scenario)
  )
  select b.band,
    count(o.*) filter (where o.severity = 'C'),
    count(o.*) filter (where o.severity = 'M'),
    count(o.*) filter (where o.severity = 'm'),
    count(o.*) filter (where o.due_at < current_date)
  from bands b
  left join open o on o.age between b.lo and b.hi
  group by b.band, b.lo
  order by b.lo
$$;

/* Disputes raised in the period, by status, with the mean days to a decision. */
create function public.dashboard_disputes(
  p_from date, p_to date, p_client uuid default null, p_vendor uuid default null,
  p_site uuid default null, p_scenario uuid default null
)
returns table (status text, disputes bigint, decision_days numeric)
language sql stable security invoker
set search_path = ''
as $$
  select d.status::text, count(*),
    round((avg(extract(epoch from d.decided_at - d.created_at)) / 86400)::numeric, 1)
  from public.finding_disputes d
  join public.findings f on f.id = d.finding_id
  where d.created_at::date between p_from and p_to
    and (p_vendor is null or d.vendor_id = p_vendor)
    and (p_site is null or f.site_id = p_site)
    and (p_scenario is null or f.scenario_id = p_scenario)
  group by d.status
  order by d.status
$$;

revoke all on function public.dashboard_findings(date, date, uuid, uuid, uuid, uuid) from public, anon;
revoke all on function public.dashboard_disputes(date, date, uuid, uuid, uuid, uuid) from public, anon;
grant execute on function public.dashboard_findings(date, date, uuid, uuid, uuid, uuid)
  to authenticated, service_role;
grant execute on function public.dashboard_disputes(date, date, uuid, uuid, uuid, uuid)
  to authenticated, service_role;
