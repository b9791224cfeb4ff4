-- Monitoring programmes and what scheduling adds to test calls: the programme a call belongs to, its
-- planned start and the planner's explanation, the job-board flag, and the calls the planner could not
-- fill. Audit staff of the audit organisation manage all of it; shoppers read their own calls and the
-- claimable calls of their audit organisation; vendor managers and client viewers see none of it yet.

create type public.programme_status as enum ('draft', 'active', 'closed');

create table public.programmes (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  client_id uuid not null references public.organisations (id) on delete cascade,
  name text not null check (length(trim(name)) > 0),
  status public.programme_status not null default 'draft',
  definition jsonb not null default '{}' check (jsonb_typeof(definition) = 'object'),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.programmes is
  'A monitoring programme for one client: scope, scenario mix, period, windows and assignment rules.';
comment on column public.programmes.organisation_id is 'The audit organisation running the programme.';
comment on column public.programmes.definition is
  'The programmeSchema input the wizard produced; validated by zod on the server, read by claim_open_call.';
create index programmes_organisation_id_idx on public.programmes (organisation_id);
create index programmes_client_id_idx on public.programmes (client_id);
create index programmes_created_by_idx on public.programmes (created_by);
alter table public.programmes enable row level security;

-- Definer so the check sees the client whatever the caller may read.
create function private.check_programme() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.organisation_id <> old.organisation_id then
    raise exception 'a programme cannot move to another organisation' using errcode = 'check_violation';
  end if;
  if not exists (
    select 1 from public.organisations
    where id = new.client_id and kind = 'client' and audit_organisation_id = new.organisation_id
  ) then
    raise exception 'the client must be a client of the programme''s audit organisation'
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;

create trigger programmes_check before insert or update on public.programmes
  for each row execute function private.check_programme();
create trigger programmes_touch_updated_at before update on public.programmes
  for each row execute function private.touch_updated_at();
revoke all on function private.check_programme() from public, anon, authenticated;

-- test_calls: scheduling columns ----------------------------------------------------------------------

alter table public.test_calls
  add column programme_id uuid references public.programmes (id) on delete set null,
  add column scheduled_at timestamptz,
  add column assignment_reason jsonb,
  add column cancel_reason text,
  add column submitted_at timestamptz,
  add column reminded_at timestamptz,
  add column claimable boolean not null default false,
  add constraint test_calls_scheduled_in_window
    check (scheduled_at is null or (scheduled_at >= window_start and scheduled_at < window_end)),
  -- A claimable call has nobody on it, so the job board can never show another shopper's identity.
  add constraint test_calls_claimable_unassigned check (not claimable or shopper_id is null),
  add constraint test_calls_cancel_reason
    check (status <> 'cancelled' or length(trim(coalesce(cancel_reason, ''))) > 0);
comment on column public.test_calls.scheduled_at is 'The planned start, inside the window.';
comment on column public.test_calls.assignment_reason is
  'Why this shopper and this time: the planner''s explanation, or how the call was claimed.';
comment on column public.test_calls.claimable is
  'Unassigned and open on the job board for shoppers of the audit organisation.';
comment on column public.test_calls.reminded_at is 'When the pre-window reminder was queued.';

create index test_calls_programme_id_idx on public.test_calls (programme_id);
create index test_calls_scheduled_at_idx on public.test_calls (scheduled_at);
create index test_calls_shopper_scheduled_at_idx on public.test_calls (shopper_id, scheduled_at);
create index test_calls_status_window_end_idx on public.test_calls (status, window_end);
create index test_calls_claimable_idx on public.test_calls (organisation_id, window_start)
  where claimable;

-- The existing column grants name their columns, so the new ones need adding; submitted_at and
-- reminded_at are only ever set by the lifecycle and the jobs (the trigger ignores what a user sends).
grant insert (
  programme_id, scheduled_at, assignment_reason, cancel_reason, submitted_at, reminded_at, claimable
) on public.test_calls to authenticated;
grant update (programme_id, scheduled_at, assignment_reason, cancel_reason, claimable)
  on public.test_calls to authenticated;

create policy "Shoppers can view the claimable calls of their audit organisation"
  on public.test_calls for select to authenticated
  using (claimable and private.has_org_role(organisation_id, '{shopper}'));

-- A call's programme must run in the call's organisation.
create function private.check_test_call_programme() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.programme_id is not null
    and (tg_op = 'INSERT' or new.programme_id is distinct from old.programme_id)
    and not exists (
      select 1 from public.programmes
      where id = new.programme_id and organisation_id = new.organisation_id
    ) then
    raise exception 'the programme must belong to the call''s organisation'
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;

create trigger test_calls_check_programme before insert or update of programme_id
  on public.test_calls
  for each row execute function private.check_test_call_programme();
revoke all on function private.check_test_call_programme() from public, anon, authenticated;

-- unfillable calls ------------------------------------------------------------------------------------

create table public.unfillable_calls (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references public.programmes (id) on delete cascade,
  site_id uuid not null references public.sites (id) on delete cascade,
  line_id uuid references public.lines (id) on delete cascade,
  scenario_version_id uuid references public.scenario_versions (id) on delete cascade,
  -- Null when the site had no calling time in the period at all.
  window_start timestamptz,
  window_end timestamptz,
  reasons jsonb not null default '{}',
  created_at timestamptz not null default now(),
  constraint unfillable_calls_window check (window_end is null or window_end > window_start)
);
comment on table public.unfillable_calls is
  'Calls the planner could not assign, with the rules that turned every shopper down; shown to officers.';
create index unfillable_calls_programme_id_idx on public.unfillable_calls (programme_id);
create index unfillable_calls_site_id_idx on public.unfillable_calls (site_id);
create index unfillable_calls_line_id_idx on public.unfillable_calls (line_id);
create index unfillable_calls_scenario_version_id_idx on public.unfillable_calls (scenario_version_id);
alter table public.unfillable_calls enable row level security;

/* True when the signed-in user holds one of `roles` in the organisation running programme `target`. */
create function private.has_programme_role(target uuid, roles public.app_role[])
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.programmes p
    join public.memberships m on m.organisation_id = p.organisation_id
    where p.id = target and m.user_id = (select auth.uid()) and m.role = any (roles)
  )
$$;
revoke all on function private.has_programme_role(uuid, public.app_role[]) from public, anon;
grant execute on function private.has_programme_role(uuid, public.app_role[])
  to authenticated, service_role;

-- The site (and version) must belong to the programme's organisation, as for calls.
create function private.check_unfillable_call() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  org uuid := (select organisation_id from public.programmes where id = new.programme_id);
begin
  if not exists (
    select 1 from public.sites st join public.organisations v on v.id = st.vendor_id
    where st.id = new.site_id and v.audit_organisation_id = org
  ) then
    raise exception 'the site must belong to a vendor of the programme''s organisation'
      using errcode = 'check_violation';
  end if;
  if new.line_id is not null
    and not exists (select 1 from public.lines where id = new.line_id and site_id = new.site_id) then
    raise exception 'the line must be answered at the call''s site' using errcode = 'check_violation';
  end if;
  if new.scenario_version_id is not null and not exists (
    select 1 from public.scenario_versions v join public.scenarios s on s.id = v.scenario_id
    where v.id = new.scenario_version_id and s.organisation_id = org
  ) then
    raise exception 'the scenario version must belong to the programme''s organisation'
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;

create trigger unfillable_calls_check before insert or update on public.unfillable_calls
  for each row execute function private.check_unfillable_call();
revoke all on function private.check_unfillable_call() from public, anon, authenticated;

-- shopper conflicts -----------------------------------------------------------------------------------

create table public.shopper_conflicts (
  shopper_id uuid not null references auth.users (id) on delete cascade,
  vendor_id uuid not null references public.organisations (id) on delete cascade,
  reason text,
  created_at timestamptz not null default now(),
  primary key (shopper_id, vendor_id)
);
comment on table public.shopper_conflicts is
  'A shopper who must never call a vendor (a former employee, a relative there, …).';
create index shopper_conflicts_vendor_id_idx on public.shopper_conflicts (vendor_id);
alter table public.shopper_conflicts enable row level security;

create function private.check_shopper_conflict() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from public.organisations where id = new.vendor_id and kind = 'vendor') then
    raise exception 'a conflict names a vendor organisation' using errcode = 'check_violation';
  end if;
  return new;
end
$$;

create trigger shopper_conflicts_check before insert or update on public.shopper_conflicts
  for each row execute function private.check_shopper_conflict();
revoke all on function private.check_shopper_conflict() from public, anon, authenticated;

-- grants ----------------------------------------------------------------------------------------------

revoke all on public.programmes, public.unfillable_calls, public.shopper_conflicts
  from anon, authenticated;
grant select, delete on public.programmes to authenticated;
grant insert (id, organisation_id, client_id, name, status, definition) on public.programmes
  to authenticated;
grant update (client_id, name, status, definition) on public.programmes to authenticated;
grant select, insert, update, delete on public.unfillable_calls, public.shopper_conflicts
  to authenticated;
grant all on public.programmes, public.unfillable_calls, public.shopper_conflicts to service_role;

-- policies --------------------------------------------------------------------------------------------

create policy "Audit staff can view their organisation's programmes"
  on public.programmes for select to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));
create policy "Audit staff can create programmes for their organisation"
  on public.programmes for insert to authenticated
  with check (private.has_org_role(organisation_id, '{admin,compliance_officer}'));
create policy "Audit staff can update their organisation's programmes"
  on public.programmes for update to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'))
  with check (private.has_org_role(organisation_id, '{admin,compliance_officer}'));
create policy "Audit staff can delete their organisation's programmes"
  on public.programmes for delete to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));

create policy "Audit staff can view their programmes' unfillable calls"
  on public.unfillable_calls for select to authenticated
  using (private.has_programme_role(programme_id, '{admin,compliance_officer}'));
create policy "Audit staff can record unfillable calls of their programmes"
  on public.unfillable_calls for insert to authenticated
  with check (private.has_programme_role(programme_id, '{admin,compliance_officer}'));
create policy "Audit staff can update their programmes' unfillable calls"
  on public.unfillable_calls for update to authenticated
  using (private.has_programme_role(programme_id, '{admin,compliance_officer}'))
  with check (private.has_programme_role(programme_id, '{admin,compliance_officer}'));
create policy "Audit staff can delete their programmes' unfillable calls"
  on public.unfillable_calls for delete to authenticated
  using (private.has_programme_role(programme_id, '{admin,compliance_officer}'));

create policy "Audit staff can view conflicts with vendors they manage"
  on public.shopper_conflicts for select to authenticated
  using (private.has_audit_role(vendor_id, '{admin,compliance_officer}'));
create policy "Audit staff can record conflicts with vendors they manage"
  on public.shopper_conflicts for insert to authenticated
  with check (private.has_audit_role(vendor_id, '{admin,compliance_officer}'));
create policy "Audit staff can update conflicts with vendors they manage"
  on public.shopper_conflicts for update to authenticated
  using (private.has_audit_role(vendor_id, '{admin,compliance_officer}'))
  with check (private.has_audit_role(vendor_id, '{admin,compliance_officer}'));
create policy "Audit staff can delete conflicts with vendors they manage"
  on public.shopper_conflicts for delete to authenticated
  using (private.has_audit_role(vendor_id, '{admin,compliance_officer}'));
