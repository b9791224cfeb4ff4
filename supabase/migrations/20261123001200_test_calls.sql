-- Test calls, as far as scenarios need them: which published scenario version a shopper calls which
-- site (and line) with, in which window. The scheduling issue extends this table. A call is created
-- against a published version only and keeps that version for good, so its script and checklist are
-- reproducible. Shoppers see their own calls and, through them, exactly those scenario versions; vendor
-- managers and client viewers see no call yet (later issues add pseudonymous views).

create type public.call_status as enum (
  'scheduled', 'in_progress', 'submitted', 'reviewed', 'closed', 'cancelled', 'missed'
);

create table public.test_calls (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  -- No cascade: a version (and so a site or line) with calls on record cannot disappear under them.
  scenario_version_id uuid not null references public.scenario_versions (id),
  site_id uuid not null references public.sites (id),
  line_id uuid references public.lines (id),
  shopper_id uuid references auth.users (id) on delete set null,
  status public.call_status not null default 'scheduled',
  window_start timestamptz not null,
  window_end timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint test_calls_window check (window_end > window_start)
);
comment on table public.test_calls is
  'A mystery call or audit to carry out: one published scenario version, one site (and line), one shopper, one window.';
comment on column public.test_calls.organisation_id is 'The audit organisation running the call.';
comment on column public.test_calls.scenario_version_id is
  'The version called with; published when the call was created, and never changed to a draft.';
comment on column public.test_calls.shopper_id is 'The assigned shopper; null until assigned.';
create index test_calls_organisation_id_idx on public.test_calls (organisation_id);
create index test_calls_scenario_version_id_idx on public.test_calls (scenario_version_id);
create index test_calls_site_id_idx on public.test_calls (site_id);
create index test_calls_line_id_idx on public.test_calls (line_id);
create index test_calls_shopper_id_idx on public.test_calls (shopper_id, scenario_version_id);
alter table public.test_calls enable row level security;

-- integrity -------------------------------------------------------------------------------------------

-- Everything a call points at must belong to its audit organisation; definer so the checks see every
-- row whatever the caller may read.
create function private.check_test_call() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  version_status public.scenario_version_status;
begin
  if tg_op = 'UPDATE' and new.organisation_id <> old.organisation_id then
    raise exception 'a test call cannot move to another organisation' using errcode = 'check_violation';
  end if;
  select v.status into version_status
  from public.scenario_versions v
  join public.scenarios s on s.id = v.scenario_id
  where v.id = new.scenario_version_id and s.organisation_id = new.organisation_id;
  if not found then
    raise exception 'the scenario version must belong to the call''s organisation'
      using errcode = 'check_violation';
  end if;
  if (tg_op = 'INSERT' or new.scenario_version_id <> old.scenario_version_id)
    and version_status <> 'published' then
    raise exception 'a test call must use a published scenario version, not a % one', version_status
      using errcode = 'check_violation';
  end if;
  if not exists (
    select 1 from public.sites st
    join public.organisations v on v.id = st.vendor_id
    where st.id = new.site_id and v.audit_organisation_id = new.organisation_id
  ) then
    raise exception 'the site must belong to a vendor of the call''s organisation'
      using errcode = 'check_violation';
  end if;
  if new.line_id is not null
    and not exists (select 1 from public.lines where id = new.line_id and site_id = new.site_id) then
    raise exception 'the line must be answered at the call''s site' using errcode = 'check_violation';
  end if;
  if new.shopper_id is not null and (tg_op = 'INSERT' or new.shopper_id is distinct from old.shopper_id)
    and not exists (
      select 1 from public.memberships
      where user_id = new.shopper_id and organisation_id = new.organisation_id and role = 'shopper'
    ) then
    raise exception 'the assigned shopper must be a shopper of the call''s organisation'
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;

create trigger test_calls_check before insert or update on public.test_calls
  for each row execute function private.check_test_call();
create trigger test_calls_touch_updated_at before update on public.test_calls
  for each row execute function private.touch_updated_at();

revoke all on function private.check_test_call() from public, anon, authenticated;

-- helpers ---------------------------------------------------------------------------------------------

/* True when scenario version `target_version` is used by a call assigned to the signed-in user while
   they are a shopper of the call's organisation. */
create function private.is_assigned_version(target_version uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.test_calls c
    join public.memberships m
      on m.organisation_id = c.organisation_id and m.user_id = c.shopper_id and m.role = 'shopper'
    where c.shopper_id = (select auth.uid())
      and c.scenario_version_id = target_version
  )
$$;

/* True when a version of scenario `target_scenario` is used by a call assigned to the signed-in user
   while they are a shopper of the call's organisation. */
create function private.is_assigned_scenario(target_scenario uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.test_calls c
    join public.scenario_versions v on v.id = c.scenario_version_id
    join public.memberships m
      on m.organisation_id = c.organisation_id and m.user_id = c.shopper_id and m.role = 'shopper'
    where c.shopper_id = (select auth.uid())
      and v.scenario_id = target_scenario
  )
$$;

revoke all on function private.is_assigned_version(uuid) from public, anon;
revoke all on function private.is_assigned_scenario(uuid) from public, anon;
grant execute on function private.is_assigned_version(uuid) to authenticated, service_role;
grant execute on function private.is_assigned_scenario(uuid) to authenticated, service_role;

-- grants ----------------------------------------------------------------------------------------------

revoke all on public.test_calls from anon, authenticated;
grant select, delete on public.test_calls to authenticated;
grant insert (
  id, organisation_id, scenario_version_id, site_id, line_id, shopper_id, status, window_start,
  window_end
) on public.test_calls to authenticated;
grant update (scenario_version_id, site_id, line_id, shopper_id, status, window_start, window_end)
  on public.test_calls to authenticated;
grant all on public.test_calls to service_role;

-- policies: test_calls --------------------------------------------------------------------------------

create policy "Audit staff can view their organisation's test calls"
  on public.test_calls for select to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));

create policy "Shoppers can view the test calls assigned to them"
  on public.test_calls for select to authenticated
  using (shopper_id = (select auth.uid()) and private.has_org_role(organisation_id, '{shopper}'));

create policy "Audit staff can create test calls for their organisation"
  on public.test_calls for insert to authenticated
  with check (private.has_org_role(organisation_id, '{admin,compliance_officer}'));

create policy "Audit staff can update their organisation's test calls"
  on public.test_calls for update to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'))
  with check (private.has_org_role(organisation_id, '{admin,compliance_officer}'));

create policy "Audit staff can delete their organisation's test calls"
  on public.test_calls for delete to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));

-- policies: what shoppers read of scenarios -----------------------------------------------------------

create policy "Shoppers can view the scenarios of calls assigned to them"
  on public.scenarios for select to authenticated
  using (private.is_assigned_scenario(id));

create policy "Shoppers can view the scenario versions of calls assigned to them"
  on public.scenario_versions for select to authenticated
  using (private.is_assigned_version(id));
