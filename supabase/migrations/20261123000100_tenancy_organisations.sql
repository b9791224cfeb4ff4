-- Tenancy core: organisations (audit organisations, their clients and vendors), which vendors each
-- client outsources to, and memberships (user × organisation × role). Every later table decides
-- visibility through the helpers defined here, so they are security definer with an empty search_path
-- and live in `private`, which the REST API does not expose. RLS is on from the start with no policy,
-- so the tables deny everything until the next migration says who may do what.

create schema if not exists private;
comment on schema private is 'Helpers for row-level security and triggers; not exposed by the REST API.';
revoke all on schema private from public, anon;
-- Policies run as the caller, so the caller must be able to reach the helpers they call.
grant usage on schema private to authenticated, service_role;

create type public.organisation_kind as enum ('audit', 'client', 'vendor');
create type public.app_role as enum (
  'admin', 'compliance_officer', 'shopper', 'vendor_manager', 'client_viewer'
);

-- organisations ---------------------------------------------------------------------------------------

create table public.organisations (
  id uuid primary key default gen_random_uuid(),
  kind public.organisation_kind not null,
  name text not null check (length(trim(name)) > 0),
  name_zh text,
  audit_organisation_id uuid references public.organisations (id),
  created_at timestamptz not null default now(),
  -- An audit organisation stands alone; every client and vendor is managed by exactly one.
  constraint organisations_audit_parent check ((kind = 'audit') = (audit_organisation_id is null))
);
comment on table public.organisations is
  'Tenants: audit organisations, and the clients and vendors each audit organisation manages.';
comment on column public.organisations.audit_organisation_id is
  'The audit organisation managing this client or vendor; null for an audit organisation.';
create index organisations_audit_organisation_id_idx on public.organisations (audit_organisation_id);
alter table public.organisations enable row level security;

-- client_vendors --------------------------------------------------------------------------------------

create table public.client_vendors (
  client_id uuid not null references public.organisations (id) on delete cascade,
  vendor_id uuid not null references public.organisations (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (client_id, vendor_id)
);
comment on table public.client_vendors is 'Which vendors (BPOs) a client outsources its calls to.';
create index client_vendors_vendor_id_idx on public.client_vendors (vendor_id);
alter table public.client_vendors enable row level security;

-- memberships -----------------------------------------------------------------------------------------

create table public.memberships (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  role public.app_role not null,
  created_at timestamptz not null default now(),
  unique (user_id, organisation_id, role)
);
comment on table public.memberships is
  'Who holds which role in which organisation; the only source of a user''s permissions.';
-- The unique key (user_id, organisation_id, role) serves the helpers' lookups by user.
create index memberships_organisation_id_idx on public.memberships (organisation_id);
alter table public.memberships enable row level security;

-- helpers ---------------------------------------------------------------------------------------------

/* True when the signed-in user holds one of `roles` in organisation `org_id` itself. */
create function private.has_org_role(org_id uuid, roles public.app_role[])
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.user_id = (select auth.uid())
      and m.organisation_id = org_id
      and m.role = any (roles)
  )
$$;

/* True when the signed-in user holds one of `roles` in the audit organisation that manages `org_id`
   (or in `org_id` itself when it is an audit organisation). */
create function private.has_audit_role(org_id uuid, roles public.app_role[])
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.organisations o
    join public.memberships m on m.organisation_id = coalesce(o.audit_organisation_id, o.id)
    where o.id = org_id
      and m.user_id = (select auth.uid())
      and m.role = any (roles)
  )
$$;

/* True when the signed-in user holds one of `roles` in `org_id` or in an organisation linked to it
   through client_vendors (a client's vendors, a vendor's clients). */
create function private.has_related_role(org_id uuid, roles public.app_role[])
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.user_id = (select auth.uid())
      and m.role = any (roles)
      and (
        m.organisation_id = org_id
        or exists (
          select 1 from public.client_vendors cv
          where (cv.client_id = org_id and cv.vendor_id = m.organisation_id)
             or (cv.vendor_id = org_id and cv.client_id = m.organisation_id)
        )
      )
  )
$$;

revoke all on function private.has_org_role(uuid, public.app_role[]) from public, anon;
revoke all on function private.has_audit_role(uuid, public.app_role[]) from public, anon;
revoke all on function private.has_related_role(uuid, public.app_role[]) from public, anon;
grant execute on function private.has_org_role(uuid, public.app_role[]) to authenticated, service_role;
grant execute on function private.has_audit_role(uuid, public.app_role[]) to authenticated, service_role;
grant execute on function private.has_related_role(uuid, public.app_role[]) to authenticated, service_role;

-- integrity -------------------------------------------------------------------------------------------

-- Checks that need other rows, so they cannot be check constraints; definer so they see every row
-- whatever the caller may read.
create function private.check_organisation() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.kind <> old.kind then
    raise exception 'an organisation''s kind cannot change' using errcode = 'check_violation';
  end if;
  if new.audit_organisation_id is not null and not exists (
    select 1 from public.organisations where id = new.audit_organisation_id and kind = 'audit'
  ) then
    raise exception 'audit_organisation_id must name an audit organisation'
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;

create trigger organisations_check before insert or update on public.organisations
  for each row execute function private.check_organisation();

create function private.check_client_vendor() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.organisations c
    join public.organisations v on v.audit_organisation_id = c.audit_organisation_id
    where c.id = new.client_id and c.kind = 'client' and v.id = new.vendor_id and v.kind = 'vendor'
  ) then
    raise exception 'client_vendors links a client to a vendor of the same audit organisation'
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;

create trigger client_vendors_check before insert or update on public.client_vendors
  for each row execute function private.check_client_vendor();

create function private.check_membership() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  org_kind public.organisation_kind;
begin
  select kind into org_kind from public.organisations where id = new.organisation_id;
  if not (
    (org_kind = 'audit' and new.role in ('admin', 'compliance_officer', 'shopper'))
    or (org_kind = 'vendor' and new.role = 'vendor_manager')
    or (org_kind = 'client' and new.role = 'client_viewer')
  ) then
    raise exception 'role % does not belong in a % organisation', new.role, org_kind
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;

create trigger memberships_check before insert or update on public.memberships
  for each row execute function private.check_membership();

revoke all on function private.check_organisation() from public, anon, authenticated;
revoke all on function private.check_client_vendor() from public, anon, authenticated;
revoke all on function private.check_membership() from public, anon, authenticated;

-- grants ----------------------------------------------------------------------------------------------

revoke all on public.organisations, public.client_vendors, public.memberships from anon, authenticated;
grant select, insert, update, delete on public.organisations, public.client_vendors, public.memberships
  to authenticated;
grant all on public.organisations, public.client_vendors, public.memberships to service_role;
