/**
 * The review flow on the real stack through the server functions: submit → override (original
 * kept, audit row) → approve → findings with due dates, aggregated over two failing calls → vendor
 * disputes → officer accepts → the call re-scored and the finding updated; send back → resubmit;
 * a late dispute refused; closing a critical finding opens a verification call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { submitCall } from '../../src/lib/server/submission';
import { approveCall, overrideAnswer, sendBack } from '../../src/lib/server/review/calls';
import {
	decideDispute,
	disputeFinding,
	proposeRemediation,
	setFindingStatus
} from '../../src/lib/server/review/findings';
import type { Actor } from '../../src/lib/server/review/result';
import type { World } from './fixtures';
import {
	freshCall,
	shopperCaller,
	startSubmissionWorld,
	validSubmission
} from './submission-fixtures';

let w: World;
let admin: SupabaseClient;
const officer = (): Actor => ({ client: w.as.officer, userId: w.ids['u:officer'] });
const vendor = (): Actor => ({ client: w.as.vendorA, userId: w.ids['u:vendor-a'] });

beforeAll(async () => {
	w = await startSubmissionWorld();
	admin = w.stack.admin();
}, 120_000);
afterAll(() => w?.close());

/** A submitted call on which `greeted` failed (the critical item passes unless `critical`). */
async function failingCall(critical = false, agent = 'Wang Li') {
	const id = await freshCall(w);
	const body = validSubmission(id, {
		answers: { greeted: 'no', asked_verification: critical ? 'no' : 'yes', comment: 'x' },
		agent
	});
	const out = await submitCall(shopperCaller(w), admin, id, body);
	expect(out.status).toBe(200);
	return id;
}

const audit = (entityId: string) =>
	w.sql<{ action: string }>('select action from audit_log where entity_id = $1 order by id', [
		entityId
	]);

describe('review, findings and disputes', () => {
	let first: string;
	let findingId: string;

	it('keeps the original answer and score when an officer overrides, and logs both', async () => {
		first = await failingCall();
		const out = await overrideAnswer(officer(), admin, {
			callId: first,
			itemId: 'asked_verification',
			value: 'no',
			reason: 'the recording shows no verification'
		});
		expect(out).toMatchObject({ ok: true, overall: 0, criticalFailed: true });
		const [s] = await w.sql<{ orig: string; cur: string; overall: string; current: string }>(
			`select answers->'items'->>'asked_verification' as orig,
			        current_answers->'items'->>'asked_verification' as cur, overall, current_overall as current
			   from call_submissions where call_id = $1`,
			[first]
		);
		expect(s).toMatchObject({ orig: 'yes', cur: 'no' });
		expect(Number(s.overall)).toBeGreaterThan(0);
		expect(Number(s.current)).toBe(0);
		expect((await audit(first)).map((a) => a.action)).toEqual(
			expect.arrayContaining(['submit', 'override', 'score_change'])
		);
	});

	it('refuses an override without a reason, naming the field', async () => {
		const out = await overrideAnswer(officer(), admin, {
			callId: first,
			itemId: 'greeted',
			value: 'yes',
			reason: ' '
		});
		expect(out).toEqual({ ok: false, status: 400, errors: { reason: 'required' } });
	});

	it('approving files each failed item as a finding with a due date by severity', async () => {
		const out = await approveCall(officer(), admin, { callId: first });
		expect(out).toMatchObject({ ok: true, overall: 0, criticalFailed: true });
		if (!out.ok) return;
		expect(out.findings).toHaveLength(2);
		const rows = await w.sql<{ item_id: string; severity: string; days: number; status: string }>(
			`select item_id, severity, (due_at - created_at::date) as days, status from findings
			  where $1 = any(call_ids) order by item_id`,
			[first]
		);
		expect(rows).toEqual([
			{ item_id: 'asked_verification', severity: 'C', days: 30, status: 'open' },
			{ item_id: 'greeted', severity: 'M', days: 90, status: 'open' }
		]);
		const [call] = await w.sql<{ status: string }>('select status from test_calls where id = $1', [
			first
		]);
		expect(call.status).toBe('reviewed');
	});

	it('aggregates a second failure of the same item at the site into the open finding', async () => {
		const second = await failingCall(false, 'wang li');
		expect(await approveCall(officer(), admin, { callId: second })).toMatchObject({ ok: true });
		const [f] = await w.sql<{
			id: string;
			occurrences: number;
			call_ids: string[];
			agents: string[];
		}>(
			`select id, occurrences, call_ids::text[] as call_ids, agent_pseudonyms as agents
			   from findings where item_id = 'greeted' and $1 = any(call_ids)`,
			[second]
		);
		expect(f.occurrences).toBe(2);
		expect(f.call_ids).toEqual([first, second]);
		// The same agent (case and spacing aside) at the same site is one pseudonym.
		expect(f.agents).toHaveLength(1);
		expect(f.agents[0]).toMatch(/^Agent [0-9A-F]{4}$/);
		findingId = f.id;
	});

	it('lets the vendor manager read the finding but no shopper identity or agent text', async () => {
		const { data } = await w.as.vendorA.from('findings').select('*').eq('id', findingId);
		expect(data).toHaveLength(1);
		expect(JSON.stringify(data)).not.toMatch(/Wang|shopper/i);
		const { data: subs } = await w.as.vendorA.from('call_submissions').select('*');
		expect(subs).toEqual([]);
		const { data: results } = await w.as.vendorA.rpc('vendor_call_results', {});
		expect(JSON.stringify(results)).not.toMatch(/Wang|shopper_id/i);
	});

	it('re-scores the call and shrinks the finding when the officer accepts a dispute', async () => {
		const plan = await proposeRemediation(vendor(), {
			findingId,
			actions: [{ title: 'Coach greeting', owner: 'Team lead', due_date: '2027-01-15' }]
		});
		expect(plan).toEqual({ ok: true });
		const dispute = await disputeFinding(vendor(), {
			findingId,
			callId: first,
			reasonCode: 'misheard',
			comment: 'The agent greeted before the shopper spoke'
		});
		expect(dispute.ok).toBe(true);
		if (!dispute.ok) return;
		const [before] = await w.sql<{ current_overall: string }>(
			'select current_overall from call_submissions where call_id = $1',
			[first]
		);
		const out = await decideDispute(officer(), admin, {
			disputeId: dispute.disputeId,
			decision: 'accepted',
			comment: 'Confirmed on the recording'
		});
		expect(out).toMatchObject({ ok: true, findingStatus: 'remediation_proposed' });
		const [f] = await w.sql<{ occurrences: number; call_ids: string[] }>(
			'select occurrences, call_ids::text[] as call_ids from findings where id = $1',
			[findingId]
		);
		expect(f.occurrences).toBe(1);
		expect(f.call_ids).not.toContain(first);
		const [after] = await w.sql<{ current_overall: string; src: string }>(
			`select current_overall, (select source from answer_overrides where call_id = $1
			   order by id desc limit 1) as src from call_submissions where call_id = $1`,
			[first]
		);
		// The critical failure still zeroes the call; the greeting now passes in the final score.
		expect(after.src).toBe('dispute');
		expect(Number(after.current_overall)).toBe(Number(before.current_overall));
		const trail = (await audit(dispute.disputeId)).map((a) => a.action);
		expect(trail).toEqual(['dispute', 'dispute_decision']);
		const messages = await w.sql<{ kind: string }>(
			'select kind from finding_messages where finding_id = $1 order by id',
			[findingId]
		);
		expect(messages.map((m) => m.kind)).toEqual([
			'opened',
			'occurrence',
			'plan',
			'dispute',
			'decision'
		]);
	});

	it('refuses a dispute after the deadline', async () => {
		await w.sql(`update findings set response_due_at = now() - interval '1 minute' where id = $1`, [
			findingId
		]);
		const [f] = await w.sql<{ call_ids: string[] }>(
			'select call_ids::text[] as call_ids from findings where id = $1',
			[findingId]
		);
		const out = await disputeFinding(vendor(), {
			findingId,
			callId: f.call_ids[0],
			reasonCode: 'other',
			comment: 'late'
		});
		expect(out).toEqual({ ok: false, status: 409, errors: { _: 'deadline' } });
	});

	it('schedules a claimable verification call when a critical finding is closed', async () => {
		const [f] = await w.sql<{ id: string }>(
			`select id from findings where item_id = 'asked_verification' and $1 = any(call_ids)`,
			[first]
		);
		const out = await setFindingStatus(officer(), {
			findingId: f.id,
			status: 'closed',
			comment: 'Retrained and verified'
		});
		expect(out).toMatchObject({ ok: true, status: 'closed' });
		if (!out.ok) return;
		const [v] = await w.sql<{ claimable: boolean; status: string; site_id: string }>(
			'select claimable, status, site_id::text from test_calls where id = $1',
			[out.verificationCallId]
		);
		expect(v).toEqual({ claimable: true, status: 'scheduled', site_id: w.ids.siteA1 });
		expect((await audit(f.id)).map((a) => a.action)).toContain('finding_close');
	});
});

describe('send back and resubmit', () => {
	it('returns the call to its shopper, who reads the comment and resubmits, keeping version 1', async () => {
		const id = await freshCall(w);
		const body = validSubmission(id);
		expect((await submitCall(shopperCaller(w), admin, id, body)).status).toBe(200);
		const back = await sendBack(officer(), { callId: id, comment: 'Add the hold time note' });
		expect(back.ok).toBe(true);
		const { data: comment } = await w.as.shopper
			.from('call_returns')
			.select('comment')
			.eq('call_id', id);
		expect(comment).toEqual([{ comment: 'Add the hold time note' }]);
		const again = await submitCall(shopperCaller(w), admin, id, { ...body, notes: 'held 30 s' });
		expect(again.status).toBe(200);
		const [s] = await w.sql<{ version: number; notes: string; kept: number }>(
			`select version, notes, (select count(*)::int from call_submission_versions where call_id = $1) as kept
			   from call_submissions where call_id = $1`,
			[id]
		);
		expect(s).toEqual({ version: 2, notes: 'held 30 s', kept: 1 });
		expect((await audit(id)).map((a) => a.action)).toEqual(
			expect.arrayContaining(['submit', 'send_back', 'resubmit'])
		);
	});
});
