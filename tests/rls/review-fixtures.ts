/**
 * The review world for the RLS matrix: the scenario world of ./scenarios-fixtures with its calls
 * moved to submitted, and one row of every review table in the demo audit organisation and in the
 * other one, written as the database owner:
 *   findings, disputes and threads    finA/dispA/msgA (vendor A), finB/dispB/msgB (vendor B), finX…
 *   send-backs                        retOwn (to shopper 1), retShopper2 (to shopper 2), retX
 *   overrides, versions, thresholds   ovrOwn/ovrX, csvOwn/csvX, thrOwn (the bank)/thrX
 *   secrets                           secOwn (spare vendor), secX
 *   calibration                       calOwn (open: officer, shopper 1 and 4 evaluate; officer and
 *                                     shopper 1 have scored), calRev (revealed: officer and shopper 1,
 *                                     officer's answers), calX (open: the other admin and shopper)
 * Calibration rows are keyed by (session, user); the matrix names them cp…/ca… (see PARTS).
 */
import { randomUUID } from 'node:crypto';
import { createUser, type World } from './fixtures';
import { startScenarioWorld } from './scenarios-fixtures';
import type { Row, TableSpec } from './tables';

export type ReviewTable =
	| 'call_submission_versions'
	| 'call_returns'
	| 'answer_overrides'
	| 'organisation_secrets'
	| 'alert_thresholds'
	| 'findings'
	| 'finding_disputes'
	| 'finding_messages'
	| 'calibration_sessions'
	| 'calibration_participants'
	| 'calibration_answers';

/** Calibration participant and answer fixtures: label → [session, user]. */
export const PARTS: Record<string, [string, string]> = {
	cpOwnShopper1: ['calOwn', 'u:shopper1'],
	cpOwnOfficer: ['calOwn', 'u:officer'],
	cpRevShopper1: ['calRev', 'u:shopper1'],
	cpX: ['calX', 'u:xAdmin'],
	caOfficer: ['calOwn', 'u:officer'],
	caShopper1: ['calOwn', 'u:shopper1'],
	caRevOfficer: ['calRev', 'u:officer'],
	caX: ['calX', 'u:xAdmin']
};

/** Which fixtures live in the other tenant. */
const isX = (label: string) => label.endsWith('X');
const orgOf = (w: World, label: string) => w.ids[isX(label) ? 'xAudit' : 'audit'];

async function insert(w: World, table: string, row: Row, returning = 'id::text'): Promise<string> {
	const cols = Object.keys(row);
	// Arrays as Postgres array literals (both drivers take them), other objects as JSON.
	const values = Object.values(row).map((v) =>
		Array.isArray(v)
			? `{${v.map((x) => JSON.stringify(String(x))).join(',')}}`
			: v && typeof v === 'object'
				? JSON.stringify(v)
				: v
	);
	const [r] = await w.sql<{ id: string }>(
		`insert into public.${table} (${cols.join(', ')})
		 values (${cols.map((_, i) => `$${i + 1}`).join(', ')}) returning ${returning} as id`,
		values
	);
	return r.id;
}

/** Where each finding fixture is: vendor, site, scenario and one of its calls. */
const FINDING_AT: Record<string, [string, string, string, string]> = {
	finA: ['vendorA', 'siteA1', 'scnOwn', 'callOwn'],
	finB: ['vendorB', 'siteB1', 'scnOther', 'callOther'],
	finX: ['xVendor', 'xSite', 'scnX', 'callX']
};
const findingOf = (label: string) => `fin${label.replace(/^(disp|msg)/, '')}`;

function findingRow(w: World, label: string, item: string): Row {
	const [vendor, site, scenario, call] = FINDING_AT[label];
	return {
		organisation_id: orgOf(w, label),
		vendor_id: w.ids[vendor],
		site_id: w.ids[site],
		scenario_id: w.ids[scenario],
		item_id: item,
		severity: 'M',
		call_ids: [w.ids[call]],
		agent_pseudonyms: ['Agent 0A1B'],
		due_at: '2027-03-01',
		response_due_at: '2026-12-31T00:00:00+00:00'
	};
}

function disputeRow(w: World, label: string): Row {
	const fin = findingOf(label);
	const [vendor, , , call] = FINDING_AT[fin];
	return {
		id: randomUUID(),
		finding_id: w.ids[fin],
		organisation_id: orgOf(w, fin),
		vendor_id: w.ids[vendor],
		call_id: w.ids[call],
		reason_code: 'misheard',
		comment: `fixture ${label}`,
		status: 'rejected'
	};
}

async function addCalibration(w: World, name: string, call: string) {
	w.ids[name] = await insert(w, 'calibration_sessions', {
		organisation_id: orgOf(w, name),
		call_id: w.ids[call],
		title: `Fixture ${name}`
	});
}

async function addParticipant(w: World, session: string, user: string) {
	await insert(
		w,
		'calibration_participants',
		{ session_id: w.ids[session], user_id: w.ids[user], organisation_id: orgOf(w, session) },
		'session_id::text'
	);
}

const ANSWERS = { items: { asked_verification: 'yes' } };

async function addAnswers(w: World, session: string, user: string) {
	await insert(
		w,
		'calibration_answers',
		{
			session_id: w.ids[session],
			user_id: w.ids[user],
			organisation_id: orgOf(w, session),
			answers: ANSWERS
		},
		'session_id::text'
	);
}

/** Starts the scenario world and adds the review fixtures named in the header. */
export async function startReviewWorld(): Promise<World> {
	const w = await startScenarioWorld();
	// A shopper of the other tenant, to evaluate in its calibration session.
	w.ids['u:xShopper'] = await createUser(w.stack, 'x-shopper@fixture.clearcall.test');
	await w.sql(
		`insert into public.memberships (user_id, organisation_id, role) values ($1, $2, 'shopper')`,
		[w.ids['u:xShopper'], w.ids.xAudit]
	);
	for (const c of ['callOwn', 'callOther', 'callX'])
		await w.sql(`update public.test_calls set status = 'submitted' where id = $1`, [w.ids[c]]);

	for (const [label, call] of [
		['csvOwn', 'callOwn'],
		['csvX', 'callX']
	])
		w.ids[label] = await insert(w, 'call_submission_versions', {
			call_id: w.ids[call],
			organisation_id: orgOf(w, label),
			version: 1,
			submission: { fixture: label }
		});
	for (const [label, call, shopper] of [
		['retOwn', 'callOwn', 'u:shopper1'],
		['retShopper2', 'callOther', 'u:shopper2'],
		['retX', 'callX', null]
	] as const)
		w.ids[label] = await insert(w, 'call_returns', {
			call_id: w.ids[call],
			organisation_id: orgOf(w, label),
			shopper_id: shopper ? w.ids[shopper] : null,
			comment: `fixture ${label}`
		});
	for (const [label, call] of [
		['ovrOwn', 'callOwn'],
		['ovrX', 'callX']
	])
		w.ids[label] = await insert(w, 'answer_overrides', {
			call_id: w.ids[call],
			organisation_id: orgOf(w, label),
			item_id: 'asked_verification',
			before: '"yes"',
			after: '"no"',
			reason: label
		});
	await w.sql(
		`insert into public.organisation_secrets (organisation_id) values ($1), ($2)
		 on conflict do nothing`,
		[w.ids.spareVendor, w.ids.xSpareVendor]
	);
	for (const [label, client] of [
		['thrOwn', 'bank'],
		['thrX', 'xClient']
	])
		w.ids[label] = await insert(w, 'alert_thresholds', {
			organisation_id: orgOf(w, label),
			client_id: w.ids[client],
			min_overall: 0.7
		});
	for (const label of Object.keys(FINDING_AT)) {
		w.ids[label] = await insert(w, 'findings', findingRow(w, label, `fixture-${label}`));
		const d = disputeRow(w, `disp${label.slice(3)}`);
		w.ids[`disp${label.slice(3)}`] = await insert(w, 'finding_disputes', d);
		w.ids[`msg${label.slice(3)}`] = await insert(w, 'finding_messages', {
			finding_id: w.ids[label],
			organisation_id: d.organisation_id,
			vendor_id: d.vendor_id,
			kind: 'opened',
			author_role: 'system'
		});
	}

	await addCalibration(w, 'calOwn', 'callOwn');
	await addCalibration(w, 'calRev', 'callOwn');
	await addCalibration(w, 'calX', 'callX');
	for (const u of ['u:officer', 'u:shopper1', 'u:shopper4']) await addParticipant(w, 'calOwn', u);
	for (const u of ['u:officer', 'u:shopper1']) await addParticipant(w, 'calRev', u);
	for (const u of ['u:xAdmin', 'u:xShopper']) await addParticipant(w, 'calX', u);
	for (const [s, u] of [
		['calOwn', 'u:officer'],
		['calOwn', 'u:shopper1'],
		['calRev', 'u:officer'],
		['calX', 'u:xAdmin']
	])
		await addAnswers(w, s, u);
	// Revealed once the answers are in, as reveal_calibration would.
	await w.sql(`update public.calibration_sessions set status = 'revealed' where id = $1`, [
		w.ids.calRev
	]);
	return w;
}

const idKey = (w: World, label: string) => ({ id: w.ids[label] });
const labelOf = (w: World, r: Row) =>
	Object.entries(w.ids).find(([, v]) => v === String(r.id))?.[0] ?? `?${r.id}`;
const partKey = (w: World, label: string) => {
	const [session, user] = PARTS[label];
	return { session_id: w.ids[session], user_id: w.ids[user] };
};

/** How the matrix touches the review tables (see ./tables for the contract). */
export const REVIEW_TABLES: Record<ReviewTable, TableSpec<ReviewTable>> = {
	call_submission_versions: {
		table: 'call_submission_versions',
		keyColumns: ['call_id', 'version'],
		keyOf: (w, label) => ({ call_id: w.ids[isX(label) ? 'callX' : 'callOwn'], version: 1 }),
		labelOf,
		newRow: async (w, label) => ({
			call_id: w.ids[isX(label) ? 'callX' : 'callOwn'],
			organisation_id: orgOf(w, label),
			version: 2,
			submission: { probe: true }
		}),
		patch: { submission: { tampered: true } }
	},
	call_returns: {
		table: 'call_returns',
		keyOf: idKey,
		labelOf,
		async newRow(w, label) {
			const [r] = await w.sql<Row>(
				`select call_id, organisation_id, shopper_id from public.call_returns where id = $1`,
				[w.ids[label]]
			);
			return { id: randomUUID(), ...r, comment: 'RLS probe' };
		},
		patch: { comment: 'RLS probe changed' }
	},
	answer_overrides: {
		table: 'answer_overrides',
		keyColumns: ['call_id', 'reason'],
		keyOf: (w, label) => ({ call_id: w.ids[isX(label) ? 'callX' : 'callOwn'], reason: label }),
		labelOf,
		newRow: async (w, label) => ({
			call_id: w.ids[isX(label) ? 'callX' : 'callOwn'],
			organisation_id: orgOf(w, label),
			item_id: 'asked_verification',
			reason: `probe ${randomUUID()}`
		}),
		patch: { after: 'yes' }
	},
	organisation_secrets: {
		table: 'organisation_secrets',
		keyColumns: ['organisation_id'],
		keyOf: (w, label) => ({ organisation_id: w.ids[isX(label) ? 'xSpareVendor' : 'spareVendor'] }),
		labelOf,
		// The tenant's own organisation, which may or may not have a salt yet: nobody may write either.
		newRow: async (w, label) => ({ organisation_id: orgOf(w, label) }),
		patch: { agent_salt: 'stolen' }
	},
	alert_thresholds: {
		table: 'alert_thresholds',
		keyOf: idKey,
		labelOf,
		// Own tenant: a rule for the telecom client (the bank has one); other tenant: its only client.
		newRow: async (w, label) => ({
			id: randomUUID(),
			organisation_id: orgOf(w, label),
			client_id: w.ids[isX(label) ? 'xClient' : 'telecom'],
			min_overall: 0.6,
			on_critical_fail: false
		}),
		patch: { min_overall: 0.5 }
	},
	findings: {
		table: 'findings',
		keyOf: idKey,
		labelOf,
		newRow: async (w, label) => ({
			id: randomUUID(),
			...findingRow(w, label, `probe-${randomUUID()}`)
		}),
		patch: { occurrences: 9 }
	},
	finding_disputes: {
		table: 'finding_disputes',
		keyOf: idKey,
		labelOf,
		newRow: async (w, label) => disputeRow(w, label),
		patch: { comment: 'RLS probe changed' }
	},
	finding_messages: {
		table: 'finding_messages',
		keyColumns: ['finding_id', 'kind'],
		keyOf: (w, label) => ({ finding_id: w.ids[findingOf(label)], kind: 'opened' }),
		labelOf,
		async newRow(w, label) {
			const d = disputeRow(w, label);
			return {
				finding_id: d.finding_id,
				organisation_id: d.organisation_id,
				vendor_id: d.vendor_id,
				kind: 'comment',
				author_role: 'audit'
			};
		},
		patch: { body: { tampered: true } }
	},
	calibration_sessions: {
		table: 'calibration_sessions',
		keyOf: idKey,
		labelOf,
		// Only the columns the API may insert.
		newRow: async (w, label) => ({
			id: randomUUID(),
			organisation_id: orgOf(w, label),
			call_id: w.ids[isX(label) ? 'callX' : 'callOwn'],
			title: 'RLS probe session'
		}),
		patch: { title: 'RLS probe renamed' }
	},
	calibration_participants: {
		table: 'calibration_participants',
		keyColumns: ['session_id', 'user_id'],
		keyOf: partKey,
		labelOf,
		// Someone of the tenant who does not evaluate in the session yet.
		newRow: async (w, label) => {
			const [session] = PARTS[label];
			return {
				session_id: w.ids[session],
				user_id: w.ids[isX(label) ? 'u:xShopper' : 'u:shopper5'],
				organisation_id: orgOf(w, label)
			};
		},
		patch: { reminded_at: '2030-01-01T00:00:00+00:00' }
	},
	calibration_answers: {
		table: 'calibration_answers',
		keyColumns: ['session_id', 'user_id'],
		keyOf: partKey,
		labelOf,
		// Answers in the name of an evaluator of the open session who has not scored (not the caller).
		newRow: async (w, label) => ({
			session_id: w.ids[isX(label) ? 'calX' : 'calOwn'],
			user_id: w.ids[isX(label) ? 'u:xShopper' : 'u:shopper4'],
			organisation_id: orgOf(w, label),
			answers: ANSWERS
		}),
		patch: { answers: { items: { asked_verification: 'no' } } }
	}
};
