-- Dashboard rollups: one row per submitted call (call_results), one per scored or N/A item of it
-- (call_item_results), and planned-versus-done counts per programme × site × local month
-- (plan_coverage). Triggers keep them in step with call_submissions and test_calls, so the dashboards
-- never unpack score jsonb or join six tables at read time; at 50,000 calls and 1,000,000 item
-- answers each chart is one aggregate over an indexed range of one table.
--
-- What serves which chart (the dashboard_* functions at the end; each is security invoker, so the
-- policies below do the scoping and the page passes only the filters):
--   overall trend, vendor league, QA workload   call_results: (organisation_id, local_date) for staff,
--                                                (vendor_id, local_date) for vendor managers,
--                                                (client_id, local_date) for client viewers; the
--                                                site and scenario filters use (site_id, local_date)
--                                                and (scenario_id, local_date).
--   category breakdown                           call_item_results (organisation_id, local_date)
--                                                include (category, outcome, earned, possible): an
--                                                index-only range scan for staff; vendor and client
--                                                scopes through their own (…_id, local_date) indexes.
--   privacy failures by clause                   call_item_results_clauses_idx: a partial index over
--                                                the items that carry clauses (privacy items only).
--   coverage against the plan                    plan_coverage, kept per programme × site × month,
--                                                so the chart reads a few hundred rows.
--
-- Why the policies compare with an array rather than call private.has_org_role() per row: a policy
-- runs for every row a query touches, and has_org_role() looks memberships up each time, which at a
-- million item rows costs seconds. `x = any ((select private.my_organisation_ids(roles))::uuid[])`
-- makes the membership lookup an InitPlan that runs once per query (the cast keeps Postgres from
-- reading it as `= any (subquery)`), and lets the planner use the indexes above.
--
-- Who sees what: audit staff (admin, compliance_officer) their organisation's rows; vendor managers
-- their vendor's sites' rows, and client viewers their clients' programmes' rows, both only once the
-- call is reviewed (a submitted score can still change in review); shoppers nothing. Nobody writes:
-- the tables grant authenticated users select only, and only the triggers (definer) fill them. No
-- rollup row names a shopper or an agent.
--
-- The score followed is the review's current score (call_submissions.current_score, set by overrides,
-- approval and accepted disputes in 004200) once there is one, otherwise the shopper's submitted score;
-- so an accepted dispute re-scores the dashboards through the same update trigger.

-- helper ----------------------------------------------------------------------------------------------

/* The organisations in which the signed-in user holds one of `roles` (empty when none). */
create function private.my_organisation_ids(roles public.app_role[])
returns uuid[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(m.organisation_id), '{}')
  from public.memberships m
  where m.user_id = (select auth.uid()) and m.role = any (roles)
$$;
revoke all on function private.my_organisation_ids(public.app_role[]) from public, anon;
grant execute on function private.my_organisation_ids(public.app_role[])
  to authenticated, service_role;

create type public.item_outcome as enum ('pass', 'fail', 'na');

-- call_results ----------------------------------------------------------------------------------------

create table public.call_results (
  call_id uuid primary key references public.test_calls (id) on delete cascade,
  organisation_id uuid not null,
  programme_id uuid,
  client_id uuid,
  vendor_id uuid not null,
  site_id uuid not null,
  scenario_id uuid not null,
  scenario_version_id uuid not null,
  scenario_kind public.scenario_kind not null,
  status public.call_status not null,
  local_date date not null,
  submitted_at timestamptz not null,
  reviewed_at timestamptz,
  overall numeric,
  critical_failed boolean not null default false,
  items_passed int not null default 0,
  items_failed int not null default 0,
  items_na int not null default 0,
  refreshed_at timestamptz not null default now()
);
comment on table public.call_results is
  'Dashboard rollup: one row per submitted call with its scope (client, vendor, site, programme, scenario), local date, status and current score; kept by triggers, read-only.';
comment on column public.call_results.local_date is 'The submission date in the site''s time zone.';
comment on column public.call_results.client_id is 'The programme''s client, else the line''s client.';
comment on column public.call_results.overall is 'The current overall score, 0..1 (more with bonus); null when nothing counted.';
create index call_results_organisation_date_idx on public.call_results (organisation_id, local_date);
create index call_results_vendor_date_idx on public.call_results (vendor_id, local_date);
create index call_results_client_date_idx on public.call_results (client_id, local_date);
create index call_results_site_date_idx on public.call_results (site_id, local_date);
create index call_results_scenario_date_idx on public.call_results (scenario_id, local_date);
create index call_results_programme_id_idx on public.call_results (programme_id);
alter table public.call_results enable row level security;

-- call_item_results -----------------------------------------------------------------------------------

create table public.call_item_results (
  call_id uuid not null references public.call_results (call_id) on delete cascade,
  item_id text not null,
  organisation_id uuid not null,
  programme_id uuid,
  client_id uuid,
  vendor_id uuid not null,
  site_id uuid not null,
  scenario_id uuid not null,
  status public.call_status not null,
  local_date date not null,
  section_id text,
  category text,
  clauses text[] not null default '{}',
  severity text,
  critical boolean not null default false,
  outcome public.item_outcome not null,
  audit_result text,
  earned numeric not null default 0,
  possible numeric not null default 0,
  primary key (call_id, item_id)
);
comment on table public.call_item_results is
  'Dashboard rollup: one row per scored or N/A checklist item of a submitted call, with its category, clauses, severity and outcome; kept by triggers, read-only.';
comment on column public.call_item_results.category is 'Service-quality category: the item''s, else its section''s.';
comment on column public.call_item_results.audit_result is 'COM / MAJ / MIN / OBS for vendor-audit items.';
create index call_item_results_organisation_date_idx on public.call_item_results
  (organisation_id, local_date) include (category, outcome, earned, possible);
create index call_item_results_vendor_date_idx on public.call_item_results (vendor_id, local_date);
create index call_item_results_client_date_idx on public.call_item_results (client_id, local_date);
create index call_item_results_site_date_idx on public.call_item_results (site_id, local_date);
create index call_item_results_scenario_date_idx on public.call_item_results (scenario_id, local_date);
create index call_item_results_clauses_idx on public.call_item_results
  (organisation_id, local_date) include (clauses, outcome) where clauses <> '{}';
alter table public.call_item_results enable row level security;

-- plan_coverage ---------------------------------------------------------------------------------------

create table public.plan_coverage (
  programme_id uuid not null references public.programmes (id) on delete cascade,
  site_id uuid not null references public.sites (id) on delete cascade,
  month date not null check (extract(day from month) = 1),
  organisation_id uuid not null,
  client_id uuid not null,
  vendor_id uuid not null,
  planned int not null default 0,
  completed int not null default 0,
  missed int not null default 0,
  cancelled int not null default 0,
  primary key (programme_id, site_id, month)
);
comment on table public.plan_coverage is
  'Dashboard rollup: per programme, site and local month, calls planned (not cancelled), completed (submitted or later), missed and cancelled; kept by triggers, read-only.';
create index plan_coverage_organisation_month_idx on public.plan_coverage (organisation_id, month);
create index plan_coverage_vendor_month_idx on public.plan_coverage (vendor_id, month);
create index plan_coverage_client_month_idx on public.plan_coverage (client_id, month);
create index plan_coverage_site_id_idx on public.plan_coverage (site_id);
-- Serves the recount of one programme × site pair when one of its calls changes.
create index test_calls_programme_site_idx on public.test_calls (programme_id, site_id);
alter table public.plan_coverage enable row level security;

-- refresh ---------------------------------------------------------------------------------------------

/* Rebuilds the call_results and call_item_results rows of calls `p_calls` from their submissions, in
   one set-based pass (a bulk insert of submissions refreshes all of them at once). The ids are
   compared as a set (`in (select unnest(…))`), not with `= any (array)`, which Postgres would search
   linearly per row: quadratic for a bulk insert. */
create function private.refresh_call_results(p_calls uuid[])
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
  delete from public.call_results where call_id in (select unnest(p_calls));

  insert into public.call_results (
    call_id, organisation_id, programme_id, client_id, vendor_id, site_id, scenario_id,
    scenario_version_id, scenario_kind, status, local_date, submitted_at, reviewed_at, overall,
    critical_failed
  )
  select c.id, c.organisation_id, c.programme_id, coalesce(p.client_id, l.client_id), st.vendor_id,
    c.site_id, v.scenario_id, v.id, sc.kind, c.status,
    (s.submitted_at at time zone st.time_zone)::date, s.submitted_at,
    s.reviewed_at,
    (sub.score ->> 'score')::numeric, coalesce((sub.score ->> 'failed')::boolean, false)
  from public.call_submissions s
  join public.test_calls c on c.id = s.call_id
  join public.sites st on st.id = c.site_id
  join public.scenario_versions v on v.id = c.scenario_version_id
  join public.scenarios sc on sc.id = v.scenario_id
  left join public.programmes p on p.id = c.programme_id
  left join public.lines l on l.id = c.line_id
  cross join lateral (select coalesce(s.current_score, s.score) as score) sub
  where s.call_id in (select unnest(p_calls));

  with meta as (
    select v.id as version_id, i ->> 'id' as item_id, sec ->> 'id' as section_id,
      coalesce(i ->> 'category', sec ->> 'category') as category,
      coalesce(array(select jsonb_array_elements_text(i -> 'clauses')), '{}') as clauses,
      i ->> 'severity' as severity, i ->> 'type' as type
    from public.scenario_versions v
    cross join lateral jsonb_array_elements(v.content -> 'checklist' -> 'sections') sec
    cross join lateral jsonb_array_elements(sec -> 'items') i
    where v.id in (
      select r.scenario_version_id from public.call_results r
      where r.call_id in (select unnest(p_calls))
    )
  ), scored as (
    select r.*, it
    from public.call_results r
    join public.call_submissions s on s.call_id = r.call_id
    cross join lateral jsonb_array_elements(coalesce(s.current_score, s.score) -> 'items') it
    where r.call_id in (select unnest(p_calls)) and it ->> 'status' in ('scored', 'na')
  )
  insert into public.call_item_results (
    call_id, item_id, organisation_id, programme_id, client_id, vendor_id, site_id, scenario_id,
    status, local_date, section_id, category, clauses, severity, critical, outcome, audit_result,
    earned, possible
  )
  select x.call_id, x.it ->> 'id', x.organisation_id, x.programme_id, x.client_id, x.vendor_id,
    x.site_id, x.scenario_id, x.status, x.local_date, coalesce(m.section_id, x.it ->> 'sectionId'),
    m.category, coalesce(m.clauses, '{}'), m.severity, coalesce((x.it ->> 'critical')::boolean, false),
    case
      when x.it ->> 'status' = 'na' then 'na'
      when (x.it ->> 'passed')::boolean then 'pass'
      else 'fail'
    end::public.item_outcome,
    case when m.type = 'audit_result' then x.it ->> 'value' end,
    coalesce((x.it ->> 'earned')::numeric, 0), coalesce((x.it ->> 'possible')::numeric, 0)
  from scored x
  left join meta m on m.version_id = x.scenario_version_id and m.item_id = x.it ->> 'id';

  update public.call_results r set
    items_passed = t.passed, items_failed = t.failed, items_na = t.na
  from (
    select i.call_id,
      count(*) filter (where i.outcome = 'pass') as passed,
      count(*) filter (where i.outcome = 'fail') as failed,
      count(*) filter (where i.outcome = 'na') as na
    from public.call_item_results i
    where i.call_id in (select unnest(p_calls))
    group by i.call_id
  ) t
  where r.call_id = t.call_id;
end
$$;
revoke all on function private.refresh_call_results(uuid[]) from public, anon, authenticated;

/* Recounts plan_coverage for the programme × site × month keys in `p_keys` (jsonb array of
   {programme_id, site_id, month}). */
create function private.refresh_plan_coverage(p_keys jsonb)
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
  -- Two statements, each naming the keys again: a delete and an insert of the same keys in one
  -- statement would not see each other's rows.
  with k as (
    select distinct (x ->> 'programme_id')::uuid as programme_id, (x ->> 'site_id')::uuid as site_id,
      (x ->> 'month')::date as month
    from jsonb_array_elements(p_keys) x
  )
  delete from public.plan_coverage pc
  using k
  where pc.programme_id = k.programme_id and pc.site_id = k.site_id and pc.month = k.month;

  -- Counted once per programme × site pair over its calls (test_calls_programme_site_idx), then
  -- kept for the months asked for.
  with k as (
    select distinct (x ->> 'programme_id')::uuid as programme_id, (x ->> 'site_id')::uuid as site_id,
      (x ->> 'month')::date as month
    from jsonb_array_elements(p_keys) x
  ), counted as (
    select c.programme_id, c.site_id, st.vendor_id,
      date_trunc('month', coalesce(c.scheduled_at, c.window_start) at time zone st.time_zone)::date
        as month,
      count(*) filter (where c.status <> 'cancelled') as planned,
      count(*) filter (where c.status in ('submitted', 'reviewed', 'closed')) as completed,
      count(*) filter (where c.status = 'missed') as missed,
      count(*) filter (where c.status = 'cancelled') as cancelled
    from public.test_calls c
    join public.sites st on st.id = c.site_id
    where (c.programme_id, c.site_id) in (select k.programme_id, k.site_id from k)
    group by 1, 2, 3, 4
  )
  insert into public.plan_coverage (
    programme_id, site_id, month, organisation_id, client_id, vendor_id, planned, completed, missed,
    cancelled
  )
  select n.programme_id, n.site_id, n.month, p.organisation_id, p.client_id, n.vendor_id, n.planned,
    n.completed, n.missed, n.cancelled
  from counted n
  join k on k.programme_id = n.programme_id and k.site_id = n.site_id and k.month = n.month
  join public.programmes p on p.id = n.programme_id;
end
$$;
revoke all on function private.refresh_plan_coverage(jsonb) from public, anon, authenticated;

/* The coverage keys of call rows `rows_json` (a jsonb array of test_calls rows). */
create function private.coverage_keys_of(rows_json jsonb)
returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'programme_id', r ->> 'programme_id', 'site_id', r ->> 'site_id',
    'month', date_trunc('month',
      coalesce((r ->> 'scheduled_at')::timestamptz, (r ->> 'window_start')::timestamptz)
        at time zone st.time_zone)::date
  )), '[]')
  from jsonb_array_elements(rows_json) r
  join public.sites st on st.id = (r ->> 'site_id')::uuid
  where r ->> 'programme_id' is not null
$$;
revoke all on function private.coverage_keys_of(jsonb) from public, anon, authenticated;

-- triggers --------------------------------------------------------------------------------------------

-- Statement-level with transition tables: one set-based refresh per statement, whether it wrote one
-- submission or fifty thousand.
create function private.on_submissions_changed() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.refresh_call_results(array(select n.call_id from new_rows n));
  return null;
end
$$;
revoke all on function private.on_submissions_changed() from public, anon, authenticated;

create trigger call_submissions_rollup_insert after insert on public.call_submissions
  referencing new table as new_rows
  for each statement execute function private.on_submissions_changed();
create trigger call_submissions_rollup_update after update on public.call_submissions
  referencing new table as new_rows
  for each statement execute function private.on_submissions_changed();

/* A call's status, site, programme or line changed: its result rows follow (only calls that have a
   submission have any), and the coverage of its old and new programme × site × month is recounted. */
create function private.on_test_calls_changed() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_rows jsonb := '[]';
begin
  if tg_op in ('INSERT', 'UPDATE') then
    v_rows := v_rows || (select coalesce(jsonb_agg(to_jsonb(n)), '[]') from new_rows n);
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    v_rows := v_rows || (select coalesce(jsonb_agg(to_jsonb(o)), '[]') from old_rows o);
  end if;
  if tg_op = 'UPDATE' then
    perform private.refresh_call_results(array(
      select n.id from new_rows n
      join old_rows o on o.id = n.id
      join public.call_results r on r.call_id = n.id
      where (n.status, n.site_id, n.programme_id, n.line_id)
        is distinct from (o.status, o.site_id, o.programme_id, o.line_id)
    ));
  end if;
  perform private.refresh_plan_coverage(private.coverage_keys_of(v_rows));
  return null;
end
$$;
revoke all on function private.on_test_calls_changed() from public, anon, authenticated;

create trigger test_calls_rollup_insert after insert on public.test_calls
  referencing new table as new_rows
  for each statement execute function private.on_test_calls_changed();
create trigger test_calls_rollup_update after update on public.test_calls
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.on_test_calls_changed();
create trigger test_calls_rollup_delete after delete on public.test_calls
  referencing old table as old_rows
  for each statement execute function private.on_test_calls_changed();

-- The programme's client is copied into the rollups: a change of client moves its rows.
create function private.on_programme_client_changed() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.refresh_call_results(array(
    select r.call_id from public.call_results r where r.programme_id = new.id
  ));
  update public.plan_coverage set client_id = new.client_id where programme_id = new.id;
  return null;
end
$$;
revoke all on function private.on_programme_client_changed() from public, anon, authenticated;
create trigger programmes_rollup_client after update of client_id on public.programmes
  for each row when (new.client_id is distinct from old.client_id)
  execute function private.on_programme_client_changed();

-- existing data ---------------------------------------------------------------------------------------

select private.refresh_call_results(array(select call_id from public.call_submissions));
select private.refresh_plan_coverage(private.coverage_keys_of(
  (select coalesce(jsonb_agg(to_jsonb(c)), '[]') from public.test_calls c where c.programme_id is not null)
));

-- grants ----------------------------------------------------------------------------------------------

revoke all on public.call_results, public.call_item_results, public.plan_coverage
  from anon, authenticated, service_role;
grant select on public.call_results, public.call_item_results, public.plan_coverage
  to authenticated, service_role;

-- policies --------------------------------------------------------------------------------------------

create policy "Audit staff can view their organisation's call results"
  on public.call_results for select to authenticated
  using (
    organisation_id = any ((select private.my_organisation_ids('{admin,compliance_officer}'))::uuid[])
  );
create policy "Vendor managers can view their sites' reviewed call results"
  on public.call_results for select to authenticated
  using (
    vendor_id = any ((select private.my_organisation_ids('{vendor_manager}'))::uuid[])
    and status in ('reviewed', 'closed')
  );
create policy "Client viewers can view their programmes' reviewed call results"
  on public.call_results for select to authenticated
  using (
    client_id = any ((select private.my_organisation_ids('{client_viewer}'))::uuid[])
    and status in ('reviewed', 'closed')
  );

create policy "Audit staff can view their organisation's item results"
  on public.call_item_results for select to authenticated
  using (
    organisation_id = any ((select private.my_organisation_ids('{admin,compliance_officer}'))::uuid[])
  );
create policy "Vendor managers can view their sites' reviewed item results"
  on public.call_item_results for select to authenticated
  using (
    vendor_id = any ((select private.my_organisation_ids('{vendor_manager}'))::uuid[])
    and status in ('reviewed', 'closed')
  );
create policy "Client viewers can view their programmes' reviewed item results"
  on public.call_item_results for select to authenticated
  using (
    client_id = any ((select private.my_organisation_ids('{client_viewer}'))::uuid[])
    and status in ('reviewed', 'closed')
  );

-- A vendor must not learn how many mystery calls to expect, so vendor managers see only months that
-- have ended; client viewers commission the programme and see all of it.
create policy "Audit staff can view their organisation's plan coverage"
  on public.plan_coverage for select to authenticated
  using (
    organisation_id = any ((select private.my_organisation_ids('{admin,compliance_officer}'))::uuid[])
  );
create policy "Vendor managers can view their sites' coverage of past months"
  on public.plan_coverage for select to authenticated
  using (
    vendor_id = any ((select private.my_organisation_ids('{vendor_manager}'))::uuid[])
    and month < date_trunc('month', now())::date
  );
create policy "Client viewers can view their programmes' plan coverage"
  on public.plan_coverage for select to authenticated
  using (client_id = any ((select private.my_organisation_ids('{client_viewer}'))::uuid[]));
