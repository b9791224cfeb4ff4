-- The review RPCs: resubmission after a send-back, send-back, answer override, approval (final score,
-- findings, alerts), vendor responses (remediation plan, dispute), officer decisions and finding
-- status changes, and the pseudonymous results vendor managers may read.
--
-- Trust: override_answer, approve_call and decide_dispute change a score, which only the TypeScript
-- engine computes (see 003000's header). They are granted to service_role alone and name the actor;
-- the SvelteKit server (src/lib/server/review) first loads the call with the actor's OWN client
-- (RLS proves they are audit staff of its organisation), scores with the engine, and passes `p_base`,
-- the answers it scored from; the RPC re-checks the actor's role and that the answers did not change
-- meanwhile (PT409 hint 'stale'), under a row lock on the call. Send-back, vendor responses and
-- finding status changes carry no score, so users call them with their own token.

-- notifications ---------------------------------------------------------------------------------------

/* Tells `recipient` something of `kind` in-app (payload for the screen) and, unless they have no
   e-mail, by e-mail in their locale (`subject`/`body` are {en, zh} pairs). */
create function private.notify_user(
  recipient uuid, kind text, call uuid, payload jsonb, subject jsonb, body jsonb
)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  p public.profiles;
  lang text;
begin
  insert into public.notifications (user_id, kind, call_id, payload)
  values (recipient, kind, call, coalesce(payload, '{}'));
  select * into p from public.profiles where id = recipient;
  if coalesce(p.email, '') = '' then
    return;
  end if;
  lang := case when coalesce(p.locale, 'zh-CN') = 'zh-CN' then 'zh' else 'en' end;
  insert into public.email_outbox (recipient, subject, body, kind)
  values (p.email, subject ->> lang, coalesce(body ->> lang, ''), kind);
end
$$;
revoke all on function private.notify_user(uuid, text, uuid, jsonb, jsonb, jsonb)
  from public, anon, authenticated;

/* Tells every member of `org` holding one of `roles`. */
create function private.notify_role(
  org uuid, roles public.app_role[], kind text, call uuid, payload jsonb, subject jsonb, body jsonb
)
returns int
language plpgsql security definer
set search_path = ''
as $$
declare
  u uuid;
  n int := 0;
begin
  for u in
    select distinct user_id from public.memberships where organisation_id = org and role = any (roles)
  loop
    perform private.notify_user(u, kind, call, payload, subject, body);
    n := n + 1;
  end loop;
  return n;
end
$$;
revoke all on function private.notify_role(uuid, public.app_role[], text, uuid, jsonb, jsonb, jsonb)
  from public, anon, authenticated;

/* Raises PT404 unless `actor` is admin or compliance officer of `org` (service-role RPCs name the
   actor, so the role check is repeated here). */
create function private.require_audit_staff(actor uuid, org uuid)
returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if actor is null or not exists (
    select 1 from public.memberships
    where user_id = actor and organisation_id = org and role in ('admin', 'compliance_officer')
  ) then
    raise exception 'no such call' using errcode = 'PT404';
  end if;
end
$$;
revoke all on function private.require_audit_staff(uuid, uuid) from public, anon, authenticated;

create function private.require_service_role()
returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if coalesce(auth.role(), '') <> 'service_role' then
    raise exception 'score changes go through the app server' using errcode = 'insufficient_privilege';
  end if;
end
$$;
revoke all on function private.require_service_role() from public, anon, authenticated;

-- submit_call: resubmission after a send-back, agent pseudonym ----------------------------------------

/* As in 003000, plus: a call sent back to its shopper (in_progress with an open call_returns row)
   accepts a new submission with the same or a new idempotency key; the previous one is kept whole
   in call_submission_versions. `p_payload` may carry `agent` (kept for audit staff) and the
   server's `agentPseudonym`. */
create or replace function public.submit_call(
  p_shopper_id uuid,
  p_payload jsonb,
  p_score jsonb,
  p_overall numeric,
  p_critical_failed boolean,
  p_kpis jsonb
)
returns public.call_submissions
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_call_id uuid := (p_payload ->> 'callId')::uuid;
  v_key uuid := (p_payload ->> 'idempotencyKey')::uuid;
  c public.test_calls;
  s public.call_submissions;
  returned boolean;
begin
  perform private.require_service_role();
  if v_call_id is null or v_key is null or p_score is null then
    raise exception 'callId, idempotencyKey and a score are required' using errcode = 'PT400';
  end if;
  select * into c from public.test_calls where id = v_call_id for update;
  if not found or p_shopper_id is null or c.shopper_id is distinct from p_shopper_id
    or not exists (
      select 1 from public.memberships
      where user_id = p_shopper_id and organisation_id = c.organisation_id and role = 'shopper'
    ) then
    raise exception 'no such call' using errcode = 'PT404';
  end if;

  select * into s from public.call_submissions where call_id = c.id;
  if found then
    returned := c.status = 'in_progress' and exists (
      select 1 from public.call_returns where call_id = c.id and resubmitted_at is null
    );
    if not returned then
      if s.idempotency_key = v_key then
        return s;
      end if;
      raise exception 'this call was already submitted from another device'
        using errcode = 'PT409', hint = 'newer_version';
    end if;
    insert into public.call_submission_versions (call_id, organisation_id, version, submission)
    values (c.id, c.organisation_id, s.version, to_jsonb(s));
    update public.call_submissions set
      idempotency_key = v_key,
      answers = coalesce(p_payload -> 'answers', '{}'),
      markers = coalesce(p_payload -> 'markers', '[]'),
      timings = coalesce(p_payload -> 'timings', '{}'),
      notes = coalesce(p_payload ->> 'notes', ''),
      evidence = coalesce(p_payload -> 'evidence', '[]'),
      score = p_score, overall = p_overall, critical_failed = coalesce(p_critical_failed, false),
      kpis = coalesce(p_kpis, '{}'),
      client_version = coalesce((p_payload ->> 'clientVersion')::int, 0),
      agent = nullif(trim(p_payload ->> 'agent'), ''),
      agent_pseudonym = nullif(p_payload ->> 'agentPseudonym', ''),
      version = s.version + 1,
      current_answers = null, current_score = null, current_overall = null,
      current_critical_failed = null,
      submitted_at = now()
    where call_id = c.id
    returning * into s;
    update public.call_returns set resubmitted_at = now()
    where call_id = c.id and resubmitted_at is null;
  else
    if c.status not in ('scheduled', 'in_progress') then
      raise exception 'a % call cannot be submitted', c.status using errcode = 'PT409', hint = 'status';
    end if;
    insert into public.call_submissions (
      call_id, organisation_id, idempotency_key, shopper_id, answers, markers, timings, notes,
      evidence, score, overall, critical_failed, kpis, client_version, agent, agent_pseudonym
    )
    values (
      c.id, c.organisation_id, v_key, p_shopper_id,
      coalesce(p_payload -> 'answers', '{}'),
      coalesce(p_payload -> 'markers', '[]'),
      coalesce(p_payload -> 'timings', '{}'),
      coalesce(p_payload ->> 'notes', ''),
      coalesce(p_payload -> 'evidence', '[]'),
      p_score, p_overall, coalesce(p_critical_failed, false), coalesce(p_kpis, '{}'),
      coalesce((p_payload ->> 'clientVersion')::int, 0),
      nullif(trim(p_payload ->> 'agent'), ''),
      nullif(p_payload ->> 'agentPseudonym', '')
    )
    returning * into s;
  end if;

  -- As the owner the lifecycle trigger lets any change through, so the stamp is set here.
  update public.test_calls set status = 'submitted', submitted_at = now() where id = c.id;

  insert into public.audit_log (actor_id, organisation_id, action, entity, entity_id, after)
  values (
    p_shopper_id, c.organisation_id, case when s.version > 1 then 'resubmit' else 'submit' end,
    'call_submissions', c.id::text,
    jsonb_build_object(
      'idempotency_key', v_key, 'overall', p_overall, 'critical_failed', s.critical_failed,
      'client_version', s.client_version, 'previous_status', c.status, 'version', s.version
    )
  );
  return s;
end
$$;

-- send_back_call --------------------------------------------------------------------------------------

/* The signed-in officer sends submitted call `p_call_id` back to its shopper with `p_comment`: the
   call returns to in_progress (the shopper edits and resubmits), the comment is kept in
   call_returns, the shopper is told, and the audit log records it. */
create function public.send_back_call(p_call_id uuid, p_comment text)
returns public.call_returns
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  c public.test_calls;
  r public.call_returns;
begin
  select * into c from public.test_calls where id = p_call_id for update;
  if not found or not private.has_org_role(c.organisation_id, '{admin,compliance_officer}') then
    raise exception 'no such call' using errcode = 'PT404';
  end if;
  if length(trim(coalesce(p_comment, ''))) = 0 then
    raise exception 'say what the shopper should change' using errcode = 'PT400', hint = 'comment';
  end if;
  if c.status <> 'submitted' then
    raise exception 'a % call cannot be sent back', c.status using errcode = 'PT409', hint = 'status';
  end if;
  if c.shopper_id is null then
    raise exception 'the call has no shopper to send it back to' using errcode = 'PT409', hint = 'shopper';
  end if;
  insert into public.call_returns (call_id, organisation_id, shopper_id, comment, returned_by)
  values (c.id, c.organisation_id, c.shopper_id, trim(p_comment), auth.uid())
  returning * into r;
  update public.test_calls set status = 'in_progress' where id = c.id;
  insert into public.audit_log (actor_id, organisation_id, action, entity, entity_id, after)
  values (auth.uid(), c.organisation_id, 'send_back', 'test_calls', c.id::text,
    jsonb_build_object('comment', r.comment, 'return_id', r.id));
  perform private.notify_user(
    c.shopper_id, 'returned', c.id, jsonb_build_object('comment', r.comment, 'return_id', r.id),
    '{"en": "A call was sent back to you", "zh": "测试电话已退回"}',
    jsonb_build_object('en', 'Please check and resubmit: ' || r.comment,
      'zh', '请修改后重新提交：' || r.comment)
  );
  return r;
end
$$;
revoke all on function public.send_back_call(uuid, text) from public, anon;
grant execute on function public.send_back_call(uuid, text) to authenticated, service_role;

-- scores ----------------------------------------------------------------------------------------------

/* Locks call `p_call_id`, checks `actor` is its audit staff and that `base` (the answers the server
   scored from) are still the current answers; returns the call and its submission. */
create function private.lock_for_rescore(
  actor uuid, p_call_id uuid, base jsonb, out c public.test_calls, out s public.call_submissions
)
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  select * into c from public.test_calls where id = p_call_id for update;
  if not found then
    raise exception 'no such call' using errcode = 'PT404';
  end if;
  perform private.require_audit_staff(actor, c.organisation_id);
  select * into s from public.call_submissions where call_id = c.id for update;
  if not found then
    raise exception 'the call has no submission' using errcode = 'PT409', hint = 'status';
  end if;
  if base is distinct from coalesce(s.current_answers, s.answers) then
    raise exception 'the answers changed meanwhile; reload' using errcode = 'PT409', hint = 'stale';
  end if;
end
$$;
revoke all on function private.lock_for_rescore(uuid, uuid, jsonb) from public, anon, authenticated;

/* Stores a new current score on submission `s` and logs the change. */
create function private.set_current_score(
  actor uuid, s public.call_submissions, answers jsonb, score jsonb, overall numeric,
  critical boolean, why text
)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  update public.call_submissions set
    current_answers = answers, current_score = score, current_overall = overall,
    current_critical_failed = coalesce(critical, false)
  where call_id = s.call_id;
  insert into public.audit_log (actor_id, organisation_id, action, entity, entity_id, before, after)
  values (actor, s.organisation_id, 'score_change', 'call_submissions', s.call_id::text,
    jsonb_build_object('overall', coalesce(s.current_overall, s.overall),
      'critical_failed', coalesce(s.current_critical_failed, s.critical_failed)),
    jsonb_build_object('overall', overall, 'critical_failed', coalesce(critical, false), 'why', why));
end
$$;
revoke all on function private.set_current_score(
  uuid, public.call_submissions, jsonb, jsonb, numeric, boolean, text
) from public, anon, authenticated;

/* Records override of `item` to `value` on `s` with `reason`; returns the override row. */
create function private.record_override(
  actor uuid, s public.call_submissions, item text, value jsonb, reason text, src text,
  dispute uuid, overall_after numeric
)
returns public.answer_overrides
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  o public.answer_overrides;
begin
  if length(trim(coalesce(reason, ''))) = 0 then
    raise exception 'an override needs a reason' using errcode = 'PT400', hint = 'reason';
  end if;
  insert into public.answer_overrides (
    call_id, organisation_id, item_id, before, after, reason, source, dispute_id, overall_before,
    overall_after, actor_id
  )
  values (
    s.call_id, s.organisation_id, item, coalesce(s.current_answers, s.answers) -> 'items' -> item,
    value, trim(reason), src, dispute, coalesce(s.current_overall, s.overall), overall_after, actor
  )
  returning * into o;
  insert into public.audit_log (actor_id, organisation_id, action, entity, entity_id, before, after)
  values (actor, s.organisation_id, 'override', 'call_submissions', s.call_id::text,
    jsonb_build_object('item', item, 'value', o.before),
    jsonb_build_object('item', item, 'value', value, 'reason', o.reason, 'source', src,
      'dispute_id', dispute));
  return o;
end
$$;
revoke all on function private.record_override(
  uuid, public.call_submissions, text, jsonb, text, text, uuid, numeric
) from public, anon, authenticated;

/* Officer `p_actor` overrides item `p_item_id` of submitted call `p_call_id` to `p_value` with
   `p_reason`; `p_answers`/`p_score`/`p_overall`/`p_critical` are the engine's result for the answers
   with the override applied, `p_base` the answers they were computed from. Service role only. */
create function public.override_answer(
  p_actor uuid, p_call_id uuid, p_item_id text, p_value jsonb, p_reason text, p_base jsonb,
  p_answers jsonb, p_score jsonb, p_overall numeric, p_critical boolean
)
returns public.answer_overrides
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  l record;
  o public.answer_overrides;
begin
  perform private.require_service_role();
  select * into l from private.lock_for_rescore(p_actor, p_call_id, p_base);
  if (l.c).status <> 'submitted' then
    raise exception 'a % call cannot be overridden; dispute it instead', (l.c).status
      using errcode = 'PT409', hint = 'status';
  end if;
  o := private.record_override(p_actor, l.s, p_item_id, p_value, p_reason, 'review', null, p_overall);
  perform private.set_current_score(
    p_actor, l.s, p_answers, p_score, p_overall, p_critical, 'override'
  );
  return o;
end
$$;

-- findings --------------------------------------------------------------------------------------------

/* Files finding draft `f` (from src/lib/domain/findings) of call `c` (scenario `scenario`, agent
   `agent`): a new open finding, or one more occurrence of the open one for the same site and item.
   Returns the finding's id. */
create function private.file_finding(
  actor uuid, c public.test_calls, scenario uuid, agent text, f jsonb
)
returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  cfg public.review_settings := private.review_settings_of(c.organisation_id);
  v_vendor uuid := (select vendor_id from public.sites where id = c.site_id);
  v_item text := f ->> 'itemId';
  v_sev text := f ->> 'severity';
  fi public.findings;
begin
  select * into fi from public.findings
  where site_id = c.site_id and scenario_id = scenario and item_id = v_item
    and status not in ('closed', 'withdrawn')
  for update;
  if found then
    if c.id = any (fi.call_ids) then
      return fi.id;
    end if;
    update public.findings set
      occurrences = occurrences + 1,
      call_ids = call_ids || c.id,
      agent_pseudonyms = case
        when agent is null or agent = any (agent_pseudonyms) then agent_pseudonyms
        else agent_pseudonyms || agent end,
      last_seen_at = now(),
      response_due_at = greatest(response_due_at, now() + make_interval(days => cfg.dispute_days)),
      -- A harsher failure of the same item makes the finding harsher, never milder.
      severity = case when position(v_sev in 'CMm') < position(severity in 'CMm') then v_sev
        else severity end,
      status = case when status = 'disputed' then status else 'open' end
    where id = fi.id
    returning * into fi;
    insert into public.finding_messages (finding_id, organisation_id, vendor_id, kind, author_role, body)
    values (fi.id, fi.organisation_id, fi.vendor_id, 'occurrence', 'system',
      jsonb_build_object('call_id', c.id, 'occurrences', fi.occurrences));
    return fi.id;
  end if;
  insert into public.findings (
    organisation_id, vendor_id, site_id, scenario_id, item_id, source, audit_result, severity,
    clauses, condition, criteria, cause, effect, recommendation, call_ids, agent_pseudonyms,
    due_at, response_due_at
  )
  values (
    c.organisation_id, v_vendor, c.site_id, scenario, v_item,
    coalesce(f ->> 'source', 'call'), f ->> 'auditResult', v_sev,
    coalesce(array(select jsonb_array_elements_text(f -> 'clauses')), '{}'),
    coalesce(f -> 'condition', '{}'), coalesce(f -> 'criteria', '{}'), coalesce(f -> 'cause', '{}'),
    coalesce(f -> 'effect', '{}'), coalesce(f -> 'recommendation', '{}'),
    array[c.id], case when agent is null then '{}' else array[agent] end,
    (now() + make_interval(days => case v_sev
      when 'C' then cfg.due_days_c when 'M' then cfg.due_days_major else cfg.due_days_minor end))::date,
    now() + make_interval(days => cfg.dispute_days)
  )
  returning * into fi;
  insert into public.finding_messages (finding_id, organisation_id, vendor_id, kind, author_role, body)
  values (fi.id, fi.organisation_id, fi.vendor_id, 'opened', 'system',
    jsonb_build_object('call_id', c.id, 'severity', fi.severity, 'due_at', fi.due_at));
  insert into public.audit_log (actor_id, organisation_id, action, entity, entity_id, after)
  values (actor, fi.organisation_id, 'finding_open', 'findings', fi.id::text,
    jsonb_build_object('call_id', c.id, 'item_id', v_item, 'severity', fi.severity,
      'due_at', fi.due_at));
  perform private.notify_role(
    fi.vendor_id, '{vendor_manager}', 'finding', null,
    jsonb_build_object('finding_id', fi.id, 'site_id', fi.site_id, 'severity', fi.severity,
      'due_at', fi.due_at, 'item_id', v_item),
    '{"en": "New finding at your site", "zh": "贵站点有新的审核发现"}',
    jsonb_build_object('en', 'Severity ' || fi.severity || ', due ' || fi.due_at,
      'zh', '严重程度 ' || fi.severity || '，截止 ' || fi.due_at)
  );
  return fi.id;
end
$$;
revoke all on function private.file_finding(uuid, public.test_calls, uuid, text, jsonb)
  from public, anon, authenticated;

/* Notifies the site's vendor managers and the officers when approved call `c` crosses one of its
   client's alert thresholds; returns how many thresholds fired. */
create function private.check_alerts(c public.test_calls, overall numeric, critical boolean)
returns int
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_client uuid := coalesce(
    (select client_id from public.programmes where id = c.programme_id),
    (select client_id from public.lines where id = c.line_id)
  );
  t public.alert_thresholds;
  fired int := 0;
  why text;
  payload jsonb;
begin
  for t in
    select * from public.alert_thresholds
    where organisation_id = c.organisation_id and client_id = v_client and active
  loop
    why := case
      when t.on_critical_fail and coalesce(critical, false) then 'critical_fail'
      when t.min_overall is not null and overall is not null and overall < t.min_overall then 'below_threshold'
    end;
    continue when why is null;
    fired := fired + 1;
    payload := jsonb_build_object('reason', why, 'overall', overall, 'threshold', t.min_overall,
      'client_id', v_client, 'site_id', c.site_id);
    perform private.notify_role(
      (select vendor_id from public.sites where id = c.site_id), '{vendor_manager}', 'alert', null,
      payload || jsonb_build_object('call_id', c.id),
      '{"en": "Quality alert", "zh": "质量警报"}',
      jsonb_build_object('en', 'A test call crossed an alert threshold: ' || why,
        'zh', '一通测试电话触发了警报阈值：' || why)
    );
    perform private.notify_role(
      c.organisation_id, '{compliance_officer}', 'alert', c.id, payload,
      '{"en": "Quality alert", "zh": "质量警报"}',
      jsonb_build_object('en', 'A test call crossed an alert threshold: ' || why,
        'zh', '一通测试电话触发了警报阈值：' || why)
    );
    insert into public.audit_log (organisation_id, action, entity, entity_id, after)
    values (c.organisation_id, 'alert', 'test_calls', c.id::text, payload);
  end loop;
  return fired;
end
$$;
revoke all on function private.check_alerts(public.test_calls, numeric, boolean)
  from public, anon, authenticated;

/* Officer `p_actor` approves submitted call `p_call_id`: the engine's final result for the current
   answers (`p_base`) becomes the current score, the call moves to reviewed, each draft in
   `p_findings` is filed (new or aggregated) and the client's alert thresholds are checked. Returns
   {overall, critical_failed, findings: [ids], alerts}. Service role only. */
create function public.approve_call(
  p_actor uuid, p_call_id uuid, p_base jsonb, p_score jsonb, p_overall numeric, p_critical boolean,
  p_findings jsonb
)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  l record;
  v_scenario uuid;
  ids uuid[] := '{}';
  f jsonb;
  fired int;
begin
  perform private.require_service_role();
  select * into l from private.lock_for_rescore(p_actor, p_call_id, p_base);
  if (l.c).status <> 'submitted' then
    raise exception 'a % call cannot be approved', (l.c).status using errcode = 'PT409', hint = 'status';
  end if;
  perform private.set_current_score(p_actor, l.s, p_base, p_score, p_overall, p_critical, 'approve');
  update public.call_submissions set reviewed_at = now(), reviewed_by = p_actor
  where call_id = p_call_id;
  update public.test_calls set status = 'reviewed' where id = p_call_id;
  insert into public.audit_log (actor_id, organisation_id, action, entity, entity_id, before, after)
  values (p_actor, (l.c).organisation_id, 'approve', 'test_calls', p_call_id::text,
    jsonb_build_object('overall', (l.s).overall, 'critical_failed', (l.s).critical_failed),
    jsonb_build_object('overall', p_overall, 'critical_failed', coalesce(p_critical, false)));
  select scenario_id into v_scenario from public.scenario_versions where id = (l.c).scenario_version_id;
  for f in select * from jsonb_array_elements(coalesce(p_findings, '[]')) loop
    ids := ids || private.file_finding(p_actor, l.c, v_scenario, (l.s).agent_pseudonym, f);
  end loop;
  fired := private.check_alerts(l.c, p_overall, p_critical);
  return jsonb_build_object('overall', p_overall, 'critical_failed', coalesce(p_critical, false),
    'findings', to_jsonb(ids), 'alerts', fired);
end
$$;

revoke all on function public.override_answer(
  uuid, uuid, text, jsonb, text, jsonb, jsonb, jsonb, numeric, boolean
) from public, anon, authenticated;
grant execute on function public.override_answer(
  uuid, uuid, text, jsonb, text, jsonb, jsonb, jsonb, numeric, boolean
) to service_role;
revoke all on function public.approve_call(uuid, uuid, jsonb, jsonb, numeric, boolean, jsonb)
  from public, anon, authenticated;
grant execute on function public.approve_call(uuid, uuid, jsonb, jsonb, numeric, boolean, jsonb)
  to service_role;
