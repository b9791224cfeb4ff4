/**
 * The RLS matrix of the dashboard rollups: every demo role (and anon) × select, insert, update,
 * delete × rows of its own scope and of others'. Nobody writes; audit staff read their
 * organisation's rows; vendor managers their vendor's reviewed rows (and coverage of ended months);
 * client viewers their clients' reviewed rows; shoppers nothing. Then exactly which rows each role's
 * full select returns, and that the dashboard functions aggregate only those.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Role, World } from './fixtures';
import { WHO, matrixOps, verdictTests, type Case as MatrixCase } from './matrix-ops';
import { DASHBOARD_TABLES, startDashboardWorld, type DashboardTable } from './dashboard-fixtures';

type Case = MatrixCase<DashboardTable>;

const OWN = 'its own audit organisation';
const OTHER = 'another audit organisation';
const MY_VENDOR = "its vendor's site, reviewed";
const MY_VENDOR_OPEN = "its vendor's site, not yet reviewed";
const MY_CLIENT = "its client's programme, reviewed";
const OTHER_VENDOR = "another vendor's site";
const OTHER_CLIENT = "another client's line";

// Y = allowed, N = denied, in the order select, insert, update, delete.
// prettier-ignore
const rows = (t: DashboardTable, l: (call: string) => string): Case[] => [
	[t, 'admin',      l('callA'),     OWN,   'YNNN'],
	[t, 'admin',      l('callXr'),    OTHER, 'NNNN'],
	[t, 'officer',    l('callA'),     OWN,   'YNNN'],
	[t, 'officer',    l('callAOpen'), OWN,   'YNNN'],
	[t, 'officer',    l('callXr'),    OTHER, 'NNNN'],
	[t, 'shopper',    l('callA'),     'the calls it made itself', 'NNNN'],
	[t, 'shopper',    l('callXr'),    OTHER, 'NNNN'],
	[t, 'vendorA',    l('callA'),     MY_VENDOR, 'YNNN'],
	[t, 'vendorA',    l('callTel'),   MY_VENDOR + ' for another client', 'YNNN'],
	[t, 'vendorA',    l('callAOpen'), MY_VENDOR_OPEN, 'NNNN'],
	[t, 'vendorA',    l('callB'),     OTHER_VENDOR, 'NNNN'],
	[t, 'vendorA',    l('callXr'),    OTHER, 'NNNN'],
	[t, 'clientBank', l('callA'),     MY_CLIENT, 'YNNN'],
	[t, 'clientBank', l('callB'),     MY_CLIENT + ' at another vendor', 'YNNN'],
	[t, 'clientBank', l('callAOpen'), "its client's programme, not yet reviewed", 'NNNN'],
	[t, 'clientBank', l('callTel'),   OTHER_CLIENT, 'NNNN'],
	[t, 'clientBank', l('callXr'),    OTHER, 'NNNN'],
	[t, 'anon',       l('callA'),     OWN, 'NNNN']
];

const NOW = 'cov:progDash/siteA1@2030-01-01';
const PAST = 'cov:progDash/siteA1@2020-03-01';
const X = 'cov:progDashX/xSite@2030-01-01';
// prettier-ignore
const MATRIX: Case[] = [
	...rows('call_results', (c) => `res:${c}`),
	...rows('call_item_results', (c) => `item:${c}/asked_verification`),
	['plan_coverage', 'admin',      NOW,  OWN,   'YNNN'],
	['plan_coverage', 'admin',      X,    OTHER, 'NNNN'],
	['plan_coverage', 'officer',    NOW,  OWN,   'YNNN'],
	['plan_coverage', 'officer',    X,    OTHER, 'NNNN'],
	['plan_coverage', 'shopper',    NOW,  OWN,   'NNNN'],
	['plan_coverage', 'vendorA',    PAST, "its vendor's site, an ended month", 'YNNN'],
	['plan_coverage', 'vendorA',    NOW,  "its vendor's site, an unfinished month", 'NNNN'],
	['plan_coverage', 'vendorA',    X,    OTHER, 'NNNN'],
	['plan_coverage', 'clientBank', NOW,  "its client's programme, an unfinished month", 'YNNN'],
	['plan_coverage', 'clientBank', PAST, "its client's programme, an ended month", 'YNNN'],
	['plan_coverage', 'clientBank', X,    OTHER, 'NNNN'],
	['plan_coverage', 'anon',       NOW,  OWN,   'NNNN']
];

let w: World;
beforeAll(async () => {
	w = await startDashboardWorld();
}, 120_000);
afterAll(() => w?.close());

const probe = matrixOps(() => w, DASHBOARD_TABLES);
const api = (role: Role) => w.as[role] as unknown as SupabaseClient;

for (const table of Object.keys(DASHBOARD_TABLES) as DashboardTable[]) {
	describe(table, () => {
		verdictTests(() => w, probe, MATRIX, table);
	});
}

/** The fixture names of the calls whose results `role` reads. */
async function visibleCalls(role: Exclude<Role, 'anon'>): Promise<string[]> {
	const { data, error } = await api(role).from('call_results').select('call_id');
	expect(error).toBeNull();
	const name = (id: unknown) =>
		Object.entries(w.ids).find(([k, v]) => v === id && k.startsWith('call'))?.[0];
	return (data ?? []).map((r) => name(r.call_id) ?? '?').sort();
}

describe('who sees which results', () => {
	const expected: [Exclude<Role, 'anon'>, string[]][] = [
		['admin', ['callA', 'callAOpen', 'callB', 'callTel']],
		['officer', ['callA', 'callAOpen', 'callB', 'callTel']],
		['vendorA', ['callA', 'callTel']],
		['clientBank', ['callA', 'callB']],
		['shopper', []]
	];
	for (const [role, calls] of expected)
		it(`${WHO[role]} reads the results of exactly ${calls.join(', ') || 'no call'}`, async () => {
			expect(await visibleCalls(role)).toEqual(calls);
		});

	it("a vendor manager's item rows are all its own vendor's and reviewed", async () => {
		const { data } = await api('vendorA').from('call_item_results').select('vendor_id, status');
		expect(data!.length).toBeGreaterThan(0);
		expect(new Set(data!.map((r) => `${r.vendor_id}:${r.status}`))).toEqual(
			new Set([`${w.ids.vendorA}:reviewed`])
		);
	});

	it('no rollup row names a shopper or an agent', async () => {
		const cols = await w.sql<{ column_name: string }>(
			`select column_name from information_schema.columns
			 where table_schema = 'public'
			   and table_name in ('call_results', 'call_item_results', 'plan_coverage')`
		);
		expect(cols.map((c) => c.column_name).filter((c) => /shopper|agent|user/.test(c))).toEqual([]);
	});
});

describe('the dashboard functions follow the same scope', () => {
	// Results are dated by submission (today); the period takes in any run date.
	const args = { p_from: '2020-01-01', p_to: '2035-12-31' };
	it('the vendor league shows the officer every vendor, vendor A only itself', async () => {
		const names = async (role: Role) => {
			const { data, error } = await api(role).rpc('dashboard_vendors', args);
			expect(error).toBeNull();
			return (data as { vendor_id: string }[]).map((r) => r.vendor_id).sort();
		};
		expect(await names('officer')).toEqual([w.ids.vendorA, w.ids.vendorB].sort());
		expect(await names('vendorA')).toEqual([w.ids.vendorA]);
		expect(await names('shopper')).toEqual([]);
	});

	it('the trend counts for the bank only its two reviewed calls', async () => {
		const { data } = await api('clientBank').rpc('dashboard_trend', args);
		const total = (data as { calls: number }[]).reduce((n, r) => n + Number(r.calls), 0);
		expect(total).toBe(2);
	});

	it('clause failures count each failed clause-tagged item once per clause', async () => {
		const { data } = await api('officer').rpc('dashboard_clauses', args);
		const byClause = Object.fromEntries(
			(data as { clause: string; passed: number; failed: number }[]).map((r) => [
				r.clause,
				[Number(r.passed), Number(r.failed)]
			])
		);
		// callA fails no_disclosure (P13, G32); callB fails asked_verification (P13); four calls.
		expect(byClause).toEqual({ P13: [6, 2], G32: [3, 1] });
	});

	it('an anonymous caller cannot call a dashboard function', async () => {
		const { error } = await api('anon').rpc('dashboard_trend', args);
		expect(error?.code).toBe('42501');
	});
});

describe('findings and disputes charts', () => {
	const args = { p_from: '2020-01-01', p_to: '2035-12-31' };
	beforeAll(async () => {
		for (const [vendor, site, severity, days] of [
			['vendorA', 'siteA1', 'C', 10],
			['vendorA', 'siteA1', 'M', 100],
			['vendorB', 'siteB1', 'm', 200]
		] as const) {
			const [f] = await w.sql<{ id: string }>(
				`insert into public.findings (organisation_id, vendor_id, site_id, scenario_id, item_id,
				   severity, first_seen_at, due_at, response_due_at)
				 values ($1, $2, $3, $4, $5, $6, now() - make_interval(days => $7::int),
				   current_date - 1, now() + interval '10 days') returning id::text`,
				[w.ids.audit, w.ids[vendor], w.ids[site], w.ids.scnDash, `item${days}`, severity, days]
			);
			await w.sql(
				`insert into public.finding_disputes (finding_id, organisation_id, vendor_id, call_id,
				   reason_code, comment) values ($1, $2, $3, $4, 'misheard', 'fixture')`,
				[f.id, w.ids.audit, w.ids[vendor], w.ids.callA]
			);
		}
	});
	const bands = async (role: Role) => {
		const { data, error } = await api(role).rpc('dashboard_findings', args);
		expect(error).toBeNull();
		return Object.fromEntries(
			(data as Record<string, unknown>[]).map((r) => [
				r.age_band,
				[r.critical, r.major, r.minor, r.overdue].map(Number)
			])
		);
	};

	it("the officer sees every open finding by age and severity, vendor A only its own, the bank's viewer none", async () => {
		expect(await bands('officer')).toEqual({
			'0-30': [1, 0, 0, 1],
			'31-90': [0, 0, 0, 0],
			'91-180': [0, 1, 0, 1],
			'181+': [0, 0, 1, 1]
		});
		expect(await bands('vendorA')).toEqual({
			'0-30': [1, 0, 0, 1],
			'31-90': [0, 0, 0, 0],
			'91-180': [0, 1, 0, 1],
			'181+': [0, 0, 0, 0]
		});
		expect(
			Object.values(await bands('clientBank'))
				.flat()
				.every((n) => n === 0)
		).toBe(true);
	});

	it('disputes are counted per status within the caller’s scope', async () => {
		const count = async (role: Role) => {
			const { data } = await api(role).rpc('dashboard_disputes', args);
			return (data as { status: string; disputes: number }[]).map((r) => [
				r.status,
				Number(r.disputes)
			]);
		};
		expect(await count('officer')).toEqual([['open', 3]]);
		expect(await count('vendorA')).toEqual([['open', 2]]);
		expect(await count('clientBank')).toEqual([]);
	});
});
