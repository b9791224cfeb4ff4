/**
 * "Generate calls" against the real stack: the planner's calls and unfillable calls land in the
 * database through the officer's own client (RLS decides), progress only goes forward, generating
 * again replaces unstarted calls, and a shopper cannot generate anything.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../../../supabase/local/tests/stack';
import { addDays, localDate } from '$lib/components/schedule/time';
import { generateCalls, type Progress } from './generate';
import { getProgramme, type ProgrammeRow } from './programmes';

const AUDIT = 'a0000000-0000-4000-8000-000000000001';
const BANK = 'c0000000-0000-4000-8000-000000000001';
const VENDOR_A = 'd0000000-0000-4000-8000-00000000000a';
const SITES = ['5e000000-0000-4000-8000-0000000000a1', '5e000000-0000-4000-8000-0000000000a2'];
const SQ9 = 'e0000000-0000-4000-8000-000000000001';
const ALL_DAY = Object.fromEntries(
	['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, ['00:00-24:00']])
);

let stack: TestStack;
let officer: SupabaseClient;
let shopper: SupabaseClient;

async function signedIn(name: string) {
	const client = stack.anon();
	const { error } = await client.auth.signInWithPassword({
		email: `${name}@demo.clearcall.test`,
		password: 'clearcall-demo'
	});
	if (error) throw error;
	return client;
}

async function run(client: SupabaseClient, row: ProgrammeRow) {
	const steps: Progress[] = [];
	for await (const step of generateCalls(client, row)) steps.push(step);
	return steps;
}

async function newProgramme(calls: number): Promise<ProgrammeRow> {
	const start = localDate('Asia/Shanghai', Date.now());
	const definition = {
		name: 'Generated',
		clientId: BANK,
		vendorIds: [VENDOR_A],
		sites: SITES.map((siteId) => ({
			siteId,
			vendorId: VENDOR_A,
			timeZone: 'Asia/Shanghai',
			languages: ['zh'],
			hours: ALL_DAY,
			calls
		})),
		scenarios: [{ scenarioId: SQ9, share: 100 }],
		period: { start, end: addDays(start, 6) },
		lockoutDays: 0,
		seed: 42
	};
	const { data, error } = await officer
		.from('programmes')
		.insert({ organisation_id: AUDIT, client_id: BANK, name: 'Generated', definition })
		.select('id')
		.single();
	if (error) throw error;
	return (await getProgramme(officer, data.id))!;
}

beforeAll(async () => {
	stack = await startTestStack();
	officer = await signedIn('officer');
	shopper = await signedIn('shopper1');
});
afterAll(() => stack?.close());

describe('generating a programme’s calls', () => {
	it('writes every planned call with its reason and window, reporting progress up to the total', async () => {
		const row = await newProgramme(4);
		const steps = await run(officer, row);
		const progress = steps.filter((s) => s.type === 'progress');
		const done = steps.at(-1)!;
		expect(done.type).toBe('done');
		if (done.type !== 'done') return;
		expect(done.planned + done.unfillable).toBe(8);
		const counts = progress.map((p) => p.done);
		expect(counts).toEqual([...counts].sort((a, b) => a - b));
		expect(progress.at(-1)).toMatchObject({ done: 8, total: 8 });

		const { data: calls } = await officer
			.from('test_calls')
			.select('shopper_id, window_start, window_end, scheduled_at, assignment_reason, status')
			.eq('programme_id', row.id);
		expect(calls).toHaveLength(done.planned);
		for (const c of calls!) {
			expect(c.status).toBe('scheduled');
			expect(c.assignment_reason.shopper.sentence.key).toMatch(/^schedule_why_/);
			const at = Date.parse(c.scheduled_at);
			expect(at).toBeGreaterThanOrEqual(Date.parse(c.window_start));
			expect(at).toBeLessThan(Date.parse(c.window_end));
		}
		const { count } = await officer
			.from('unfillable_calls')
			.select('id', { count: 'exact', head: true })
			.eq('programme_id', row.id);
		expect(count).toBe(done.unfillable);
		expect((await getProgramme(officer, row.id))!.status).toBe('active');
	});

	it('replaces unstarted calls when generated again instead of adding to them', async () => {
		const row = await newProgramme(2);
		await run(officer, row);
		const again = await run(officer, (await getProgramme(officer, row.id))!);
		const done = again.at(-1)!;
		const { count } = await officer
			.from('test_calls')
			.select('id', { count: 'exact', head: true })
			.eq('programme_id', row.id);
		expect(done.type === 'done' && count === done.planned).toBe(true);
	});

	it('refuses a shopper: nothing is written and the stream ends with an error', async () => {
		const row = await newProgramme(2);
		expect(await getProgramme(shopper, row.id)).toBeNull();
		const steps = await run(shopper, row);
		expect(steps.at(-1)?.type).toBe('error');
		const { count } = await officer
			.from('test_calls')
			.select('id', { count: 'exact', head: true })
			.eq('programme_id', row.id);
		expect(count).toBe(0);
	});
});
