/**
 * The life of a test call through the API: the status changes officers may and may not make, the
 * audit entry each status change, reschedule and reassignment leaves, and the notification and e-mail
 * the shopper gets on assignment, change and cancellation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Role, World } from './fixtures';
import type { Row } from './tables';
import { addScheduledCall, outbox, startSchedulingWorld, trail } from './scheduling-fixtures';

let w: World;
beforeAll(async () => {
	w = await startSchedulingWorld();
});
afterAll(() => w?.close());

const api = (role: Role) => w.as[role] as unknown as SupabaseClient;
const SHOPPER1 = 'shopper1@demo.clearcall.test';
const SHOPPER2 = 'shopper2@demo.clearcall.test';
let day = 0;
/** A fresh call for shopper 1 at site A1 on its own day in 2031. */
const freshCall = (shopper = 'shopper1') =>
	addScheduledCall(w, {
		site: 'siteA1',
		shopper,
		start: new Date(Date.UTC(2031, 0, 1 + day++, 2)).toISOString()
	});
const status = async (id: string) =>
	(await w.sql<{ status: string }>('select status from test_calls where id = $1', [id]))[0].status;
const setStatus = (id: string, s: string, extra: Record<string, unknown> = {}) =>
	api('officer')
		.from('test_calls')
		.update({ status: s, ...extra })
		.eq('id', id)
		.select('status, submitted_at');

describe('status lifecycle', () => {
	it('an officer takes a call from scheduled through in progress to submitted and closes it once reviewed, each step audited', async () => {
		const id = await freshCall();
		for (const s of ['in_progress', 'submitted']) {
			const { data, error } = await setStatus(id, s);
			expect(error).toBeNull();
			expect(data?.[0].status).toBe(s);
			if (s === 'submitted') expect(data?.[0].submitted_at).not.toBeNull();
		}
		// Only approve_call reviews a call (see review-flow.spec.ts); here the owner stands in for it.
		await w.sql(`update public.test_calls set status = 'reviewed' where id = $1`, [id]);
		const { data, error } = await setStatus(id, 'closed');
		expect(error).toBeNull();
		expect(data?.[0].status).toBe('closed');
		const { audit } = await trail(w, id);
		const changes = audit.filter((a) => a.action === 'status_change');
		expect(changes.map((a) => [a.before.status, a.after.status])).toEqual([
			['scheduled', 'in_progress'],
			['in_progress', 'submitted'],
			['submitted', 'reviewed'],
			['reviewed', 'closed']
		]);
		const byOfficer = changes.filter((a) => a.after.status !== 'reviewed');
		expect(new Set(byOfficer.map((a) => a.actor_id))).toEqual(new Set([w.ids['u:officer']]));
		// Officers read those entries through the API as well.
		const { data: read } = await api('officer')
			.from('audit_log')
			.select('action')
			.eq('entity', 'test_calls')
			.eq('entity_id', id);
		expect(read).toHaveLength(4);
	});

	it('nobody sets a call reviewed directly: only approving it does', async () => {
		const id = await freshCall();
		for (const s of ['in_progress', 'submitted']) expect((await setStatus(id, s)).error).toBeNull();
		for (const client of [api('officer'), api('admin'), w.stack.admin()]) {
			const { error } = await client
				.from('test_calls')
				.update({ status: 'reviewed' })
				.eq('id', id)
				.select('status');
			expect(error?.code).toBe('23514');
		}
		expect(await status(id)).toBe('submitted');
	});

	const refused: [string, string[], string][] = [
		['scheduled', [], 'submitted'],
		['scheduled', [], 'reviewed'],
		['scheduled', [], 'closed'],
		['in_progress', ['in_progress'], 'scheduled'],
		['submitted', ['in_progress', 'submitted'], 'cancelled'],
		['submitted', ['in_progress', 'submitted'], 'missed'],
		['submitted', ['in_progress', 'submitted'], 'closed'],
		['missed', ['missed'], 'in_progress'],
		['cancelled', ['cancelled'], 'scheduled']
	];
	for (const [from, path, to] of refused) {
		it(`a ${from} call cannot become ${to}`, async () => {
			const id = await freshCall();
			for (const s of path) {
				const extra = s === 'cancelled' ? { cancel_reason: 'fixture' } : {};
				expect((await setStatus(id, s, extra)).error).toBeNull();
			}
			const extra = to === 'cancelled' ? { cancel_reason: 'too late' } : {};
			const { error } = await setStatus(id, to, extra);
			expect(error?.code).toBe('23514');
			expect(await status(id)).toBe(from);
		});
	}

	it('a cancellation without a reason is refused, directly and through cancel_call', async () => {
		const id = await freshCall();
		expect((await setStatus(id, 'cancelled')).error?.code).toBe('23514');
		const { error } = await api('officer').rpc('cancel_call', { p_call_id: id, p_reason: '  ' });
		expect(error?.code).toBe('23514');
		expect(await status(id)).toBe('scheduled');
	});

	it('a new call starts as scheduled', async () => {
		const { error } = await api('officer').from('test_calls').insert({
			organisation_id: w.ids.audit,
			scenario_version_id: w.ids.verOwn1,
			site_id: w.ids.siteA1,
			status: 'submitted',
			window_start: '2031-03-01T01:00:00Z',
			window_end: '2031-03-01T03:00:00Z'
		});
		expect(error?.code).toBe('23514');
	});

	it('a finished call can no longer be moved', async () => {
		const id = await freshCall();
		await setStatus(id, 'cancelled', { cancel_reason: 'client asked' });
		const { error } = await api('officer').rpc('reschedule_call', {
			p_call_id: id,
			p_window_start: '2031-06-01T01:00:00Z',
			p_window_end: '2031-06-01T03:00:00Z',
			p_scheduled_at: '2031-06-01T01:30:00Z'
		});
		expect(error?.code).toBe('23514');
	});
});

describe('what the shopper hears', () => {
	it('an officer creating an assigned call queues an assignment notice and e-mail for the shopper', async () => {
		const before = (await outbox(w, SHOPPER2, 'assignment')).length;
		const { data, error } = await api('officer')
			.from('test_calls')
			.insert({
				organisation_id: w.ids.audit,
				scenario_version_id: w.ids.verOwn1,
				site_id: w.ids.siteA2,
				shopper_id: w.ids['u:shopper2'],
				window_start: '2031-04-01T01:00:00Z',
				window_end: '2031-04-01T03:00:00Z',
				scheduled_at: '2031-04-01T01:30:00Z'
			})
			.select('id')
			.single();
		expect(error).toBeNull();
		const { notifications } = await trail(w, data!.id);
		expect(notifications).toMatchObject([
			{
				user_id: w.ids['u:shopper2'],
				kind: 'assignment',
				payload: { site_name: 'Apex Chengdu Centre', time_zone: 'Asia/Shanghai' }
			}
		]);
		const mails = await outbox(w, SHOPPER2, 'assignment');
		expect(mails).toHaveLength(before + 1);
		// Shopper 2 reads Chinese and lives in Shanghai: 01:30 UTC is 09:30 there.
		expect(mails.at(-1)!.subject).toContain('新的测试电话');
		expect(mails.at(-1)!.body).toContain('2031-04-01 09:30 (Asia/Shanghai)');
	});

	it('reschedule_call moves the call, tells the shopper and audits the old and new times', async () => {
		const id = await freshCall();
		const mails = (await outbox(w, SHOPPER1, 'change')).length;
		const { data, error } = await api('officer').rpc('reschedule_call', {
			p_call_id: id,
			p_window_start: '2031-07-01T01:00:00Z',
			p_window_end: '2031-07-01T03:00:00Z',
			p_scheduled_at: '2031-07-01T02:00:00Z'
		});
		expect(error).toBeNull();
		expect(data.scheduled_at).toBe('2031-07-01T02:00:00+00:00');
		const { notifications, audit } = await trail(w, id);
		expect(notifications.map((n) => n.kind)).toEqual(['assignment', 'change']);
		expect(notifications[1].payload).toMatchObject({
			scheduled_at: '2031-07-01T02:00:00+00:00',
			previous: { window_start: expect.stringMatching(/^2031-01/) }
		});
		expect(audit.map((a) => a.action)).toEqual(['reschedule']);
		expect(audit[0].after.window_start).toBe('2031-07-01T01:00:00+00:00');
		expect(await outbox(w, SHOPPER1, 'change')).toHaveLength(mails + 1);
	});

	it('a planned start outside the window is refused', async () => {
		const id = await freshCall();
		const { error } = await api('officer').rpc('reschedule_call', {
			p_call_id: id,
			p_window_start: '2031-07-02T01:00:00Z',
			p_window_end: '2031-07-02T03:00:00Z',
			p_scheduled_at: '2031-07-02T05:00:00Z'
		});
		expect(error?.code).toBe('23514');
	});

	it('cancel_call cancels with the reason, tells the shopper why, and audits it', async () => {
		const id = await freshCall();
		const mails = (await outbox(w, SHOPPER1, 'cancelled')).length;
		const { data, error } = await api('officer').rpc('cancel_call', {
			p_call_id: id,
			p_reason: 'The site closed for a holiday'
		});
		expect(error).toBeNull();
		expect(data).toMatchObject({
			status: 'cancelled',
			cancel_reason: 'The site closed for a holiday'
		});
		const { notifications, audit } = await trail(w, id);
		expect(notifications.at(-1)).toMatchObject({
			kind: 'cancelled',
			payload: { reason: 'The site closed for a holiday' }
		});
		expect(audit).toMatchObject([
			{ action: 'status_change', before: { status: 'scheduled' }, after: { status: 'cancelled' } }
		]);
		const sent = await outbox(w, SHOPPER1, 'cancelled');
		expect(sent).toHaveLength(mails + 1);
		expect(sent.at(-1)!.body).toContain('The site closed for a holiday');
	});

	it('reassigning a call tells the new shopper and the old one, and audits who had it', async () => {
		const id = await freshCall();
		const { error } = await api('officer')
			.from('test_calls')
			.update({ shopper_id: w.ids['u:shopper2'] })
			.eq('id', id);
		expect(error).toBeNull();
		const { notifications, audit } = await trail(w, id);
		expect(notifications.map((n) => [n.user_id, n.kind])).toEqual([
			[w.ids['u:shopper1'], 'assignment'],
			[w.ids['u:shopper1'], 'cancelled'],
			[w.ids['u:shopper2'], 'assignment']
		]);
		expect(audit).toMatchObject([
			{
				action: 'reassign',
				before: { shopper_id: w.ids['u:shopper1'] },
				after: { shopper_id: w.ids['u:shopper2'] }
			}
		]);
	});

	for (const role of ['shopper', 'vendorA', 'clientBank'] as const) {
		it(`${role} can neither reschedule nor cancel a call`, async () => {
			const id = await freshCall();
			const r = await api(role).rpc('reschedule_call', {
				p_call_id: id,
				p_window_start: '2031-08-01T01:00:00Z',
				p_window_end: '2031-08-01T03:00:00Z',
				p_scheduled_at: '2031-08-01T01:00:00Z'
			});
			expect(r.error?.code).toBe('PT404');
			const c = await api(role).rpc('cancel_call', { p_call_id: id, p_reason: 'no' });
			expect(c.error?.code).toBe('PT404');
			expect(await status(id)).toBe('scheduled');
			expect((await trail(w, id)).audit).toEqual([]);
		});
	}

	it('deleting a call the shopper was still to make tells them it is off', async () => {
		const id = await freshCall('shopper2');
		const mails = (await outbox(w, SHOPPER2, 'cancelled')).length;
		const { error } = await api('officer').from('test_calls').delete().eq('id', id);
		expect(error).toBeNull();
		const notices = await w.sql<{ kind: string; call_id: string | null; payload: Row }>(
			`select kind, call_id::text, payload from notifications where payload ->> 'call_id' = $1`,
			[id]
		);
		expect(notices).toMatchObject([
			{ kind: 'cancelled', call_id: null, payload: { reason: 'removed', call_id: id } }
		]);
		expect(await outbox(w, SHOPPER2, 'cancelled')).toHaveLength(mails + 1);
	});

	it('deleting a finished call tells nobody', async () => {
		const id = await freshCall('shopper2');
		await setStatus(id, 'cancelled', { cancel_reason: 'fixture' });
		const mails = (await outbox(w, SHOPPER2, 'cancelled')).length;
		expect((await api('officer').from('test_calls').delete().eq('id', id)).error).toBeNull();
		expect(await outbox(w, SHOPPER2, 'cancelled')).toHaveLength(mails);
	});

	it('a shopper marks its own notification read but cannot rewrite it', async () => {
		const id = await freshCall();
		const [n] = await w.sql<{ id: string }>(
			'select id::text from notifications where call_id = $1',
			[id]
		);
		const read = await api('shopper')
			.from('notifications')
			.update({ read_at: new Date().toISOString() })
			.eq('id', n.id)
			.select('read_at');
		expect(read.error).toBeNull();
		expect(read.data?.[0].read_at).not.toBeNull();
		const forged = await api('shopper')
			.from('notifications')
			.update({ kind: 'cancelled' })
			.eq('id', n.id);
		expect(forged.error?.code).toBe('42501');
	});
});
