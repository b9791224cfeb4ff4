-- Scenarios and their versions. A scenario (owned by an audit organisation) is a code and a title; what
-- a shopper does and how the call is scored is the content of a version: a ScenarioContent document
-- (src/lib/schemas/scenario.ts), validated with zod by the server before every write. A version goes
-- draft → published → retired and nothing else; once published its content is frozen for everyone, the
-- table owner included, so every past call stays reproducible. Editing a published scenario means a new
-- draft (public.create_scenario_draft, next migration). Policies and RPCs follow in the next migrations.

create type public.scenario_kind as enum ('mystery_call', 'vendor_audit');
create type public.scenario_version_status as enum ('draft', 'published', 'retired');

-- scenarios -------------------------------------------------------------------------------------------

create table public.scenarios (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  kind public.scenario_kind not null,
  code text not null check (code = trim(code) and length(code) between 1 and 64),
  title text not null check (length(trim(title)) > 0),
  title_zh text,
  -- No foreign key: who created a scenario stays on record after the account is deleted.
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organisation_id, code)
);
comment on table public.scenarios is
  'What a shopper tests on a call (mystery_call) or an auditor checks at a vendor (vendor_audit); the script and checklist live in scenario_versions.';
comment on column public.scenarios.organisation_id is 'The audit organisation that designs and owns it.';
comment on column public.scenarios.code is
  'Short reference, unique within the organisation, e.g. PRIV-40.';
-- The unique key (organisation_id, code) serves the policies' lookups by organisation.
alter table public.scenarios enable row level security;

-- scenario_versions -----------------------------------------------------------------------------------

create table public.scenario_versions (
  id uuid primary key default gen_random_uuid(),
  scenario_id uuid not null references public.scenarios (id) on delete cascade,
  version integer not null check (version > 0),
  status public.scenario_version_status not null default 'draft',
  content jsonb not null check (jsonb_typeof(content) = 'object'),
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  published_by uuid,
  retired_at timestamptz,
  unique (scenario_id, version),
  constraint scenario_versions_published_stamp check ((status = 'draft') = (published_at is null)),
  constraint scenario_versions_retired_stamp check ((status = 'retired') = (retired_at is not null))
);
comment on table public.scenario_versions is
  'Versions of a scenario''s script and checklist; published versions are immutable and test calls reference exactly one.';
comment on column public.scenario_versions.content is
  'A ScenarioContent document (src/lib/schemas/scenario.ts) as parsed by scenarioContentSchema.';
comment on column public.scenario_versions.published_by is
  'Who published it; no foreign key, so the record outlives the account.';
-- The unique key (scenario_id, version) serves lookups by scenario; these two keep the lifecycle sane
-- under concurrent edits: one draft to work on, one published version to schedule calls against.
create unique index scenario_versions_one_draft_idx on public.scenario_versions (scenario_id)
  where status = 'draft';
create unique index scenario_versions_one_published_idx on public.scenario_versions (scenario_id)
  where status = 'published';
alter table public.scenario_versions enable row level security;

-- integrity -------------------------------------------------------------------------------------------

-- Definer so the checks see every row whatever the caller may read.
create function private.check_scenario() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.organisation_id <> old.organisation_id then
    raise exception 'a scenario cannot move to another organisation' using errcode = 'check_violation';
  end if;
  if tg_op = 'UPDATE' and new.kind <> old.kind
    and exists (select 1 from public.scenario_versions where scenario_id = new.id) then
    raise exception 'a scenario''s kind cannot change once it has versions'
      using errcode = 'check_violation';
  end if;
  if not exists (
    select 1 from public.organisations where id = new.organisation_id and kind = 'audit'
  ) then
    raise exception 'scenarios belong to an audit organisation' using errcode = 'check_violation';
  end if;
  return new;
end
$$;

create trigger scenarios_check before insert or update on public.scenarios
  for each row execute function private.check_scenario();
create trigger scenarios_touch_updated_at before update on public.scenarios
  for each row execute function private.touch_updated_at();

-- The lifecycle lives here rather than in the RPCs so that no path (REST, RPC, service_role, the
-- owner) can bypass it. Stamps are the database's to set: published_at/by on publishing, retired_at on
-- retiring; whatever a writer sends for them is ignored.
create function private.guard_scenario_version() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  scenario_kind public.scenario_kind;
begin
  if tg_op = 'DELETE' then
    if old.status <> 'draft' then
      raise exception 'version % is %: only drafts can be deleted', old.version, old.status
        using errcode = 'check_violation';
    end if;
    return old;
  end if;

  if tg_op = 'INSERT' then
    new.published_at := case when new.status <> 'draft' then coalesce(new.published_at, now()) end;
    new.published_by := case when new.status <> 'draft' then new.published_by end;
    new.retired_at := case when new.status = 'retired' then coalesce(new.retired_at, now()) end;
  else
    if new.scenario_id <> old.scenario_id or new.version <> old.version
      or new.created_by is distinct from old.created_by or new.created_at <> old.created_at then
      raise exception 'a version''s scenario, number and authorship cannot change'
        using errcode = 'check_violation';
    end if;
    if old.status <> 'draft' and new.content is distinct from old.content then
      raise exception 'version % is %: its content is frozen; create a draft to edit it',
        old.version, old.status using errcode = 'check_violation';
    end if;
    new.published_at := old.published_at;
    new.published_by := old.published_by;
    new.retired_at := old.retired_at;
    if old.status = 'draft' and new.status = 'published' then
      new.published_at := now();
      new.published_by := auth.uid();
    elsif old.status = 'published' and new.status = 'retired' then
      new.retired_at := now();
    elsif old.status <> 'draft' or new.status <> 'draft' then
      raise exception 'version % cannot go from % to %: versions go draft → published → retired',
        old.version, old.status, new.status using errcode = 'check_violation';
    end if;
  end if;

  select kind into scenario_kind from public.scenarios where id = new.scenario_id;
  if new.content ->> 'kind' is distinct from scenario_kind::text then
    raise exception 'content kind % does not match the scenario''s kind %',
      coalesce(new.content ->> 'kind', 'null'), scenario_kind using errcode = 'check_violation';
  end if;
  return new;
end
$$;

create trigger scenario_versions_guard before insert or update or delete on public.scenario_versions
  for each row execute function private.guard_scenario_version();
-- Named to sort after the guard, which compares everything but updated_at.
create trigger scenario_versions_touch_updated_at before update on public.scenario_versions
  for each row execute function private.touch_updated_at();

revoke all on function private.check_scenario() from public, anon, authenticated;
revoke all on function private.guard_scenario_version() from public, anon, authenticated;

-- audit trail -----------------------------------------------------------------------------------------

create trigger scenarios_audit after insert or update or delete on public.scenarios
  for each row execute function private.audit_tenancy_change('organisation_id');

-- Draft edits are too frequent and too large to log whole; publishing and retiring are what later
-- evidence needs, with a digest of the content that was frozen.
create function private.audit_scenario_version_status() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into public.audit_log (organisation_id, action, entity, entity_id, before, after)
  select s.organisation_id,
    case new.status when 'published' then 'publish' else 'retire' end,
    'scenario_versions',
    new.id::text,
    jsonb_build_object('status', old.status),
    jsonb_build_object(
      'status', new.status, 'scenario_id', new.scenario_id, 'version', new.version,
      'content_md5', md5(new.content::text)
    )
  from public.scenarios s where s.id = new.scenario_id;
  return null;
end
$$;

revoke all on function private.audit_scenario_version_status() from public, anon, authenticated;

create trigger scenario_versions_audit_status after update of status on public.scenario_versions
  for each row when (old.status is distinct from new.status)
  execute function private.audit_scenario_version_status();

-- grants ----------------------------------------------------------------------------------------------

-- Column grants keep authorship, timestamps and stamps out of writers' hands.
revoke all on public.scenarios, public.scenario_versions from anon, authenticated;
grant select, delete on public.scenarios, public.scenario_versions to authenticated;
grant insert (id, organisation_id, kind, code, title, title_zh) on public.scenarios to authenticated;
grant update (kind, code, title, title_zh) on public.scenarios to authenticated;
grant insert (id, scenario_id, version, status, content) on public.scenario_versions to authenticated;
grant update (status, content) on public.scenario_versions to authenticated;
grant all on public.scenarios, public.scenario_versions to service_role;
