-- Evidence retention: how long each audit organisation keeps recordings and call sheets (the other
-- evidence files: photos and scans of what the shopper noted), and the record of every file purged.
--
-- The purge itself runs on the app server (src/lib/server/retention), because deleting rows from
-- storage.objects does not delete the files on a real Supabase project; only the storage API does:
--   1. expired_evidence() lists the evidence files past their organisation's retention period;
--   2. the server removes them through the storage API with the service role;
--   3. record_evidence_purge() writes one evidence_purges row and one audit log entry per file.
-- Submissions keep their evidence references with the SHA-256 of every file, so a report built after
-- the purge still prints each hash, with "purged on" from evidence_purges.

create table public.retention_settings (
  organisation_id uuid primary key references public.organisations (id) on delete cascade,
  recordings_months int not null default 6 check (recordings_months between 1 and 120),
  call_sheets_months int not null default 12 check (call_sheets_months between 1 and 120),
  updated_at timestamptz not null default now(),
  updated_by uuid default auth.uid() references auth.users (id) on delete set null
);
comment on table public.retention_settings is
  'How many months an audit organisation keeps evidence after a call is submitted; no row means the defaults (6 and 12).';
comment on column public.retention_settings.recordings_months is 'Audio and video recordings.';
comment on column public.retention_settings.call_sheets_months is
  'Every other evidence file (call sheets, photos, scans).';
create index retention_settings_updated_by_idx on public.retention_settings (updated_by);
alter table public.retention_settings enable row level security;

create trigger retention_settings_touch_updated_at before update on public.retention_settings
  for each row execute function private.touch_updated_at();

-- Only audit organisations keep evidence.
create function private.check_retention_settings() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from public.organisations where id = new.organisation_id and kind = 'audit') then
    raise exception 'retention periods belong to an audit organisation' using errcode = 'check_violation';
  end if;
  new.updated_by := auth.uid();
  return new;
end
$$;

create trigger retention_settings_check before insert or update on public.retention_settings
  for each row execute function private.check_retention_settings();
create trigger retention_settings_audit after insert or update or delete on public.retention_settings
  for each row execute function private.audit_tenancy_change('organisation_id');
revoke all on function private.check_retention_settings() from public, anon, authenticated;

revoke all on public.retention_settings from anon, authenticated;
grant select, insert, update on public.retention_settings to authenticated;
grant all on public.retention_settings to service_role;

create policy "Audit staff can view their organisation's retention periods"
  on public.retention_settings for select to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));

create policy "Admins can set their organisation's retention periods"
  on public.retention_settings for insert to authenticated
  with check (private.has_org_role(organisation_id, '{admin}'));

create policy "Admins can change their organisation's retention periods"
  on public.retention_settings for update to authenticated
  using (private.has_org_role(organisation_id, '{admin}'))
  with check (private.has_org_role(organisation_id, '{admin}'));

-- evidence_purges -------------------------------------------------------------------------------------

create table public.evidence_purges (
  id bigint generated always as identity primary key,
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  call_id uuid not null references public.test_calls (id) on delete cascade,
  path text not null,
  sha256 text,
  kind text not null check (kind in ('recording', 'call_sheet')),
  purged_at timestamptz not null default now(),
  unique (call_id, path)
);
comment on table public.evidence_purges is
  'Evidence files deleted when their retention period ran out; the hash stays in the submission and in reports.';
comment on column public.evidence_purges.path is 'The object key the file had in the evidence bucket.';
create index evidence_purges_organisation_id_idx on public.evidence_purges (organisation_id);
alter table public.evidence_purges enable row level security;

revoke all on public.evidence_purges from anon, authenticated, service_role;
grant select on public.evidence_purges to authenticated, service_role;
revoke all on sequence public.evidence_purges_id_seq from anon, authenticated, service_role;

create policy "Audit staff can view their organisation's evidence purges"
  on public.evidence_purges for select to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));

-- the purge -------------------------------------------------------------------------------------------

/* 'recording' for audio and video evidence, 'call_sheet' for every other file. */
create function private.evidence_kind(mime text)
returns text
language sql immutable
set search_path = ''
as $$
  select case when mime like 'audio/%' or mime like 'video/%' then 'recording' else 'call_sheet' end
$$;

revoke all on function private.evidence_kind(text) from public, anon;
grant execute on function private.evidence_kind(text) to authenticated, service_role;

/* Up to `p_limit` evidence files whose retention period has run out and that were not purged yet,
   oldest first. Service role only (it reads every organisation's submissions). */
create function public.expired_evidence(p_limit int default 500)
returns table (organisation_id uuid, call_id uuid, path text, sha256 text, kind text, expired_at timestamptz)
language sql stable security definer
set search_path = ''
as $$
  select * from (
    select s.organisation_id, s.call_id, e ->> 'path' as path, e ->> 'sha256' as sha256,
      private.evidence_kind(e ->> 'mime') as kind,
      s.submitted_at + make_interval(months => case private.evidence_kind(e ->> 'mime')
        when 'recording' then coalesce(r.recordings_months, 6)
        else coalesce(r.call_sheets_months, 12) end) as expired_at
    from public.call_submissions s
    cross join lateral jsonb_array_elements(s.evidence) e
    left join public.retention_settings r on r.organisation_id = s.organisation_id
    -- No period is shorter than a month, so newer submissions cannot hold expired files.
    where s.submitted_at < now() - interval '1 month'
      and e ->> 'path' is not null
      and not exists (
        select 1 from public.evidence_purges p where p.call_id = s.call_id and p.path = e ->> 'path'
      )
  ) due
  where due.expired_at <= now()
  order by due.expired_at
  limit greatest(p_limit, 0)
$$;

revoke all on function public.expired_evidence(int) from public, anon, authenticated;
grant execute on function public.expired_evidence(int) to service_role;

/* Records files the server removed from the evidence bucket: `p_items` is an array of
   {call_id, path}. Each gets an evidence_purges row and an audit log entry (actor: the system), unless
   it was recorded before; files not referenced by the call's submission are ignored. Returns how many
   were recorded. Service role only. */
create function public.record_evidence_purge(p_items jsonb)
returns int
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  item jsonb;
  s public.call_submissions;
  e jsonb;
  p public.evidence_purges;
  n int := 0;
begin
  if coalesce(auth.role(), '') <> 'service_role' then
    raise exception 'only the service role purges evidence' using errcode = 'insufficient_privilege';
  end if;
  for item in select * from jsonb_array_elements(coalesce(p_items, '[]')) loop
    select * into s from public.call_submissions where call_id = (item ->> 'call_id')::uuid;
    continue when not found;
    select x into e from jsonb_array_elements(s.evidence) x where x ->> 'path' = item ->> 'path' limit 1;
    continue when e is null;
    insert into public.evidence_purges (organisation_id, call_id, path, sha256, kind)
    values (s.organisation_id, s.call_id, e ->> 'path', e ->> 'sha256', private.evidence_kind(e ->> 'mime'))
    on conflict (call_id, path) do nothing
    returning * into p;
    continue when p.id is null;
    insert into public.audit_log (actor_id, organisation_id, action, entity, entity_id, before)
    values (null, s.organisation_id, 'purge', 'evidence', p.path,
      jsonb_build_object('call_id', p.call_id, 'sha256', p.sha256, 'kind', p.kind,
        'bytes', e -> 'bytes', 'mime', e ->> 'mime'));
    n := n + 1;
    p := null;
  end loop;
  return n;
end
$$;

revoke all on function public.record_evidence_purge(jsonb) from public, anon, authenticated;
grant execute on function public.record_evidence_purge(jsonb) to service_role;
