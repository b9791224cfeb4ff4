-- Recording rules: whether a shopper may record a call to a site, and under which consent regime.
-- Each site states its rule (default: every party must consent, the safest reading where the law is
-- unknown); a programme may override it for all of its calls (null = follow the site).
-- call_recording_policy() gives the phone the rule that applies to one call; it answers only for calls
-- the caller can already see through the test_calls policies (the assigned shopper, the audit staff of
-- the call's organisation) and null for every other call, so it reveals nothing RLS hides.

alter table public.sites
  add column recording_policy text not null default 'all_party'
    check (recording_policy in ('one_party', 'all_party', 'not_allowed'));
comment on column public.sites.recording_policy is
  'Whether shoppers may record calls to this site: one_party (the shopper''s consent suffices), all_party (the agent must be told and agree), not_allowed.';

alter table public.programmes
  add column recording_policy text
    check (recording_policy in ('one_party', 'all_party', 'not_allowed'));
comment on column public.programmes.recording_policy is
  'Overrides the sites'' recording_policy for every call of the programme; null follows each site.';

-- programmes grants name their columns (000200), so the new one needs adding; sites grant whole rows.
grant insert (recording_policy), update (recording_policy) on public.programmes to authenticated;

/* The recording rule for a call's site and programme. Definer because a shopper may read the site but
   not the programme; callers pass only ids of a call they could already see. */
create function private.recording_policy_for(target_site uuid, target_programme uuid)
returns text
language sql stable security definer
set search_path = ''
as $$
  select coalesce(
    (select p.recording_policy from public.programmes p where p.id = target_programme),
    (select s.recording_policy from public.sites s where s.id = target_site)
  )
$$;

revoke all on function private.recording_policy_for(uuid, uuid) from public, anon;
grant execute on function private.recording_policy_for(uuid, uuid) to authenticated, service_role;

/* The effective recording rule of call `p_call_id` (the programme's, else the site's), or null when the
   caller cannot see the call. Invoker rights: the select on test_calls is what applies RLS. */
create function public.call_recording_policy(p_call_id uuid)
returns text
language sql stable security invoker
set search_path = ''
as $$
  select private.recording_policy_for(c.site_id, c.programme_id)
  from public.test_calls c
  where c.id = p_call_id
$$;

revoke all on function public.call_recording_policy(uuid) from public, anon;
grant execute on function public.call_recording_policy(uuid) to authenticated, service_role;
