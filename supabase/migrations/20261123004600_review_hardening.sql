-- Closing four ways around the review RPCs of 004200–004400:
--
-- 1. The 002100 lifecycle let audit staff (and the service role) UPDATE a call from submitted to
--    reviewed directly, which skips approve_call: no final score, no findings, no alerts, no
--    approval in the audit log. `reviewed` is now reachable only inside approve_call (a definer
--    function, so the trigger sees the owner); `closed` still follows `reviewed` only, so it too
--    comes after an approval.
-- 2. Remediation plans: the vendor responds within the dispute window (findings.response_due_at),
--    like a dispute. A first plan after it is refused (PT409 hint 'deadline'); a plan already given
--    in time may still be updated later, since its actions' status and closure evidence change over
--    the whole remediation period (up to 180 days).
-- 3. Calibration sessions: staff could set status = 'revealed' with a plain UPDATE, skipping
--    reveal_calibration's "two evaluators have scored" check and its audit entry. The status column
--    is no longer updatable through the API; created_by is always the signed-in creator.
-- 4. Calibration answers could still be added after the reveal (see the last function).

-- 1. lifecycle ----------------------------------------------------------------------------------------

-- As in 002100, plus: no API role sets `reviewed` itself (approve_call does, as the owner).
create or replace function private.check_call_lifecycle() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user not in ('anon', 'authenticated', 'service_role') then
    return new;
  end if;
  if tg_op = 'INSERT' then
    -- Users create calls to be done; only the stack (imports, seeds) may write history directly.
    if current_user = 'authenticated' then
      if new.status <> 'scheduled' then
        raise exception 'a new test call starts as scheduled, not %', new.status
          using errcode = 'check_violation';
      end if;
      new.submitted_at := null;
      new.reminded_at := null;
    end if;
    return new;
  end if;

  if new.status is distinct from old.status then
    if not (
      (old.status, new.status) in (
        ('scheduled', 'in_progress'), ('in_progress', 'submitted'), ('submitted', 'reviewed'),
        ('reviewed', 'closed'), ('scheduled', 'cancelled'), ('in_progress', 'cancelled'),
        ('scheduled', 'missed'), ('in_progress', 'missed')
      )
    ) then
      raise exception 'a test call cannot go from % to %', old.status, new.status
        using errcode = 'check_violation';
    end if;
    if new.status = 'reviewed' then
      raise exception 'a call is reviewed by approving it (approve_call), not by setting its status'
        using errcode = 'check_violation';
    end if;
    if new.status = 'submitted' then
      new.submitted_at := now();
    end if;
    if new.status in ('cancelled', 'missed') then
      new.claimable := false;
    end if;
  else
    new.submitted_at := old.submitted_at;
    if new.cancel_reason is distinct from old.cancel_reason and new.status <> 'cancelled' then
      raise exception 'only a cancellation gives a cancel reason' using errcode = 'check_violation';
    end if;
  end if;
  if old.status not in ('scheduled', 'in_progress')
    and (
      new.window_start <> old.window_start or new.window_end <> old.window_end
      or new.scheduled_at is distinct from old.scheduled_at
      or new.shopper_id is distinct from old.shopper_id
    ) then
    raise exception 'a % test call can no longer be rescheduled or reassigned', old.status
      using errcode = 'check_violation';
  end if;
  if current_user = 'authenticated' then
    new.reminded_at := old.reminded_at;
  end if;
  -- A moved window deserves a fresh reminder.
  if new.window_start <> old.window_start then
    new.reminded_at := null;
  end if;
  return new;
end
$$;
revoke all on function private.check_call_lifecycle() from public, anon, authenticated;

-- 2. remediation plans within the response window -----------------------------------------------------

/* As in 004300, plus: the first plan of a finding must come before its response_due_at. */
create or replace function public.propose_remediation(p_finding_id uuid, p_plan jsonb)
returns public.findings
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  fi public.findings := private.vendor_finding(p_finding_id);
begin
  if fi.plan is null and now() > fi.response_due_at then
    raise exception 'the response window closed at %', fi.response_due_at
      using errcode = 'PT409', hint = 'deadline';
  end if;
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

-- 3. calibration: reveal only through reveal_calibration ----------------------------------------------

revoke update on public.calibration_sessions from authenticated;
grant update (title, due_at) on public.calibration_sessions to authenticated;

-- As in 004400, plus: a session made through the API names its creator, whatever the client sent.
create or replace function private.check_calibration_session() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.test_calls
    where id = new.call_id and organisation_id = new.organisation_id
      and status in ('submitted', 'reviewed', 'closed')
  ) then
    raise exception 'calibrate a submitted or reviewed call of the organisation'
      using errcode = 'check_violation';
  end if;
  if tg_op = 'INSERT' and auth.uid() is not null then
    new.created_by := auth.uid();
  end if;
  if tg_op = 'UPDATE' and (new.call_id <> old.call_id or new.organisation_id <> old.organisation_id) then
    raise exception 'a session keeps its call' using errcode = 'check_violation';
  end if;
  if tg_op = 'UPDATE' and old.status = 'revealed' and new.status <> 'revealed' then
    raise exception 'a revealed session stays revealed' using errcode = 'check_violation';
  end if;
  if new.status = 'revealed' and new.revealed_at is null then
    new.revealed_at := now();
  end if;
  return new;
end
$$;
revoke all on function private.check_calibration_session() from public, anon, authenticated;

-- As in 004400, but the "answers are final once revealed" rule now holds: that trigger is a definer
-- function, so current_user inside it is the owner and its role test never matched; an evaluator
-- could still add answers after the reveal. The caller's role comes from the request instead.
create or replace function private.check_calibration_answer() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  new.organisation_id := (select organisation_id from public.calibration_sessions where id = new.session_id);
  if private.is_calibration_revealed(new.session_id)
    and coalesce(auth.role(), '') in ('authenticated', 'anon') then
    raise exception 'the session was revealed; answers are final' using errcode = 'check_violation';
  end if;
  new.submitted_at := now();
  update public.calibration_participants set scored_at = now()
  where session_id = new.session_id and user_id = new.user_id;
  return new;
end
$$;
revoke all on function private.check_calibration_answer() from public, anon, authenticated;
