-- The private `evidence` bucket: call recordings and screenshots shoppers attach to a call.
-- Object names are `<organisation_id>/<call_id>/<uuid>.<ext>`; the policies read the two folders to
-- find the call, so a file is always tied to exactly one call of one organisation.
--   * The call's assigned shopper uploads, replaces and removes files while the call is open
--     (scheduled or in_progress) and still reads them after submitting; never once it is submitted
--     may a file change, since the report and its score point at it.
--   * Admins and compliance officers of the organisation read them (the app logs every playback or
--     download, see /api/evidence). Vendor managers, client viewers, other tenants and anon: nothing.
-- Size and type limits mirror MAX_EVIDENCE_BYTES and EVIDENCE_MIME_TYPES in
-- src/lib/schemas/submission.ts (a test keeps them equal). Runs unchanged on hosted Supabase: it only
-- inserts a bucket row and adds policies (RLS on storage.objects is already on there).

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values (
  'evidence', 'evidence', false, 104857600,
  array[
    'audio/mpeg', 'audio/mp4', 'audio/aac', 'audio/ogg', 'audio/webm', 'audio/wav',
    'image/png', 'image/jpeg', 'image/webp'
  ]
)
on conflict (id) do update set
  public = excluded.public,
  file_size_limit = excluded.file_size_limit,
  allowed_mime_types = excluded.allowed_mime_types;

-- helpers ---------------------------------------------------------------------------------------------

/* The call an evidence object name points at: its second folder when the name has exactly the shape
   `<uuid>/<uuid>/<file>`, else null (never an error, so a malformed name is simply refused). */
create function private.evidence_call_id(object_name text)
returns uuid
language sql immutable
set search_path = ''
as $$
  select case
    when object_name ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[^/]+$'
    then split_part(object_name, '/', 2)::uuid
  end
$$;

/* True when object `object_name` lies under a call of the organisation named by its first folder
   that is assigned to the signed-in shopper and whose status is one of `statuses`. Definer so the
   check sees the call's status whatever the caller may read. */
create function private.is_own_evidence(object_name text, statuses public.call_status[])
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.test_calls c
    where c.id = private.evidence_call_id(object_name)
      and c.organisation_id::text = split_part(object_name, '/', 1)
      and c.shopper_id = (select auth.uid())
      and c.status = any (statuses)
      and private.has_org_role(c.organisation_id, '{shopper}')
  )
$$;

/* True when object `object_name` lies under a call of the organisation named by its first folder in
   which the signed-in user holds one of `roles`. */
create function private.is_org_evidence(object_name text, roles public.app_role[])
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.test_calls c
    where c.id = private.evidence_call_id(object_name)
      and c.organisation_id::text = split_part(object_name, '/', 1)
      and private.has_org_role(c.organisation_id, roles)
  )
$$;

revoke all on function private.evidence_call_id(text) from public, anon;
revoke all on function private.is_own_evidence(text, public.call_status[]) from public, anon;
revoke all on function private.is_org_evidence(text, public.app_role[]) from public, anon;
grant execute on function private.evidence_call_id(text) to authenticated, service_role;
grant execute on function private.is_own_evidence(text, public.call_status[])
  to authenticated, service_role;
grant execute on function private.is_org_evidence(text, public.app_role[])
  to authenticated, service_role;

-- policies: storage.objects in the evidence bucket ----------------------------------------------------
-- storage.objects(bucket_id, name) is indexed by Supabase (objects_bucket_id_name_idx / bname);
-- the helpers look calls up by primary key.

create policy "Shoppers can view the evidence of their calls"
  on storage.objects for select to authenticated
  using (
    bucket_id = 'evidence'
    and private.is_own_evidence(name, '{scheduled,in_progress,submitted,reviewed,closed}')
  );

create policy "Audit staff can view their organisation's evidence"
  on storage.objects for select to authenticated
  using (bucket_id = 'evidence' and private.is_org_evidence(name, '{admin,compliance_officer}'));

create policy "Shoppers can upload evidence to their open calls"
  on storage.objects for insert to authenticated
  with check (bucket_id = 'evidence' and private.is_own_evidence(name, '{scheduled,in_progress}'));

create policy "Shoppers can replace evidence of their open calls"
  on storage.objects for update to authenticated
  using (bucket_id = 'evidence' and private.is_own_evidence(name, '{scheduled,in_progress}'))
  with check (bucket_id = 'evidence' and private.is_own_evidence(name, '{scheduled,in_progress}'));

create policy "Shoppers can remove evidence from their open calls"
  on storage.objects for delete to authenticated
  using (bucket_id = 'evidence' and private.is_own_evidence(name, '{scheduled,in_progress}'));
