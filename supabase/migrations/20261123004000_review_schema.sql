-- Review of submitted calls: what the officer changes (answer overrides, send-backs with a comment),
-- the score kept twice (the shopper's original on call_submissions.score, the current/final one on
-- call_submissions.current_*), earlier submission versions of a returned call, per-organisation
-- review settings (finding due days, dispute window, the agent-pseudonym salt) and per-client alert
-- thresholds.
--
-- Writes that change a score (override, approval, dispute decisions) go through service-role-only
-- RPCs in 004100, after the SvelteKit server checked the actor with the actor's own client and
-- computed the score with the TypeScript engine (same reasoning as submit_call in 003000). So no
-- table here grants insert/update/delete to authenticated users except alert_thresholds and
-- review_settings, which carry no score.

-- call_submissions: agent, versions and the current score -------------------------------------------

alter table public.call_submissions
  add column agent text check (agent is null or length(agent) <= 200),
  add column agent_pseudonym text,
  add column version int not null default 1,
  add column current_answers jsonb,
  add column current_score jsonb,
  add column current_overall numeric,
  add column current_critical_failed boolean,
  add column reviewed_at timestamptz,
  add column reviewed_by uuid references auth.users (id) on delete set null;
comment on column public.call_submissions.agent is
  'What the shopper noted about the agent (name or id): audit staff only, never shown to vendors.';
comment on column public.call_submissions.agent_pseudonym is
  'A stable per-site pseudonym of the agent (e.g. "Agent 7F3A"), an HMAC of agent and site under the organisation''s salt.';
comment on column public.call_submissions.version is
  'Submission version: 1, then +1 per resubmission after a send-back; earlier ones are in call_submission_versions.';
comment on column public.call_submissions.score is
  'The scoring engine''s result for the shopper''s answers as submitted; review never changes it.';
comment on column public.call_submissions.current_answers is
  'The answers with every override applied; null until the first override or approval.';
comment on column public.call_submissions.current_score is
  'The engine''s result for current_answers: the final score once the call is reviewed.';
create index call_submissions_reviewed_by_idx on public.call_submissions (reviewed_by);

-- call_submissions' grants stay: audit staff and the shopper who typed the agent text read the row;
-- vendor managers never read this table, only the pseudonym through findings and vendor_call_results().

create table public.call_submission_versions (
  id bigint generated always as identity primary key,
  call_id uuid not null references public.test_calls (id),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  version int not null,
  submission jsonb not null,
  replaced_at timestamptz not null default now(),
  unique (call_id, version)
);
comment on table public.call_submission_versions is
  'Earlier submissions of a call sent back to its shopper, kept whole when the shopper resubmits; append-only.';
create index call_submission_versions_organisation_id_idx
  on public.call_submission_versions (organisation_id);
alter table public.call_submission_versions enable row level security;
revoke all on public.call_submission_versions from anon, authenticated, service_role;
grant select on public.call_submission_versions to authenticated, service_role;
create policy "Audit staff can view earlier submission versions"
  on public.call_submission_versions for select to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));

-- send-backs ------------------------------------------------------------------------------------------

create table public.call_returns (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references public.test_calls (id),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  shopper_id uuid references auth.users (id) on delete set null,
  comment text not null check (length(trim(comment)) between 1 and 4000),
  returned_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  resubmitted_at timestamptz
);
comment on table public.call_returns is
  'A call the officer sent back to its shopper with a comment; resubmitted_at is set when the shopper submits again.';
create index call_returns_call_id_idx on public.call_returns (call_id, created_at desc);
create index call_returns_organisation_id_idx on public.call_returns (organisation_id);
create index call_returns_shopper_id_idx on public.call_returns (shopper_id);
create index call_returns_returned_by_idx on public.call_returns (returned_by);
alter table public.call_returns enable row level security;
revoke all on public.call_returns from anon, authenticated, service_role;
grant select on public.call_returns to authenticated, service_role;
create policy "Audit staff can view their organisation's send-backs"
  on public.call_returns for select to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));
create policy "Shoppers can view the send-backs of their calls"
  on public.call_returns for select to authenticated
  using (shopper_id = (select auth.uid()) and private.has_org_role(organisation_id, '{shopper}'));

-- overrides -------------------------------------------------------------------------------------------

create table public.answer_overrides (
  id bigint generated always as identity primary key,
  call_id uuid not null references public.test_calls (id),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  item_id text not null,
  before jsonb,
  after jsonb,
  reason text not null check (length(trim(reason)) between 1 and 4000),
  source text not null default 'review' check (source in ('review', 'dispute')),
  dispute_id uuid,
  overall_before numeric,
  overall_after numeric,
  actor_id uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);
comment on table public.answer_overrides is
  'Every change an officer (or an accepted dispute) made to a submitted answer, with the reason; append-only, the submission keeps the original.';
create index answer_overrides_call_id_idx on public.answer_overrides (call_id, id);
create index answer_overrides_organisation_id_idx on public.answer_overrides (organisation_id);
create index answer_overrides_actor_id_idx on public.answer_overrides (actor_id);
alter table public.answer_overrides enable row level security;
revoke all on public.answer_overrides from anon, authenticated, service_role;
grant select on public.answer_overrides to authenticated, service_role;
create policy "Audit staff can view their organisation's answer overrides"
  on public.answer_overrides for select to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));

-- Nothing may rewrite history, not even the service role (the owner restores fixtures in tests).
create function private.refuse_history_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated', 'service_role') then
    raise exception '% is append-only: % is not allowed', tg_table_name, lower(tg_op)
      using errcode = 'insufficient_privilege';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
revoke all on function private.refuse_history_change() from public, anon, authenticated;
create trigger answer_overrides_append_only before update or delete on public.answer_overrides
  for each row execute function private.refuse_history_change();
create trigger call_submission_versions_append_only
  before update or delete on public.call_submission_versions
  for each row execute function private.refuse_history_change();

-- settings --------------------------------------------------------------------------------------------

create table public.review_settings (
  organisation_id uuid primary key references public.organisations (id) on delete cascade,
  due_days_c int not null default 30 check (due_days_c between 1 and 3650),
  due_days_major int not null default 90 check (due_days_major between 1 and 3650),
  due_days_minor int not null default 180 check (due_days_minor between 1 and 3650),
  dispute_days int not null default 10 check (dispute_days between 1 and 365),
  updated_at timestamptz not null default now()
);
comment on table public.review_settings is
  'An audit organisation''s overrides of the finding due days by severity (C 30, M 90, m 180) and the dispute window (10 days).';
alter table public.review_settings enable row level security;
revoke all on public.review_settings from anon, authenticated;
grant select, insert, update on public.review_settings to authenticated;
grant all on public.review_settings to service_role;
create policy "Audit staff can view their organisation's review settings"
  on public.review_settings for select to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));
create policy "Admins can create their organisation's review settings"
  on public.review_settings for insert to authenticated
  with check (private.has_org_role(organisation_id, '{admin}'));
create policy "Admins can change their organisation's review settings"
  on public.review_settings for update to authenticated
  using (private.has_org_role(organisation_id, '{admin}'))
  with check (private.has_org_role(organisation_id, '{admin}'));

/* The review settings of audit organisation `org`, defaults where it has none. */
create function private.review_settings_of(org uuid)
returns public.review_settings
language sql stable security definer
set search_path = ''
as $$
  select coalesce(
    (select s from public.review_settings s where s.organisation_id = org),
    row(org, 30, 90, 180, 10, now())::public.review_settings
  )
$$;
revoke all on function private.review_settings_of(uuid) from public, anon, authenticated;

-- The per-organisation salt of agent pseudonyms: read by the app server (service role) only.
create table public.organisation_secrets (
  organisation_id uuid primary key references public.organisations (id) on delete cascade,
  agent_salt text not null default
    replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''),
  created_at timestamptz not null default now()
);
comment on table public.organisation_secrets is
  'Server-only secrets per audit organisation (the agent-pseudonym salt); no user role can read it.';
alter table public.organisation_secrets enable row level security;
revoke all on public.organisation_secrets from anon, authenticated;
grant select, insert on public.organisation_secrets to service_role;

-- alerts ----------------------------------------------------------------------------------------------

create table public.alert_thresholds (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  client_id uuid not null references public.organisations (id) on delete cascade,
  min_overall numeric check (min_overall is null or (min_overall >= 0 and min_overall <= 1)),
  on_critical_fail boolean not null default true,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (organisation_id, client_id)
);
comment on table public.alert_thresholds is
  'Per-client alert rules checked when a call is approved: overall below min_overall (0..1) or any critical fail.';
create index alert_thresholds_client_id_idx on public.alert_thresholds (client_id);
alter table public.alert_thresholds enable row level security;
revoke all on public.alert_thresholds from anon, authenticated;
grant select, insert, update, delete on public.alert_thresholds to authenticated;
grant all on public.alert_thresholds to service_role;

create function private.check_alert_threshold() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.organisations
    where id = new.client_id and kind = 'client' and audit_organisation_id = new.organisation_id
  ) then
    raise exception 'the client must be a client of the audit organisation'
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;
revoke all on function private.check_alert_threshold() from public, anon, authenticated;
create trigger alert_thresholds_check before insert or update on public.alert_thresholds
  for each row execute function private.check_alert_threshold();

create policy "Audit staff can view their organisation's alert thresholds"
  on public.alert_thresholds for select to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));
create policy "Audit staff can create alert thresholds"
  on public.alert_thresholds for insert to authenticated
  with check (private.has_org_role(organisation_id, '{admin,compliance_officer}'));
create policy "Audit staff can change alert thresholds"
  on public.alert_thresholds for update to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'))
  with check (private.has_org_role(organisation_id, '{admin,compliance_officer}'));
create policy "Audit staff can delete alert thresholds"
  on public.alert_thresholds for delete to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));

-- notifications: the review kinds ---------------------------------------------------------------------

alter table public.notifications drop constraint notifications_kind_check;
alter table public.notifications add constraint notifications_kind_check check (
  kind in (
    'assignment', 'change', 'cancelled', 'reminder', 'missed', 'returned', 'finding',
    'dispute', 'dispute_decision', 'alert', 'calibration_invite', 'calibration_reminder'
  )
);
