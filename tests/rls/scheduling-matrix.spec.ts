/**
 * The RLS matrix of the scheduling tables: every demo role (and anon) × select, insert, update, delete
 * × rows of its own audit organisation, of another one, and (for shoppers) rows of another shopper.
 * Then exactly which rows a full select returns per role, and what shoppers see of the job board.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Role, World } from './fixtures';
import { WHO, matrixOps, verdictTests, type Case as MatrixCase } from './matrix-ops';
import {
	SCHEDULING_TABLES,
	startSchedulingWorld,
	type SchedulingTable
} from './scheduling-fixtures';

type Case = MatrixCase<SchedulingTable>;

const OWN = 'its own audit organisation';
const OTHER = 'another audit organisation';
const SHOPPERS = 'a shopper of its audit organisation';
const MINE = 'its own';
const THEIRS = "another shopper's";

// Y = allowed, N = denied, in the order select, insert, update, delete.
//  table                role          fixture        where       S I U D
// prettier-ignore
const MATRIX: Case[] = [
	...(['programmes', 'unfillable_calls', 'shopper_conflicts'] as const).flatMap((t): Case[] => {
		const [own, other] = {
			programmes: ['progOwn', 'progX'],
			unfillable_calls: ['ufOwn', 'ufX'],
			shopper_conflicts: ['conflictOwn', 'conflictX']
		}[t];
		return [
			[t, 'admin',      own,   OWN,   'YYYY'],
			[t, 'admin',      other, OTHER, 'NNNN'],
			[t, 'officer',    own,   OWN,   'YYYY'],
			[t, 'officer',    other, OTHER, 'NNNN'],
			[t, 'shopper',    own,   OWN,   'NNNN'],
			[t, 'shopper',    other, OTHER, 'NNNN'],
			[t, 'vendorA',    own,   'its audit organisation', 'NNNN'],
			[t, 'clientBank', own,   'its audit organisation', 'NNNN'],
			[t, 'anon',       own,   'the demo audit organisation', 'NNNN']
		];
	}),
	['notifications',  'shopper',    'notifOwn',   MINE,    'YNYN'],
	['notifications',  'shopper',    'notifOther', THEIRS,  'NNNN'],
	['notifications',  'admin',      'notifOwn',   SHOPPERS, 'NNNN'],
	['notifications',  'officer',    'notifOwn',   SHOPPERS, 'NNNN'],
	['notifications',  'vendorA',    'notifOwn',   SHOPPERS, 'NNNN'],
	['notifications',  'clientBank', 'notifOwn',   SHOPPERS, 'NNNN'],
	['notifications',  'anon',       'notifOwn',   SHOPPERS, 'NNNN'],
	['calendar_feeds', 'shopper',    'feedOwn',    MINE,    'YYYY'],
	['calendar_feeds', 'shopper',    'feedOther',  THEIRS,  'NNNN'],
	['calendar_feeds', 'admin',      'feedOwn',    SHOPPERS, 'NNNN'],
	['calendar_feeds', 'officer',    'feedOwn',    SHOPPERS, 'NNNN'],
	['calendar_feeds', 'vendorA',    'feedOwn',    SHOPPERS, 'NNNN'],
	['calendar_feeds', 'clientBank', 'feedOwn',    SHOPPERS, 'NNNN'],
	['calendar_feeds', 'anon',       'feedOwn',    SHOPPERS, 'NNNN'],
	['email_outbox',   'admin',      'mailOwn',    'addressed to ' + SHOPPERS, 'NNNN'],
	['email_outbox',   'officer',    'mailOwn',    'addressed to ' + SHOPPERS, 'NNNN'],
	['email_outbox',   'shopper',    'mailOwn',    'addressed to itself', 'NNNN'],
	['email_outbox',   'vendorA',    'mailOwn',    'of the demo audit organisation', 'NNNN'],
	['email_outbox',   'clientBank', 'mailOwn',    'of the demo audit organisation', 'NNNN'],
	['email_outbox',   'anon',       'mailOwn',    'of the demo audit organisation', 'NNNN']
];

let w: World;
beforeAll(async () => {
	w = await startSchedulingWorld();
});
afterAll(() => w?.close());

const probe = matrixOps(() => w, SCHEDULING_TABLES);
const api = (role: Role) => w.as[role] as unknown as SupabaseClient;

async function visible(role: Exclude<Role, 'anon'>, table: SchedulingTable, cols = 'id') {
	const { data, error } = await api(role).from(table).select(cols);
	return { data: data as unknown as Record<string, unknown>[] | null, error };
}

for (const table of Object.keys(SCHEDULING_TABLES) as SchedulingTable[]) {
	describe(table, () => {
		verdictTests(() => w, probe, MATRIX, table);
	});
}

describe('who sees which rows', () => {
	for (const role of ['admin', 'officer'] as const) {
		it(`${WHO[role]} sees exactly its own organisation's programmes and unfillable calls`, async () => {
			expect((await visible(role, 'programmes')).data).toEqual([{ id: w.ids.progOwn }]);
			expect((await visible(role, 'unfillable_calls')).data).toEqual([{ id: w.ids.ufOwn }]);
			const conflicts = (await visible(role, 'shopper_conflicts', 'shopper_id,vendor_id')).data;
			expect(conflicts).toEqual([{ shopper_id: w.ids['u:shopper3'], vendor_id: w.ids.vendorB }]);
		});
		it(`${WHO[role]} reads no one's notifications or feeds, and the outbox not at all`, async () => {
			expect((await visible(role, 'notifications')).data).toEqual([]);
			expect((await visible(role, 'calendar_feeds')).data).toEqual([]);
			expect((await visible(role, 'email_outbox')).error?.code).toBe('42501');
		});
	}

	it('a shopper sees only its own notifications and feeds', async () => {
		// The fixture and the assignment notice the call fixture itself triggered.
		const mine = (await visible('shopper', 'notifications', 'id,user_id')).data!;
		expect(mine.map((n) => n.id)).toContain(w.ids.notifOwn);
		expect(mine.map((n) => n.id)).not.toContain(w.ids.notifOther);
		expect(new Set(mine.map((n) => n.user_id))).toEqual(new Set([w.ids['u:shopper1']]));
		expect((await visible('shopper', 'calendar_feeds')).data).toEqual([{ id: w.ids.feedOwn }]);
	});

	for (const role of ['shopper', 'vendorA', 'clientBank'] as const) {
		it(`${WHO[role]} sees no programme, unfillable call or conflict`, async () => {
			for (const t of ['programmes', 'unfillable_calls'] as const)
				expect((await visible(role, t)).data).toEqual([]);
			expect((await visible(role, 'shopper_conflicts', 'vendor_id')).data).toEqual([]);
		});
	}

	it('service_role reads the e-mail outbox', async () => {
		const { data, error } = await w.stack.admin().from('email_outbox').select('id,recipient');
		expect(error).toBeNull();
		expect(data).toContainEqual({
			id: Number(w.ids.mailOwn),
			recipient: 'shopper1@demo.clearcall.test'
		});
	});

	it('vendor managers and client viewers cannot create a calendar feed', async () => {
		for (const role of ['vendorA', 'clientBank', 'officer'] as const) {
			const { error } = await api(role)
				.from('calendar_feeds')
				.insert({ token_hash: 'a'.repeat(64) });
			expect(error?.code).toBe('42501');
		}
	});
});

describe('the job board', () => {
	it('a shopper sees its own calls and the claimable calls of its audit organisation, nothing else', async () => {
		const { data } = await visible('shopper', 'test_calls' as SchedulingTable);
		const ids = (data ?? []).map((r) => r.id).sort();
		expect(ids).toEqual([w.ids.callOwn, w.ids.callOpen].sort());
	});

	it('a claimable call carries no shopper identity', async () => {
		const { data } = await api('shopper')
			.from('test_calls')
			.select('shopper_id, assignment_reason, claimable')
			.eq('id', w.ids.callOpen)
			.single();
		expect(data).toEqual({ shopper_id: null, assignment_reason: null, claimable: true });
		await expect(
			w.sql('update test_calls set claimable = true where id = $1', [w.ids.callOther])
		).rejects.toThrow(/test_calls_claimable_unassigned/);
	});

	it('vendor managers and client viewers do not see the job board', async () => {
		for (const role of ['vendorA', 'clientBank'] as const) {
			const { data } = await api(role).from('test_calls').select('id').eq('claimable', true);
			expect(data).toEqual([]);
		}
	});
});
