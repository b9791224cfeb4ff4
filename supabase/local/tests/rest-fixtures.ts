/**
 * Fixtures for the /rest/v1 conformance suites: a small schema with every kind of relationship
 * (many-to-one, one-to-many, one-to-one, many-to-many, two FKs to one table, self reference),
 * row-level security on an owned table, and helpers to call the stack with supabase-js or fetch.
 */
import { afterAll, beforeAll } from 'vitest';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { StackConfig } from '../src/config';
import { startTestStack, type TestStack } from './stack';

export const OWNER_A = '00000000-0000-4000-8000-00000000000a';
export const OWNER_B = '00000000-0000-4000-8000-00000000000b';

export const FIXTURES = `
create table rt_orgs (id int primary key, name text not null);
create table rt_sites (id int primary key, org_id int not null references rt_orgs(id), name text not null,
  city text, parent_id int references rt_sites(id));
create table rt_agents (id int primary key, name text not null);
create table rt_calls (
  id int primary key,
  site_id int references rt_sites(id),
  agent_id int references rt_agents(id),
  reviewer_id int references rt_agents(id),
  score numeric(5,2),
  status text not null default 'new',
  tags text[] not null default '{}',
  meta jsonb,
  note text,
  placed_at timestamptz not null default '2026-01-01T00:00:00Z'
);
create table rt_labels (id int primary key, name text not null unique);
create table rt_call_labels (call_id int references rt_calls(id), label_id int references rt_labels(id),
  primary key (call_id, label_id));
create table rt_call_details (call_id int primary key references rt_calls(id), transcript text);
create table rt_notes (id serial primary key, owner uuid not null default auth.uid(), body text not null);
alter table rt_notes enable row level security;
create policy rt_notes_read on rt_notes for select to authenticated using (owner = auth.uid());
create policy rt_notes_write on rt_notes for insert to authenticated with check (owner = auth.uid());
create policy rt_notes_update on rt_notes for update to authenticated using (owner = auth.uid());
create table rt_inbox (id serial primary key, body text not null);
alter table rt_inbox enable row level security;
create policy rt_inbox_drop on rt_inbox for insert to anon with check (true);
create table rt_secrets (id int primary key, value text);
revoke all on rt_secrets from anon, authenticated;

insert into rt_orgs values (1, 'Northwind'), (2, 'Contoso');
insert into rt_sites values (1, 1, 'Oslo hub', 'Oslo', null), (2, 1, 'Bergen', 'Bergen', 1),
  (3, 2, 'Rome, centre', null, null);
insert into rt_agents values (1, 'Ann'), (2, 'Bob'), (3, 'Cem');
insert into rt_calls (id, site_id, agent_id, reviewer_id, score, status, tags, meta, note) values
  (1, 1, 1, 2, 91.5, 'scored', '{billing,urgent}', '{"lang":"en","dur":{"s":120}}', 'fine'),
  (2, 1, 2, 3, 64, 'scored', '{billing}', '{"lang":"nb","dur":{"s":300}}', null),
  (3, 2, 1, null, null, 'new', '{}', null, 'needs (review), soon'),
  (4, 2, 3, 1, 78.25, 'disputed', '{urgent}', '{"lang":"en"}', 'O''Brien said "hi"'),
  (5, 3, null, null, 50, 'scored', '{sales}', '{"lang":"it"}', '100% sure'),
  (6, null, 2, 2, 88, 'new', '{sales,billing}', null, null);
insert into rt_labels values (1, 'rude'), (2, 'great'), (3, 'late');
insert into rt_call_labels values (1, 2), (2, 1), (2, 3), (4, 3);
insert into rt_call_details values (1, 'hello'), (4, 'hi there');
insert into rt_notes (owner, body) values ('${OWNER_A}', 'a1'), ('${OWNER_A}', 'a2'), ('${OWNER_B}', 'b1');
insert into rt_secrets values (1, 'x');

create function rt_add(a int, b int default 10) returns int language sql immutable as 'select a + b';
create function rt_calls_of(site int) returns setof rt_calls language sql stable
  as 'select * from rt_calls where site_id = site';
create function rt_stats(min_score numeric default 0) returns table (status text, n bigint)
  language sql stable as 'select status, count(*) from rt_calls where coalesce(score, 0) >= min_score group by status';
create function rt_first_call() returns rt_calls language sql stable as 'select * from rt_calls order by id limit 1';
create function rt_touch(call int) returns void language sql as 'update rt_calls set note = ''touched'' where id = call';
create function rt_echo(payload jsonb) returns jsonb language sql immutable as 'select payload';
create function rt_sum(nums int[]) returns int language sql immutable as 'select sum(x)::int from unnest(nums) x';
create function rt_fail(msg text) returns int language plpgsql as $$ begin raise exception '%', msg; end $$;
create function rt_whoami() returns text language sql stable as $$ select coalesce(auth.uid()::text, auth.role()) $$;
create function rt_whole(jsonb) returns jsonb language sql immutable as 'select $1';
create function rt_teapot() returns int language plpgsql as $$
  begin raise sqlstate 'PT418' using message = 'I am a teapot'; end $$;
create function rt_custom() returns int language plpgsql as $$
  begin raise sqlstate 'PGRST' using message = '{"code":"CC1","message":"Payment required"}',
    detail = '{"status":402,"headers":{"X-Reason":"quota"}}'; end $$;
create table rt_slots (id int primary key, during int4range not null);
insert into rt_slots values (1, '[1,5)'), (2, '[5,10)'), (3, '[20,30)');
create function rt_over(a int) returns int language sql as 'select a';
create function rt_over(a text) returns int language sql as 'select 2';
`;

/** A throw-away stack with the fixtures loaded. */
export async function restStack(overrides: Partial<StackConfig> = {}): Promise<TestStack> {
	const stack = await startTestStack(overrides);
	await stack.db.exec(FIXTURES);
	return stack;
}

export interface RestSuite {
	stack: TestStack;
	/** A supabase-js client with the anon key. */
	anon: SupabaseClient;
}

/** Starts a fixture stack before the file's tests and closes it after; fields are set in beforeAll. */
export function restSuite(overrides: Partial<StackConfig> = {}): RestSuite {
	const suite = {} as RestSuite;
	beforeAll(async () => {
		suite.stack = await restStack(overrides);
		suite.anon = suite.stack.anon();
	});
	afterAll(() => suite.stack?.close());
	return suite;
}

/** A supabase-js client acting with a given JWT (e.g. an authenticated user). */
export function clientWithToken(stack: TestStack, token: string): SupabaseClient {
	return createClient(stack.url, stack.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false },
		global: { headers: { Authorization: `Bearer ${token}` } }
	});
}

/** A user's client: role authenticated, `sub` set, so auth.uid() sees it. */
export async function userClient(stack: TestStack, sub: string): Promise<SupabaseClient> {
	return clientWithToken(
		stack,
		await stack.sign({ role: 'authenticated', sub, aud: 'authenticated' })
	);
}

export type Key = 'anon' | 'service' | { token: string };

/** Raw fetch to /rest/v1 with the gateway headers supabase-js would send. */
export async function rest(
	stack: TestStack,
	path: string,
	init: RequestInit & { key?: Key } = {}
): Promise<Response> {
	const key = init.key ?? 'anon';
	const token =
		key === 'anon' ? stack.anonKey : key === 'service' ? stack.serviceRoleKey : key.token;
	const headers = new Headers(init.headers);
	if (!headers.has('apikey'))
		headers.set('apikey', key === 'service' ? stack.serviceRoleKey : stack.anonKey);
	if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
	return fetch(`${stack.url}/rest/v1/${path}`, { ...init, headers });
}
