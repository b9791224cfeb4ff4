-- Published compliance reports: one row per frozen PDF version, the private `reports` bucket that holds
-- the files, and the transactional publish_report() that records a version.
--
-- Why publishing goes through the service role, and how the actor is trusted. The PDF is built on the
-- app server from data the officer's OWN client read (RLS decides what goes in), rendered, stamped
-- with its report code and version, hashed (SHA-256 of the final bytes) and uploaded. Only then does
-- the server call publish_report() with the service role, naming the officer it verified:
--   1. the route loads the scope through the officer's client: a scope they cannot see is not found;
--   2. publish_report() is granted to service_role alone and refuses any other role inside as well;
--   3. it re-checks that the named actor is an admin or compliance officer of the organisation, that
--      the scope belongs to that organisation and that the uploaded object exists, under a lock on the
--      series, so a forged call or a race between two publishers cannot record a wrong version.
-- A series is (organisation, scope, period, locale). Re-publishing makes version n+1 and marks every
-- earlier version superseded; old versions stay readable and downloadable. The PDF cannot contain its
-- own hash, so the hash lives here and the PDF prints the code, version and a verification URL.
--
-- Who reads a report (and its file, through the storage policy, which mirrors the table's): audit
-- staff of the organisation; vendor managers for reports about their vendor or one of its sites; client
-- viewers for reports about their programmes, and about vendors (or their sites) their client
-- outsources to (client_vendors). Nobody writes rows or files through the API.

create type public.report_scope as enum ('site', 'vendor', 'programme');
create type public.report_status as enum ('published', 'superseded');

create table public.reports (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  code text not null check (code ~ '^CC-[0-9A-Z]{10}$'),
  version int not null check (version >= 1),
  scope_kind public.report_scope not null,
  site_id uuid references public.sites (id) on delete restrict,
  vendor_id uuid references public.organisations (id) on delete restrict,
  programme_id uuid references public.programmes (id) on delete restrict,
  client_id uuid references public.organisations (id) on delete restrict,
  scope_name text not null check (length(trim(scope_name)) > 0),
  period_start date not null,
  period_end date not null,
  locale text not null check (locale in ('en', 'zh-CN')),
  status public.report_status not null default 'published',
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  bytes int not null check (bytes > 0),
  storage_path text not null unique,
  summary jsonb not null default '{}' check (jsonb_typeof(summary) = 'object'),
  published_at timestamptz not null default now(),
  published_by uuid references auth.users (id) on delete set null,
  superseded_by uuid references public.reports (id) on delete restrict,
  unique (code, version),
  constraint reports_period check (period_end >= period_start),
  -- Site and vendor reports name their vendor (so vendor and client policies read one column);
  -- programme reports name the programme's client.
  constraint reports_scope check (
    case scope_kind
      when 'site' then site_id is not null and vendor_id is not null and programme_id is null
      when 'vendor' then site_id is null and vendor_id is not null and programme_id is null
      else programme_id is not null and client_id is not null and site_id is null and vendor_id is null
    end
  ),
  constraint reports_superseded check ((status = 'superseded') = (superseded_by is not null))
);
comment on table public.reports is
  'Published report versions: one frozen PDF each in the reports bucket, with the SHA-256 of its bytes; written only by publish_report().';
comment on column public.reports.code is
  'The report ID printed on every page, shared by all versions of one series (scope, period, locale).';
comment on column public.reports.scope_name is
  'The site, vendor or programme name when published; the only scope detail /verify reveals.';
comment on column public.reports.sha256 is 'Hex SHA-256 of the stored PDF''s bytes.';
comment on column public.reports.storage_path is 'Object key in the reports bucket: <organisation_id>/<id>.pdf.';
comment on column public.reports.summary is 'Headline figures for lists (calls, mean score); no personal data.';
comment on column public.reports.superseded_by is 'The version that replaced this one, when re-published.';
create index reports_organisation_id_idx on public.reports (organisation_id, published_at desc);
create index reports_vendor_id_idx on public.reports (vendor_id);
create index reports_client_id_idx on public.reports (client_id);
create index reports_site_id_idx on public.reports (site_id);
create index reports_programme_id_idx on public.reports (programme_id);
create index reports_sha256_idx on public.reports (sha256);
create index reports_published_by_idx on public.reports (published_by);
create index reports_superseded_by_idx on public.reports (superseded_by);
alter table public.reports enable row level security;

revoke all on public.reports from anon, authenticated, service_role;
grant select on public.reports to authenticated, service_role;

create policy "Audit staff can view their organisation's reports"
  on public.reports for select to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));

create policy "Vendor managers can view reports about their vendor and its sites"
  on public.reports for select to authenticated
  using (scope_kind <> 'programme' and private.has_org_role(vendor_id, '{vendor_manager}'));

create policy "Client viewers can view reports about their programmes and their vendors"
  on public.reports for select to authenticated
  using (
    (scope_kind = 'programme' and private.has_org_role(client_id, '{client_viewer}'))
    or (scope_kind <> 'programme' and private.has_related_role(vendor_id, '{client_viewer}'))
  );

-- A published version is frozen: only the supersession columns may ever change, once.
create function private.freeze_report() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'published reports are never deleted' using errcode = 'insufficient_privilege';
  end if;
  if (to_jsonb(new) - '{status,superseded_by}'::text[]) <> (to_jsonb(old) - '{status,superseded_by}'::text[])
    or old.superseded_by is not null then
    raise exception 'a published report version is frozen' using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;

create trigger reports_frozen before update or delete on public.reports
  for each row execute function private.freeze_report();
revoke all on function private.freeze_report() from public, anon, authenticated;

-- storage ---------------------------------------------------------------------------------------------

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('reports', 'reports', false, 52428800, '{application/pdf}')
on conflict (id) do nothing;

-- Evaluated as the caller, so the subquery sees only the reports rows the table's policies allow: the
-- file is readable exactly when its row is. No insert, update or delete policy: only the server's
-- service role writes files.
create policy "Readers of a published report can download its file"
  on storage.objects for select to authenticated
  using (
    bucket_id = 'reports'
    and exists (select 1 from public.reports r where r.storage_path = objects.name)
  );

-- publishing ------------------------------------------------------------------------------------------

/* Records version `p_report.version` of a report series as `p_actor` (see the header for who may call
   it and why), supersedes the earlier versions and writes the audit log. `p_report` holds id, code,
   version, organisation_id, scope_kind, site_id | vendor_id | programme_id, period_start, period_end,
   locale, sha256, bytes, scope_name, summary; the file must already be at
   <organisation_id>/<id>.pdf in the reports bucket. PT409 (hint 'version') when the series moved on
   since the server read it. Returns the new row. */
create function public.publish_report(p_actor uuid, p_report jsonb)
returns public.reports
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_org uuid := (p_report ->> 'organisation_id')::uuid;
  v_id uuid := (p_report ->> 'id')::uuid;
  v_kind public.report_scope := (p_report ->> 'scope_kind')::public.report_scope;
  v_site uuid := (p_report ->> 'site_id')::uuid;
  v_vendor uuid := (p_report ->> 'vendor_id')::uuid;
  v_programme uuid := (p_report ->> 'programme_id')::uuid;
  v_client uuid;
  v_start date := (p_report ->> 'period_start')::date;
  v_end date := (p_report ->> 'period_end')::date;
  v_locale text := p_report ->> 'locale';
  v_path text;
  latest public.reports;
  r public.reports;
begin
  if coalesce(auth.role(), '') <> 'service_role' then
    raise exception 'reports are published through the app server' using errcode = 'insufficient_privilege';
  end if;
  if v_org is null or v_id is null or v_kind is null or v_start is null or v_end is null then
    raise exception 'organisation, id, scope and period are required' using errcode = 'PT400';
  end if;
  if p_actor is null or not exists (
    select 1 from public.memberships
    where user_id = p_actor and organisation_id = v_org and role in ('admin', 'compliance_officer')
  ) then
    raise exception 'only audit staff publish reports' using errcode = 'PT403';
  end if;

  -- The scope must belong to the organisation; the denormalised vendor / client come from it.
  if v_kind = 'site' then
    select s.vendor_id into v_vendor from public.sites s
    join public.organisations v on v.id = s.vendor_id
    where s.id = v_site and v.audit_organisation_id = v_org;
    v_programme := null;
  elsif v_kind = 'vendor' then
    select o.id into v_vendor from public.organisations o
    where o.id = v_vendor and o.kind = 'vendor' and o.audit_organisation_id = v_org;
    v_site := null;
    v_programme := null;
  else
    select p.client_id into v_client from public.programmes p
    where p.id = v_programme and p.organisation_id = v_org;
    v_site := null;
    v_vendor := null;
  end if;
  if (v_kind = 'programme' and v_client is null) or (v_kind <> 'programme' and v_vendor is null) then
    raise exception 'no such scope' using errcode = 'PT404';
  end if;

  v_path := v_org::text || '/' || v_id::text || '.pdf';
  if not exists (select 1 from storage.objects where bucket_id = 'reports' and name = v_path) then
    raise exception 'the report file has not been uploaded' using errcode = 'PT400';
  end if;

  -- One publisher per series at a time; the version check below then sees the other's row.
  perform pg_advisory_xact_lock(hashtextextended(
    concat_ws('|', 'report', v_org, v_kind, v_site, v_vendor, v_programme, v_start, v_end, v_locale), 0
  ));
  select * into latest from public.reports
  where organisation_id = v_org and scope_kind = v_kind
    and site_id is not distinct from v_site and vendor_id is not distinct from v_vendor
    and programme_id is not distinct from v_programme
    and period_start = v_start and period_end = v_end and locale = v_locale
  order by version desc limit 1;
  if (p_report ->> 'version')::int is distinct from coalesce(latest.version, 0) + 1
    or (latest.id is not null and latest.code <> p_report ->> 'code') then
    raise exception 'the report was published meanwhile; version % is current', latest.version
      using errcode = 'PT409', hint = 'version';
  end if;
  if latest.id is null and exists (select 1 from public.reports where code = p_report ->> 'code') then
    raise exception 'report code already in use' using errcode = 'PT409', hint = 'code';
  end if;

  insert into public.reports (
    id, organisation_id, code, version, scope_kind, site_id, vendor_id, programme_id, client_id,
    scope_name, period_start, period_end, locale, sha256, bytes, storage_path, summary, published_by
  )
  values (
    v_id, v_org, p_report ->> 'code', (p_report ->> 'version')::int, v_kind, v_site, v_vendor,
    v_programme, v_client, p_report ->> 'scope_name', v_start, v_end, v_locale,
    p_report ->> 'sha256', (p_report ->> 'bytes')::int, v_path,
    coalesce(p_report -> 'summary', '{}'), p_actor
  )
  returning * into r;

  update public.reports set status = 'superseded', superseded_by = r.id
  where organisation_id = v_org and code = r.code and id <> r.id and superseded_by is null;

  insert into public.audit_log (actor_id, organisation_id, action, entity, entity_id, after)
  values (
    p_actor, v_org, 'publish', 'reports', r.id::text,
    jsonb_build_object('code', r.code, 'version', r.version, 'sha256', r.sha256,
      'scope_kind', r.scope_kind, 'period_start', r.period_start, 'period_end', r.period_end)
  );
  return r;
end
$$;

revoke all on function public.publish_report(uuid, jsonb) from public, anon, authenticated;
grant execute on function public.publish_report(uuid, jsonb) to service_role;

-- verifying -------------------------------------------------------------------------------------------

/* What /verify may tell anyone about the file with SHA-256 `p_sha256` (optionally claimed to be report
   `p_code`): the matching version's code, version, status, scope name, period and publication date,
   and the series' latest version. No row when nothing matches. Service role only: the public page
   calls it after its rate limit, so nobody can query it in bulk around the limit. */
create function public.verify_report(p_sha256 text, p_code text default null)
returns table (
  code text, version int, status public.report_status, scope_name text, period_start date,
  period_end date, published_at timestamptz, latest_version int
)
language sql stable security definer
set search_path = ''
as $$
  select r.code, r.version, r.status, r.scope_name, r.period_start, r.period_end, r.published_at,
    (select max(x.version) from public.reports x where x.code = r.code)
  from public.reports r
  where r.sha256 = lower(p_sha256) and (p_code is null or r.code = upper(trim(p_code)))
  order by r.published_at
  limit 1
$$;

revoke all on function public.verify_report(text, text) from public, anon, authenticated;
grant execute on function public.verify_report(text, text) to service_role;
