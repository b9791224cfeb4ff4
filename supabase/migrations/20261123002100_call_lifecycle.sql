-- The life of a test call: which status changes are allowed, the audit trail of status changes,
-- reschedules and reassignments, and what the shopper hears about it (an in-app notification and an
-- e-mail queued in email_outbox) on assignment, change, cancellation, reminder and miss.

-- lifecycle -------------------------------------------------------------------------------------------

-- The API roles are held to the lifecycle; the database owner (migrations, seeds, test fixtures
-- restoring a row) may write any history.
create function private.check_call_lifecycle() returns trigger
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

create trigger test_calls_lifecycle before insert or update on public.test_calls
  for each row execute function private.check_call_lifecycle();
revoke all on function private.check_call_lifecycle() from public, anon, authenticated;

-- audit -----------------------------------------------------------------------------------------------

/* The fields an audit entry of kind `what` shows of call row `c`. */
create function private.call_audit_fields(c public.test_calls, what text)
returns jsonb
language sql immutable
set search_path = ''
as $$
  select case what
    when 'status' then jsonb_build_object('status', c.status, 'cancel_reason', c.cancel_reason)
    when 'reschedule' then jsonb_build_object(
      'window_start', c.window_start, 'window_end', c.window_end, 'scheduled_at', c.scheduled_at)
    else jsonb_build_object('shopper_id', c.shopper_id, 'claimable', c.claimable)
  end
$$;

-- Definer: nobody but this trigger and write_audit_log() inserts into the log.
create function private.audit_call_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  what text;
begin
  foreach what in array array['status', 'reschedule', 'reassign'] loop
    if private.call_audit_fields(old, what) <> private.call_audit_fields(new, what) then
      insert into public.audit_log (organisation_id, action, entity, entity_id, before, after)
      values (
        new.organisation_id,
        case what when 'status' then 'status_change' else what end,
        'test_calls',
        new.id::text,
        private.call_audit_fields(old, what),
        private.call_audit_fields(new, what)
      );
    end if;
  end loop;
  return null;
end
$$;

create trigger test_calls_audit after update on public.test_calls
  for each row execute function private.audit_call_change();
revoke all on function private.call_audit_fields(public.test_calls, text) from public, anon;
revoke all on function private.audit_call_change() from public, anon, authenticated;

-- notifications and the e-mail outbox -----------------------------------------------------------------

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  kind text not null check (kind in ('assignment', 'change', 'cancelled', 'reminder', 'missed')),
  call_id uuid references public.test_calls (id) on delete cascade,
  payload jsonb not null default '{}',
  created_at timestamptz not null default now(),
  read_at timestamptz
);
comment on table public.notifications is
  'In-app messages to one user about their calls; the user reads them and marks them read.';
comment on column public.notifications.payload is
  'What the screen shows: site, window, planned start, time zones, and the reason for a cancellation.';
create index notifications_user_id_created_at_idx on public.notifications (user_id, created_at desc);
create index notifications_call_id_idx on public.notifications (call_id);
alter table public.notifications enable row level security;

create table public.email_outbox (
  id bigint generated always as identity primary key,
  created_at timestamptz not null default now(),
  recipient text not null,
  subject text not null,
  body text not null,
  kind text not null,
  sent_at timestamptz
);
comment on table public.email_outbox is
  'Application e-mail waiting to be sent; a worker sends it in production, /dev/outbox shows it locally.';
create index email_outbox_unsent_idx on public.email_outbox (created_at) where sent_at is null;
alter table public.email_outbox enable row level security;

revoke all on public.notifications, public.email_outbox from anon, authenticated;
grant select on public.notifications to authenticated;
grant update (read_at) on public.notifications to authenticated;
grant all on public.notifications, public.email_outbox to service_role;
revoke all on sequence public.email_outbox_id_seq from anon, authenticated;

create policy "Users can view their own notifications"
  on public.notifications for select to authenticated
  using (user_id = (select auth.uid()));
create policy "Users can mark their own notifications read"
  on public.notifications for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

/* Tells `recipient` about call `c`: a notification of `kind` and, unless `with_email` is false, an
   e-mail in their locale with the times in their home time zone (else the site's). */
create function private.notify_call(
  recipient uuid, kind text, c public.test_calls, extra jsonb default '{}', with_email boolean default true
)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  p public.profiles;
  st public.sites;
  zone text;
  at_local text;
  zh boolean;
  subject text;
begin
  select * into p from public.profiles where id = recipient;
  select * into st from public.sites where id = c.site_id;
  zone := coalesce(p.home_time_zone, st.time_zone, 'UTC');
  at_local := to_char(
    coalesce(c.scheduled_at, c.window_start) at time zone zone, 'YYYY-MM-DD HH24:MI'
  ) || ' (' || zone || ')';
  insert into public.notifications (user_id, kind, call_id, payload)
  values (
    recipient, kind, c.id,
    jsonb_build_object(
      'site_id', c.site_id, 'site_name', st.name, 'site_time_zone', st.time_zone,
      'window_start', c.window_start, 'window_end', c.window_end, 'scheduled_at', c.scheduled_at,
      'time_zone', zone, 'status', c.status
    ) || coalesce(extra, '{}')
  );
  if not with_email or coalesce(p.email, '') = '' then
    return;
  end if;
  zh := coalesce(p.locale, 'zh-CN') = 'zh-CN';
  subject := case kind
    when 'assignment' then case when zh then '新的测试电话' else 'New test call' end
    when 'change' then case when zh then '测试电话时间已更改' else 'Test call moved' end
    when 'cancelled' then case when zh then '测试电话已取消' else 'Test call cancelled' end
    when 'reminder' then case when zh then '测试电话提醒' else 'Test call reminder' end
    else case when zh then '测试电话已错过' else 'Test call missed' end
  end;
  insert into public.email_outbox (recipient, subject, body, kind)
  values (
    p.email,
    subject || ': ' || coalesce(st.name, '') || ', ' || at_local,
    case when zh then '站点：' else 'Site: ' end || coalesce(st.name, '') || E'\n'
      || case when zh then '时间：' else 'When: ' end || at_local || E'\n'
      || coalesce(
        case when zh then '原因：' else 'Reason: ' end || (extra ->> 'reason') || E'\n', ''
      ),
    kind
  );
end
$$;
revoke all on function private.notify_call(uuid, text, public.test_calls, jsonb, boolean)
  from public, anon, authenticated;

create function private.notify_call_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if new.shopper_id is not null and new.status in ('scheduled', 'in_progress') then
      perform private.notify_call(new.shopper_id, 'assignment', new);
    end if;
    return null;
  end if;
  if new.shopper_id is distinct from old.shopper_id then
    if old.shopper_id is not null and old.status in ('scheduled', 'in_progress') then
      perform private.notify_call(old.shopper_id, 'cancelled', new, '{"reason": "reassigned"}');
    end if;
    if new.shopper_id is not null and new.status in ('scheduled', 'in_progress') then
      perform private.notify_call(new.shopper_id, 'assignment', new);
    end if;
    return null;
  end if;
  if new.shopper_id is null then
    return null;
  end if;
  if new.status = 'cancelled' and old.status <> 'cancelled' then
    perform private.notify_call(
      new.shopper_id, 'cancelled', new, jsonb_build_object('reason', new.cancel_reason)
    );
  elsif new.status = 'missed' and old.status <> 'missed' then
    perform private.notify_call(new.shopper_id, 'missed', new, '{}', false);
  elsif new.status in ('scheduled', 'in_progress') and (
    new.window_start <> old.window_start or new.window_end <> old.window_end
    or new.scheduled_at is distinct from old.scheduled_at
  ) then
    perform private.notify_call(
      new.shopper_id, 'change', new,
      jsonb_build_object(
        'previous', jsonb_build_object('window_start', old.window_start,
          'window_end', old.window_end, 'scheduled_at', old.scheduled_at)
      )
    );
  end if;
  return null;
end
$$;

create trigger test_calls_notify after insert or update on public.test_calls
  for each row execute function private.notify_call_change();
revoke all on function private.notify_call_change() from public, anon, authenticated;
