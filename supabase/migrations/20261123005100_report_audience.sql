-- Audience of site and vendor reports (issue 8): a report a client viewer may download holds only that
-- client's data.
--
-- Until now a client viewer could read every report about a vendor its client outsources to, so the
-- bank's viewer read a vendor report that also held the calls made for the telecom client. Now:
--   * a site or vendor report may name an audience client (reports.client_id, which programme reports
--     already carry). publish_report() accepts it only for a client of the same audit organisation that
--     the vendor serves (client_vendors), and the app server then gathers only the calls of that
--     client's programmes (and the findings resting on them);
--   * a report without an audience covers all of the vendor's calls and is read only by audit staff and
--     the vendor's managers;
--   * client viewers read exactly the reports whose client_id is their client (the bucket policy reads
--     the table as the caller, so files follow);
--   * the audience is part of the series (organisation, scope, audience, period, locale), so the bank's
--     and the telecom's reports about one vendor are separate series with their own codes.
-- Reports published before this migration about a vendor keep client_id null: client viewers stop
-- seeing them, which is the point (they may hold another client's calls).

comment on column public.reports.client_id is
  'The client whose data the report holds and whose viewers may read it: the programme''s client, or the audience of a site or vendor report (null: audit staff and the vendor only).';

drop policy "Client viewers can view reports about their programmes and their vendors" on public.reports;
create policy "Client viewers can view the reports made for their client"
  on public.reports for select to authenticated
  using (private.has_org_role(client_id, '{client_viewer}'));

/* Records version `p_report.version` of a report series as `p_actor` (see the header for who may call
   it and why), supersedes the earlier versions and writes the audit log. `p_report` holds id, code,
   version, organisation_id, scope_kind, site_id | vendor_id | programme_id, period_start, period_end,
   locale, sha256, bytes, scope_name, summary, and for a site or vendor report optionally client_id (its
   audience: a client the vendor serves; the report then covers only that client's calls); the file must already be at
   <organisation_id>/<id>.pdf in the reports bucket. PT409 (hint 'version') when the series moved on
   since the server read it. Returns the new row. */
create or replace function public.publish_report(p_actor uuid, p_report jsonb)
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
  v_client uuid := (p_report ->> 'client_id')::uuid;
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
  -- The audience of a site or vendor report: a client of the organisation that the vendor serves.
  if v_kind <> 'programme' and v_client is not null and not exists (
    select 1 from public.client_vendors cv
    join public.organisations c on c.id = cv.client_id
    where cv.client_id = v_client and cv.vendor_id = v_vendor
      and c.kind = 'client' and c.audit_organisation_id = v_org
  ) then
    raise exception 'the vendor does not serve that client' using errcode = 'PT404';
  end if;

  v_path := v_org::text || '/' || v_id::text || '.pdf';
  if not exists (select 1 from storage.objects where bucket_id = 'reports' and name = v_path) then
    raise exception 'the report file has not been uploaded' using errcode = 'PT400';
  end if;

  -- One publisher per series at a time; the version check below then sees the other's row.
  perform pg_advisory_xact_lock(hashtextextended(
    concat_ws('|', 'report', v_org, v_kind, v_site, v_vendor, v_programme, v_client, v_start, v_end,
      v_locale), 0
  ));
  select * into latest from public.reports
  where organisation_id = v_org and scope_kind = v_kind
    and site_id is not distinct from v_site and vendor_id is not distinct from v_vendor
    and programme_id is not distinct from v_programme and client_id is not distinct from v_client
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
      'scope_kind', r.scope_kind, 'client_id', r.client_id, 'period_start', r.period_start, 'period_end', r.period_end)
  );
  return r;
end
$$;

revoke all on function public.publish_report(uuid, jsonb) from public, anon, authenticated;
grant execute on function public.publish_report(uuid, jsonb) to service_role;

revoke all on function public.publish_report(uuid, jsonb) from public, anon, authenticated;
grant execute on function public.publish_report(uuid, jsonb) to service_role;
