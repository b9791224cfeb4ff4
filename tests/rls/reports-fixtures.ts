/**
 * The reports world: the scenario world plus programmes for the bank and the telecom client, published
 * report rows with their PDF objects in the reports bucket (own tenant: about vendor A for no client,
 * for the bank and for the telecom client — vendor A serves both —, vendor B and C for no client, the
 * bank's and the telecom's programmes; other tenant: about its vendor), evidence purge records and
 * retention periods for both audit organisations. Rows are written as the owner, files with the service
 * role, exactly where publish_report() would put them.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { World } from './fixtures';
import { startScenarioWorld } from './scenarios-fixtures';
import type { Row, TableSpec } from './tables';

export type ReportTable = 'reports' | 'evidence_purges';

/** A tiny but real PDF header, so the bytes look like what the bucket accepts. */
export const pdfBytes = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);

let codes = 0;
/** Inserts a report version as the owner and uploads its file; returns the row id. */
export async function addReport(
	w: World,
	name: string,
	at: { org: string; vendor?: string; programme?: string; client?: string }
): Promise<string> {
	const id = randomUUID();
	const org = w.ids[at.org];
	const path = `${org}/${id}.pdf`;
	const bytes = pdfBytes(name);
	const up = await w.stack
		.admin()
		.storage.from('reports')
		.upload(path, bytes, { contentType: 'application/pdf' });
	if (up.error) throw new Error(`fixture upload ${name}: ${up.error.message}`);
	const code = `CC-FIXTURE${String(++codes).padStart(3, '0')}`;
	await w.sql(
		`insert into public.reports (id, organisation_id, code, version, scope_kind, vendor_id,
		   programme_id, client_id, scope_name, period_start, period_end, locale, sha256, bytes,
		   storage_path)
		 values ($1, $2, $3, 1, $4, $5, $6, $7, $8, '2026-10-01', '2026-10-31', 'en', $9, $10, $11)`,
		[
			id,
			org,
			code,
			at.programme ? 'programme' : 'vendor',
			at.vendor ? w.ids[at.vendor] : null,
			at.programme ? w.ids[at.programme] : null,
			at.client ? w.ids[at.client] : null,
			`Fixture ${name}`,
			createHash('sha256').update(bytes).digest('hex'),
			bytes.byteLength,
			path
		]
	);
	w.ids[name] = id;
	w.ids[`path:${name}`] = path;
	return id;
}

async function addProgramme(w: World, name: string, org: string, client: string) {
	const [r] = await w.sql<{ id: string }>(
		`insert into public.programmes (organisation_id, client_id, name) values ($1, $2, $3)
		 returning id::text`,
		[w.ids[org], w.ids[client], `Fixture ${name}`]
	);
	w.ids[name] = r.id;
}

async function addPurge(w: World, name: string, org: string, call: string) {
	const [r] = await w.sql<{ id: string }>(
		`insert into public.evidence_purges (organisation_id, call_id, path, sha256, kind)
		 values ($1, $2, $3, $4, 'recording') returning id::text`,
		[w.ids[org], w.ids[call], `${w.ids[org]}/${w.ids[call]}/${name}.m4a`, 'b'.repeat(64)]
	);
	w.ids[name] = r.id;
}

/** Starts the scenario world and adds the report fixtures named in the header. */
export async function startReportsWorld(): Promise<World> {
	const w = await startScenarioWorld();
	await addProgramme(w, 'progBank', 'audit', 'bank');
	await addProgramme(w, 'progTelecom', 'audit', 'telecom');
	await addReport(w, 'repVendorA', { org: 'audit', vendor: 'vendorA' });
	await addReport(w, 'repVendorABank', { org: 'audit', vendor: 'vendorA', client: 'bank' });
	await addReport(w, 'repVendorATelecom', { org: 'audit', vendor: 'vendorA', client: 'telecom' });
	await addReport(w, 'repVendorB', { org: 'audit', vendor: 'vendorB' });
	await addReport(w, 'repVendorC', { org: 'audit', vendor: 'vendorC' });
	await addReport(w, 'repProgBank', { org: 'audit', programme: 'progBank', client: 'bank' });
	await addReport(w, 'repProgTelecom', {
		org: 'audit',
		programme: 'progTelecom',
		client: 'telecom'
	});
	await addReport(w, 'repX', { org: 'xAudit', vendor: 'xVendor' });
	await addPurge(w, 'purgeOwn', 'audit', 'callOwn');
	await addPurge(w, 'purgeX', 'xAudit', 'callX');
	await w.sql(
		`insert into public.retention_settings (organisation_id, recordings_months, call_sheets_months)
		 values ($1, 6, 12), ($2, 3, 6)`,
		[w.ids.audit, w.ids.xAudit]
	);
	return w;
}

/** How the matrix touches the tables nobody writes through the API (see ./tables for the contract). */
export const REPORT_TABLES: Record<ReportTable, TableSpec<ReportTable>> = {
	reports: {
		table: 'reports',
		keyOf: (w, label) => ({ id: w.ids[label] }),
		labelOf: (w, r) => Object.entries(w.ids).find(([, v]) => v === r.id)?.[0] ?? '?',
		async newRow(w, label): Promise<Row> {
			const [r] = await w.sql<Row>(
				`select organisation_id, vendor_id from public.reports where id = $1`,
				[w.ids[label]]
			);
			const id = randomUUID();
			return {
				id,
				organisation_id: r.organisation_id,
				code: 'CC-PROBE00001',
				version: 1,
				scope_kind: 'vendor',
				vendor_id: r.vendor_id ?? w.ids.vendorA,
				scope_name: 'Probe',
				period_start: '2026-09-01',
				period_end: '2026-09-30',
				locale: 'en',
				sha256: 'c'.repeat(64),
				bytes: 10,
				storage_path: `${r.organisation_id}/${id}.pdf`
			};
		},
		patch: { sha256: 'd'.repeat(64) }
	},
	evidence_purges: {
		table: 'evidence_purges',
		keyColumns: ['call_id', 'path'],
		keyOf: (w, label) => {
			const [org, call] = label === 'purgeX' ? ['xAudit', 'callX'] : ['audit', 'callOwn'];
			return { call_id: w.ids[call], path: `${w.ids[org]}/${w.ids[call]}/${label}.m4a` };
		},
		labelOf: (w, r) => Object.entries(w.ids).find(([, v]) => v === String(r.id))?.[0] ?? '?',
		async newRow(w, label): Promise<Row> {
			const [org, call] = label === 'purgeX' ? ['xAudit', 'callX'] : ['audit', 'callOwn'];
			return {
				organisation_id: w.ids[org],
				call_id: w.ids[call],
				path: `${w.ids[org]}/${w.ids[call]}/probe-${randomUUID()}.m4a`,
				sha256: 'e'.repeat(64),
				kind: 'call_sheet'
			};
		},
		patch: { sha256: 'f'.repeat(64) }
	}
};
