/**
 * What the scheduling schema promises as a whole, read from the catalogue: row-level security on
 * every new table, no path for API roles into the outbox, definer functions pinned to an empty
 * search_path and closed to anon, and the indexes the policies and the calendar queries rely on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../supabase/local/tests/stack';

let stack: TestStack;
beforeAll(async () => {
	stack = await startTestStack();
});
afterAll(() => stack?.close());

const rows = async <T>(sql: string, params: unknown[] = []) =>
	(await stack.db.query<T>(sql, params)).rows;

const TABLES = [
	'programmes',
	'unfillable_calls',
	'shopper_conflicts',
	'notifications',
	'email_outbox',
	'calendar_feeds'
];
const FUNCTIONS = ['claim_open_call', 'reschedule_call', 'cancel_call', 'run_scheduled_jobs'];

describe('the scheduling schema', () => {
	it('has row-level security on every scheduling table', async () => {
		const found = await rows<{ relname: string; relrowsecurity: boolean }>(
			`select relname, relrowsecurity from pg_class
			 where relnamespace = 'public'::regnamespace and relname = any ($1) order by relname`,
			[TABLES]
		);
		expect(found).toEqual([...TABLES].sort().map((relname) => ({ relname, relrowsecurity: true })));
	});

	it('gives anon and authenticated no privilege at all on the e-mail outbox', async () => {
		const found = await rows<{ role: string; any: boolean }>(
			`select r as role, has_table_privilege(r, 'public.email_outbox',
			   'select, insert, update, delete, truncate, references, trigger') as any
			 from unnest(array['anon', 'authenticated']) r`
		);
		expect(found).toEqual([
			{ role: 'anon', any: false },
			{ role: 'authenticated', any: false }
		]);
	});

	it('lets only service_role run the scheduled jobs, and keeps anon out of every RPC', async () => {
		const found = await rows<{ fn: string; anon: boolean; authed: boolean; service: boolean }>(
			`select p.proname as fn,
			   has_function_privilege('anon', p.oid, 'execute') as anon,
			   has_function_privilege('authenticated', p.oid, 'execute') as authed,
			   has_function_privilege('service_role', p.oid, 'execute') as service
			 from pg_proc p where p.pronamespace = 'public'::regnamespace and p.proname = any ($1)
			 order by 1`,
			[FUNCTIONS]
		);
		expect(found).toEqual([
			{ fn: 'cancel_call', anon: false, authed: true, service: true },
			{ fn: 'claim_open_call', anon: false, authed: true, service: true },
			{ fn: 'reschedule_call', anon: false, authed: true, service: true },
			{ fn: 'run_scheduled_jobs', anon: false, authed: false, service: true }
		]);
	});

	it('pins every function it adds to an empty search_path', async () => {
		const found = await rows<{ fn: string; config: string[] | null }>(
			`select p.proname as fn, p.proconfig as config from pg_proc p
			 where p.proname = any ($1) or p.proname in ('check_programme', 'check_call_lifecycle',
			   'audit_call_change', 'notify_call', 'notify_call_change', 'check_calendar_feed',
			   'check_unfillable_call', 'check_shopper_conflict', 'has_programme_role', 'is_shopper',
			   'check_test_call_programme')`,
			[FUNCTIONS]
		);
		expect(found).toHaveLength(FUNCTIONS.length + 11);
		for (const f of found) expect(f.config, f.fn).toContain('search_path=""');
	});

	it('indexes the calendar queries and every column a policy or foreign key looks up', async () => {
		const found = await rows<{ def: string }>(
			`select indexdef as def from pg_indexes where schemaname = 'public'
			 and tablename = any ($1)`,
			[[...TABLES, 'test_calls']]
		);
		const defs = found.map((r) => r.def.replace(/^.* USING btree /, ''));
		for (const cols of [
			'(scheduled_at)',
			'(shopper_id, scheduled_at)',
			'(status, window_end)',
			'(programme_id)',
			'(organisation_id)',
			'(client_id)',
			'(vendor_id)',
			'(user_id)',
			'(user_id, created_at DESC)',
			'(token_hash)'
		])
			expect(defs).toContain(cols);
	});
});
