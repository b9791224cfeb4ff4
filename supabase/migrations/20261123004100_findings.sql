-- Findings: what approving a call (or a vendor audit) found wrong at a site, one open finding per
-- site × scenario × item however often it failed (occurrences and call_ids aggregate), with the
-- vendor's remediation plans and disputes and the officer's decisions as an append-only thread.
--
-- Who sees what: audit staff see their organisation's findings; vendor managers see the findings of
-- their own vendor's sites and nothing that names a shopper (findings carry call ids, site, item and
-- agent pseudonyms only); client viewers and shoppers see none. Every write goes through the RPCs in
-- 004200 (status rules, deadlines, audit log), so no table here grants writes to authenticated users.

create type public.finding_status as enum (
  'open', 'remediation_proposed', 'in_remediation', 'closed', 'disputed', 'withdrawn'
);

create table public.findings (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  vendor_id uuid not null references public.organisations (id) on delete cascade,
  site_id uuid not null references public.sites (id),
  scenario_id uuid not null references public.scenarios (id),
  item_id text not null,
  source text not null default 'call' check (source in ('call', 'vendor_audit')),
  audit_result text check (audit_result in ('MAJ', 'MIN', 'OBS')),
  severity text not null check (severity in ('C', 'M', 'm')),
  clauses text[] not null default '{}',
  condition jsonb not null default '{}',
  criteria jsonb not null default '{}',
  cause jsonb not null default '{}',
  effect jsonb not null default '{}',
  recommendation jsonb not null default '{}',
  status public.finding_status not null default 'open',
  occurrences int not null default 1 check (occurrences >= 0),
  call_ids uuid[] not null default '{}',
  agent_pseudonyms text[] not null default '{}',
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  due_at date not null,
  response_due_at timestamptz not null,
  plan jsonb,
  closed_at timestamptz,
  verification_call_id uuid references public.test_calls (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.findings is
  'A failed item at a site, aggregated over calls: severity, clauses, condition/criteria/cause/effect/recommendation ({en, zh-CN}), due date and status.';
comment on column public.findings.call_ids is 'The calls in which this item failed, oldest first.';
comment on column public.findings.agent_pseudonyms is 'The agents'' pseudonyms in those calls; never a real name.';
comment on column public.findings.due_at is 'Remediation due date, by severity (review_settings).';
comment on column public.findings.response_due_at is
  'Until when the vendor may dispute (review_settings.dispute_days after the latest occurrence).';
comment on column public.findings.plan is 'The latest remediation plan: {actions: [{title, owner, due_date, status, evidence}]}.';
create unique index findings_one_open_per_item_idx on public.findings (site_id, scenario_id, item_id)
  where status not in ('closed', 'withdrawn');
create index findings_organisation_id_idx on public.findings (organisation_id, status);
create index findings_vendor_id_idx on public.findings (vendor_id, status);
create index findings_scenario_id_idx on public.findings (scenario_id);
create index findings_verification_call_id_idx on public.findings (verification_call_id);
create index findings_call_ids_idx on public.findings using gin (call_ids);
alter table public.findings enable row level security;
create trigger findings_touch_updated_at before update on public.findings
  for each row execute function private.touch_updated_at();

revoke all on public.findings from anon, authenticated;
grant select on public.findings to authenticated;
grant all on public.findings to service_role;

create policy "Audit staff can view their organisation's findings"
  on public.findings for select to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));
create policy "Vendor managers can view their own sites' findings"
  on public.findings for select to authenticated
  using (private.has_org_role(vendor_id, '{vendor_manager}'));

-- disputes --------------------------------------------------------------------------------------------

create type public.dispute_status as enum ('open', 'accepted', 'partly_accepted', 'rejected');

create table public.finding_disputes (
  id uuid primary key default gen_random_uuid(),
  finding_id uuid not null references public.findings (id) on delete cascade,
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  vendor_id uuid not null references public.organisations (id) on delete cascade,
  call_id uuid not null references public.test_calls (id),
  reason_code text not null check (
    reason_code in ('misheard', 'wrong_standard', 'not_applicable', 'evidence_contradicts', 'other')
  ),
  comment text not null check (length(trim(comment)) between 1 and 4000),
  evidence jsonb not null default '[]',
  status public.dispute_status not null default 'open',
  decision_comment text,
  new_value jsonb,
  created_by uuid references auth.users (id) on delete set null,
  decided_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  decided_at timestamptz
);
comment on table public.finding_disputes is
  'A vendor''s dispute of one call''s part of a finding, and the officer''s decision (accept, partly accept with a new value, reject).';
comment on column public.finding_disputes.new_value is 'The answer the officer set on a partly accepted dispute.';
create index finding_disputes_finding_id_idx on public.finding_disputes (finding_id);
create index finding_disputes_organisation_id_idx on public.finding_disputes (organisation_id, status);
create index finding_disputes_vendor_id_idx on public.finding_disputes (vendor_id);
create index finding_disputes_call_id_idx on public.finding_disputes (call_id);
create unique index finding_disputes_one_open_idx on public.finding_disputes (finding_id, call_id)
  where status = 'open';
alter table public.finding_disputes enable row level security;
revoke all on public.finding_disputes from anon, authenticated;
grant select on public.finding_disputes to authenticated;
grant all on public.finding_disputes to service_role;

create policy "Audit staff can view their organisation's disputes"
  on public.finding_disputes for select to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));
create policy "Vendor managers can view their own disputes"
  on public.finding_disputes for select to authenticated
  using (private.has_org_role(vendor_id, '{vendor_manager}'));

-- the thread ------------------------------------------------------------------------------------------

create table public.finding_messages (
  id bigint generated always as identity primary key,
  finding_id uuid not null references public.findings (id) on delete cascade,
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  vendor_id uuid not null references public.organisations (id) on delete cascade,
  kind text not null check (
    kind in ('opened', 'occurrence', 'plan', 'dispute', 'decision', 'status', 'comment', 'verification')
  ),
  author_role text not null check (author_role in ('audit', 'vendor', 'system')),
  author_id uuid references auth.users (id) on delete set null,
  body jsonb not null default '{}',
  dispute_id uuid references public.finding_disputes (id) on delete set null,
  created_at timestamptz not null default now()
);
comment on table public.finding_messages is
  'The whole thread of a finding (occurrences, plans, disputes, decisions, status changes), append-only.';
create index finding_messages_finding_id_idx on public.finding_messages (finding_id, id);
create index finding_messages_organisation_id_idx on public.finding_messages (organisation_id);
create index finding_messages_vendor_id_idx on public.finding_messages (vendor_id);
create index finding_messages_dispute_id_idx on public.finding_messages (dispute_id);
alter table public.finding_messages enable row level security;
revoke all on public.finding_messages from anon, authenticated, service_role;
grant select on public.finding_messages to authenticated, service_role;
grant insert on public.finding_messages to service_role;
create trigger finding_messages_append_only before update or delete on public.finding_messages
  for each row execute function private.refuse_history_change();

create policy "Audit staff can view their organisation's finding threads"
  on public.finding_messages for select to authenticated
  using (private.has_org_role(organisation_id, '{admin,compliance_officer}'));
create policy "Vendor managers can view their own findings' threads"
  on public.finding_messages for select to authenticated
  using (private.has_org_role(vendor_id, '{vendor_manager}'));
