/**
 * The job board and the minute jobs through the API: claim_open_call keeps to the programme's daily
 * limit (in the shopper's home time zone), lockout, languages and conflicts, and lets exactly one of
 * two racing shoppers win; run_scheduled_jobs (service_role only) marks expired calls missed and
 * queues one reminder per call however often it runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Role, World } from './fixtures';
import {
	addProgramme,
	addScheduledCall,
	outbox,
	signInShopper,
	startSchedulingWorld,
	trail,
	type CallAt
} from './scheduling-fixtures';

let w: World;
const shoppers: Record<string, SupabaseClient> = {};
beforeAll(async () => {
	w = await startSchedulingWorld();
	// One call a day at most, and three days between calls to the same site.
	await addProgramme(w, 'progStrict', 'audit', { maxCallsPerShopperPerDay: 1, lockoutDays: 3 });
	for (const name of ['shopper2', 'shopper3', 'shopper9'])
		shoppers[name] = await signInShopper(w, name);
});
afterAll(() => w?.close());

const client = (who: Role | string) =>
	(who in shoppers ? shoppers[who] : w.as[who as Role]) as unknown as SupabaseClient;
const claim = (who: Role | string, id: string) =>
	client(who).rpc('claim_open_call', { p_call_id: id });
const open = (at: Omit<CallAt, 'claimable' | 'programme'>) =>
	addScheduledCall(w, { claimable: true, programme: 'progStrict', ...at });

describe('claim_open_call', () => {
	// Shopper 1 speaks zh and en and lives in Shanghai (UTC+8); Cedar Dublin takes en, fr and de.
	let first: string;
	beforeAll(async () => {
		first = await open({ site: 'siteC1', start: '2032-02-01T10:00:00Z' });
	});

	it('a shopper claims an open call: it becomes theirs, leaves the board, and they are told', async () => {
		const { data, error } = await claim('shopper', first);
		expect(error).toBeNull();
		expect(data).toMatchObject({ shopper_id: w.ids['u:shopper1'], claimable: false });
		const { notifications, audit } = await trail(w, first);
		expect(notifications).toMatchObject([{ user_id: w.ids['u:shopper1'], kind: 'assignment' }]);
		expect(audit).toMatchObject([
			{ action: 'reassign', after: { shopper_id: w.ids['u:shopper1'] } }
		]);
	});

	it('a call already taken cannot be claimed again', async () => {
		const { error } = await claim('shopper9', first);
		expect(error?.code).toBe('PT409');
	});

	it("the daily limit counts the shopper's own calendar day, not UTC's", async () => {
		// 02:00 UTC is 10:00 in Shanghai on 1 February: the same local day as the claimed call.
		const sameDay = await open({ site: 'siteB2', start: '2032-02-01T02:00:00Z' });
		const refused = await claim('shopper', sameDay);
		expect(refused.error).toMatchObject({ code: '23514', hint: 'max_per_day' });
		// 17:00 UTC on 1 February is already 2 February in Shanghai.
		const nextDay = await open({ site: 'siteB2', start: '2032-02-01T17:00:00Z' });
		expect((await claim('shopper', nextDay)).error).toBeNull();
	});

	it('the lockout keeps a shopper away from a site they called within the last days', async () => {
		const soon = await open({ site: 'siteC1', start: '2032-02-03T10:00:00Z' });
		expect((await claim('shopper', soon)).error).toMatchObject({ code: '23514', hint: 'lockout' });
		const later = await open({ site: 'siteC1', start: '2032-02-04T10:00:00Z' });
		expect((await claim('shopper', later)).error).toBeNull();
	});

	it("a shopper who does not speak the line's language cannot claim it", async () => {
		// Shopper 2 speaks only zh; the Manila line wants en.
		const id = await open({ site: 'siteB1', line: 'lineBankB1', start: '2032-03-01T02:00:00Z' });
		expect((await claim('shopper2', id)).error).toMatchObject({ code: '23514', hint: 'language' });
		expect((await claim('shopper9', id)).error).toBeNull();
	});

	it('a shopper with a conflict cannot claim a call to that vendor', async () => {
		// Shopper 3 has a recorded conflict with vendor B (Bluewave).
		const id = await open({ site: 'siteB2', start: '2032-03-02T02:00:00Z' });
		expect((await claim('shopper3', id)).error).toMatchObject({ code: '23514', hint: 'conflict' });
		const [row] = await w.sql<{ shopper_id: string | null; claimable: boolean }>(
			'select shopper_id, claimable from test_calls where id = $1',
			[id]
		);
		expect(row).toEqual({ shopper_id: null, claimable: true });
	});

	it('two shoppers claiming the same call at once: exactly one wins', async () => {
		for (let i = 0; i < 3; i++) {
			// A week apart, so the lockout never decides who wins.
			const start = new Date(Date.UTC(2032, 3, 1 + 7 * i, 3)).toISOString();
			const id = await open({ site: 'siteB2', start });
			const results = await Promise.all([claim('shopper2', id), claim('shopper9', id)]);
			const winners = results.filter((r) => r.error === null);
			expect(winners).toHaveLength(1);
			expect(results.find((r) => r.error)?.error?.code).toBe('PT409');
			const [row] = await w.sql<{ shopper_id: string }>(
				'select shopper_id::text from test_calls where id = $1',
				[id]
			);
			expect(row.shopper_id).toBe(winners[0].data.shopper_id);
			expect((await trail(w, id)).notifications).toHaveLength(1);
		}
	});

	const unreachable: [Role | string, string, string][] = [
		['shopper', 'callOpenX', "another audit organisation's open call"],
		['shopper', 'callOther', "another shopper's call"],
		['vendorA', 'callOpen', 'an open call, not being a shopper'],
		['officer', 'callOpen', 'an open call, not being a shopper']
	];
	for (const [who, label, what] of unreachable) {
		it(`${who} cannot claim ${what}`, async () => {
			const { error } = await claim(who, w.ids[label]);
			expect(error?.code).toBe('PT404');
			const [row] = await w.sql<{ shopper_id: string | null }>(
				'select shopper_id::text from test_calls where id = $1',
				[w.ids[label]]
			);
			expect(row.shopper_id).toBe(label === 'callOther' ? w.ids['u:shopper2'] : null);
		});
	}

	it('an anonymous caller cannot claim at all', async () => {
		const { error } = await claim('anon', w.ids.callOpen);
		expect(error?.code).toBe('42501');
	});
});

describe('run_scheduled_jobs', () => {
	const jobs = () => w.stack.admin().rpc('run_scheduled_jobs');
	const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

	for (const role of ['admin', 'officer', 'shopper', 'anon'] as const) {
		it(`${role} cannot run the scheduled jobs`, async () => {
			const { error } = await client(role).rpc('run_scheduled_jobs');
			expect(error?.code).toBe('42501');
		});
	}

	it('marks a call whose window ended without a submission as missed and tells the shopper', async () => {
		const expired = await addScheduledCall(w, {
			site: 'siteA1',
			shopper: 'shopper1',
			start: hoursFromNow(-5)
		});
		const submitted = await addScheduledCall(w, {
			site: 'siteA1',
			shopper: 'shopper1',
			start: hoursFromNow(-5),
			status: 'submitted'
		});
		const { data, error } = await jobs();
		expect(error).toBeNull();
		expect(data.missed).toBeGreaterThanOrEqual(1);
		const rows = await w.sql<{ id: string; status: string }>(
			'select id::text, status from test_calls where id in ($1, $2)',
			[expired, submitted]
		);
		expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({
			[expired]: 'missed',
			[submitted]: 'submitted'
		});
		const { notifications, audit } = await trail(w, expired);
		expect(notifications.map((n) => n.kind)).toEqual(['assignment', 'missed']);
		expect(audit).toMatchObject([
			{ action: 'status_change', actor_id: null, after: { status: 'missed' } }
		]);
		expect((await jobs()).data.missed).toBe(0);
	});

	it('queues exactly one reminder per call opening within two hours, however often it runs', async () => {
		const mails = (await outbox(w, 'shopper9@demo.clearcall.test', 'reminder')).length;
		const soon = await addScheduledCall(w, {
			site: 'siteB2',
			shopper: 'shopper9',
			start: hoursFromNow(1)
		});
		const later = await addScheduledCall(w, {
			site: 'siteB2',
			shopper: 'shopper9',
			start: hoursFromNow(3)
		});
		const unassigned = await addScheduledCall(w, { site: 'siteB2', start: hoursFromNow(1) });
		await Promise.all([jobs(), jobs()]);
		await jobs();
		const kinds = async (id: string) =>
			(await trail(w, id)).notifications.filter((n) => n.kind === 'reminder').length;
		expect(await kinds(soon)).toBe(1);
		expect(await kinds(later)).toBe(0);
		expect(await kinds(unassigned)).toBe(0);
		const sent = await outbox(w, 'shopper9@demo.clearcall.test', 'reminder');
		expect(sent).toHaveLength(mails + 1);
		// Shopper 9 writes in English.
		expect(sent.at(-1)!.subject).toContain('Test call reminder');
	});

	it('a reminded call moved to a later window is reminded again when that window nears', async () => {
		const id = await addScheduledCall(w, {
			site: 'siteA2',
			shopper: 'shopper2',
			start: hoursFromNow(1)
		});
		await jobs();
		const moved = await client('officer').rpc('reschedule_call', {
			p_call_id: id,
			p_window_start: hoursFromNow(1.5),
			p_window_end: hoursFromNow(3),
			p_scheduled_at: hoursFromNow(1.5)
		});
		expect(moved.error).toBeNull();
		await jobs();
		const { notifications } = await trail(w, id);
		expect(notifications.map((n) => n.kind)).toEqual([
			'assignment',
			'reminder',
			'change',
			'reminder'
		]);
	});
});
