import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppClient } from '$lib/tenancy';
import { startTestStack, type TestStack } from '../../../supabase/local/tests/stack';
import { runScheduledJobs, startScheduledJobs } from './jobs';

let stack: TestStack;
beforeAll(async () => {
	stack = await startTestStack();
});
afterAll(() => stack?.close());

/** An assigned call at a demo site whose window ended an hour ago; returns its id. */
async function expiredCall(): Promise<string> {
	const { rows } = await stack.db.query<{ id: string }>(
		`insert into public.test_calls (organisation_id, scenario_version_id, site_id, shopper_id,
		   window_start, window_end)
		 select s.organisation_id, v.id, '5e000000-0000-4000-8000-0000000000a1',
		   (select id from auth.users where email = 'shopper1@demo.clearcall.test'),
		   now() - interval '3 hours', now() - interval '1 hour'
		 from public.scenario_versions v join public.scenarios s on s.id = v.scenario_id
		 where v.status = 'published' and s.organisation_id = 'a0000000-0000-4000-8000-000000000001'
		 limit 1
		 returning id::text`
	);
	return rows[0].id;
}

const statusOf = async (id: string) =>
	(await stack.db.query<{ status: string }>('select status from test_calls where id = $1', [id]))
		.rows[0].status;

describe('scheduled jobs', () => {
	it('one run with the service-role client marks an expired call missed and reports it', async () => {
		const id = await expiredCall();
		const counts = await runScheduledJobs(stack.admin() as unknown as AppClient);
		expect(counts.missed).toBeGreaterThanOrEqual(1);
		expect(await statusOf(id)).toBe('missed');
		// Every count the database function returns, and nothing else.
		expect(Object.keys(counts).sort()).toEqual(['calibration_reminded', 'missed', 'reminded']);
		expect(counts.calibration_reminded).toBeTypeOf('number');
	});

	it('a client without the service role is refused', async () => {
		await expect(runScheduledJobs(stack.anon() as unknown as AppClient)).rejects.toThrow(
			/run_scheduled_jobs failed/
		);
	});

	it('the timer runs at once and then on every tick, once per process, until stopped', async () => {
		let runs = 0;
		const client = () => {
			runs++;
			return stack.admin() as unknown as AppClient;
		};
		const stop = startScheduledJobs(client, 40);
		const again = startScheduledJobs(client, 40);
		const id = await expiredCall();
		// Wall time on a shared machine swings: wait for the effect, not for a fixed delay.
		for (let i = 0; i < 100 && (runs < 2 || (await statusOf(id)) !== 'missed'); i++)
			await new Promise((r) => setTimeout(r, 50));
		again();
		const afterStop = runs;
		expect(afterStop).toBeGreaterThanOrEqual(2);
		expect(await statusOf(id)).toBe('missed');
		await new Promise((r) => setTimeout(r, 150));
		expect(runs).toBe(afterStop);
		stop();
	});
});
