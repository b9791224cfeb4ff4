/**
 * How the matrix touches each table: which columns identify a row, what a new row in the same tenant
 * as a named fixture looks like, and what an update changes. Snapshots and restores go through the
 * owner connection so a wrongly allowed write can be seen and undone.
 */
import { randomUUID } from 'node:crypto';
import type { World } from './fixtures';

export type Row = Record<string, unknown>;
export type TableName =
	'organisations' | 'client_vendors' | 'sites' | 'lines' | 'memberships' | 'profiles' | 'audit_log';

/** `T` widens to other tables' names for suites that keep their own specs (e.g. scenarios). */
export interface TableSpec<T extends string = TableName> {
	table: T;
	/** The key of the fixture called `label`. */
	keyOf(w: World, label: string): Row;
	/** The fixture name of a row read back through the API (for visibility sets). */
	labelOf(w: World, row: Row): string;
	/** A new row in the same tenant as fixture `label`; inserting it must not break any constraint. */
	newRow(w: World, label: string): Promise<Row>;
	/** What an update sets (restored afterwards). */
	patch: Row;
	/** The key columns, for tables whose key is not `id` and not one of those keyOfRow knows. */
	keyColumns?: string[];
}

const byId = (w: World, id: unknown, prefix = '') =>
	Object.entries(w.ids).find(([k, v]) => v === id && k.startsWith(prefix))?.[0] ?? `?${id}`;

async function one(w: World, sql: string, params: unknown[]): Promise<Row> {
	const [row] = await w.sql<Row>(sql, params);
	if (!row) throw new Error(`fixture missing: ${sql} ${JSON.stringify(params)}`);
	return row;
}

const idKey = (w: World, label: string) => ({ id: w.ids[label] });

export const TABLES: Record<TableName, TableSpec> = {
	organisations: {
		table: 'organisations',
		keyOf: idKey,
		labelOf: (w, r) => byId(w, r.id),
		async newRow(w, label) {
			const o = await one(
				w,
				'select kind, audit_organisation_id from organisations where id = $1',
				[w.ids[label]]
			);
			return {
				id: randomUUID(),
				kind: o.kind === 'audit' ? 'client' : o.kind,
				name: 'RLS probe organisation',
				name_zh: 'RLS 探针机构',
				audit_organisation_id: o.audit_organisation_id ?? w.ids[label]
			};
		},
		patch: { name: 'RLS probe renamed' }
	},
	client_vendors: {
		table: 'client_vendors',
		keyOf: (w, label) => {
			const [client, vendor] = label.split('/');
			return { client_id: w.ids[client], vendor_id: w.ids[vendor] };
		},
		labelOf: (w, r) => `${byId(w, r.client_id)}/${byId(w, r.vendor_id)}`,
		// A link from the same client to the vendor its audit organisation keeps spare.
		async newRow(w, label) {
			const client = label.split('/')[0];
			const spare = client.startsWith('x') ? 'xSpareVendor' : 'spareVendor';
			return { client_id: w.ids[client], vendor_id: w.ids[spare] };
		},
		patch: { created_at: '2020-01-01T00:00:00Z' }
	},
	sites: {
		table: 'sites',
		keyOf: idKey,
		labelOf: (w, r) => byId(w, r.id),
		async newRow(w, label) {
			const s = await one(w, 'select vendor_id from sites where id = $1', [w.ids[label]]);
			return {
				id: randomUUID(),
				vendor_id: s.vendor_id,
				name: 'RLS probe site',
				city: 'Probe City',
				country: 'CN',
				time_zone: 'Asia/Shanghai',
				languages: ['zh']
			};
		},
		patch: { name: 'RLS probe renamed' }
	},
	lines: {
		table: 'lines',
		keyOf: idKey,
		labelOf: (w, r) => byId(w, r.id),
		async newRow(w, label) {
			const l = await one(w, 'select site_id, client_id from lines where id = $1', [w.ids[label]]);
			return {
				id: randomUUID(),
				site_id: l.site_id,
				client_id: l.client_id,
				label: 'RLS probe line',
				phone_number: '+00 0000 0000'
			};
		},
		patch: { label: 'RLS probe renamed' }
	},
	memberships: {
		table: 'memberships',
		keyOf: idKey,
		labelOf: (w, r) => byId(w, r.id, 'm:'),
		// The same organisation and role, held by the spare user.
		async newRow(w, label) {
			const m = await one(w, 'select organisation_id, role from memberships where id = $1', [
				w.ids[label]
			]);
			return { id: randomUUID(), user_id: w.spareUserId, ...m };
		},
		patch: { created_at: '2020-01-01T00:00:00Z' }
	},
	profiles: {
		table: 'profiles',
		keyOf: idKey,
		labelOf: (w, r) => byId(w, r.id, 'p:'),
		// Every user already has a profile (the auth trigger made it): inserting is never a thing to allow.
		newRow: async (w) => ({ id: w.spareUserId, display_name: 'RLS probe' }),
		patch: { display_name: 'RLS probe renamed' }
	},
	audit_log: {
		table: 'audit_log',
		keyOf: idKey,
		labelOf: (w, r) => byId(w, r.organisation_id),
		newRow: async (w, label) => ({
			organisation_id: label === 'log:other' ? w.ids.xAudit : w.ids.audit,
			action: 'rls probe',
			entity: 'probe'
		}),
		patch: { action: 'tampered' }
	}
};

const where = (key: Row, from = 1) =>
	Object.keys(key)
		.map((k, i) => `${k} = $${i + from}`)
		.join(' and ');

/** The row as the owner sees it (null when gone). */
export async function snapshot(w: World, spec: TableSpec<string>, key: Row): Promise<Row | null> {
	const rows = await w.sql<{ r: Row }>(
		`select to_jsonb(t) as r from public.${spec.table} t where ${where(key)}`,
		Object.values(key)
	);
	return rows[0]?.r ?? null;
}

/** Inserts `row` as the owner (for rows a test may delete); returns its key. */
export async function insertAsOwner(w: World, spec: TableSpec<string>, row: Row): Promise<Row> {
	const cols = Object.keys(row);
	await w.sql(
		`insert into public.${spec.table} (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
		Object.values(row)
	);
	return keyOfRow(spec, row);
}

/** The key columns of a full row. */
export function keyOfRow(spec: TableSpec<string>, row: Row): Row {
	if (spec.keyColumns) return Object.fromEntries(spec.keyColumns.map((c) => [c, row[c]]));
	if (spec.table === 'client_vendors')
		return { client_id: row.client_id, vendor_id: row.vendor_id };
	if (spec.table === 'shopper_conflicts')
		return { shopper_id: row.shopper_id, vendor_id: row.vendor_id };
	// audit_log ids are generated always; a probe entry is found by what it says.
	if (spec.table === 'audit_log')
		return { organisation_id: row.organisation_id, action: row.action };
	return { id: row.id };
}

/** Removes a row as the owner (cleanup after an insert). */
export async function deleteAsOwner(w: World, spec: TableSpec<string>, key: Row): Promise<void> {
	await w.sql(`delete from public.${spec.table} where ${where(key)}`, Object.values(key));
}

/** Puts the patched columns back to their values in `before`. */
export async function restore(
	w: World,
	spec: TableSpec<string>,
	key: Row,
	before: Row
): Promise<void> {
	const cols = Object.keys(spec.patch);
	await w.sql(
		`update public.${spec.table} t set (${cols.join(', ')}) = (
		   select ${cols.join(', ')} from jsonb_populate_record(null::public.${spec.table}, $1::jsonb))
		 where ${where(key, 2)}`,
		[JSON.stringify(before), ...Object.values(key)]
	);
}
