-- Who may do what with organisations, client_vendors and memberships: one policy per operation and
-- role, all `to authenticated` (anon has no grant at all), plus the RPC the app asks for the signed-in
-- user's roles. Audit staff see everything their audit organisation manages; shoppers see its
-- organisations; vendor managers and client viewers see their own organisation and its partners; only
-- admins write, and never their own memberships.

-- policies: organisations -----------------------------------------------------------------------------

create policy "Audit staff can view their audit organisation and its tenants"
  on public.organisations for select to authenticated
  using (private.has_org_role(coalesce(audit_organisation_id, id), '{admin,compliance_officer}'));

create policy "Shoppers can view their audit organisation and its tenants"
  on public.organisations for select to authenticated
  using (private.has_org_role(coalesce(audit_organisation_id, id), '{shopper}'));

create policy "Vendor managers can view their vendor and the clients it serves"
  on public.organisations for select to authenticated
  using (private.has_related_role(id, '{vendor_manager}'));

create policy "Client viewers can view their client and the vendors serving it"
  on public.organisations for select to authenticated
  using (private.has_related_role(id, '{client_viewer}'));

create policy "Admins can add clients and vendors they will manage"
  on public.organisations for insert to authenticated
  with check (kind <> 'audit' and private.has_org_role(audit_organisation_id, '{admin}'));

create policy "Admins can update the organisations they manage"
  on public.organisations for update to authenticated
  using (private.has_org_role(coalesce(audit_organisation_id, id), '{admin}'))
  with check (private.has_org_role(coalesce(audit_organisation_id, id), '{admin}'));

create policy "Admins can remove clients and vendors they manage"
  on public.organisations for delete to authenticated
  using (kind <> 'audit' and private.has_org_role(audit_organisation_id, '{admin}'));

-- policies: client_vendors ----------------------------------------------------------------------------

create policy "Audit staff can view the client-vendor links they manage"
  on public.client_vendors for select to authenticated
  using (private.has_audit_role(client_id, '{admin,compliance_officer}'));

create policy "Vendor managers can view which clients their vendor serves"
  on public.client_vendors for select to authenticated
  using (private.has_org_role(vendor_id, '{vendor_manager}'));

create policy "Client viewers can view which vendors serve their client"
  on public.client_vendors for select to authenticated
  using (private.has_org_role(client_id, '{client_viewer}'));

create policy "Admins can link clients to vendors they manage"
  on public.client_vendors for insert to authenticated
  with check (private.has_audit_role(client_id, '{admin}'));

create policy "Admins can change client-vendor links they manage"
  on public.client_vendors for update to authenticated
  using (private.has_audit_role(client_id, '{admin}'))
  with check (private.has_audit_role(client_id, '{admin}'));

create policy "Admins can unlink clients from vendors they manage"
  on public.client_vendors for delete to authenticated
  using (private.has_audit_role(client_id, '{admin}'));

-- policies: memberships -------------------------------------------------------------------------------

create policy "Users can view their own memberships"
  on public.memberships for select to authenticated
  using (user_id = (select auth.uid()));

create policy "Audit staff can view memberships in organisations they manage"
  on public.memberships for select to authenticated
  using (private.has_audit_role(organisation_id, '{admin,compliance_officer}'));

-- Nobody changes their own memberships, admins included: no self-promotion, no locking oneself out.
create policy "Admins can grant others roles in organisations they manage"
  on public.memberships for insert to authenticated
  with check (
    user_id <> (select auth.uid()) and private.has_audit_role(organisation_id, '{admin}')
  );

create policy "Admins can change others' roles in organisations they manage"
  on public.memberships for update to authenticated
  using (user_id <> (select auth.uid()) and private.has_audit_role(organisation_id, '{admin}'))
  with check (
    user_id <> (select auth.uid()) and private.has_audit_role(organisation_id, '{admin}')
  );

create policy "Admins can revoke others' roles in organisations they manage"
  on public.memberships for delete to authenticated
  using (user_id <> (select auth.uid()) and private.has_audit_role(organisation_id, '{admin}'));

-- the signed-in user's roles --------------------------------------------------------------------------

/* The signed-in user's memberships with their organisations, highest role first; the app routes a user
   to a home by the first row. Runs as the caller, so RLS still applies. */
create function public.my_memberships()
returns table (
  organisation_id uuid,
  organisation_kind public.organisation_kind,
  organisation_name text,
  organisation_name_zh text,
  audit_organisation_id uuid,
  role public.app_role
)
language sql stable security invoker
set search_path = ''
as $$
  select m.organisation_id, o.kind, o.name, o.name_zh, o.audit_organisation_id, m.role
  from public.memberships m
  join public.organisations o on o.id = m.organisation_id
  where m.user_id = (select auth.uid())
  order by m.role, o.name
$$;

revoke all on function public.my_memberships() from public, anon;
grant execute on function public.my_memberships() to authenticated, service_role;
