-- The append-only audit log: who did what, when, to which row, with the row before and after. Rows
-- arrive only through public.write_audit_log() or the triggers below; no role can change or remove one,
-- not even service_role or the table owner (a trigger raises), so the log stays evidence.

create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid default auth.uid(),
  organisation_id uuid,
  action text not null check (length(action) > 0),
  entity text not null check (length(entity) > 0),
  entity_id text,
  before jsonb,
  after jsonb
);
comment on table public.audit_log is
  'Append-only record of changes and sensitive reads; never updated or deleted.';
comment on column public.audit_log.actor_id is
  'The signed-in user who acted; null for the system or service_role. No foreign key, so deleting a user keeps the record.';
comment on column public.audit_log.organisation_id is
  'The tenant the entry belongs to (the audit organisation for tenancy changes); decides who may read it.';
create index audit_log_organisation_id_at_idx on public.audit_log (organisation_id, at);
create index audit_log_actor_id_idx on public.audit_log (actor_id);
alter table public.audit_log enable row level security;

-- append-only -----------------------------------------------------------------------------------------

create function private.refuse_audit_log_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'audit_log is append-only: % is not allowed', lower(tg_op)
    using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_no_update before update on public.audit_log
  for each row execute function private.refuse_audit_log_change();
create trigger audit_log_no_delete before delete on public.audit_log
  for each row execute function private.refuse_audit_log_change();
create trigger audit_log_no_truncate before truncate on public.audit_log
  for each statement execute function private.refuse_audit_log_change();

revoke all on function private.refuse_audit_log_change() from public, anon, authenticated;

revoke all on public.audit_log from anon, authenticated, service_role;
grant select on public.audit_log to authenticated, service_role;
revoke all on sequence public.audit_log_id_seq from anon, authenticated, service_role;

create policy "Audit staff can read the audit log of organisations they manage"
  on public.audit_log for select to authenticated
  using (private.has_audit_role(organisation_id, '{admin,compliance_officer}'));

-- writing ---------------------------------------------------------------------------------------------

/* The audit organisation at the root of `org_id`'s tenant; `org_id` itself when it is an audit
   organisation or no longer exists (a cascade delete already removed it). */
create function private.audit_root(org_id uuid)
returns uuid
language sql stable security definer
set search_path = ''
as $$
  select coalesce(
    (select coalesce(o.audit_organisation_id, o.id) from public.organisations o where o.id = org_id),
    org_id
  )
$$;

revoke all on function private.audit_root(uuid) from public, anon, authenticated;

/* Appends one entry as the signed-in user and returns its id. A user may write only for an
   organisation they belong to or audit; service_role may write for any. */
create function public.write_audit_log(
  organisation_id uuid,
  action text,
  entity text,
  entity_id text default null,
  before jsonb default null,
  after jsonb default null
)
returns bigint
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  new_id bigint;
begin
  if coalesce(auth.role(), '') <> 'service_role' and not (
    private.has_org_role(write_audit_log.organisation_id, enum_range(null::public.app_role))
    or private.has_audit_role(
      write_audit_log.organisation_id, '{admin,compliance_officer,shopper}'
    )
  ) then
    raise exception 'not a member of organisation %', write_audit_log.organisation_id
      using errcode = 'insufficient_privilege';
  end if;
  insert into public.audit_log (organisation_id, action, entity, entity_id, before, after)
  values (
    write_audit_log.organisation_id,
    write_audit_log.action,
    write_audit_log.entity,
    write_audit_log.entity_id,
    write_audit_log.before,
    write_audit_log.after
  )
  returning id into new_id;
  return new_id;
end
$$;

revoke all on function public.write_audit_log(uuid, text, text, text, jsonb, jsonb) from public, anon;
grant execute on function public.write_audit_log(uuid, text, text, text, jsonb, jsonb)
  to authenticated, service_role;

-- Tenancy changes log themselves. The trigger argument names the column holding the organisation the
-- row belongs to (an organisation row without a parent belongs to itself); the entry is filed under
-- that organisation's audit organisation, so audit staff can still read it after the row is gone.
create function private.audit_tenancy_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  row_before jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  row_after jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  r jsonb := coalesce(row_after, row_before);
begin
  if tg_op = 'UPDATE' and row_before = row_after then
    return null;
  end if;
  insert into public.audit_log (organisation_id, action, entity, entity_id, before, after)
  values (
    private.audit_root(coalesce((r ->> tg_argv[0])::uuid, (r ->> 'id')::uuid)),
    lower(tg_op),
    tg_table_name,
    coalesce(r ->> 'id', (r ->> 'client_id') || '/' || (r ->> 'vendor_id')),
    row_before,
    row_after
  );
  return null;
end
$$;

revoke all on function private.audit_tenancy_change() from public, anon, authenticated;

create trigger organisations_audit after insert or update or delete on public.organisations
  for each row execute function private.audit_tenancy_change('audit_organisation_id');
create trigger client_vendors_audit after insert or update or delete on public.client_vendors
  for each row execute function private.audit_tenancy_change('client_id');
create trigger sites_audit after insert or update or delete on public.sites
  for each row execute function private.audit_tenancy_change('vendor_id');
create trigger lines_audit after insert or update or delete on public.lines
  for each row execute function private.audit_tenancy_change('client_id');
create trigger memberships_audit after insert or update or delete on public.memberships
  for each row execute function private.audit_tenancy_change('organisation_id');
