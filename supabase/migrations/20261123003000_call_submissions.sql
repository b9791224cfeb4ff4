-- A shopper's submitted call: answers, markers, timings, notes and evidence references, stored once
-- with the authoritative score, in one transaction that also moves the call to submitted.
--
-- Why the score is trusted, and from whom. The score must come from the shared TypeScript engine
-- (src/lib/domain/scoring), which Postgres cannot run, so submit_call() takes it as an argument. If
-- the shopper could call submit_call() with their own token, they could send any score they liked.
-- So the design is:
--   1. The SvelteKit route (POST /api/calls/[id]/submit) uses the shopper's OWN client to load the
--      call and its scenario version through RLS: a call that is not assigned to them is not found.
--   2. It validates the payload against that version (zod), masks personal data in the notes again,
--      and computes the score and KPIs itself; whatever score the client sent is dropped.
--   3. Only then does it call submit_call() with the service role, naming the shopper it verified.
-- submit_call() is granted to service_role alone (and refuses any other role inside as well), so a
-- forged direct RPC call from a shopper's token is refused with 42501 before it reads anything. It
-- still re-checks, under a row lock, that the named shopper is the call's assigned shopper and a
-- shopper of its organisation, so a reassignment between steps 1 and 3 cannot slip through.
-- start_call() carries no score, so the shopper calls it directly with their own token.
--
-- Idempotency: the client makes one UUID per call and sends it with every retry. The row lock on the
-- call serialises concurrent retries; a retry with the same key gets the stored row back unchanged,
-- a different key for a submitted call is a conflict (PT409, hint 'newer_version') that the phone
-- shows as "the server already has a newer version from another device".

create table public.call_submissions (
  -- No cascade from the call: a submitted call cannot be deleted from under its report.
  call_id uuid primary key references public.test_calls (id),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  idempotency_key uuid not null unique,
  shopper_id uuid references auth.users (id) on delete set null,
  answers jsonb not null,
  markers jsonb not null default '[]',
  timings jsonb not null default '{}',
  notes text not null default '' check (length(notes) <= 20000),
  evidence jsonb not null default '[]',
  score jsonb not null,
  overall numeric,
  critical_failed boolean not null default false,
  kpis jsonb not null default '{}',
  client_version int not null default 0,
  submitted_at timestamptz not null default now(),
  created_at timestamptz not null default now()
);
comment on table public.call_submissions is
  'What a shopper reported for one test call, with the score the server computed; written only by submit_call().';
comment on column public.call_submissions.organisation_id is 'The call''s audit organisation.';
comment on column public.call_submissions.idempotency_key is
  'The client-generated UUID of this call''s report; a retry with the same key returns this row.';
comment on column public.call_submissions.answers is
  'The answers as scored: items, per-item notes, markers and timings (scenario-answers.ts).';
comment on column public.call_submissions.notes is 'The general note, personal data masked.';
comment on column public.call_submissions.evidence is
  'References to files in the evidence bucket: [{path, sha256, bytes, mime}].';
comment on column public.call_submissions.score is 'The scoring engine''s full result (ScoreResult).';
comment on column public.call_submissions.overall is 'The overall score, 0..1 (more with bonus), null when nothing counted.';
comment on column public.call_submissions.kpis is
  'From markers and timers: asa_ms, hold_ms, holds, talk_ms, transfers.';
comment on column public.call_submissions.client_version is
  'The phone''s edit counter when it submitted, for telling devices'' versions apart.';
create index call_submissions_organisation_id_idx on public.call_submissions (organisation_id);
create index call_submissions_shopper_id_idx on public.call_submissions (shopper_id);
alter table public.call_submissions enable row level security;

revoke all on public.call_submissions from anon, authenticated, service_role;
grant select on public.call_submissions to authenticated, service_role;

create policy "Shoppers can view their own submissions"
  on public.call_submissions for select to authenticated
  using (shopper_id = (select auth.uid()) and private.has_org_role(organisation_id, '{shopper}'));

create policy "Audit staff can view their organisation's submissions"
  on public.call_submissions for select to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));

-- start_call ------------------------------------------------------------------------------------------

/* The signed-in shopper starts their call `p_call_id`: scheduled → in_progress; starting a call that
   is already in progress returns it unchanged, so a retried request is harmless. Definer because
   shoppers cannot update calls. */
create function public.start_call(p_call_id uuid)
returns public.test_calls
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  c public.test_calls;
begin
  select * into c from public.test_calls where id = p_call_id for update;
  if not found or auth.uid() is null or c.shopper_id is distinct from auth.uid()
    or not private.has_org_role(c.organisation_id, '{shopper}') then
    raise exception 'no such call' using errcode = 'PT404';
  end if;
  if c.status = 'in_progress' then
    return c;
  end if;
  if c.status <> 'scheduled' then
    raise exception 'a % call cannot be started', c.status using errcode = 'PT409', hint = 'status';
  end if;
  update public.test_calls set status = 'in_progress' where id = c.id returning * into c;
  return c;
end
$$;

revoke all on function public.start_call(uuid) from public, anon;
grant execute on function public.start_call(uuid) to authenticated, service_role;

-- submit_call -----------------------------------------------------------------------------------------

/* Stores the submission `p_payload` (the route's validated, masked payload) of shopper `p_shopper_id`
   with the score, overall, critical flag and KPIs the route computed, moves the call to submitted
   and writes the audit log; see the header for who may call it and why. Returns the stored row. */
create function public.submit_call(
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
begin
  if coalesce(auth.role(), '') <> 'service_role' then
    raise exception 'submissions go through the app server' using errcode = 'insufficient_privilege';
  end if;
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
    if s.idempotency_key = v_key then
      return s;
    end if;
    raise exception 'this call was already submitted from another device'
      using errcode = 'PT409', hint = 'newer_version';
  end if;
  if c.status not in ('scheduled', 'in_progress') then
    raise exception 'a % call cannot be submitted', c.status using errcode = 'PT409', hint = 'status';
  end if;

  insert into public.call_submissions (
    call_id, organisation_id, idempotency_key, shopper_id, answers, markers, timings, notes,
    evidence, score, overall, critical_failed, kpis, client_version
  )
  values (
    c.id, c.organisation_id, v_key, p_shopper_id,
    coalesce(p_payload -> 'answers', '{}'),
    coalesce(p_payload -> 'markers', '[]'),
    coalesce(p_payload -> 'timings', '{}'),
    coalesce(p_payload ->> 'notes', ''),
    coalesce(p_payload -> 'evidence', '[]'),
    p_score, p_overall, coalesce(p_critical_failed, false), coalesce(p_kpis, '{}'),
    coalesce((p_payload ->> 'clientVersion')::int, 0)
  )
  returning * into s;

  -- As the owner the lifecycle trigger lets any change through, so the stamp is set here.
  update public.test_calls set status = 'submitted', submitted_at = now() where id = c.id;

  insert into public.audit_log (actor_id, organisation_id, action, entity, entity_id, after)
  values (
    p_shopper_id, c.organisation_id, 'submit', 'call_submissions', c.id::text,
    jsonb_build_object(
      'idempotency_key', v_key, 'overall', p_overall, 'critical_failed', s.critical_failed,
      'client_version', s.client_version, 'previous_status', c.status
    )
  );
  return s;
end
$$;

revoke all on function public.submit_call(uuid, jsonb, jsonb, numeric, boolean, jsonb)
  from public, anon, authenticated;
grant execute on function public.submit_call(uuid, jsonb, jsonb, numeric, boolean, jsonb)
  to service_role;
