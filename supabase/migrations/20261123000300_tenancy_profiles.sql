-- Profiles: one per auth user, created by a trigger on auth.users (the pattern Supabase documents), so
-- sign-up and admin invites need no second write. Everyone reads and edits their own profile; audit
-- staff read the profiles of the people in the organisations they manage; vendor managers and client
-- viewers never see anyone else's, and see agents and shoppers only by pseudonym elsewhere.

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text,
  display_name text,
  locale text not null default 'zh-CN' check (locale in ('en', 'zh-CN')),
  phone text,
  languages text[] not null default '{}',
  home_time_zone text check (home_time_zone is null or private.is_time_zone(home_time_zone)),
  availability jsonb not null default '{}' check (jsonb_typeof(availability) = 'object'),
  pseudonym text not null
    default ('Agent ' || upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 6))),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is
  'Per-user details: display name, UI locale, contact phone; for shoppers also languages, home time zone and availability.';
comment on column public.profiles.email is 'Copied from auth.users and kept in step by a trigger.';
comment on column public.profiles.languages is 'BCP 47 language tags the person can call or work in.';
comment on column public.profiles.home_time_zone is 'IANA time zone name; availability is in this zone.';
comment on column public.profiles.availability is
  'Weekly windows by weekday, e.g. {"mon": ["09:00-12:00", "14:00-18:00"], "sat": []}.';
comment on column public.profiles.pseudonym is
  'The only name clients and vendors ever see for this person.';
alter table public.profiles enable row level security;

-- helpers ---------------------------------------------------------------------------------------------

/* True when user `target_user` is a member of an organisation whose audit organisation (or which
   itself, if an audit organisation) has the signed-in user in one of `roles`. */
create function private.is_member_managed_by(target_user uuid, roles public.app_role[])
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.memberships theirs
    join public.organisations o on o.id = theirs.organisation_id
    join public.memberships mine on mine.organisation_id = coalesce(o.audit_organisation_id, o.id)
    where theirs.user_id = target_user
      and mine.user_id = (select auth.uid())
      and mine.role = any (roles)
  )
$$;

revoke all on function private.is_member_managed_by(uuid, public.app_role[]) from public, anon;
grant execute on function private.is_member_managed_by(uuid, public.app_role[])
  to authenticated, service_role;

-- triggers --------------------------------------------------------------------------------------------

create function private.touch_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

create trigger profiles_touch_updated_at before update on public.profiles
  for each row execute function private.touch_updated_at();

-- Definer because the inserting role (GoTrue's, or service_role) has no rights on public.profiles. Only
-- harmless metadata is taken from sign-up: a display name and a supported locale.
create function private.handle_new_user() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
begin
  insert into public.profiles (id, email, display_name, locale)
  values (
    new.id,
    new.email,
    coalesce(nullif(trim(meta ->> 'display_name'), ''), split_part(new.email, '@', 1)),
    case when meta ->> 'locale' in ('en', 'zh-CN') then meta ->> 'locale' else 'zh-CN' end
  )
  on conflict (id) do nothing;
  return new;
end
$$;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function private.handle_new_user();

create function private.handle_user_email_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.profiles set email = new.email where id = new.id;
  return new;
end
$$;

create trigger on_auth_user_email_changed after update of email on auth.users
  for each row when (old.email is distinct from new.email)
  execute function private.handle_user_email_change();

revoke all on function private.touch_updated_at() from public, anon, authenticated;
revoke all on function private.handle_new_user() from public, anon, authenticated;
revoke all on function private.handle_user_email_change() from public, anon, authenticated;

-- grants ----------------------------------------------------------------------------------------------

revoke all on public.profiles from anon, authenticated;
grant select on public.profiles to authenticated;
-- Email follows auth.users and the pseudonym is assigned, so users edit only these columns.
grant update (display_name, locale, phone, languages, home_time_zone, availability)
  on public.profiles to authenticated;
grant all on public.profiles to service_role;

-- policies --------------------------------------------------------------------------------------------

create policy "Users can view their own profile"
  on public.profiles for select to authenticated
  using (id = (select auth.uid()));

create policy "Audit staff can view profiles of members of their tenants"
  on public.profiles for select to authenticated
  using (private.is_member_managed_by(id, '{admin,compliance_officer}'));

create policy "Users can update their own profile"
  on public.profiles for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));
