-- Per-call category and clause tallies on call_results, so the category breakdown and the privacy
-- failures by clause read one row per call instead of twenty per call.
--
-- Measured on the bench database (50,000 calls, 1,035,823 item answers, 90 days, as an officer): the
-- category chart over call_item_results took about a second, because its three select policies
-- (staff OR vendor OR client) combine into one filter that no index answers alone, so Postgres reads
-- every item row of the period from the heap. The same figures summed from call_results' tallies
-- read about 12,500 rows. call_item_results stays for drill-down and the rows' export.
--
-- The tallies are written by a statement-level trigger on call_item_results: refresh_call_results()
-- (005200) re-inserts a call's item rows whenever anything about the call changes, so the tallies
-- follow every submission, review, score change and move.

-- Parallel arrays rather than jsonb objects: unnest(a, b, c) of plain arrays needs neither
-- jsonb_each() nor a cast per value (on the loaded bench machine the clause chart, 12,000 calls of 90
-- days with 28 clause codes each, went from 0.86 s with jsonb to 0.5 s).
alter table public.call_results
  add column category_codes text[] not null default '{}',
  add column category_passed int[] not null default '{}',
  add column category_failed int[] not null default '{}',
  add column category_na int[] not null default '{}',
  add column category_earned numeric[] not null default '{}',
  add column category_possible numeric[] not null default '{}',
  add column clause_codes text[] not null default '{}',
  add column clause_passed int[] not null default '{}',
  add column clause_failed int[] not null default '{}';
comment on column public.call_results.category_codes is
  'The service-quality categories of this call''s items; category_passed, _failed, _na, _earned and _possible hold their tallies in the same order.';
comment on column public.call_results.clause_codes is
  'The clause codes of this call''s items; clause_passed and clause_failed hold how many of the items tagged with each passed and failed (N/A not counted), in the same order.';

/* Writes the category and clause tallies of calls `p_calls` from their item rows. */
create function private.tally_call_results(p_calls uuid[])
returns void
language sql security definer
set search_path = ''
as $$
  with items as (
    select i.* from public.call_item_results i where i.call_id in (select unnest(p_calls))
  ), cat as (
    select call_id, array_agg(category order by category) as codes,
      array_agg(passed order by category) as passed, array_agg(failed order by category) as failed,
      array_agg(na order by category) as na, array_agg(earned order by category) as earned,
      array_agg(possible order by category) as possible
    from (
      select call_id, category,
        count(*) filter (where outcome = 'pass')::int as passed,
        count(*) filter (where outcome = 'fail')::int as failed,
        count(*) filter (where outcome = 'na')::int as na,
        sum(earned) as earned, sum(possible) as possible
      from items where category is not null
      group by call_id, category
    ) t
    group by call_id
  ), cl as (
    select call_id, array_agg(clause order by clause) as codes,
      array_agg(passed order by clause) as passed, array_agg(failed order by clause) as failed
    from (
      select i.call_id, x.clause,
        count(*) filter (where i.outcome = 'pass')::int as passed,
        count(*) filter (where i.outcome = 'fail')::int as failed
      from items i cross join lateral unnest(i.clauses) as x (clause)
      where i.outcome <> 'na'
      group by i.call_id, x.clause
    ) t
    group by call_id
  )
  update public.call_results r set
    category_codes = coalesce(cat.codes, '{}'), category_passed = coalesce(cat.passed, '{}'),
    category_failed = coalesce(cat.failed, '{}'), category_na = coalesce(cat.na, '{}'),
    category_earned = coalesce(cat.earned, '{}'), category_possible = coalesce(cat.possible, '{}'),
    clause_codes = coalesce(cl.codes, '{}'), clause_passed = coalesce(cl.passed, '{}'),
    clause_failed = coalesce(cl.failed, '{}')
  from (select unnest(p_calls) as call_id) k
  left join cat on cat.call_id = k.call_id
  left join cl on cl.call_id = k.call_id
  where r.call_id = k.call_id
$$;
revoke all on function private.tally_call_results(uuid[]) from public, anon, authenticated;

create function private.on_item_results_inserted() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.tally_call_results(array(select distinct n.call_id from new_rows n));
  return null;
end
$$;
revoke all on function private.on_item_results_inserted() from public, anon, authenticated;

create trigger call_item_results_tally after insert on public.call_item_results
  referencing new table as new_rows
  for each statement execute function private.on_item_results_inserted();

select private.tally_call_results(array(select call_id from public.call_results));

-- The two charts, now over call_results (same results as 005300's versions).

create or replace function public.dashboard_categories(
  p_from date, p_to date, p_client uuid default null, p_vendor uuid default null,
  p_site uuid default null, p_scenario uuid default null
)
returns table (category text, items bigint, passed bigint, failed bigint, score numeric)
language sql stable security invoker
set search_path = ''
as $$
  select c.code, sum(c.passed + c.failed + c.na)::bigint, sum(c.passed)::bigint,
    sum(c.failed)::bigint, round(sum(c.earned) / nullif(sum(c.possible), 0), 4)
  from private.dashboard_calls(p_from, p_to, p_client, p_vendor, p_site, p_scenario) r
  cross join lateral unnest(
    r.category_codes, r.category_passed, r.category_failed, r.category_na, r.category_earned,
    r.category_possible
  ) as c (code, passed, failed, na, earned, possible)
  group by c.code
  order by c.code
$$;

create or replace function public.dashboard_clauses(
  p_from date, p_to date, p_client uuid default null, p_vendor uuid default null,
  p_site uuid default null, p_scenario uuid default null
)
returns table (clause text, passed bigint, failed bigint)
language sql stable security invoker
set search_path = ''
as $$
  select c.code, sum(c.passed)::bigint, sum(c.failed)::bigint
  from private.dashboard_calls(p_from, p_to, p_client, p_vendor, p_site, p_scenario) r
  cross join lateral unnest(r.clause_codes, r.clause_passed, r.clause_failed)
    as c (code, passed, failed)
  group by c.code
  order by 3 desc, 1
$$;
