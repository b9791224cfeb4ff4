-- Demo recording rules: a mix across the six sites so the phone shows each rule. Illustrative values
-- for the invented sites, not a statement of any country's law.

update public.sites set recording_policy = p.policy
from (values
  ('5e000000-0000-4000-8000-0000000000a1'::uuid, 'all_party'),
  ('5e000000-0000-4000-8000-0000000000a2'::uuid, 'all_party'),
  ('5e000000-0000-4000-8000-0000000000b1'::uuid, 'not_allowed'),
  ('5e000000-0000-4000-8000-0000000000b2'::uuid, 'one_party'),
  ('5e000000-0000-4000-8000-0000000000c1'::uuid, 'one_party'),
  ('5e000000-0000-4000-8000-0000000000c2'::uuid, 'all_party')
) as p (id, policy)
where sites.id = p.id;
