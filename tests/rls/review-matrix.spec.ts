/**
 * The RLS matrix of the review tables: every demo role (and anon) × select, insert, update, delete ×
 * rows of its own tenant and of another, with the verdicts the rules give:
 *   - audit staff read their organisation's review records; every score-bearing write goes through
 *     the RPCs, so nobody writes findings, disputes, threads, overrides, versions or send-backs;
 *   - vendor managers read their own vendor's findings, disputes and threads only (never a shopper:
 *     send-backs, overrides and versions stay closed to them); client viewers change nothing;
 *   - shoppers read the send-backs of their own calls;
 *   - calibration is blind: before the reveal an evaluator reads only their own answers (audit staff
 *     included), after it every participant and the organisation's staff read all; nobody writes
 *     answers in someone else's name, and participants are fixed once revealed;
 *   - the agent-pseudonym salt is readable by no API role.
 * Then review_settings (one row per organisation, so its insert is probed on its own) and the
 * evaluator's own first answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from './fixtures';
import { WHO, matrixOps, verdictTests, type Case as MatrixCase } from './matrix-ops';
import { REVIEW_TABLES, startReviewWorld, type ReviewTable } from './review-fixtures';
import { signInShopper } from './scheduling-fixtures';
import { ADMIN_SETS_STAFF_READS, settingsTests } from './settings-matrix';

type Case = MatrixCase<ReviewTable>;

const OWN = 'its own audit organisation';
const OTHER = 'another audit organisation';
const NOT_PART = 'an open session it does not evaluate in';

/** Records only audit staff read (and, with `shopperReads`, the shopper whose call it is). */
const staffReadOnly = (
	table: ReviewTable,
	own: string,
	other: string,
	shopperReads = false
): Case[] => [
	[table, 'admin', own, OWN, 'YNNN'],
	[table, 'admin', other, OTHER, 'NNNN'],
	[table, 'officer', own, OWN, 'YNNN'],
	[table, 'officer', other, OTHER, 'NNNN'],
	[table, 'shopper', own, shopperReads ? 'its own call' : OWN, shopperReads ? 'YNNN' : 'NNNN'],
	[table, 'vendorA', own, 'its audit organisation', 'NNNN'],
	[table, 'clientBank', own, 'its audit organisation', 'NNNN'],
	[table, 'anon', own, 'the demo audit organisation', 'NNNN']
];

/** Findings, disputes and threads: staff read, vendor A reads its own vendor's only. */
const vendorScoped = (table: ReviewTable, prefix: string): Case[] => [
	[table, 'admin', `${prefix}A`, OWN, 'YNNN'],
	[table, 'admin', `${prefix}X`, OTHER, 'NNNN'],
	[table, 'officer', `${prefix}B`, OWN, 'YNNN'],
	[table, 'officer', `${prefix}X`, OTHER, 'NNNN'],
	[table, 'shopper', `${prefix}A`, OWN, 'NNNN'],
	[table, 'vendorA', `${prefix}A`, 'its own vendor', 'YNNN'],
	[table, 'vendorA', `${prefix}B`, 'another vendor', 'NNNN'],
	[table, 'vendorA', `${prefix}X`, OTHER, 'NNNN'],
	[table, 'clientBank', `${prefix}A`, 'a vendor it outsources to', 'NNNN'],
	[table, 'anon', `${prefix}A`, 'the demo audit organisation', 'NNNN']
];

// Y = allowed, N = denied, in the order select, insert, update, delete.
// prettier-ignore
const MATRIX: Case[] = [
	...staffReadOnly('call_submission_versions', 'csvOwn', 'csvX'),
	...staffReadOnly('answer_overrides', 'ovrOwn', 'ovrX'),
	...staffReadOnly('call_returns', 'retOwn', 'retX', true),
	['call_returns', 'shopper', 'retShopper2', "another shopper's call", 'NNNN'],
	['call_returns', 'shopper', 'retX',        OTHER, 'NNNN'],
	['organisation_secrets', 'admin',      'secOwn', OWN,   'NNNN'],
	['organisation_secrets', 'admin',      'secX',   OTHER, 'NNNN'],
	['organisation_secrets', 'officer',    'secOwn', OWN,   'NNNN'],
	['organisation_secrets', 'shopper',    'secOwn', OWN,   'NNNN'],
	['organisation_secrets', 'vendorA',    'secOwn', 'its audit organisation', 'NNNN'],
	['organisation_secrets', 'clientBank', 'secOwn', 'its audit organisation', 'NNNN'],
	['organisation_secrets', 'anon',       'secOwn', 'the demo audit organisation', 'NNNN'],
	['alert_thresholds', 'admin',      'thrOwn', OWN,   'YYYY'],
	['alert_thresholds', 'admin',      'thrX',   OTHER, 'NNNN'],
	['alert_thresholds', 'officer',    'thrOwn', OWN,   'YYYY'],
	['alert_thresholds', 'officer',    'thrX',   OTHER, 'NNNN'],
	['alert_thresholds', 'shopper',    'thrOwn', OWN,   'NNNN'],
	['alert_thresholds', 'vendorA',    'thrOwn', 'its audit organisation', 'NNNN'],
	['alert_thresholds', 'clientBank', 'thrOwn', 'a rule about itself', 'NNNN'],
	['alert_thresholds', 'anon',       'thrOwn', 'the demo audit organisation', 'NNNN'],
	...vendorScoped('findings', 'fin'),
	...vendorScoped('finding_disputes', 'disp'),
	...vendorScoped('finding_messages', 'msg'),
	['calibration_sessions', 'admin',      'calOwn', OWN,   'YYYY'],
	['calibration_sessions', 'admin',      'calX',   OTHER, 'NNNN'],
	['calibration_sessions', 'officer',    'calOwn', OWN,   'YYYY'],
	['calibration_sessions', 'officer',    'calX',   OTHER, 'NNNN'],
	['calibration_sessions', 'shopper',    'calOwn', 'a session it evaluates in', 'YNNN'],
	['calibration_sessions', 'shopper',    'calX',   OTHER, 'NNNN'],
	['calibration_sessions', 'vendorA',    'calOwn', 'its audit organisation', 'NNNN'],
	['calibration_sessions', 'clientBank', 'calOwn', 'its audit organisation', 'NNNN'],
	['calibration_sessions', 'anon',       'calOwn', 'the demo audit organisation', 'NNNN'],
	['calibration_participants', 'admin',      'cpOwnShopper1', 'an open session',       'YYNY'],
	['calibration_participants', 'admin',      'cpRevShopper1', 'a revealed session',    'YNNN'],
	['calibration_participants', 'admin',      'cpX',           OTHER,                   'NNNN'],
	['calibration_participants', 'officer',    'cpOwnShopper1', 'an open session',       'YYNY'],
	['calibration_participants', 'officer',    'cpRevShopper1', 'a revealed session',    'YNNN'],
	['calibration_participants', 'officer',    'cpX',           OTHER,                   'NNNN'],
	['calibration_participants', 'shopper',    'cpOwnOfficer',  'a session it evaluates in', 'YNNN'],
	['calibration_participants', 'shopper',    'cpX',           OTHER,                   'NNNN'],
	['calibration_participants', 'vendorA',    'cpOwnShopper1', 'its audit organisation', 'NNNN'],
	['calibration_participants', 'clientBank', 'cpOwnShopper1', 'its audit organisation', 'NNNN'],
	['calibration_participants', 'anon',       'cpOwnShopper1', 'the demo audit organisation', 'NNNN'],
	['calibration_answers', 'officer',    'caOfficer',    'its own answers before the reveal', 'YNYN'],
	['calibration_answers', 'officer',    'caRevOfficer', 'its own answers after the reveal',  'YNNN'],
	['calibration_answers', 'officer',    'caShopper1',   "another evaluator's answers before the reveal", 'NNNN'],
	['calibration_answers', 'officer',    'caX',          OTHER, 'NNNN'],
	['calibration_answers', 'admin',      'caOfficer',    `${NOT_PART}, before the reveal`, 'NNNN'],
	['calibration_answers', 'admin',      'caRevOfficer', 'its organisation, after the reveal', 'YNNN'],
	['calibration_answers', 'admin',      'caX',          OTHER, 'NNNN'],
	['calibration_answers', 'shopper',    'caShopper1',   'its own answers before the reveal', 'YNYN'],
	['calibration_answers', 'shopper',    'caOfficer',    "another evaluator's answers before the reveal", 'NNNN'],
	['calibration_answers', 'shopper',    'caRevOfficer', "another evaluator's answers after the reveal", 'YNNN'],
	['calibration_answers', 'shopper',    'caX',          OTHER, 'NNNN'],
	['calibration_answers', 'vendorA',    'caRevOfficer', 'its audit organisation', 'NNNN'],
	['calibration_answers', 'clientBank', 'caRevOfficer', 'its audit organisation', 'NNNN'],
	['calibration_answers', 'anon',       'caRevOfficer', 'the demo audit organisation', 'NNNN']
];

let w: World;
const world = () => w;
const probe = matrixOps(world, REVIEW_TABLES);

beforeAll(async () => {
	w = await startReviewWorld();
}, 180_000);
afterAll(async () => {
	await w?.close();
});

for (const table of Object.keys(REVIEW_TABLES) as ReviewTable[]) {
	describe(table, () => verdictTests(world, probe, MATRIX, table));
}

describe('review_settings', () =>
	settingsTests(world, {
		table: 'review_settings',
		noun: 'review settings',
		column: 'dispute_days',
		own: 10,
		other: 12,
		inserted: 14,
		updated: 7,
		rules: ADMIN_SETS_STAFF_READS
	}));

describe('calibration answers in one’s own name', () => {
	const answers = { items: { asked_verification: 'no' } };
	const row = (user: string) => ({
		session_id: w.ids.calOwn,
		user_id: w.ids[user],
		organisation_id: w.ids.audit,
		answers
	});

	it('an evaluator who has not scored records their own answers', async () => {
		const shopper4 = await signInShopper(w, 'shopper4');
		const { error } = await shopper4.from('calibration_answers').insert(row('u:shopper4'));
		expect(error).toBeNull();
		const [p] = await w.sql<{ scored: boolean }>(
			`select scored_at is not null as scored from public.calibration_participants
			 where session_id = $1 and user_id = $2`,
			[w.ids.calOwn, w.ids['u:shopper4']]
		);
		expect(p.scored).toBe(true);
	});

	const USER = { admin: 'u:admin', vendorA: 'u:vendor-a', clientBank: 'u:client-bank' } as const;
	for (const role of ['admin', 'vendorA', 'clientBank'] as const) {
		it(`${WHO[role]}, not evaluating in the session, cannot record answers in it`, async () => {
			const { error } = await w.as[role].from('calibration_answers').insert(row(USER[role]));
			expect(error?.code).toBe('42501');
		});
	}

	it('an evaluator cannot add answers once the session is revealed', async () => {
		const { error } = await w.as.shopper.from('calibration_answers').insert({
			session_id: w.ids.calRev,
			user_id: w.ids['u:shopper1'],
			organisation_id: w.ids.audit,
			answers
		});
		expect(error?.code).toBe('23514');
	});

	it('staff cannot reveal a session by setting its status; only reveal_calibration does', async () => {
		const { error } = await w.as.officer
			.from('calibration_sessions')
			.update({ status: 'revealed' })
			.eq('id', w.ids.calOwn);
		expect(error?.code).toBe('42501');
		const [s] = await w.sql<{ status: string }>(
			`select status from public.calibration_sessions where id = $1`,
			[w.ids.calOwn]
		);
		expect(s.status).toBe('open');
	});

	it('a session created through the API names its creator, whatever the client sent', async () => {
		const { data, error } = await w.as.officer
			.from('calibration_sessions')
			.insert({
				organisation_id: w.ids.audit,
				call_id: w.ids.callOwn,
				title: 'creator probe',
				created_by: w.ids['u:admin']
			})
			.select('created_by')
			.single();
		expect(error).toBeNull();
		expect(data?.created_by).toBe(w.ids['u:officer']);
	});
});
