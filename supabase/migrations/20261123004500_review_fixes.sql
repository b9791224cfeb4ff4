-- Fixes to the review RPCs of 004200: set_current_score's parameters share names with
-- call_submissions' columns, so plpgsql must be told the names in its UPDATE mean the parameters.

/* Stores a new current score on submission `s` and logs the change. */
create or replace function private.set_current_score(
  actor uuid, s public.call_submissions, answers jsonb, score jsonb, overall numeric,
  critical boolean, why text
)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
#variable_conflict use_variable
begin
  update public.call_submissions set
    current_answers = answers, current_score = score, current_overall = overall,
    current_critical_failed = coalesce(critical, false)
  where call_id = s.call_id;
  insert into public.audit_log (actor_id, organisation_id, action, entity, entity_id, before, after)
  values (actor, s.organisation_id, 'score_change', 'call_submissions', s.call_id::text,
    jsonb_build_object('overall', coalesce(s.current_overall, s.overall),
      'critical_failed', coalesce(s.current_critical_failed, s.critical_failed)),
    jsonb_build_object('overall', overall, 'critical_failed', coalesce(critical, false), 'why', why));
end
$$;
