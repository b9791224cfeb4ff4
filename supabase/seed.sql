-- Demo data for Clearcall: one audit organisation, two clients (a bank and a telecom operator), three
-- vendors with six sites, the lines they answer, and the demo accounts from design.md, every one with the
-- password `clearcall-demo`. Every name is invented. Fixed UUIDs and `on conflict do nothing` make it
-- safe to run again; profile details are set to the same values each time.

-- organisations ---------------------------------------------------------------------------------------

insert into public.organisations (id, kind, name, name_zh, audit_organisation_id) values
  ('a0000000-0000-4000-8000-000000000001', 'audit', 'Clearcall Assurance Partners', '清审合规咨询', null),
  ('c0000000-0000-4000-8000-000000000001', 'client', 'Harbour Bank', '港湾银行',
    'a0000000-0000-4000-8000-000000000001'),
  ('c0000000-0000-4000-8000-000000000002', 'client', 'Lumen Telecom', '流明电信',
    'a0000000-0000-4000-8000-000000000001'),
  ('d0000000-0000-4000-8000-00000000000a', 'vendor', 'Apex Contact Services', '顶点联络服务',
    'a0000000-0000-4000-8000-000000000001'),
  ('d0000000-0000-4000-8000-00000000000b', 'vendor', 'Bluewave BPO', '蓝浪外包服务',
    'a0000000-0000-4000-8000-000000000001'),
  ('d0000000-0000-4000-8000-00000000000c', 'vendor', 'Cedar Customer Care', '雪松客户关怀',
    'a0000000-0000-4000-8000-000000000001')
on conflict do nothing;

-- The bank outsources to vendors A and B, the telecom operator to A and C: A serves both clients.
insert into public.client_vendors (client_id, vendor_id) values
  ('c0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-00000000000a'),
  ('c0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-00000000000b'),
  ('c0000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-00000000000a'),
  ('c0000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-00000000000c')
on conflict do nothing;

-- sites and lines -------------------------------------------------------------------------------------

insert into public.sites (id, vendor_id, name, name_zh, address, city, country, time_zone, languages) values
  ('5e000000-0000-4000-8000-0000000000a1', 'd0000000-0000-4000-8000-00000000000a',
    'Apex Shanghai Centre', '顶点上海中心', '88 Century Avenue, Pudong', 'Shanghai', 'CN',
    'Asia/Shanghai', '{zh,en}'),
  ('5e000000-0000-4000-8000-0000000000a2', 'd0000000-0000-4000-8000-00000000000a',
    'Apex Chengdu Centre', '顶点成都中心', 'Tianfu Software Park, Hi-tech Zone', 'Chengdu', 'CN',
    'Asia/Shanghai', '{zh}'),
  ('5e000000-0000-4000-8000-0000000000b1', 'd0000000-0000-4000-8000-00000000000b',
    'Bluewave Manila', '蓝浪马尼拉中心', 'Bonifacio Global City, Taguig', 'Manila', 'PH',
    'Asia/Manila', '{en,tl}'),
  ('5e000000-0000-4000-8000-0000000000b2', 'd0000000-0000-4000-8000-00000000000b',
    'Bluewave Kuala Lumpur', '蓝浪吉隆坡中心', 'Bangsar South', 'Kuala Lumpur', 'MY',
    'Asia/Kuala_Lumpur', '{en,ms,zh}'),
  ('5e000000-0000-4000-8000-0000000000c1', 'd0000000-0000-4000-8000-00000000000c',
    'Cedar Dublin', '雪松都柏林中心', 'Grand Canal Dock', 'Dublin', 'IE', 'Europe/Dublin',
    '{en,fr,de}'),
  ('5e000000-0000-4000-8000-0000000000c2', 'd0000000-0000-4000-8000-00000000000c',
    'Cedar Sydney', '雪松悉尼中心', 'Miller Street, North Sydney', 'Sydney', 'AU',
    'Australia/Sydney', '{en,zh}')
on conflict do nothing;

insert into public.lines (id, site_id, client_id, label, phone_number, queue, languages) values
  ('1e000000-0000-4000-8000-000000000101', '5e000000-0000-4000-8000-0000000000a1',
    'c0000000-0000-4000-8000-000000000001', '信用卡客服热线', '+86 21 5550 0101', 'cards-zh', '{zh}'),
  ('1e000000-0000-4000-8000-000000000102', '5e000000-0000-4000-8000-0000000000a2',
    'c0000000-0000-4000-8000-000000000001', '财富管理专线', '+86 28 5550 0102', 'wealth', '{zh}'),
  ('1e000000-0000-4000-8000-000000000103', '5e000000-0000-4000-8000-0000000000b1',
    'c0000000-0000-4000-8000-000000000001', 'International cardholder line', '+63 2 5550 0103',
    'cards-en', '{en}'),
  ('1e000000-0000-4000-8000-000000000104', '5e000000-0000-4000-8000-0000000000b2',
    'c0000000-0000-4000-8000-000000000001', 'Mobile banking support', '+60 3 5550 0104', 'digital',
    '{en,ms,zh}'),
  ('1e000000-0000-4000-8000-000000000201', '5e000000-0000-4000-8000-0000000000a1',
    'c0000000-0000-4000-8000-000000000002', '宽带报修', '+86 21 5550 0201', 'broadband', '{zh}'),
  ('1e000000-0000-4000-8000-000000000202', '5e000000-0000-4000-8000-0000000000a2',
    'c0000000-0000-4000-8000-000000000002', '账单查询', '+86 28 5550 0202', 'billing', '{zh}'),
  ('1e000000-0000-4000-8000-000000000203', '5e000000-0000-4000-8000-0000000000c1',
    'c0000000-0000-4000-8000-000000000002', 'EU roaming desk', '+353 1 555 0203', 'roaming',
    '{en,fr,de}'),
  ('1e000000-0000-4000-8000-000000000204', '5e000000-0000-4000-8000-0000000000c2',
    'c0000000-0000-4000-8000-000000000002', 'Postpaid plans', '+61 2 5550 0204', 'postpaid',
    '{en,zh}')
on conflict do nothing;

-- demo accounts ---------------------------------------------------------------------------------------

-- As Supabase's own seeds do: confirmed e-mail users with an `email` identity. GoTrue reads the token
-- columns as strings, so they are '' rather than null.
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
  raw_user_meta_data, created_at, updated_at, confirmation_token, recovery_token,
  email_change_token_new, email_change
)
select
  '00000000-0000-0000-0000-000000000000', u.id::uuid, 'authenticated', 'authenticated',
  u.name || '@demo.clearcall.test', extensions.crypt('clearcall-demo', extensions.gen_salt('bf')),
  now(), '{"provider": "email", "providers": ["email"]}', '{}', now(), now(), '', '', '', ''
from (values
  ('a1000000-0000-4000-8000-000000000001', 'admin'),
  ('a1000000-0000-4000-8000-000000000002', 'officer'),
  ('b1000000-0000-4000-8000-000000000001', 'shopper1'),
  ('b1000000-0000-4000-8000-000000000002', 'shopper2'),
  ('b1000000-0000-4000-8000-000000000003', 'shopper3'),
  ('b1000000-0000-4000-8000-000000000004', 'shopper4'),
  ('b1000000-0000-4000-8000-000000000005', 'shopper5'),
  ('b1000000-0000-4000-8000-000000000006', 'shopper6'),
  ('b1000000-0000-4000-8000-000000000007', 'shopper7'),
  ('b1000000-0000-4000-8000-000000000008', 'shopper8'),
  ('b1000000-0000-4000-8000-000000000009', 'shopper9'),
  ('b1000000-0000-4000-8000-000000000010', 'shopper10'),
  ('d1000000-0000-4000-8000-00000000000a', 'vendor-a'),
  ('d1000000-0000-4000-8000-00000000000b', 'vendor-b'),
  ('d1000000-0000-4000-8000-00000000000c', 'vendor-c'),
  ('c1000000-0000-4000-8000-000000000001', 'client-bank'),
  ('c1000000-0000-4000-8000-000000000002', 'client-telecom')
) as u (id, name)
on conflict do nothing;

insert into auth.identities (
  provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at
)
select
  u.id::text, u.id,
  jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true,
    'phone_verified', false),
  'email', now(), now(), now()
from auth.users u
where u.email like '%@demo.clearcall.test'
on conflict do nothing;

insert into public.memberships (user_id, organisation_id, role)
select u.id, m.organisation_id::uuid, m.role::public.app_role
from (values
  ('admin', 'a0000000-0000-4000-8000-000000000001', 'admin'),
  ('officer', 'a0000000-0000-4000-8000-000000000001', 'compliance_officer'),
  ('vendor-a', 'd0000000-0000-4000-8000-00000000000a', 'vendor_manager'),
  ('vendor-b', 'd0000000-0000-4000-8000-00000000000b', 'vendor_manager'),
  ('vendor-c', 'd0000000-0000-4000-8000-00000000000c', 'vendor_manager'),
  ('client-bank', 'c0000000-0000-4000-8000-000000000001', 'client_viewer'),
  ('client-telecom', 'c0000000-0000-4000-8000-000000000002', 'client_viewer')
) as m (name, organisation_id, role)
join auth.users u on u.email = m.name || '@demo.clearcall.test'
on conflict do nothing;

insert into public.memberships (user_id, organisation_id, role)
select u.id, 'a0000000-0000-4000-8000-000000000001', 'shopper'
from auth.users u
where u.email ~ '^shopper[0-9]+@demo\.clearcall\.test$'
on conflict do nothing;

-- profiles (the auth.users trigger created them) -----------------------------------------------------

update public.profiles p
set display_name = v.display_name,
    locale = v.locale,
    pseudonym = v.pseudonym,
    phone = v.phone,
    languages = v.languages::text[],
    home_time_zone = v.home_time_zone,
    availability = v.availability::jsonb
from (values
  ('admin', '林晓', 'zh-CN', 'Auditor Osprey', '+86 138 0000 0001', '{zh,en}', 'Asia/Shanghai',
    '{"mon": ["09:00-18:00"], "tue": ["09:00-18:00"], "wed": ["09:00-18:00"], "thu": ["09:00-18:00"], "fri": ["09:00-18:00"]}'),
  ('officer', 'Aoife Byrne', 'en', 'Auditor Kestrel', '+353 85 555 0002', '{en,ga}', 'Europe/Dublin',
    '{"mon": ["08:30-17:00"], "tue": ["08:30-17:00"], "wed": ["08:30-17:00"], "thu": ["08:30-17:00"]}'),
  ('shopper1', '王芳', 'zh-CN', 'Shopper Heron', '+86 138 0000 0101', '{zh,en}', 'Asia/Shanghai',
    '{"mon": ["09:00-12:00", "14:00-18:00"], "wed": ["09:00-12:00"], "sat": ["10:00-16:00"]}'),
  ('shopper2', '李伟', 'zh-CN', 'Shopper Egret', '+86 138 0000 0102', '{zh}', 'Asia/Shanghai',
    '{"tue": ["13:00-20:00"], "thu": ["13:00-20:00"], "sun": ["10:00-14:00"]}'),
  ('shopper3', '张敏', 'zh-CN', 'Shopper Crane', '+86 138 0000 0103', '{zh,en}', 'Asia/Shanghai',
    '{"mon": ["18:00-21:00"], "fri": ["18:00-21:00"], "sat": ["09:00-17:00"]}'),
  ('shopper4', 'Maria Santos', 'en', 'Shopper Tern', '+63 917 555 0104', '{en,tl}', 'Asia/Manila',
    '{"mon": ["08:00-12:00"], "tue": ["08:00-12:00"], "wed": ["08:00-12:00"]}'),
  ('shopper5', 'Nurul Aisyah', 'en', 'Shopper Plover', '+60 12 555 0105', '{ms,en,zh}',
    'Asia/Kuala_Lumpur', '{"wed": ["10:00-16:00"], "thu": ["10:00-16:00"], "fri": ["10:00-16:00"]}'),
  ('shopper6', 'Siobhán Kelly', 'en', 'Shopper Curlew', '+353 87 555 0106', '{en,ga,fr}',
    'Europe/Dublin', '{"mon": ["09:30-13:00"], "thu": ["14:00-18:00"]}'),
  ('shopper7', 'Jack Nguyen', 'en', 'Shopper Ibis', '+61 491 570 107', '{en,vi}', 'Australia/Sydney',
    '{"tue": ["09:00-15:00"], "sat": ["09:00-12:00"]}'),
  ('shopper8', '陈嘉怡', 'zh-CN', 'Shopper Avocet', '+852 5555 0108', '{yue,zh,en}', 'Asia/Hong_Kong',
    '{"mon": ["19:00-22:00"], "wed": ["19:00-22:00"], "sun": ["13:00-18:00"]}'),
  ('shopper9', 'Tan Wei Ling', 'en', 'Shopper Sandpiper', '+65 8555 0109', '{en,zh,ms}',
    'Asia/Singapore', '{"fri": ["09:00-17:00"], "sat": ["09:00-17:00"]}'),
  ('shopper10', '刘洋', 'zh-CN', 'Shopper Godwit', '+86 138 0000 0110', '{zh,en}', 'Asia/Shanghai',
    '{"mon": ["10:00-16:00"], "tue": ["10:00-16:00"], "wed": ["10:00-16:00"], "thu": ["10:00-16:00"]}'),
  ('vendor-a', '周磊', 'zh-CN', 'Manager Larch', '+86 21 5550 1001', '{zh,en}', 'Asia/Shanghai', '{}'),
  ('vendor-b', 'Paolo Reyes', 'en', 'Manager Alder', '+63 2 5550 1002', '{en,tl}', 'Asia/Manila', '{}'),
  ('vendor-c', 'Ciarán Walsh', 'en', 'Manager Rowan', '+353 1 555 1003', '{en}', 'Europe/Dublin', '{}'),
  ('client-bank', '赵琳', 'zh-CN', 'Client Juniper', '+86 21 5550 2001', '{zh,en}', 'Asia/Shanghai',
    '{}'),
  ('client-telecom', 'Priya Raman', 'en', 'Client Hazel', '+61 2 5550 2002', '{en}',
    'Australia/Sydney', '{}')
) as v (name, display_name, locale, pseudonym, phone, languages, home_time_zone, availability)
where p.email = v.name || '@demo.clearcall.test';
