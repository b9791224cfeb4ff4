-- Deleting a call that a shopper was still to make (an officer removing it, or a programme being
-- regenerated) tells that shopper, as a cancellation would: otherwise they would still ring. The
-- notice cannot reference the deleted row, so notify_call leaves call_id empty for it and keeps the
-- id in the payload.

create or replace function private.notify_call(
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
  -- A removed call can no longer be pointed at; the payload still says which site and when.
  call_ref uuid := (select id from public.test_calls where id = c.id);
begin
  select * into p from public.profiles where id = recipient;
  select * into st from public.sites where id = c.site_id;
  zone := coalesce(p.home_time_zone, st.time_zone, 'UTC');
  at_local := to_char(
    coalesce(c.scheduled_at, c.window_start) at time zone zone, 'YYYY-MM-DD HH24:MI'
  ) || ' (' || zone || ')';
  insert into public.notifications (user_id, kind, call_id, payload)
  values (
    recipient, kind, call_ref,
    jsonb_build_object(
      'site_id', c.site_id, 'site_name', st.name, 'site_time_zone', st.time_zone,
      'window_start', c.window_start, 'window_end', c.window_end, 'scheduled_at', c.scheduled_at,
      'time_zone', zone, 'status', c.status, 'call_id', c.id
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

create function private.notify_call_removed() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if old.shopper_id is not null and old.status in ('scheduled', 'in_progress') then
    perform private.notify_call(old.shopper_id, 'cancelled', old, '{"reason": "removed"}');
  end if;
  return null;
end
$$;

create trigger test_calls_notify_removed after delete on public.test_calls
  for each row execute function private.notify_call_removed();
revoke all on function private.notify_call_removed() from public, anon, authenticated;
