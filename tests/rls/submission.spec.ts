/**
 * A shopper's call submission end to end against the real stack: the server module validates,
 * masks, scores and stores through submit_call; retries never duplicate; forgeries are refused.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreScenario } from '../../src/lib/domain/scoring';
import { residentId } from '../../src/lib/domain/pii/test-data';
import { answersSchema } from '../../src/lib/schemas/scenario-answers';
import { submitCall } from '../../src/lib/server/submission';
import type { World } from './fixtures';
import {
	freshCall,
	shopperCaller,
	startSubmissionWorld,
	SUBMIT_CONTENT,
	validSubmission
} from './submission-fixtures';

let w: World;
beforeAll(async () => {
	w = await startSubmissionWorld();
});
afterAll(async () => {
	await w?.close();
});

const submit = (callId: string, body: unknown) =>
	submitCall(shopperCaller(w), w.stack.admin(), callId, body);

const rowsOf = (callId: string) =>
	w.sql<Record<string, unknown>>(`select * from public.call_submissions where call_id = $1`, [
		callId
	]);

const statusOf = async (callId: string) =>
	(
		await w.sql<{ status: string; submitted_at: string | null }>(
			`select status::text, submitted_at::text from public.test_calls where id = $1`,
			[callId]
		)
	)[0];

describe('a valid submission', () => {
	it('stores every answer, marker, timing, note and evidence reference exactly once', async () => {
		const callId = await freshCall(w);
		const body = validSubmission(callId);
		const outcome = await submit(callId, body);
		expect(outcome).toEqual({
			status: 200,
			body: { status: 'submitted', overall: 1, critical_failed: false }
		});
		const rows = await rowsOf(callId);
		expect(rows).toHaveLength(1);
		const [row] = rows;
		expect(row.idempotency_key).toBe(body.idempotencyKey);
		expect(row.shopper_id).toBe(w.ids['u:shopper1']);
		expect((row.answers as { items: unknown }).items).toEqual(body.answers);
		expect((row.answers as { notes: unknown }).notes).toEqual(body.itemNotes);
		expect(row.markers).toEqual(body.markers);
		expect(row.timings).toEqual(body.timings);
		expect(row.notes).toBe(body.notes);
		expect(row.evidence).toEqual(body.evidence);
		expect(row.client_version).toBe(3);
		expect(row.kpis).toEqual({
			asa_ms: 8000,
			hold_ms: 30_000,
			holds: 1,
			talk_ms: 180_000,
			transfers: 1
		});
	});

	it('moves the call to submitted with a stamp and writes the audit log as the shopper', async () => {
		const callId = await freshCall(w);
		await submit(callId, validSubmission(callId));
		const call = await statusOf(callId);
		expect(call.status).toBe('submitted');
		expect(call.submitted_at).not.toBeNull();
		const log = await w.sql<{ actor_id: string; action: string }>(
			`select actor_id::text, action from public.audit_log
			  where entity = 'call_submissions' and entity_id = $1`,
			[callId]
		);
		expect(log).toEqual([{ actor_id: w.ids['u:shopper1'], action: 'submit' }]);
	});

	it('is accepted from a call the shopper already started', async () => {
		const callId = await freshCall(w);
		await w.sql(`update public.test_calls set status = 'in_progress' where id = $1`, [callId]);
		expect((await submit(callId, validSubmission(callId))).status).toBe(200);
		expect((await statusOf(callId)).status).toBe('submitted');
	});
});

describe('retries', () => {
	it('the same payload sent five times in a row leaves one row and the same answer', async () => {
		const callId = await freshCall(w);
		const body = validSubmission(callId);
		const outcomes = [];
		for (let i = 0; i < 5; i++) outcomes.push(await submit(callId, body));
		expect(new Set(outcomes.map((o) => JSON.stringify(o))).size).toBe(1);
		expect(outcomes[0].status).toBe(200);
		expect(await rowsOf(callId)).toHaveLength(1);
	});

	it('the same payload sent five times at once leaves one row and one audit entry', async () => {
		const callId = await freshCall(w);
		const body = validSubmission(callId);
		const outcomes = await Promise.all(Array.from({ length: 5 }, () => submit(callId, body)));
		expect(outcomes.map((o) => o.status)).toEqual([200, 200, 200, 200, 200]);
		expect(await rowsOf(callId)).toHaveLength(1);
		const log = await w.sql(
			`select 1 from public.audit_log where entity = 'call_submissions' and entity_id = $1`,
			[callId]
		);
		expect(log).toHaveLength(1);
	});

	it('a retry after the note was edited returns the stored row unchanged', async () => {
		const callId = await freshCall(w);
		const body = validSubmission(callId);
		await submit(callId, body);
		const again = await submit(callId, { ...body, notes: 'changed later', clientVersion: 9 });
		expect(again.status).toBe(200);
		const [row] = await rowsOf(callId);
		expect(row.notes).toBe(body.notes);
		expect(row.client_version).toBe(3);
	});

	it('another device submitting the same call is a conflict and the first version stays', async () => {
		const callId = await freshCall(w);
		const first = validSubmission(callId);
		await submit(callId, first);
		const other = await submit(callId, validSubmission(callId, { notes: 'second phone' }));
		expect(other).toMatchObject({ status: 409, body: { reason: 'newer_version' } });
		const rows = await rowsOf(callId);
		expect(rows).toHaveLength(1);
		expect(rows[0].idempotency_key).toBe(first.idempotencyKey);
	});

	it('an idempotency key already used for another call is a conflict', async () => {
		const a = await freshCall(w);
		const b = await freshCall(w);
		const body = validSubmission(a);
		await submit(a, body);
		const reused = await submit(b, { ...body, callId: b, evidence: validSubmission(b).evidence });
		expect(reused.status).toBe(409);
		expect(await rowsOf(b)).toHaveLength(0);
		expect((await statusOf(b)).status).toBe('scheduled');
	});
});

describe('the score', () => {
	it('is recomputed on the server and a tampered client score is ignored', async () => {
		const callId = await freshCall(w);
		const body = validSubmission(callId, {
			answers: { greeted: 'yes', asked_verification: 'no' },
			clientScore: { score: 1, failed: false }
		});
		const outcome = await submit(callId, body);
		expect(outcome).toEqual({
			status: 200,
			body: { status: 'submitted', overall: 0, critical_failed: true }
		});
		const [row] = await rowsOf(callId);
		const expected = scoreScenario(
			SUBMIT_CONTENT,
			answersSchema.parse({
				items: body.answers,
				notes: body.itemNotes,
				markers: body.markers,
				timings: body.timings
			})
		);
		expect(row.score).toEqual(JSON.parse(JSON.stringify(expected)));
		expect(Number(row.overall)).toBe(0);
		expect(row.critical_failed).toBe(true);
		expect(JSON.stringify(row)).not.toContain('clientScore');
	});

	it('cannot be forged by the shopper calling submit_call directly', async () => {
		const callId = await freshCall(w);
		const { error } = await w.as.shopper.rpc('submit_call', {
			p_shopper_id: w.ids['u:shopper1'],
			p_payload: { ...validSubmission(callId), answers: {} },
			p_score: { score: 1 },
			p_overall: 1,
			p_critical_failed: false,
			p_kpis: {}
		} as never);
		expect(error).not.toBeNull();
		expect(await rowsOf(callId)).toHaveLength(0);
		expect((await statusOf(callId)).status).toBe('scheduled');
	});
});

describe('personal data in notes', () => {
	it('is masked on the server when the phone sent it unmasked', async () => {
		const callId = await freshCall(w);
		const id = residentId('110105', '19800101', '123');
		const body = validSubmission(callId, {
			notes: `客户身份证${id}，手机13812345678`,
			itemNotes: { greeted: 'mail me at li.wei@example.com' }
		});
		expect((await submit(callId, body)).status).toBe(200);
		const [row] = await rowsOf(callId);
		expect(row.notes).not.toContain(id);
		expect(row.notes).not.toContain('13812345678');
		expect(row.notes).toMatch(/^客户身份证/);
		const itemNotes = (row.answers as { notes: Record<string, string> }).notes;
		expect(itemNotes.greeted).not.toContain('li.wei@example.com');
	});
});

describe('bad input is refused with field errors and nothing is stored', () => {
	const cases: [string, (callId: string) => unknown, string][] = [
		[
			'a note over 20,000 characters',
			(c) => validSubmission(c, { notes: 'x'.repeat(20_001) }),
			'notes'
		],
		[
			'an answer of the wrong type',
			(c) => ({ ...validSubmission(c), answers: { greeted: true } }),
			'answers.greeted'
		],
		[
			'an unknown item id',
			(c) =>
				validSubmission(c, { answers: { greeted: 'yes', asked_verification: 'yes', nope: 'yes' } }),
			'answers.nope'
		],
		[
			'an impossible answer',
			(c) => validSubmission(c, { answers: { greeted: 'maybe', asked_verification: 'yes' } }),
			'answers.greeted'
		],
		[
			'a missing required answer',
			(c) => validSubmission(c, { answers: { greeted: 'yes' } }),
			'answers.asked_verification'
		],
		[
			'a timing that is not a number',
			(c) => ({ ...validSubmission(c), timings: { talk: '3m' } }),
			'timings.talk'
		],
		[
			'a marker the scenario does not define',
			(c) => validSubmission(c, { markers: [{ kind: 'custom', id: 'nope', t: 1 }] }),
			'markers.0'
		],
		[
			'a key that is not a UUID',
			(c) => validSubmission(c, { idempotencyKey: 'key-1' }),
			'idempotencyKey'
		],
		[
			'an evidence path leaving the bucket',
			(c) =>
				validSubmission(c, {
					evidence: [{ path: '../x', sha256: 'a'.repeat(64), bytes: 1, mime: 'audio/mp4' }]
				}),
			'evidence.0.path'
		],
		['a field nobody knows', (c) => ({ ...validSubmission(c), overall: 1 }), '_'],
		['a body that is not an object', () => 'submit!', '_'],
		['a body naming another call', () => validSubmission(randomUUID()), 'callId']
	];
	it.each(cases)('%s', async (_name, make, path) => {
		const callId = await freshCall(w);
		const outcome = await submit(callId, make(callId));
		expect(outcome.status).toBe(400);
		expect(Object.keys((outcome.body as { errors: object }).errors)).toContain(path);
		expect(await rowsOf(callId)).toHaveLength(0);
		expect((await statusOf(callId)).status).toBe('scheduled');
	});
});

describe("calls that are not the shopper's", () => {
	it("another shopper's call is not found and stays untouched", async () => {
		const callId = await freshCall(w, 'shopper2');
		const outcome = await submit(callId, validSubmission(callId));
		expect(outcome.status).toBe(404);
		expect(await rowsOf(callId)).toHaveLength(0);
		expect((await statusOf(callId)).status).toBe('scheduled');
	});

	it('a call that does not exist, or an address that is not a call id, is not found', async () => {
		const missing = randomUUID();
		expect((await submit(missing, validSubmission(missing))).status).toBe(404);
		expect((await submit('not-a-uuid', validSubmission(missing))).status).toBe(404);
	});

	it('a cancelled call cannot be submitted', async () => {
		const callId = await freshCall(w);
		await w.sql(
			`update public.test_calls set status = 'cancelled', cancel_reason = 'fixture' where id = $1`,
			[callId]
		);
		const outcome = await submit(callId, validSubmission(callId));
		expect(outcome).toMatchObject({ status: 409, body: { reason: 'status' } });
		expect(await rowsOf(callId)).toHaveLength(0);
	});
});
