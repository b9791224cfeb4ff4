-- Calibration sessions: an officer picks a submitted or reviewed call and invites two or more
-- evaluators (officers or shoppers of the organisation) plus a benchmark evaluator, who score it
-- blind. Blindness is RLS: before the session is revealed an evaluator reads only their own answers;
-- after it, every participant and the organisation's audit staff read all. Calibration answers never
-- touch call_submissions, so official scores cannot change. The minute job reminds evaluators who
-- have not scored, at most once a day.

create type public.calibration_status as enum ('open', 'revealed');

create table public.calibration_sessions (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  call_id uuid not null references public.test_calls (id),
  title text not null default '' check (length(title) <= 200),
  status public.calibration_status not null default 'open',
  due_at timestamptz,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  revealed_at timestamptz
);
comment on table public.calibration_sessions is
  'A blind calibration of one call by several evaluators; open until an officer reveals it.';
create index calibration_sessions_organisation_id_idx
  on public.calibration_sessions (organisation_id, created_at);
create index calibration_sessions_call_id_idx on public.calibration_sessions (call_id);
create index calibration_sessions_created_by_idx on public.calibration_sessions (created_by);
alter table public.calibration_sessions enable row level security;

create table public.calibration_participants (
  session_id uuid not null references public.calibration_sessions (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  is_benchmark boolean not null default false,
  scored_at timestamptz,
  reminded_at timestamptz,
  primary key (session_id, user_id)
);
comment on table public.calibration_participants is
  'Who evaluates in a session (one of them the benchmark), when they scored and were last reminded.';
create index calibration_participants_user_id_idx on public.calibration_participants (user_id);
create index calibration_participants_organisation_id_idx
  on public.calibration_participants (organisation_id);
create unique index calibration_participants_one_benchmark_idx
  on public.calibration_participants (session_id) where is_benchmark;
alter table public.calibration_participants enable row level security;

create table public.calibration_answers (
  session_id uuid not null,
  user_id uuid not null,
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  answers jsonb not null check (jsonb_typeof(answers) = 'object'),
  submitted_at timestamptz not null default now(),
  primary key (session_id, user_id),
  foreign key (session_id, user_id)
    references public.calibration_participants (session_id, user_id) on delete cascade
);
comment on table public.calibration_answers is
  'One evaluator''s blind answers ({items: {id: value}}); readable by others only after the reveal.';
create index calibration_answers_user_id_idx on public.calibration_answers (user_id);
create index calibration_answers_organisation_id_idx on public.calibration_answers (organisation_id);
alter table public.calibration_answers enable row level security;

-- helpers ---------------------------------------------------------------------------------------------

/* True when the signed-in user evaluates in session `target`. */
create function private.is_calibration_participant(target uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.calibration_participants
    where session_id = target and user_id = (select auth.uid())
  )
$$;

/* True when session `target` has been revealed. */
create function private.is_calibration_revealed(target uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.calibration_sessions where id = target and status = 'revealed')
$$;
revoke all on function private.is_calibration_participant(uuid) from public, anon;
revoke all on function private.is_calibration_revealed(uuid) from public, anon;
grant execute on function private.is_calibration_participant(uuid) to authenticated, service_role;
grant execute on function private.is_calibration_revealed(uuid) to authenticated, service_role;

-- integrity -------------------------------------------------------------------------------------------

create function private.check_calibration_session() returns trigger
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
create trigger calibration_sessions_check before insert or update on public.calibration_sessions
  for each row execute function private.check_calibration_session();

create function private.check_calibration_participant() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  new.organisation_id := (select organisation_id from public.calibration_sessions where id = new.session_id);
  if not exists (
    select 1 from public.memberships
    where user_id = new.user_id and organisation_id = new.organisation_id
      and role in ('admin', 'compliance_officer', 'shopper')
  ) then
    raise exception 'evaluators are officers or shoppers of the organisation'
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;
create trigger calibration_participants_check before insert or update
  on public.calibration_participants
  for each row execute function private.check_calibration_participant();

-- Answers: the organisation comes from the session, nothing changes after the reveal, and the
-- participant row records when they scored.
create function private.check_calibration_answer() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  new.organisation_id := (select organisation_id from public.calibration_sessions where id = new.session_id);
  if private.is_calibration_revealed(new.session_id) and current_user in ('authenticated', 'anon') then
    raise exception 'the session was revealed; answers are final' using errcode = 'check_violation';
  end if;
  new.submitted_at := now();
  update public.calibration_participants set scored_at = now()
  where session_id = new.session_id and user_id = new.user_id;
  return new;
end
$$;
create trigger calibration_answers_check before insert or update on public.calibration_answers
  for each row execute function private.check_calibration_answer();
revoke all on function private.check_calibration_session() from public, anon, authenticated;
revoke all on function private.check_calibration_participant() from public, anon, authenticated;
revoke all on function private.check_calibration_answer() from public, anon, authenticated;

-- grants and policies ---------------------------------------------------------------------------------

revoke all on public.calibration_sessions, public.calibration_participants,
  public.calibration_answers from anon, authenticated;
grant select, delete on public.calibration_sessions to authenticated;
grant insert (id, organisation_id, call_id, title, due_at, created_by)
  on public.calibration_sessions to authenticated;
grant update (title, due_at, status) on public.calibration_sessions to authenticated;
grant select, insert, delete on public.calibration_participants to authenticated;
grant select, insert on public.calibration_answers to authenticated;
grant update (answers) on public.calibration_answers to authenticated;
grant all on public.calibration_sessions, public.calibration_participants,
  public.calibration_answers to service_role;

create policy "Audit staff can view their organisation's calibration sessions"
  on public.calibration_sessions for select to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));
create policy "Evaluators can view the sessions they take part in"
  on public.calibration_sessions for select to authenticated
  using (private.is_calibration_participant(id));
create policy "Audit staff can create calibration sessions"
  on public.calibration_sessions for insert to authenticated
  with check (private.has_org_role(organisation_id, '{admin,compliance_officer}'));
create policy "Audit staff can change and reveal calibration sessions"
  on public.calibration_sessions for update to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'))
  with check (private.has_org_role(organisation_id, '{admin,compliance_officer}'));
create policy "Audit staff can delete calibration sessions"
  on public.calibration_sessions for delete to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));

create policy "Audit staff can view calibration participants"
  on public.calibration_participants for select to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));
create policy "Evaluators can view their fellow participants"
  on public.calibration_participants for select to authenticated
  using (private.is_calibration_participant(session_id));
create policy "Audit staff can invite calibration participants"
  on public.calibration_participants for insert to authenticated
  with check (
    private.has_org_role(
      (select s.organisation_id from public.calibration_sessions s where s.id = session_id),
      '{admin,compliance_officer}'
    )
    and not private.is_calibration_revealed(session_id)
  );
create policy "Audit staff can remove calibration participants"
  on public.calibration_participants for delete to authenticated
  using (
    private.has_org_role(organisation_id, '{admin,compliance_officer}')
    and not private.is_calibration_revealed(session_id)
  );

-- The blind rule: own answers always; everyone's only once revealed (audit staff included, so an
-- officer evaluating cannot peek through their staff role).
create policy "Evaluators can view their own calibration answers"
  on public.calibration_answers for select to authenticated
  using (user_id = (select auth.uid()));
create policy "Participants and audit staff can view all answers once revealed"
  on public.calibration_answers for select to authenticated
  using (
    private.is_calibration_revealed(session_id)
    and (
      private.is_calibration_participant(session_id)
      or private.has_org_role(organisation_id, '{admin,compliance_officer}')
    )
  );
create policy "Evaluators can record their own calibration answers"
  on public.calibration_answers for insert to authenticated
  with check (user_id = (select auth.uid()) and private.is_calibration_participant(session_id));
create policy "Evaluators can change their own answers until the reveal"
  on public.calibration_answers for update to authenticated
  using (user_id = (select auth.uid()) and not private.is_calibration_revealed(session_id))
  with check (user_id = (select auth.uid()));

-- reveal ----------------------------------------------------------------------------------------------

/* The signed-in officer reveals session `p_session_id` (audit-logged); refused (PT409 hint
   'evaluators') while fewer than two evaluators besides the benchmark have scored. */
create function public.reveal_calibration(p_session_id uuid)
returns public.calibration_sessions
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  s public.calibration_sessions;
begin
  select * into s from public.calibration_sessions where id = p_session_id for update;
  if not found or not private.has_org_role(s.organisation_id, '{admin,compliance_officer}') then
    raise exception 'no such session' using errcode = 'PT404';
  end if;
  if s.status = 'revealed' then
    return s;
  end if;
  if (select count(*) from public.calibration_answers where session_id = s.id) < 2 then
    raise exception 'at least two evaluators must have scored' using errcode = 'PT409', hint = 'evaluators';
  end if;
  update public.calibration_sessions set status = 'revealed' where id = s.id returning * into s;
  insert into public.audit_log (actor_id, organisation_id, action, entity, entity_id)
  values (auth.uid(), s.organisation_id, 'calibration_reveal', 'calibration_sessions', s.id::text);
  return s;
end
$$;
revoke all on function public.reveal_calibration(uuid) from public, anon;
grant execute on function public.reveal_calibration(uuid) to authenticated, service_role;

/* Reminds evaluators of open sessions who have not scored, at most once a day; returns how many. */
create function private.remind_calibration()
returns int
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  p public.calibration_participants;
  n int := 0;
begin
  for p in
    update public.calibration_participants cp set reminded_at = now()
    from public.calibration_sessions s
    where s.id = cp.session_id and s.status = 'open' and cp.scored_at is null
      and (cp.reminded_at is null or cp.reminded_at <= now() - interval '1 day')
    returning cp.*
  loop
    perform private.notify_user(
      p.user_id, 'calibration_reminder', null, jsonb_build_object('session_id', p.session_id),
      '{"en": "Calibration waiting for your scores", "zh": "校准评分待完成"}',
      '{"en": "Please score the calibration call.", "zh": "请完成校准电话评分。"}'
    );
    n := n + 1;
  end loop;
  return n;
end
$$;
revoke all on function private.remind_calibration() from public, anon, authenticated;

-- The minute jobs, as in 002200, plus the calibration reminders.
create or replace function public.run_scheduled_jobs()
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  missed int;
  reminded int := 0;
  c public.test_calls;
begin
  if auth.role() in ('anon', 'authenticated') then
    raise exception 'only the service role runs the scheduled jobs' using errcode = '42501';
  end if;
  update public.test_calls
  set status = 'missed'
  where status in ('scheduled', 'in_progress') and window_end <= now() and submitted_at is null;
  get diagnostics missed = row_count;
  for c in
    update public.test_calls
    set reminded_at = now()
    where status = 'scheduled' and shopper_id is not null and reminded_at is null
      and window_start <= now() + interval '2 hours' and window_end > now()
    returning *
  loop
    perform private.notify_call(c.shopper_id, 'reminder', c);
    reminded := reminded + 1;
  end loop;
  return jsonb_build_object(
    'missed', missed, 'reminded', reminded, 'calibration_reminded', private.remind_calibration()
  );
end
$$;

-- An invited evaluator hears about it at once.
create function private.notify_calibration_invite() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.notify_user(
    new.user_id, 'calibration_invite', null, jsonb_build_object('session_id', new.session_id),
    '{"en": "You are invited to a calibration", "zh": "您受邀参加校准"}',
    '{"en": "Please score the calibration call.", "zh": "请完成校准电话评分。"}'
  );
  return null;
end
$$;
revoke all on function private.notify_calibration_invite() from public, anon, authenticated;
create trigger calibration_participants_notify after insert on public.calibration_participants
  for each row execute function private.notify_calibration_invite();
