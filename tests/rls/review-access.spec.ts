/**
 * Who reads and writes the review tables: a vendor manager sees only their own vendor's findings
 * and no shopper identity, a client viewer changes nothing, and calibration stays blind until the
 * reveal (an evaluator reads only their own answers before it, everyone's after).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { submitCall } from '../../src/lib/server/submission';
import { approveCall } from '../../src/lib/server/review/calls';
import {
	calibrationResults,
	createCalibrationSession,
	revealCalibration,
	submitCalibrationAnswers
} from '../../src/lib/server/review/calibration';
import type { Actor } from '../../src/lib/server/review/result';
import { ROLES, type World } from './fixtures';
import { signInShopper } from './scheduling-fixtures';
import {
	freshCall,
	shopperCaller,
	startSubmissionWorld,
	validSubmission
} from './submission-fixtures';

let w: World;
let admin: SupabaseClient;
let callId: string;
const officer = (): Actor => ({ client: w.as.officer, userId: w.ids['u:officer'] });

const TABLES = [
	'findings',
	'finding_messages',
	'finding_disputes',
	'answer_overrides',
	'call_returns',
	'call_submission_versions',
	'alert_thresholds',
	'review_settings',
	'organisation_secrets',
	'calibration_sessions',
	'calibration_participants',
	'calibration_answers'
] as const;

beforeAll(async () => {
	w = await startSubmissionWorld();
	admin = w.stack.admin();
	callId = await freshCall(w);
	const body = validSubmission(callId, {
		answers: { greeted: 'no', asked_verification: 'yes', comment: 'x' },
		agent: 'Zhang Wei'
	});
	expect((await submitCall(shopperCaller(w), admin, callId, body)).status).toBe(200);
	expect(await approveCall(officer(), admin, { callId })).toMatchObject({ ok: true });
	// Another vendor's finding, filed as the owner, that vendor A must never see.
	await w.sql(
		`insert into findings (organisation_id, vendor_id, site_id, scenario_id, item_id, severity, due_at, response_due_at)
		 values ($1, $2, $3, $4, 'greeted', 'M', current_date + 90, now() + interval '10 days')`,
		[w.ids.audit, w.ids.vendorB, w.ids.siteB1, w.ids.scnSubmit]
	);
}, 180_000);
afterAll(() => w?.close());

describe('findings and the vendor portal', () => {
	it("a vendor manager reads their own vendor's findings and not another vendor's", async () => {
		const { data } = await w.as.vendorA.from('findings').select('vendor_id');
		expect(data!.length).toBeGreaterThan(0);
		expect(new Set(data!.map((r) => r.vendor_id))).toEqual(new Set([w.ids.vendorA]));
	});

	it('no table, view or RPC a vendor manager can use reveals a shopper or the agent text', async () => {
		const seen: string[] = [];
		for (const t of [...TABLES, 'call_submissions', 'test_calls', 'audit_log'] as const) {
			const { data } = await w.as.vendorA.from(t as never).select('*');
			seen.push(JSON.stringify(data ?? []));
		}
		const { data: results } = await w.as.vendorA.rpc('vendor_call_results', {} as never);
		seen.push(JSON.stringify(results));
		const all = seen.join('\n');
		expect(all).not.toContain('Zhang Wei');
		expect(all).not.toContain(w.ids['u:shopper1']);
		expect(all).not.toMatch(/shopper_id/);
		expect(JSON.stringify(results)).toMatch(/Agent [0-9A-F]{4}/);
	});

	it('a client viewer can neither read nor change any review table', async () => {
		for (const t of TABLES) {
			const { data } = await w.as.clientBank.from(t as never).select('*');
			expect(data ?? [], t).toEqual([]);
			const { data: upd } = await w.as.clientBank
				.from(t as never)
				.update({ created_at: new Date().toISOString() } as never)
				.neq('organisation_id', '00000000-0000-0000-0000-000000000000')
				.select();
			expect(upd ?? [], t).toEqual([]);
		}
		const { error } = await w.as.clientBank.rpc('set_finding_status', {
			p_finding_id: w.ids.audit,
			p_status: 'closed',
			p_comment: 'x'
		} as never);
		expect(error?.code).toBe('PT404');
	});

	it('only the service role may run the score-changing RPCs', async () => {
		for (const role of ROLES) {
			const { error } = await w.as[role].rpc('approve_call', {
				p_actor: w.ids['u:officer'],
				p_call_id: callId,
				p_base: {},
				p_score: {},
				p_overall: 1,
				p_critical: false,
				p_findings: []
			} as never);
			expect(error, role).not.toBeNull();
		}
	});

	it('nobody reads the agent-pseudonym salt through the API', async () => {
		for (const role of ROLES) {
			const { data } = await w.as[role].from('organisation_secrets' as never).select('*');
			expect(data ?? [], role).toEqual([]);
		}
	});
});

describe('blind calibration', () => {
	it('an evaluator reads only their own answers until the reveal, and everyone’s after', async () => {
		const shopper2 = await signInShopper(w, 'shopper2');
		const created = await createCalibrationSession(officer(), {
			callId,
			evaluators: [w.ids['u:shopper1'], w.ids['u:shopper2']],
			benchmark: w.ids['u:officer']
		});
		expect(created.ok).toBe(true);
		if (!created.ok) return;
		const sessionId = created.sessionId;
		const s1: Actor = { client: w.as.shopper, userId: w.ids['u:shopper1'] };
		const s2: Actor = { client: shopper2, userId: w.ids['u:shopper2'] };
		const items = (greeted: string) => ({
			sessionId,
			items: { greeted, asked_verification: 'yes' }
		});
		expect(await submitCalibrationAnswers(s1, items('no'))).toEqual({ ok: true });
		expect(await submitCalibrationAnswers(s2, items('yes'))).toEqual({ ok: true });
		expect(await submitCalibrationAnswers(officer(), items('no'))).toEqual({ ok: true });

		const before = await w.as.shopper
			.from('calibration_answers')
			.select('user_id')
			.eq('session_id', sessionId);
		expect(before.data).toEqual([{ user_id: w.ids['u:shopper1'] }]);
		const staff = await w.as.officer
			.from('calibration_answers')
			.select('user_id')
			.eq('session_id', sessionId);
		expect(staff.data).toEqual([{ user_id: w.ids['u:officer'] }]);

		expect(await revealCalibration(officer(), sessionId)).toEqual({ ok: true });
		const after = await w.as.shopper
			.from('calibration_answers')
			.select('user_id')
			.eq('session_id', sessionId);
		expect(after.data).toHaveLength(3);
		const late = await submitCalibrationAnswers(s1, items('yes'));
		expect(late.ok).toBe(false);

		const results = await calibrationResults(officer(), sessionId);
		expect(results.ok).toBe(true);
		if (results.ok) expect(results.summary.items.map((i) => i.id)).toContain('greeted');
		// Calibration never touches the official score.
		const [s] = await w.sql<{ n: number }>(
			`select count(*)::int as n from audit_log where entity_id = $1 and action = 'score_change'`,
			[callId]
		);
		expect(s.n).toBe(1);
	});

	it('the minute job reminds evaluators who have not scored, at most daily', async () => {
		const created = await createCalibrationSession(officer(), {
			callId,
			evaluators: [w.ids['u:shopper1'], w.ids['u:shopper2']],
			benchmark: w.ids['u:officer']
		});
		expect(created.ok).toBe(true);
		const run = async () => {
			const { data } = await admin.rpc('run_scheduled_jobs');
			return (data as { calibration_reminded: number }).calibration_reminded;
		};
		expect(await run()).toBe(3);
		expect(await run()).toBe(0);
	});
});
