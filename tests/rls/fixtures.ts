/**
 * The world the RLS suites run in: the demo seed (one audit organisation and its tenants) plus a second,
 * unrelated audit organisation created here, so "another tenant" exists for every role. Fixtures are
 * written straight to the database as its owner; every assertion then goes through supabase-js.
 */
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types';
import { startTestStack, type TestStack } from '../../supabase/local/tests/stack';

export type Role = 'admin' | 'officer' | 'shopper' | 'vendorA' | 'clientBank' | 'anon';
export const ROLES: readonly Role[] = [
	'admin',
	'officer',
	'shopper',
	'vendorA',
	'clientBank',
	'anon'
];
export const PASSWORD = 'clearcall-demo';
const EMAIL: Record<Exclude<Role, 'anon'>, string> = {
	admin: 'admin@demo.clearcall.test',
	officer: 'officer@demo.clearcall.test',
	shopper: 'shopper1@demo.clearcall.test',
	vendorA: 'vendor-a@demo.clearcall.test',
	clientBank: 'client-bank@demo.clearcall.test'
};

/** The seed's fixed ids, by the names the matrix uses. */
export const SEEDED = {
	audit: 'a0000000-0000-4000-8000-000000000001',
	bank: 'c0000000-0000-4000-8000-000000000001',
	telecom: 'c0000000-0000-4000-8000-000000000002',
	vendorA: 'd0000000-0000-4000-8000-00000000000a',
	vendorB: 'd0000000-0000-4000-8000-00000000000b',
	vendorC: 'd0000000-0000-4000-8000-00000000000c',
	siteA1: '5e000000-0000-4000-8000-0000000000a1',
	siteA2: '5e000000-0000-4000-8000-0000000000a2',
	siteB1: '5e000000-0000-4000-8000-0000000000b1',
	siteB2: '5e000000-0000-4000-8000-0000000000b2',
	siteC1: '5e000000-0000-4000-8000-0000000000c1',
	siteC2: '5e000000-0000-4000-8000-0000000000c2',
	lineBankA1: '1e000000-0000-4000-8000-000000000101',
	lineBankA2: '1e000000-0000-4000-8000-000000000102',
	lineBankB1: '1e000000-0000-4000-8000-000000000103',
	lineBankB2: '1e000000-0000-4000-8000-000000000104',
	lineTelA1: '1e000000-0000-4000-8000-000000000201',
	lineTelA2: '1e000000-0000-4000-8000-000000000202',
	lineTelC1: '1e000000-0000-4000-8000-000000000203',
	lineTelC2: '1e000000-0000-4000-8000-000000000204'
} as const;

/** The demo accounts whose memberships and profiles the matrix names (`m:<name>`, `p:<name>`). */
export const DEMO_USERS = [
	'admin',
	'officer',
	'shopper1',
	'shopper2',
	'shopper3',
	'shopper4',
	'shopper5',
	'shopper6',
	'shopper7',
	'shopper8',
	'shopper9',
	'shopper10',
	'vendor-a',
	'vendor-b',
	'vendor-c',
	'client-bank',
	'client-telecom'
] as const;

export interface World {
	stack: TestStack;
	/** A signed-in supabase-js client per role (`anon` has no session). */
	as: Record<Role, SupabaseClient<Database>>;
	/** Every fixture id by name: the seeded ones, the other tenant's (`x…`) and spares. */
	ids: Record<string, string>;
	/** Runs SQL as the database owner (fixtures and checks only). */
	sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
	/** A user with no memberships, for rows that need someone to point at. */
	spareUserId: string;
	close(): Promise<void>;
}

/** Creates an auth user the way the seed does; the auth.users trigger adds the profile. */
export async function createUser(stack: TestStack, email: string): Promise<string> {
	const id = randomUUID();
	await stack.db.query(
		`insert into auth.users (instance_id, id, aud, role, email, encrypted_password,
		   email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
		 values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
		   extensions.crypt($3, extensions.gen_salt('bf')), now(),
		   '{"provider": "email", "providers": ["email"]}', '{}', now(), now())`,
		[id, email, PASSWORD]
	);
	return id;
}

async function createOtherTenant(stack: TestStack, ids: Record<string, string>) {
	const q = (text: string, params: unknown[]) => stack.db.query(text, params);
	for (const [name, kind, parent] of [
		['xAudit', 'audit', null],
		['xClient', 'client', 'xAudit'],
		['xVendor', 'vendor', 'xAudit'],
		['xSpareVendor', 'vendor', 'xAudit'],
		['spareVendor', 'vendor', 'audit']
	] as const) {
		ids[name] = randomUUID();
		await q(
			`insert into public.organisations (id, kind, name, name_zh, audit_organisation_id)
			 values ($1, $2, $3, $3, $4)`,
			[ids[name], kind, `Fixture ${name}`, parent ? (ids[parent] ?? null) : null]
		);
	}
	await q(`insert into public.client_vendors (client_id, vendor_id) values ($1, $2)`, [
		ids.xClient,
		ids.xVendor
	]);
	ids.xSite = randomUUID();
	await q(
		`insert into public.sites (id, vendor_id, name, city, country, time_zone)
		 values ($1, $2, 'Fixture site', 'Auckland', 'NZ', 'Pacific/Auckland')`,
		[ids.xSite, ids.xVendor]
	);
	ids.xLine = randomUUID();
	await q(
		`insert into public.lines (id, site_id, client_id, label, phone_number)
		 values ($1, $2, $3, 'Fixture line', '+64 9 555 0100')`,
		[ids.xLine, ids.xSite, ids.xClient]
	);
	ids['u:xAdmin'] = await createUser(stack, 'x-admin@fixture.clearcall.test');
	await q(
		`insert into public.memberships (user_id, organisation_id, role) values ($1, $2, 'admin')`,
		[ids['u:xAdmin'], ids.xAudit]
	);
}

/** Starts a stack, builds the other tenant, and signs every demo role in. */
export async function startWorld(): Promise<World> {
	const stack = await startTestStack();
	const ids: Record<string, string> = { ...SEEDED };
	await createOtherTenant(stack, ids);
	const spareUserId = await createUser(stack, 'spare@fixture.clearcall.test');
	ids['u:spare'] = spareUserId;
	for (const [name, org] of [
		['log:own', ids.audit],
		['log:other', ids.xAudit]
	]) {
		const r = await stack.db.query<{ id: number }>(
			`insert into public.audit_log (organisation_id, action, entity) values ($1, 'fixture', 'rls')
			 returning id`,
			[org]
		);
		ids[name] = String(r.rows[0].id);
	}

	const people = await stack.db.query<{ name: string; id: string; membership: string | null }>(
		`select split_part(u.email, '@', 1) as name, u.id::text as id, m.id::text as membership
		   from auth.users u left join public.memberships m on m.user_id = u.id`
	);
	for (const p of people.rows) {
		const name = p.name === 'x-admin' ? 'xAdmin' : p.name;
		ids[`u:${name}`] = p.id;
		ids[`p:${name}`] = p.id;
		if (p.membership) ids[`m:${name}`] = p.membership;
	}

	const opts = { auth: { persistSession: false, autoRefreshToken: false } };
	const client = () => createClient<Database>(stack.url, stack.anonKey, opts);
	const as = { anon: client() } as Record<Role, SupabaseClient<Database>>;
	for (const role of Object.keys(EMAIL) as Exclude<Role, 'anon'>[]) {
		as[role] = client();
		const { error } = await as[role].auth.signInWithPassword({
			email: EMAIL[role],
			password: PASSWORD
		});
		if (error) throw new Error(`${role} could not sign in: ${error.message}`);
	}

	return {
		stack,
		as,
		ids,
		spareUserId,
		sql: async (text, params) => (await stack.db.query(text, params)).rows as never,
		close: () => stack.close()
	};
}
