-- What happens to a finding after it is filed: the vendor proposes a remediation plan or disputes one
-- call's part of it (within the dispute window); the officer decides the dispute (a service-role RPC,
-- since accepting one re-scores the call; see 004200's header), moves the finding along its
-- lifecycle, and closing a critical finding schedules a verification call. Vendor managers also read
-- their sites' reviewed results here, pseudonymous, for the feedback sheet.

/* The finding `p_finding_id`, locked, if the signed-in user is a vendor manager of its vendor. */
create function private.vendor_finding(p_finding_id uuid)
returns public.findings
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  fi public.findings;
begin
  select * into fi from public.findings where id = p_finding_id for update;
  if not found or not private.has_org_role(fi.vendor_id, '{vendor_manager}') then
    raise exception 'no such finding' using errcode = 'PT404';
  end if;
  if fi.status in ('closed', 'withdrawn') then
    raise exception 'a % finding takes no more responses', fi.status
      using errcode = 'PT409', hint = 'status';
  end if;
  return fi;
end
$$;
revoke all on function private.vendor_finding(uuid) from public, anon, authenticated;

/* The signed-in vendor manager proposes (or updates) the remediation plan `p_plan`
   ({actions: [{title, owner, due_date, status, evidence}]}, validated by the server's zod schema)
   for finding `p_finding_id`. */
create function public.propose_remediation(p_finding_id uuid, p_plan jsonb)
returns public.findings
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  fi public.findings := private.vendor_finding(p_finding_id);
begin
  if jsonb_typeof(p_plan -> 'actions') is distinct from 'array'
    or jsonb_array_length(p_plan -> 'actions') = 0 then
    raise exception 'a plan needs at least one action' using errcode = 'PT400', hint = 'actions';
  end if;
  update public.findings set
    plan = p_plan,
    status = case when status = 'in_remediation' then status else 'remediation_proposed' end
  where id = fi.id
  returning * into fi;
  insert into public.finding_messages (
    finding_id, organisation_id, vendor_id, kind, author_role, author_id, body
  )
  values (fi.id, fi.organisation_id, fi.vendor_id, 'plan', 'vendor', auth.uid(), p_plan);
  insert into public.audit_log (actor_id, organisation_id, action, entity, entity_id, after)
  values (auth.uid(), fi.organisation_id, 'remediation_plan', 'findings', fi.id::text, p_plan);
  return fi;
end
$$;

/* The signed-in vendor manager disputes call `p_call_id`'s part of finding `p_finding_id`
   (`p_reason_code`, `p_comment`, evidence refs `p_evidence`), refused (PT409 hint 'deadline') after
   the finding's response_due_at. Officers are told. */
create function public.dispute_finding(
  p_finding_id uuid, p_call_id uuid, p_reason_code text, p_comment text, p_evidence jsonb default '[]'
)
returns public.finding_disputes
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  fi public.findings := private.vendor_finding(p_finding_id);
  d public.finding_disputes;
begin
  if now() > fi.response_due_at then
    raise exception 'the dispute window closed at %', fi.response_due_at
      using errcode = 'PT409', hint = 'deadline';
  end if;
  if p_call_id is null or not (p_call_id = any (fi.call_ids)) then
    raise exception 'the call is not part of this finding' using errcode = 'PT400', hint = 'call_id';
  end if;
  if length(trim(coalesce(p_comment, ''))) = 0 then
    raise exception 'say why' using errcode = 'PT400', hint = 'comment';
  end if;
  if exists (
    select 1 from public.finding_disputes
    where finding_id = fi.id and call_id = p_call_id and status = 'open'
  ) then
    raise exception 'this call is already disputed' using errcode = 'PT409', hint = 'open_dispute';
  end if;
  insert into public.finding_disputes (
    finding_id, organisation_id, vendor_id, call_id, reason_code, comment, evidence, created_by
  )
  values (fi.id, fi.organisation_id, fi.vendor_id, p_call_id, p_reason_code, trim(p_comment),
    coalesce(p_evidence, '[]'), auth.uid())
  returning * into d;
  update public.findings set status = 'disputed' where id = fi.id;
  insert into public.finding_messages (
    finding_id, organisation_id, vendor_id, kind, author_role, author_id, body, dispute_id
  )
  values (fi.id, fi.organisation_id, fi.vendor_id, 'dispute', 'vendor', auth.uid(),
    jsonb_build_object('call_id', p_call_id, 'reason_code', d.reason_code, 'comment', d.comment,
      'evidence', d.evidence), d.id);
  insert into public.audit_log (actor_id, organisation_id, action, entity, entity_id, after)
  values (auth.uid(), fi.organisation_id, 'dispute', 'finding_disputes', d.id::text,
    jsonb_build_object('finding_id', fi.id, 'call_id', p_call_id, 'reason_code', d.reason_code));
  perform private.notify_role(
    fi.organisation_id, '{compliance_officer}', 'dispute', p_call_id,
    jsonb_build_object('finding_id', fi.id, 'dispute_id', d.id),
    '{"en": "A vendor disputed a finding", "zh": "供应商对审核发现提出异议"}',
    jsonb_build_object('en', d.comment, 'zh', d.comment)
  );
  return d;
end
$$;

revoke all on function public.propose_remediation(uuid, jsonb) from public, anon;
revoke all on function public.dispute_finding(uuid, uuid, text, text, jsonb) from public, anon;
grant execute on function public.propose_remediation(uuid, jsonb) to authenticated, service_role;
grant execute on function public.dispute_finding(uuid, uuid, text, text, jsonb)
  to authenticated, service_role;

-- decisions -------------------------------------------------------------------------------------------

/* Officer `p_actor` decides dispute `p_dispute_id`: 'accepted', 'partly_accepted' or 'rejected', with
   `p_comment`. Unless rejected, the disputed item of the call is overridden to `p_new_value` (the
   dispute is the reason) and the call re-scored with the engine's `p_answers`/`p_score`/`p_overall`/
   `p_critical` (computed from `p_base`); when `p_item_passes` the call leaves the finding, and a
   finding left without calls is withdrawn. Service role only. */
create function public.decide_dispute(
  p_actor uuid, p_dispute_id uuid, p_decision public.dispute_status, p_comment text,
  p_new_value jsonb default null, p_base jsonb default null, p_answers jsonb default null,
  p_score jsonb default null, p_overall numeric default null, p_critical boolean default null,
  p_item_passes boolean default false
)
returns public.findings
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  d public.finding_disputes;
  fi public.findings;
  l record;
begin
  perform private.require_service_role();
  select * into d from public.finding_disputes where id = p_dispute_id for update;
  if not found then
    raise exception 'no such dispute' using errcode = 'PT404';
  end if;
  perform private.require_audit_staff(p_actor, d.organisation_id);
  if d.status <> 'open' then
    raise exception 'the dispute was already decided' using errcode = 'PT409', hint = 'decided';
  end if;
  if p_decision = 'open' then
    raise exception 'decide accepted, partly_accepted or rejected' using errcode = 'PT400', hint = 'decision';
  end if;
  if length(trim(coalesce(p_comment, ''))) = 0 then
    raise exception 'a decision needs a comment' using errcode = 'PT400', hint = 'comment';
  end if;
  select * into fi from public.findings where id = d.finding_id for update;

  if p_decision <> 'rejected' then
    if p_score is null or p_answers is null then
      raise exception 'an accepted dispute needs the re-scored answers' using errcode = 'PT400';
    end if;
    select * into l from private.lock_for_rescore(p_actor, d.call_id, p_base);
    perform private.record_override(p_actor, l.s, fi.item_id, p_new_value,
      'dispute: ' || trim(p_comment), 'dispute', d.id, p_overall);
    perform private.set_current_score(
      p_actor, l.s, p_answers, p_score, p_overall, p_critical, 'dispute'
    );
  end if;

  update public.finding_disputes set
    status = p_decision, decision_comment = trim(p_comment), new_value = p_new_value,
    decided_by = p_actor, decided_at = now()
  where id = d.id;
  update public.findings set
    call_ids = case when p_decision <> 'rejected' and p_item_passes
      then array_remove(call_ids, d.call_id) else call_ids end,
    occurrences = case when p_decision <> 'rejected' and p_item_passes
      then greatest(occurrences - 1, 0) else occurrences end,
    status = case
      when p_decision <> 'rejected' and p_item_passes and occurrences <= 1 then 'withdrawn'
      when exists (
        select 1 from public.finding_disputes x
        where x.finding_id = fi.id and x.status = 'open' and x.id <> d.id
      ) then 'disputed'
      when plan is not null then 'remediation_proposed'
      else 'open' end::public.finding_status
  where id = fi.id
  returning * into fi;
  insert into public.finding_messages (
    finding_id, organisation_id, vendor_id, kind, author_role, author_id, body, dispute_id
  )
  values (fi.id, fi.organisation_id, fi.vendor_id, 'decision', 'audit', p_actor,
    jsonb_build_object('decision', p_decision, 'comment', trim(p_comment), 'new_value', p_new_value,
      'call_id', d.call_id, 'overall', p_overall, 'finding_status', fi.status), d.id);
  insert into public.audit_log (actor_id, organisation_id, action, entity, entity_id, after)
  values (p_actor, fi.organisation_id, 'dispute_decision', 'finding_disputes', d.id::text,
    jsonb_build_object('decision', p_decision, 'comment', trim(p_comment), 'call_id', d.call_id,
      'finding_status', fi.status, 'overall', p_overall));
  perform private.notify_role(
    fi.vendor_id, '{vendor_manager}', 'dispute_decision', null,
    jsonb_build_object('finding_id', fi.id, 'dispute_id', d.id, 'decision', p_decision),
    '{"en": "Your dispute was decided", "zh": "您的异议已有结论"}',
    jsonb_build_object('en', p_decision::text || ': ' || trim(p_comment),
      'zh', p_decision::text || '：' || trim(p_comment))
  );
  return fi;
end
$$;
revoke all on function public.decide_dispute(
  uuid, uuid, public.dispute_status, text, jsonb, jsonb, jsonb, jsonb, numeric, boolean, boolean
) from public, anon, authenticated;
grant execute on function public.decide_dispute(
  uuid, uuid, public.dispute_status, text, jsonb, jsonb, jsonb, jsonb, numeric, boolean, boolean
) to service_role;

-- status changes and verification calls ---------------------------------------------------------------

/* An open claimable verification call at the site of finding `fi`'s latest call, on that call's
   scenario version (or the scenario's newest published one if it is no longer published), in the
   window from 09:00 site time tomorrow to 18:00 four days later. Null when no published version. */
create function private.schedule_verification(fi public.findings)
returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  last public.test_calls;
  v_version uuid;
  zone text;
  day0 timestamp;
  new_id uuid;
begin
  select * into last from public.test_calls
  where id = fi.call_ids[coalesce(array_length(fi.call_ids, 1), 0)];
  if not found then
    return null;
  end if;
  v_version := coalesce(
    (select v.id from public.scenario_versions v
     where v.id = last.scenario_version_id and v.status = 'published'),
    (select v.id from public.scenario_versions v
     where v.scenario_id = fi.scenario_id and v.status = 'published' order by v.version desc limit 1)
  );
  if v_version is null then
    return null;
  end if;
  zone := coalesce((select time_zone from public.sites where id = fi.site_id), 'UTC');
  day0 := date_trunc('day', now() at time zone zone) + interval '1 day';
  insert into public.test_calls (
    organisation_id, scenario_version_id, site_id, line_id, programme_id, status, window_start,
    window_end, claimable, assignment_reason
  )
  values (
    fi.organisation_id, v_version, fi.site_id, last.line_id, last.programme_id, 'scheduled',
    (day0 + interval '9 hours') at time zone zone, (day0 + interval '4 days 18 hours') at time zone zone,
    true, jsonb_build_object('verification_of_finding', fi.id)
  )
  returning id into new_id;
  return new_id;
end
$$;
revoke all on function private.schedule_verification(public.findings) from public, anon, authenticated;

/* The signed-in officer moves finding `p_finding_id` to `p_status` with `p_comment`:
   remediation_proposed → in_remediation (plan accepted) or → open (plan refused, comment needed),
   any live status → closed or withdrawn (comment needed). Closing a critical finding schedules a
   verification call. Disputes are decided with decide_dispute, not here. */
create function public.set_finding_status(
  p_finding_id uuid, p_status public.finding_status, p_comment text default null
)
returns public.findings
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  fi public.findings;
  old_status public.finding_status;
  v_call uuid;
begin
  select * into fi from public.findings where id = p_finding_id for update;
  if not found or not private.has_org_role(fi.organisation_id, '{admin,compliance_officer}') then
    raise exception 'no such finding' using errcode = 'PT404';
  end if;
  old_status := fi.status;
  if not (
    (old_status, p_status) in (
      ('remediation_proposed', 'in_remediation'), ('remediation_proposed', 'open'),
      ('open', 'in_remediation')
    )
    or (old_status not in ('closed', 'withdrawn', 'disputed') and p_status in ('closed', 'withdrawn'))
  ) then
    raise exception 'a % finding cannot become %', old_status, p_status
      using errcode = 'PT409', hint = 'status';
  end if;
  if p_status in ('closed', 'withdrawn', 'open') and length(trim(coalesce(p_comment, ''))) = 0 then
    raise exception 'say why' using errcode = 'PT400', hint = 'comment';
  end if;
  update public.findings set
    status = p_status,
    closed_at = case when p_status in ('closed', 'withdrawn') then now() end
  where id = fi.id
  returning * into fi;
  if p_status = 'closed' and fi.severity = 'C' then
    v_call := private.schedule_verification(fi);
    update public.findings set verification_call_id = v_call where id = fi.id returning * into fi;
  end if;
  insert into public.finding_messages (
    finding_id, organisation_id, vendor_id, kind, author_role, author_id, body
  )
  values (fi.id, fi.organisation_id, fi.vendor_id, 'status', 'audit', auth.uid(),
    jsonb_build_object('from', old_status, 'to', p_status, 'comment', nullif(trim(p_comment), ''),
      'verification_call_id', v_call));
  insert into public.audit_log (actor_id, organisation_id, action, entity, entity_id, before, after)
  values (auth.uid(), fi.organisation_id,
    case when p_status = 'closed' then 'finding_close' else 'finding_status' end, 'findings',
    fi.id::text, jsonb_build_object('status', old_status),
    jsonb_build_object('status', p_status, 'comment', nullif(trim(p_comment), ''),
      'verification_call_id', v_call));
  return fi;
end
$$;
revoke all on function public.set_finding_status(uuid, public.finding_status, text) from public, anon;
grant execute on function public.set_finding_status(uuid, public.finding_status, text)
  to authenticated, service_role;

-- what vendor managers read of results ----------------------------------------------------------------

/* Reviewed calls at the sites of the signed-in user's vendor (or of their audit organisation, for
   audit staff), optionally of one site and one agent pseudonym: final scores per item and category
   and the agent's pseudonym, never the shopper, the agent's real text or the notes. */
create function public.vendor_call_results(p_site_id uuid default null, p_agent text default null)
returns table (
  call_id uuid, site_id uuid, scenario_version_id uuid, reviewed_at timestamptz,
  agent_pseudonym text, overall numeric, critical_failed boolean, categories jsonb, items jsonb
)
language sql stable security definer
set search_path = ''
as $$
  select c.id, c.site_id, c.scenario_version_id, s.reviewed_at, s.agent_pseudonym,
    s.current_overall, s.current_critical_failed, s.current_score -> 'categories',
    (select coalesce(jsonb_agg(jsonb_build_object(
        'id', i ->> 'id', 'status', i ->> 'status', 'passed', i -> 'passed',
        'earned', i -> 'earned', 'possible', i -> 'possible', 'critical', i -> 'critical')), '[]')
      from jsonb_array_elements(s.current_score -> 'items') i)
  from public.test_calls c
  join public.call_submissions s on s.call_id = c.id
  join public.sites st on st.id = c.site_id
  where c.status in ('reviewed', 'closed')
    and (p_site_id is null or c.site_id = p_site_id)
    and (p_agent is null or s.agent_pseudonym = p_agent)
    and (
      private.has_org_role(st.vendor_id, '{vendor_manager}')
      or private.has_org_role(c.organisation_id, '{admin,compliance_officer}')
    )
  order by s.reviewed_at desc
$$;
revoke all on function public.vendor_call_results(uuid, text) from public, anon;
grant execute on function public.vendor_call_results(uuid, text) to authenticated, service_role;
