/**
 * Who may do what in the private `evidence` bucket, through supabase-js storage against the real
 * stack: every role × select/insert/update/delete × the own tenant's call folder and another
 * tenant's, plus the call states and object name shapes the policies depend on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVIDENCE_MIME_TYPES, MAX_EVIDENCE_BYTES } from '../../src/lib/schemas/submission';
import type { Role, World } from './fixtures';
import { WHO, type Op, type Verdicts } from './matrix-ops';
import { AUDIO, BUCKET, evidenceOps, evidencePath } from './evidence-fixtures';
import { addCall, startScenarioWorld } from './scenarios-fixtures';

let w: World;

beforeAll(async () => {
	w = await startScenarioWorld();
	await addCall(w, 'callDone', {
		org: 'audit',
		version: 'verOwn1',
		site: 'siteA1',
		line: 'lineBankA1',
		shopper: 'shopper1'
	});
	await w.sql(`update public.test_calls set status = 'submitted' where id = $1`, [w.ids.callDone]);
});
afterAll(async () => {
	await w?.close();
});

const folder = (org: string, call: string) => `${w.ids[org]}/${w.ids[call]}`;

/** Where: [label for the test name, organisation fixture, call fixture]. */
const WHERE = {
	own: ['the own tenant (the shopper’s open call)', 'audit', 'callOwn'],
	otherShopper: ['the own tenant (another shopper’s call)', 'audit', 'callOther'],
	submitted: ['the own tenant (the shopper’s submitted call)', 'audit', 'callDone'],
	other: ['another tenant', 'xAudit', 'callX']
} as const;

/** Y = allowed, in the order select, insert, update, delete. */
const MATRIX: [Role, keyof typeof WHERE, Verdicts][] = [
	['shopper', 'own', 'YYYY'],
	['shopper', 'submitted', 'YNNN'],
	['shopper', 'otherShopper', 'NNNN'],
	['shopper', 'other', 'NNNN'],
	['admin', 'own', 'YNNN'],
	['admin', 'submitted', 'YNNN'],
	['admin', 'other', 'NNNN'],
	['officer', 'own', 'YNNN'],
	['officer', 'otherShopper', 'YNNN'],
	['officer', 'other', 'NNNN'],
	['vendorA', 'own', 'NNNN'],
	['vendorA', 'other', 'NNNN'],
	['clientBank', 'own', 'NNNN'],
	['clientBank', 'other', 'NNNN'],
	['anon', 'own', 'NNNN'],
	['anon', 'other', 'NNNN']
];
const OPS: Op[] = ['select', 'insert', 'update', 'delete'];

describe('the evidence bucket', () => {
	for (const [role, where, verdicts] of MATRIX) {
		for (const [i, op] of OPS.entries()) {
			const allowed = verdicts[i] === 'Y';
			const [label, org, call] = WHERE[where];
			it(`${WHO[role]} ${allowed ? 'can' : 'cannot'} ${op} evidence in ${label}`, async () => {
				expect(await evidenceOps[op](w, role, folder(org, call))).toBe(allowed);
			});
		}
	}

	it('is private, with the size and type limits of the submission schema', async () => {
		const [b] = await w.sql<{
			public: boolean;
			file_size_limit: string;
			allowed_mime_types: string[];
		}>(
			`select public, file_size_limit::text, allowed_mime_types from storage.buckets where id = $1`,
			[BUCKET]
		);
		expect(b.public).toBe(false);
		expect(Number(b.file_size_limit)).toBe(MAX_EVIDENCE_BYTES);
		expect([...b.allowed_mime_types].sort()).toEqual([...EVIDENCE_MIME_TYPES].sort());
	});

	it('refuses a file type the schema does not allow', async () => {
		const path = evidencePath(w, 'audit', 'callOwn', 'notes.txt');
		const { error } = await w.as.shopper.storage
			.from(BUCKET)
			.upload(path, new Blob(['hello'], { type: 'text/plain' }));
		expect(error).not.toBeNull();
	});

	it.each([
		[
			'under another organisation than the call’s',
			(p: string[]) => `${w.ids.xAudit}/${p[1]}/a.m4a`
		],
		['without the organisation folder', (p: string[]) => `${p[1]}/a.m4a`],
		['one folder deeper', (p: string[]) => `${p[0]}/${p[1]}/deeper/a.m4a`],
		['with the folders swapped', (p: string[]) => `${p[1]}/${p[0]}/a.m4a`]
	])('a shopper cannot upload evidence %s', async (_, shape) => {
		const path = shape([w.ids.audit, w.ids.callOwn]);
		const { error } = await w.as.shopper.storage.from(BUCKET).upload(path, AUDIO());
		expect(error).not.toBeNull();
		const rows = await w.sql(`select 1 from storage.objects where bucket_id = $1 and name = $2`, [
			BUCKET,
			path
		]);
		expect(rows).toHaveLength(0);
	});
});
