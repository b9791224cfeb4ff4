-- Vendor sites (contact centres, each in one IANA time zone) and the lines (numbers / queues) a site
-- answers for a client. Audit staff and shoppers see those of the organisations their audit
-- organisation manages; a vendor manager sees only the own vendor's; a client viewer sees the own lines
-- and the sites answering them. Only admins of the managing audit organisation write.

/* True when `tz` is a time zone name Postgres knows (IANA names such as 'Asia/Shanghai'); rejects
   abbreviations and POSIX offsets, which would silently mean something else. */
create function private.is_time_zone(tz text)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (select 1 from pg_catalog.pg_timezone_names where name = tz)
$$;

revoke all on function private.is_time_zone(text) from public, anon;
-- Check constraints run with the inserting user's privileges.
grant execute on function private.is_time_zone(text) to authenticated, service_role;

-- sites -----------------------------------------------------------------------------------------------

create table public.sites (
  id uuid primary key default gen_random_uuid(),
  vendor_id uuid not null references public.organisations (id) on delete cascade,
  name text not null check (length(trim(name)) > 0),
  name_zh text,
  address text,
  city text not null,
  country text not null check (country ~ '^[A-Z]{2}$'),
  time_zone text not null check (private.is_time_zone(time_zone)),
  languages text[] not null default '{}',
  created_at timestamptz not null default now()
);
comment on table public.sites is 'A vendor''s contact centres; times of calls are shown in the site''s time zone.';
comment on column public.sites.country is 'ISO 3166-1 alpha-2 code.';
comment on column public.sites.time_zone is 'IANA time zone name, e.g. Asia/Shanghai.';
comment on column public.sites.languages is 'BCP 47 language tags the site answers in.';
create index sites_vendor_id_idx on public.sites (vendor_id);
alter table public.sites enable row level security;

-- lines -----------------------------------------------------------------------------------------------

create table public.lines (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references public.sites (id) on delete cascade,
  client_id uuid not null references public.organisations (id) on delete cascade,
  label text not null check (length(trim(label)) > 0),
  phone_number text not null,
  queue text,
  languages text[] not null default '{}',
  created_at timestamptz not null default now()
);
comment on table public.lines is 'Numbers and queues a vendor site answers on behalf of a client.';
comment on column public.lines.languages is 'BCP 47 language tags callers can use on this line.';
create index lines_site_id_idx on public.lines (site_id);
create index lines_client_id_idx on public.lines (client_id);
alter table public.lines enable row level security;

-- helpers ---------------------------------------------------------------------------------------------

/* True when the signed-in user holds one of `roles` in the vendor that runs site `target_site`. */
create function private.has_site_vendor_role(target_site uuid, roles public.app_role[])
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.sites s
    join public.memberships m on m.organisation_id = s.vendor_id
    where s.id = target_site
      and m.user_id = (select auth.uid())
      and m.role = any (roles)
  )
$$;

/* True when site `target_site` answers a line of a client in which the signed-in user holds one of
   `roles`. */
create function private.site_serves_role(target_site uuid, roles public.app_role[])
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.lines l
    join public.memberships m on m.organisation_id = l.client_id
    where l.site_id = target_site
      and m.user_id = (select auth.uid())
      and m.role = any (roles)
  )
$$;

revoke all on function private.has_site_vendor_role(uuid, public.app_role[]) from public, anon;
revoke all on function private.site_serves_role(uuid, public.app_role[]) from public, anon;
grant execute on function private.has_site_vendor_role(uuid, public.app_role[])
  to authenticated, service_role;
grant execute on function private.site_serves_role(uuid, public.app_role[]) to authenticated, service_role;

-- integrity -------------------------------------------------------------------------------------------

create function private.check_site() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from public.organisations where id = new.vendor_id and kind = 'vendor') then
    raise exception 'a site belongs to a vendor organisation' using errcode = 'check_violation';
  end if;
  return new;
end
$$;

create trigger sites_check before insert or update on public.sites
  for each row execute function private.check_site();

-- A line joins a client and a site of a vendor that client outsources to; this also keeps both ends in
-- one audit organisation, which the policies rely on when they look only at client_id.
create function private.check_line() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.sites s
    join public.client_vendors cv on cv.vendor_id = s.vendor_id
    where s.id = new.site_id and cv.client_id = new.client_id
  ) then
    raise exception 'a line''s client must outsource to the vendor running its site'
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;

create trigger lines_check before insert or update on public.lines
  for each row execute function private.check_line();

revoke all on function private.check_site() from public, anon, authenticated;
revoke all on function private.check_line() from public, anon, authenticated;

-- grants ----------------------------------------------------------------------------------------------

revoke all on public.sites, public.lines from anon, authenticated;
grant select, insert, update, delete on public.sites, public.lines to authenticated;
grant all on public.sites, public.lines to service_role;

-- policies: sites -------------------------------------------------------------------------------------

create policy "Audit staff can view the sites of vendors they manage"
  on public.sites for select to authenticated
  using (private.has_audit_role(vendor_id, '{admin,compliance_officer}'));

create policy "Shoppers can view the sites of vendors their auditors manage"
  on public.sites for select to authenticated
  using (private.has_audit_role(vendor_id, '{shopper}'));

create policy "Vendor managers can view their vendor's sites"
  on public.sites for select to authenticated
  using (private.has_org_role(vendor_id, '{vendor_manager}'));

create policy "Client viewers can view the sites answering their lines"
  on public.sites for select to authenticated
  using (private.site_serves_role(id, '{client_viewer}'));

create policy "Admins can add sites to vendors they manage"
  on public.sites for insert to authenticated
  with check (private.has_audit_role(vendor_id, '{admin}'));

create policy "Admins can update sites of vendors they manage"
  on public.sites for update to authenticated
  using (private.has_audit_role(vendor_id, '{admin}'))
  with check (private.has_audit_role(vendor_id, '{admin}'));

create policy "Admins can remove sites of vendors they manage"
  on public.sites for delete to authenticated
  using (private.has_audit_role(vendor_id, '{admin}'));

-- policies: lines -------------------------------------------------------------------------------------

create policy "Audit staff can view the lines of clients they manage"
  on public.lines for select to authenticated
  using (private.has_audit_role(client_id, '{admin,compliance_officer}'));

create policy "Shoppers can view the lines of clients their auditors manage"
  on public.lines for select to authenticated
  using (private.has_audit_role(client_id, '{shopper}'));

create policy "Vendor managers can view the lines their vendor's sites answer"
  on public.lines for select to authenticated
  using (private.has_site_vendor_role(site_id, '{vendor_manager}'));

create policy "Client viewers can view their client's lines"
  on public.lines for select to authenticated
  using (private.has_org_role(client_id, '{client_viewer}'));

create policy "Admins can add lines for clients they manage"
  on public.lines for insert to authenticated
  with check (private.has_audit_role(client_id, '{admin}'));

create policy "Admins can update lines of clients they manage"
  on public.lines for update to authenticated
  using (private.has_audit_role(client_id, '{admin}'))
  with check (private.has_audit_role(client_id, '{admin}'));

create policy "Admins can remove lines of clients they manage"
  on public.lines for delete to authenticated
  using (private.has_audit_role(client_id, '{admin}'));
