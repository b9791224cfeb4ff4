-- Who may design scenarios, and the RPCs that move a version through its lifecycle. Admins and
-- compliance officers of the owning audit organisation read and write scenarios and versions; nobody
-- else reads them (shoppers get the versions of their assigned calls in the test_calls migration).
-- Vendor managers and client viewers never do: a script must not leak to the agents being tested.
-- The RPCs run as the caller (security invoker), so these policies decide what they may touch.

/* True when the signed-in user holds one of `roles` in the organisation owning scenario
   `target_scenario`. */
create function private.has_scenario_role(target_scenario uuid, roles public.app_role[])
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.scenarios s
    join public.memberships m on m.organisation_id = s.organisation_id
    where s.id = target_scenario
      and m.user_id = (select auth.uid())
      and m.role = any (roles)
  )
$$;

revoke all on function private.has_scenario_role(uuid, public.app_role[]) from public, anon;
grant execute on function private.has_scenario_role(uuid, public.app_role[])
  to authenticated, service_role;

-- policies: scenarios ---------------------------------------------------------------------------------

create policy "Audit staff can view their organisation's scenarios"
  on public.scenarios for select to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));

create policy "Audit staff can create scenarios for their organisation"
  on public.scenarios for insert to authenticated
  with check (private.has_org_role(organisation_id, '{admin,compliance_officer}'));

create policy "Audit staff can update their organisation's scenarios"
  on public.scenarios for update to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'))
  with check (private.has_org_role(organisation_id, '{admin,compliance_officer}'));

-- A scenario with a published or retired version cannot go: its versions refuse deletion.
create policy "Audit staff can delete their organisation's scenarios"
  on public.scenarios for delete to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));

-- policies: scenario_versions -------------------------------------------------------------------------

create policy "Audit staff can view versions of their organisation's scenarios"
  on public.scenario_versions for select to authenticated
  using (private.has_scenario_role(scenario_id, '{admin,compliance_officer}'));

-- Only drafts are written directly; publishing goes through the lifecycle trigger.
create policy "Audit staff can add drafts to their organisation's scenarios"
  on public.scenario_versions for insert to authenticated
  with check (
    status = 'draft' and private.has_scenario_role(scenario_id, '{admin,compliance_officer}')
  );

-- Published versions are reachable only so they can be retired: the trigger freezes their content and
-- allows no status change but published → retired. Retired versions are out of reach altogether.
create policy "Audit staff can edit drafts and retire published versions"
  on public.scenario_versions for update to authenticated
  using (
    status in ('draft', 'published')
    and private.has_scenario_role(scenario_id, '{admin,compliance_officer}')
  )
  with check (private.has_scenario_role(scenario_id, '{admin,compliance_officer}'));

create policy "Audit staff can delete drafts"
  on public.scenario_versions for delete to authenticated
  using (status = 'draft' and private.has_scenario_role(scenario_id, '{admin,compliance_officer}'));

-- RPCs ------------------------------------------------------------------------------------------------

/* Locks the scenario of version `p_version_id` (serialising drafting, publishing and retiring per
   scenario) and returns the version as it is now. Runs as the caller: a version they cannot see, or
   whose scenario they cannot update, is refused (42501) without saying whether it exists. */
create function private.lock_version_for_change(p_version_id uuid)
returns public.scenario_versions
language plpgsql volatile security invoker
set search_path = ''
as $$
declare
  target public.scenario_versions;
begin
  perform 1 from public.scenarios s
    where s.id = (select v.scenario_id from public.scenario_versions v where v.id = p_version_id)
    for update;
  if not found then
    raise exception 'no scenario version % that you can change', p_version_id
      using errcode = 'insufficient_privilege';
  end if;
  select * into target from public.scenario_versions where id = p_version_id;
  return target;
end
$$;

revoke all on function private.lock_version_for_change(uuid) from public, anon;
grant execute on function private.lock_version_for_change(uuid) to authenticated, service_role;

/* The scenario's draft: the existing one, or a new one numbered after the latest version with that
   version's content. Refuses (42501) a scenario the caller cannot edit, without saying whether it
   exists. */
create function public.create_scenario_draft(p_scenario_id uuid)
returns public.scenario_versions
language plpgsql volatile security invoker
set search_path = ''
as $$
declare
  draft public.scenario_versions;
  latest public.scenario_versions;
begin
  -- As in private.lock_version_for_change: the lock serialises changes per scenario, and rows the
  -- caller may not update are not returned at all, which is the permission check.
  perform 1 from public.scenarios where id = p_scenario_id for update;
  if not found then
    raise exception 'no scenario % that you can edit', p_scenario_id
      using errcode = 'insufficient_privilege';
  end if;
  select * into draft from public.scenario_versions
    where scenario_id = p_scenario_id and status = 'draft';
  if found then
    return draft;
  end if;
  select * into latest from public.scenario_versions where scenario_id = p_scenario_id
    order by version desc limit 1;
  if not found then
    raise exception 'scenario % has no version to copy: add version 1 as a draft', p_scenario_id
      using errcode = 'check_violation';
  end if;
  insert into public.scenario_versions (scenario_id, version, status, content)
  values (p_scenario_id, latest.version + 1, 'draft', latest.content)
  returning * into draft;
  return draft;
end
$$;

/* Publishes a draft (stamping published_at/by) and retires the version published before it, in one
   transaction; returns the published version. */
create function public.publish_scenario_version(p_version_id uuid)
returns public.scenario_versions
language plpgsql volatile security invoker
set search_path = ''
as $$
declare
  target public.scenario_versions;
begin
  target := private.lock_version_for_change(p_version_id);
  if target.status <> 'draft' then
    raise exception 'version % is %: only a draft can be published', target.version, target.status
      using errcode = 'check_violation';
  end if;
  update public.scenario_versions set status = 'retired'
    where scenario_id = target.scenario_id and status = 'published';
  update public.scenario_versions set status = 'published' where id = p_version_id
    returning * into target;
  if not found then
    raise exception 'no scenario version % that you can publish', p_version_id
      using errcode = 'insufficient_privilege';
  end if;
  return target;
end
$$;

/* Retires a published version, so no new call can be scheduled against it; calls already made keep
   referring to it. */
create function public.retire_scenario_version(p_version_id uuid)
returns public.scenario_versions
language plpgsql volatile security invoker
set search_path = ''
as $$
declare
  target public.scenario_versions;
begin
  target := private.lock_version_for_change(p_version_id);
  if target.status <> 'published' then
    raise exception 'version % is %: only a published version can be retired', target.version,
      target.status using errcode = 'check_violation';
  end if;
  update public.scenario_versions set status = 'retired' where id = p_version_id
    returning * into target;
  if not found then
    raise exception 'no scenario version % that you can retire', p_version_id
      using errcode = 'insufficient_privilege';
  end if;
  return target;
end
$$;

revoke all on function public.create_scenario_draft(uuid) from public, anon;
revoke all on function public.publish_scenario_version(uuid) from public, anon;
revoke all on function public.retire_scenario_version(uuid) from public, anon;
grant execute on function public.create_scenario_draft(uuid) to authenticated, service_role;
grant execute on function public.publish_scenario_version(uuid) to authenticated, service_role;
grant execute on function public.retire_scenario_version(uuid) to authenticated, service_role;
