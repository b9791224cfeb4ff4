-- Calendar feeds (a shopper's secret, revocable ICS URL) and the scheduling RPCs: a shopper claims an
-- open call within the programme's rules, officers reschedule and cancel, and the app server runs the
-- minute jobs (missed calls, reminders) as service_role.

-- calendar feeds --------------------------------------------------------------------------------------

create table public.calendar_feeds (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
comment on table public.calendar_feeds is
  'A shopper''s ICS feed; only the sha256 (hex) of the secret token is kept. The feed endpoint looks it up as service_role.';
create index calendar_feeds_user_id_idx on public.calendar_feeds (user_id);
alter table public.calendar_feeds enable row level security;

-- A revoked token stays revoked through the API: a leaked URL must not come back to life.
create function private.check_calendar_feed() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated', 'service_role') and old.revoked_at is not null and new.revoked_at is distinct from old.revoked_at then
    raise exception 'a revoked calendar feed stays revoked' using errcode = 'check_violation';
  end if;
  return new;
end
$$;
create trigger calendar_feeds_check before update on public.calendar_feeds
  for each row execute function private.check_calendar_feed();
revoke all on function private.check_calendar_feed() from public, anon, authenticated;

/* True when the signed-in user is a shopper of some organisation. */
create function private.is_shopper()
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships where user_id = (select auth.uid()) and role = 'shopper'
  )
$$;
revoke all on function private.is_shopper() from public, anon;
grant execute on function private.is_shopper() to authenticated, service_role;

revoke all on public.calendar_feeds from anon, authenticated;
grant select, delete on public.calendar_feeds to authenticated;
grant insert (id, user_id, token_hash) on public.calendar_feeds to authenticated;
grant update (revoked_at) on public.calendar_feeds to authenticated;
grant all on public.calendar_feeds to service_role;

create policy "Users can view their own calendar feeds"
  on public.calendar_feeds for select to authenticated
  using (user_id = (select auth.uid()));
create policy "Shoppers can create their own calendar feeds"
  on public.calendar_feeds for insert to authenticated
  with check (user_id = (select auth.uid()) and private.is_shopper());
create policy "Users can revoke their own calendar feeds"
  on public.calendar_feeds for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
create policy "Users can delete their own calendar feeds"
  on public.calendar_feeds for delete to authenticated
  using (user_id = (select auth.uid()));

-- claim_open_call -------------------------------------------------------------------------------------

/* The signed-in shopper takes claimable call `p_call_id` if that keeps to the programme's daily limit
   (counted in the shopper's home time zone), its lockout at the site (counted in site-local days), the
   call's languages and the shopper's vendor conflicts. Definer because shoppers cannot update calls;
   the row lock makes two shoppers claiming at once take turns, and the second finds it taken. */
create function public.claim_open_call(p_call_id uuid)
returns public.test_calls
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  c public.test_calls;
  st public.sites;
  p public.profiles;
  def jsonb;
  day_limit int;
  lockout int;
  zone text;
  at_time timestamptz;
  wanted text[];
begin
  select * into c from public.test_calls where id = p_call_id for update;
  if not found or me is null or not private.has_org_role(c.organisation_id, '{shopper}')
    -- A call that was never on the board, or belongs to someone else by assignment, does not exist
    -- for this shopper; one claimed from the board by someone else is reported as taken.
    or not coalesce(
      c.claimable or c.shopper_id = me or c.assignment_reason ->> 'claimed' = 'true', false
    ) then
    raise exception 'no such open call' using errcode = 'PT404';
  end if;
  if c.shopper_id is not null or not c.claimable or c.status <> 'scheduled' then
    raise exception 'this call has already been taken' using errcode = 'PT409';
  end if;
  select * into st from public.sites where id = c.site_id;
  select * into p from public.profiles where id = me;
  def := coalesce((select definition from public.programmes where id = c.programme_id), '{}');
  day_limit := coalesce((def ->> 'maxCallsPerShopperPerDay')::int, 5);
  lockout := coalesce((def ->> 'lockoutDays')::int, 7);
  zone := coalesce(p.home_time_zone, st.time_zone, 'UTC');
  at_time := coalesce(c.scheduled_at, c.window_start);

  if exists (
    select 1 from public.shopper_conflicts where shopper_id = me and vendor_id = st.vendor_id
  ) then
    raise exception 'you have a conflict with this vendor' using errcode = 'check_violation',
      hint = 'conflict';
  end if;
  wanted := coalesce(
    nullif((select languages from public.lines where id = c.line_id), '{}'), st.languages, '{}'
  );
  if cardinality(wanted) > 0 and not exists (
    select 1 from unnest(wanted) w, unnest(p.languages) l
    where split_part(lower(w), '-', 1) = split_part(lower(l), '-', 1)
  ) then
    raise exception 'this call needs one of the languages %', array_to_string(wanted, ', ')
      using errcode = 'check_violation', hint = 'language';
  end if;
  if (
    select count(*) from public.test_calls o
    where o.shopper_id = me and o.status <> 'cancelled'
      and (coalesce(o.scheduled_at, o.window_start) at time zone zone)::date
        = (at_time at time zone zone)::date
  ) >= day_limit then
    raise exception 'you already have % calls on that day', day_limit
      using errcode = 'check_violation', hint = 'max_per_day';
  end if;
  if lockout > 0 and exists (
    select 1 from public.test_calls o
    where o.shopper_id = me and o.site_id = c.site_id and o.status <> 'cancelled'
      and abs(
        (coalesce(o.scheduled_at, o.window_start) at time zone st.time_zone)::date
          - (at_time at time zone st.time_zone)::date
      ) < lockout
  ) then
    raise exception 'you called this site less than % days from then', lockout
      using errcode = 'check_violation', hint = 'lockout';
  end if;

  update public.test_calls
  set shopper_id = me, claimable = false,
      assignment_reason = jsonb_build_object('claimed', true, 'claimed_at', now())
  where id = c.id
  returning * into c;
  return c;
end
$$;

revoke all on function public.claim_open_call(uuid) from public, anon;
grant execute on function public.claim_open_call(uuid) to authenticated, service_role;

-- officers: reschedule and cancel ---------------------------------------------------------------------

/* Moves call `p_call_id` to a new window and planned start. Runs as the caller, so only audit staff
   of the call's organisation reach the row; the lifecycle trigger refuses finished calls. */
create function public.reschedule_call(
  p_call_id uuid, p_window_start timestamptz, p_window_end timestamptz, p_scheduled_at timestamptz
)
returns public.test_calls
language plpgsql volatile security invoker
set search_path = ''
as $$
declare
  c public.test_calls;
begin
  update public.test_calls
  set window_start = p_window_start, window_end = p_window_end, scheduled_at = p_scheduled_at
  where id = p_call_id
    and private.has_org_role(organisation_id, '{admin,compliance_officer}')
  returning * into c;
  if not found then
    raise exception 'no such call' using errcode = 'PT404';
  end if;
  return c;
end
$$;

/* Cancels call `p_call_id` with a reason (required). Runs as the caller, as reschedule_call. */
create function public.cancel_call(p_call_id uuid, p_reason text)
returns public.test_calls
language plpgsql volatile security invoker
set search_path = ''
as $$
declare
  c public.test_calls;
begin
  if length(trim(coalesce(p_reason, ''))) = 0 then
    raise exception 'say why the call is cancelled' using errcode = 'check_violation';
  end if;
  update public.test_calls
  set status = 'cancelled', cancel_reason = trim(p_reason)
  where id = p_call_id
    and private.has_org_role(organisation_id, '{admin,compliance_officer}')
  returning * into c;
  if not found then
    raise exception 'no such call' using errcode = 'PT404';
  end if;
  return c;
end
$$;

revoke all on function public.reschedule_call(uuid, timestamptz, timestamptz, timestamptz)
  from public, anon;
revoke all on function public.cancel_call(uuid, text) from public, anon;
grant execute on function public.reschedule_call(uuid, timestamptz, timestamptz, timestamptz)
  to authenticated, service_role;
grant execute on function public.cancel_call(uuid, text) to authenticated, service_role;

-- jobs ------------------------------------------------------------------------------------------------

/* The minute jobs: calls whose window ended without a submission become missed (the shopper is told),
   and calls whose window opens within two hours get one reminder. Idempotent: reminded_at and the
   status guard make a second run (or two at once) do nothing more. Returns the counts. */
create function public.run_scheduled_jobs()
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
  return jsonb_build_object('missed', missed, 'reminded', reminded);
end
$$;

revoke all on function public.run_scheduled_jobs() from public, anon, authenticated;
grant execute on function public.run_scheduled_jobs() to service_role;
