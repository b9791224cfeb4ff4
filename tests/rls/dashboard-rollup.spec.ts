/**
 * The rollup triggers against the real stack: a submission through the route's server code writes
 * the call's result and item rows; a review, a score change and a move of the call follow; coverage
 * counts what is planned, done, missed and cancelled per programme, site and local month.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from './fixtures';
import { addCall } from './scenarios-fixtures';
import { DASH_CONTENT, answers, review, startDashboardWorld, submitAs } from './dashboard-fixtures';
import { scoreScenario } from '../../src/lib/domain/scoring';

let w: World;
beforeAll(async () => {
	w = await startDashboardWorld();
}, 120_000);
afterAll(() => w?.close());

const result = async (call: string) =>
	(await w.sql(`select * from public.call_results where call_id = $1`, [w.ids[call]]))[0];
const items = (call: string) =>
	w.sql<Record<string, unknown>>(
		`select item_id, category, clauses, outcome, status, critical, earned::float, possible::float
		 from public.call_item_results where call_id = $1 order by item_id`,
		[w.ids[call]]
	);

let n = 0;
async function freshCall(site = 'siteA1', line = 'lineBankA1') {
	const name = `callRollup${++n}`;
	const id = await addCall(w, name, {
		org: 'audit',
		version: 'verDash',
		site,
		line,
		shopper: 'shopper1'
	});
	await w.sql(`update public.test_calls set programme_id = $2 where id = $1`, [id, w.ids.progDash]);
	return name;
}

describe('a submission', () => {
	it('writes one result row with the scope, the local date and the score', async () => {
		const name = await freshCall();
		expect(await result(name)).toBeUndefined();
		await submitAs(w, w.ids[name], ['no_disclosure']);
		const r = await result(name);
		expect(r).toMatchObject({
			organisation_id: w.ids.audit,
			programme_id: w.ids.progDash,
			client_id: w.ids.bank,
			vendor_id: w.ids.vendorA,
			site_id: w.ids.siteA1,
			scenario_id: w.ids.scnDash,
			status: 'submitted',
			critical_failed: false,
			items_passed: 3,
			items_failed: 1,
			items_na: 0
		});
		expect(Number(r.overall)).toBeCloseTo(0.75, 5);
		// Site A1 is in Asia/Shanghai: the date is the site's, not the server's.
		const [{ same }] = await w.sql<{ same: boolean }>(
			`select r.local_date = (s.submitted_at at time zone 'Asia/Shanghai')::date as same
			 from public.call_results r join public.call_submissions s using (call_id)
			 where r.call_id = $1`,
			[w.ids[name]]
		);
		expect(same).toBe(true);
	});

	it('writes one item row per scored item with category, clauses and outcome', async () => {
		const name = await freshCall();
		await submitAs(w, w.ids[name], ['greeted', 'asked_verification']);
		expect(await items(name)).toEqual([
			{
				item_id: 'asked_verification',
				category: null,
				clauses: ['P13'],
				outcome: 'fail',
				status: 'submitted',
				critical: true,
				earned: 0,
				possible: 1
			},
			{
				item_id: 'greeted',
				category: 'opening',
				clauses: [],
				outcome: 'fail',
				status: 'submitted',
				critical: false,
				earned: 0,
				possible: 1
			},
			{
				item_id: 'named_self',
				category: 'opening',
				clauses: [],
				outcome: 'pass',
				status: 'submitted',
				critical: false,
				earned: 1,
				possible: 1
			},
			{
				item_id: 'no_disclosure',
				category: null,
				clauses: ['P13', 'G32'],
				outcome: 'pass',
				status: 'submitted',
				critical: false,
				earned: 1,
				possible: 1
			}
		]);
		expect(await result(name)).toMatchObject({ critical_failed: true, items_failed: 2 });
	});
});

describe('changes after submission', () => {
	it('a review moves the status of the result and of every item row', async () => {
		const name = await freshCall();
		await submitAs(w, w.ids[name]);
		await review(w, w.ids[name]);
		expect((await result(name)).status).toBe('reviewed');
		expect(new Set((await items(name)).map((i) => i.status))).toEqual(new Set(['reviewed']));
	});

	it('a changed score changes the rollups', async () => {
		const name = await freshCall();
		await submitAs(w, w.ids[name]);
		expect((await result(name)).items_failed).toBe(0);
		const rescored = scoreScenario(DASH_CONTENT, {
			items: answers(['named_self']),
			notes: {},
			markers: [],
			timings: {}
		} as never);
		// As an override, approval or accepted dispute sets it (private.set_current_score).
		await w.sql(`update public.call_submissions set current_score = $2 where call_id = $1`, [
			w.ids[name],
			JSON.stringify(rescored)
		]);
		expect(await result(name)).toMatchObject({ items_failed: 1, items_passed: 3 });
		expect(Number((await result(name)).overall)).toBeCloseTo(0.75, 5);
		const failed = (await items(name)).filter((i) => i.outcome === 'fail').map((i) => i.item_id);
		expect(failed).toEqual(['named_self']);
	});

	it("moving a call to another vendor's site moves its rows", async () => {
		const name = await freshCall();
		await submitAs(w, w.ids[name]);
		// Only the owner may still move a submitted call (the lifecycle refuses API roles).
		await w.sql(`update public.test_calls set site_id = $2, line_id = $3 where id = $1`, [
			w.ids[name],
			w.ids.siteB1,
			w.ids.lineBankB1
		]);
		expect(await result(name)).toMatchObject({ vendor_id: w.ids.vendorB, site_id: w.ids.siteB1 });
		const [{ vendors }] = await w.sql<{ vendors: string[] }>(
			`select array_agg(distinct vendor_id::text) as vendors from public.call_item_results
			 where call_id = $1`,
			[w.ids[name]]
		);
		expect(vendors).toEqual([w.ids.vendorB]);
	});
});

describe('plan coverage', () => {
	const coverage = async (site: string, month: string) =>
		(
			await w.sql<{ planned: number; completed: number; missed: number; cancelled: number }>(
				`select planned, completed, missed, cancelled from public.plan_coverage
				 where programme_id = $1 and site_id = $2 and month = $3`,
				[w.ids.progDash, w.ids[site], month]
			)
		)[0];

	it('counts planned, completed, missed and cancelled calls per site and local month', async () => {
		const before = await coverage('siteA2', '2030-01-01');
		expect(before).toBeUndefined();
		const a = await freshCall('siteA2', 'lineTelA2');
		const b = await freshCall('siteA2', 'lineTelA2');
		const c = await freshCall('siteA2', 'lineTelA2');
		expect(await coverage('siteA2', '2030-01-01')).toEqual({
			planned: 3,
			completed: 0,
			missed: 0,
			cancelled: 0
		});
		await submitAs(w, w.ids[a]);
		await w.sql(`update public.test_calls set status = 'missed' where id = $1`, [w.ids[b]]);
		await w.sql(
			`update public.test_calls set status = 'cancelled', cancel_reason = 'test' where id = $1`,
			[w.ids[c]]
		);
		expect(await coverage('siteA2', '2030-01-01')).toEqual({
			planned: 2,
			completed: 1,
			missed: 1,
			cancelled: 1
		});
	});

	it('a call moved to another month leaves the old month and counts in the new one', async () => {
		const name = await freshCall('siteA2', 'lineTelA2');
		const before = (await coverage('siteA2', '2030-01-01'))!.planned;
		await w.sql(
			`update public.test_calls set window_start = '2030-02-10T01:00:00Z',
			   window_end = '2030-02-10T03:00:00Z', scheduled_at = null where id = $1`,
			[w.ids[name]]
		);
		expect((await coverage('siteA2', '2030-01-01'))!.planned).toBe(before - 1);
		expect((await coverage('siteA2', '2030-02-01'))!.planned).toBe(1);
	});
});
