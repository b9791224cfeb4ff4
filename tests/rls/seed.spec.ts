/**
 * The demo seed: every account in design.md signs in with `clearcall-demo` and holds the role it is
 * named for; the data comes in both languages; running the seed again changes nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/database.types';
import { PROJECT_ROOT } from '../../supabase/local/src/config';
import { startTestStack, type TestStack } from '../../supabase/local/tests/stack';
import { PASSWORD } from './fixtures';

type Account = [string, Database['public']['Enums']['app_role'], string];
const ACCOUNTS: Account[] = [
	['admin', 'admin', 'Clearcall Assurance Partners'],
	['officer', 'compliance_officer', 'Clearcall Assurance Partners'],
	...Array.from({ length: 10 }, (_, i): Account => [
		`shopper${i + 1}`,
		'shopper',
		'Clearcall Assurance Partners'
	]),
	['vendor-a', 'vendor_manager', 'Apex Contact Services'],
	['vendor-b', 'vendor_manager', 'Bluewave BPO'],
	['vendor-c', 'vendor_manager', 'Cedar Customer Care'],
	['client-bank', 'client_viewer', 'Harbour Bank'],
	['client-telecom', 'client_viewer', 'Lumen Telecom']
];

let stack: TestStack;
beforeAll(async () => {
	stack = await startTestStack();
});
afterAll(() => stack?.close());
const sql = async <T = Record<string, unknown>>(text: string) =>
	(await stack.db.query<T>(text)).rows;

describe('demo seed', () => {
	for (const [name, role, organisation] of ACCOUNTS) {
		it(`${name}@demo.clearcall.test signs in with clearcall-demo as ${role} of ${organisation}`, async () => {
			const client = createClient<Database>(stack.url, stack.anonKey, {
				auth: { persistSession: false, autoRefreshToken: false }
			});
			const { error } = await client.auth.signInWithPassword({
				email: `${name}@demo.clearcall.test`,
				password: PASSWORD
			});
			expect(error).toBeNull();
			const { data } = await client.rpc('my_memberships');
			expect(data!.map((m) => [m.role, m.organisation_name])).toEqual([[role, organisation]]);
		});
	}

	it('refuses a demo account with a wrong password', async () => {
		const { data, error } = await stack
			.anon()
			.auth.signInWithPassword({ email: 'admin@demo.clearcall.test', password: 'clearcall' });
		expect(error?.status).toBe(400);
		expect(data.session).toBeNull();
	});

	it('has one audit organisation, a bank and a telecom client, three vendors and six sites', async () => {
		const orgs = await sql<{ kind: string; n: number }>(
			'select kind::text, count(*)::int as n from organisations group by kind order by kind'
		);
		expect(orgs).toEqual([
			{ kind: 'audit', n: 1 },
			{ kind: 'client', n: 2 },
			{ kind: 'vendor', n: 3 }
		]);
		const sites = await sql<{ city: string; time_zone: string }>(
			'select city, time_zone from sites order by city'
		);
		expect(sites.map((s) => s.city)).toEqual([
			'Chengdu',
			'Dublin',
			'Kuala Lumpur',
			'Manila',
			'Shanghai',
			'Sydney'
		]);
		expect(new Set(sites.map((s) => s.time_zone)).size).toBe(5);
		const lines = await sql<{ n: number }>('select count(distinct client_id)::int as n from lines');
		expect(lines).toEqual([{ n: 2 }]);
	});

	it('names every organisation and site in English and Chinese, and mixes both UI locales', async () => {
		const missing = await sql(
			`select name from organisations where name_zh is null or name_zh !~ '[\\u4e00-\\u9fff]'
			 union all select name from sites where name_zh is null or name_zh !~ '[\\u4e00-\\u9fff]'`
		);
		expect(missing).toEqual([]);
		const locales = await sql<{ locale: string }>(
			'select distinct locale from profiles order by locale'
		);
		expect(locales.map((l) => l.locale)).toEqual(['en', 'zh-CN']);
	});

	it('gives every demo user a pseudonym, and every shopper languages, a home time zone and availability', async () => {
		const users = await sql<{ n: number }>(
			`select count(*)::int as n from profiles
			  where email like '%@demo.clearcall.test' and pseudonym !~ '^Agent '`
		);
		expect(users).toEqual([{ n: 17 }]);
		const shoppers = await sql(
			`select p.email from profiles p join memberships m on m.user_id = p.id and m.role = 'shopper'
			  where cardinality(p.languages) = 0 or p.home_time_zone is null or p.availability = '{}'`
		);
		expect(shoppers).toEqual([]);
	});

	it('can run again without changing anything', async () => {
		const census = () =>
			sql(
				`select (select count(*) from organisations) as o, (select count(*) from client_vendors) as cv,
				        (select count(*) from sites) as s, (select count(*) from lines) as l,
				        (select count(*) from auth.users) as u, (select count(*) from auth.identities) as i,
				        (select count(*) from memberships) as m, (select count(*) from profiles) as p,
				        (select count(*) from audit_log) as log`
			);
		const before = await census();
		const seed = readFileSync(path.join(PROJECT_ROOT, 'supabase/seed.sql'), 'utf8');
		await stack.db.transaction((tx) => tx.exec(seed));
		expect(await census()).toEqual(before);
	});
});
