/**
 * The RLS matrix of report publication and retention: every demo role (and anon) × select, insert,
 * update, delete × rows of its own tenant and of another, for reports, evidence_purges and
 * retention_settings; then the reports bucket, whose policy must mirror the reports table: who can
 * download which file, that nobody writes a file through the API, that guessing a path gives nothing
 * and that a signed URL stops working once it expires.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { ROLES, type Role, type World } from './fixtures';
import { matrixOps, verdictTests, type Case as MatrixCase } from './matrix-ops';
import { REPORT_TABLES, pdfBytes, startReportsWorld, type ReportTable } from './reports-fixtures';
import { ADMIN_SETS_STAFF_READS, settingsTests } from './settings-matrix';

type Case = MatrixCase<ReportTable>;

const OWN = 'its own audit organisation';
const OTHER = 'another audit organisation';

// Y = allowed, N = denied, in the order select, insert, update, delete.
// prettier-ignore
const MATRIX: Case[] = [
	['reports', 'admin',      'repVendorA',     OWN,   'YNNN'],
	['reports', 'admin',      'repX',           OTHER, 'NNNN'],
	['reports', 'officer',    'repVendorA',     OWN,   'YNNN'],
	['reports', 'officer',    'repX',           OTHER, 'NNNN'],
	['reports', 'shopper',    'repVendorA',     OWN,   'NNNN'],
	['reports', 'shopper',    'repX',           OTHER, 'NNNN'],
	['reports', 'vendorA',    'repVendorA',     'a report about its vendor', 'YNNN'],
	['reports', 'vendorA',    'repVendorATelecom', 'a report about its vendor made for a client', 'YNNN'],
	['reports', 'vendorA',    'repVendorB',     'a report about another vendor', 'NNNN'],
	['reports', 'vendorA',    'repProgBank',    "a client's programme report", 'NNNN'],
	['reports', 'vendorA',    'repX',           OTHER, 'NNNN'],
	['reports', 'clientBank', 'repProgBank',    'a report about its programme', 'YNNN'],
	['reports', 'clientBank', 'repVendorABank', 'a vendor report made for its client', 'YNNN'],
	['reports', 'clientBank', 'repVendorATelecom', 'a report about its vendor made for another client', 'NNNN'],
	['reports', 'clientBank', 'repVendorA',     'a report about a vendor it uses, made for no client', 'NNNN'],
	['reports', 'clientBank', 'repVendorB',     'a report about a vendor it uses, made for no client', 'NNNN'],
	['reports', 'clientBank', 'repVendorC',     'a report about a vendor it does not use', 'NNNN'],
	['reports', 'clientBank', 'repProgTelecom', "another client's programme report", 'NNNN'],
	['reports', 'clientBank', 'repX',           OTHER, 'NNNN'],
	['reports', 'anon',       'repVendorA',     'the demo audit organisation', 'NNNN'],
	['evidence_purges', 'admin',      'purgeOwn', OWN,   'YNNN'],
	['evidence_purges', 'admin',      'purgeX',   OTHER, 'NNNN'],
	['evidence_purges', 'officer',    'purgeOwn', OWN,   'YNNN'],
	['evidence_purges', 'officer',    'purgeX',   OTHER, 'NNNN'],
	['evidence_purges', 'shopper',    'purgeOwn', OWN,   'NNNN'],
	['evidence_purges', 'vendorA',    'purgeOwn', 'its audit organisation', 'NNNN'],
	['evidence_purges', 'clientBank', 'purgeOwn', 'its audit organisation', 'NNNN'],
	['evidence_purges', 'anon',       'purgeOwn', 'the demo audit organisation', 'NNNN']
];

let w: World;
const world = () => w;
const probe = matrixOps(world, REPORT_TABLES);

beforeAll(async () => {
	w = await startReportsWorld();
});
afterAll(async () => {
	await w?.close();
});

for (const table of ['reports', 'evidence_purges'] as const) {
	describe(table, () => verdictTests(world, probe, MATRIX, table));
}

describe('retention_settings', () => {
	settingsTests(world, {
		table: 'retention_settings',
		noun: 'retention periods',
		column: 'recordings_months',
		own: 6,
		other: 3,
		inserted: 9,
		updated: 7,
		rules: ADMIN_SETS_STAFF_READS
	});

	const api = (role: Role) => w.as[role] as unknown as SupabaseClient;
	it('a retention period outside 1..120 months is refused', async () => {
		const { error } = await api('admin')
			.from('retention_settings')
			.update({ recordings_months: 0 })
			.eq('organisation_id', w.ids.audit);
		expect(error?.code).toBe('23514');
	});
});

describe('the reports bucket mirrors the reports table', () => {
	const FILES = [
		'repVendorA',
		'repVendorABank',
		'repVendorATelecom',
		'repVendorB',
		'repVendorC',
		'repProgBank',
		'repProgTelecom',
		'repX'
	];

	it.each(ROLES)('%s downloads exactly the files of the reports it can read', async (role) => {
		const rows = await w.as[role].from('reports').select('id');
		const readable = new Set((rows.data ?? []).map((r) => r.id));
		for (const name of FILES) {
			const { data } = await w.as[role].storage.from('reports').download(w.ids[`path:${name}`]);
			expect(data !== null, `${role} × ${name}`).toBe(readable.has(w.ids[name]));
		}
	});

	it.each(ROLES)('%s cannot upload, overwrite, move or remove a report file', async (role) => {
		const s = w.as[role].storage.from('reports');
		const own = w.ids['path:repVendorA'];
		const fresh = `${w.ids.audit}/${crypto.randomUUID()}.pdf`;
		expect(
			(await s.upload(fresh, pdfBytes('forged'), { contentType: 'application/pdf' })).error
		).not.toBeNull();
		expect(
			(await s.upload(own, pdfBytes('forged'), { contentType: 'application/pdf', upsert: true }))
				.error
		).not.toBeNull();
		await s.remove([own]);
		await s.move(own, `${w.ids.audit}/moved.pdf`);
		const stored = await w.stack.admin().storage.from('reports').download(own);
		expect(new TextDecoder().decode(await stored.data!.arrayBuffer())).toContain('repVendorA');
	});

	it("guessing another tenant's path, or a path with no report row, yields nothing", async () => {
		const orphan = `${w.ids.audit}/${crypto.randomUUID()}.pdf`;
		await w.stack
			.admin()
			.storage.from('reports')
			.upload(orphan, pdfBytes('orphan'), { contentType: 'application/pdf' });
		for (const role of ['admin', 'officer', 'vendorA', 'clientBank'] as const) {
			expect((await w.as[role].storage.from('reports').download(orphan)).data).toBeNull();
			expect(
				(await w.as[role].storage.from('reports').download(w.ids['path:repX'])).data
			).toBeNull();
			const listed = await w.as[role].storage.from('reports').list(w.ids.xAudit);
			expect(listed.data ?? []).toEqual([]);
		}
	});

	it('a reader can sign a URL for a file it may read, not for one it may not', async () => {
		const ok = await w.as.clientBank.storage
			.from('reports')
			.createSignedUrl(w.ids['path:repVendorABank'], 60);
		expect(ok.error).toBeNull();
		const r = await fetch(ok.data!.signedUrl);
		expect(r.status).toBe(200);
		expect(new TextDecoder().decode(await r.arrayBuffer())).toMatch(/^%PDF-/);
		const refused = await w.as.clientBank.storage
			.from('reports')
			.createSignedUrl(w.ids['path:repVendorC'], 60);
		expect(refused.data).toBeNull();
	});

	it('a signed URL stops working once it has expired', async () => {
		const { data } = await w.as.vendorA.storage
			.from('reports')
			.createSignedUrl(w.ids['path:repVendorA'], 1);
		await new Promise((resolve) => setTimeout(resolve, 2100));
		const r = await fetch(data!.signedUrl);
		expect(r.ok).toBe(false);
		expect(await r.text()).toContain('jwt expired');
	});
});
