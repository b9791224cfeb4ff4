/**
 * The four probes of an RLS matrix: one operation by one role on one fixture row, asserting both what
 * the API answered and what the database holds afterwards, and undoing whatever a wrongly allowed write
 * changed. Shared by the tenancy matrix and the suites of later tables.
 */
import { expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Role, World } from './fixtures';
import {
	deleteAsOwner,
	insertAsOwner,
	keyOfRow,
	restore,
	snapshot,
	type TableSpec
} from './tables';

export type Op = 'select' | 'insert' | 'update' | 'delete';
export type Probe = (role: Role, table: string, label: string, allowed: boolean) => Promise<void>;

/** How test names call each role. */
export const WHO: Record<Role, string> = {
	admin: 'an admin',
	officer: 'a compliance officer',
	shopper: 'a shopper',
	vendorA: "vendor A's manager",
	clientBank: "the bank's client viewer",
	anon: 'an anonymous caller'
};

/** A denial is either Postgres' 42501 (no privilege, or a policy's check failed) or no rows touched. */
export function expectDenied(error: { code?: string } | null, data: unknown[] | null) {
	if (error) expect(error.code).toBe('42501');
	else expect(data).toEqual([]);
}

/**
 * The probes over `specs`, for the world `world()` returns when a test runs (it is built in a
 * beforeAll). Allowed deletes remove a fresh copy in the same tenant; denied ones target the fixture.
 */
export function matrixOps(
	world: () => World,
	specs: Record<string, TableSpec<string>>
): Record<Op, Probe> {
	const api = (role: Role) => world().as[role] as unknown as SupabaseClient;

	async function select(role: Role, table: string, label: string, allowed: boolean) {
		const w = world();
		const { data, error } = await api(role)
			.from(table)
			.select('*')
			.match(specs[table].keyOf(w, label));
		if (!allowed) return expectDenied(error, data);
		expect(error).toBeNull();
		expect(data).toHaveLength(1);
	}

	async function insert(role: Role, table: string, label: string, allowed: boolean) {
		const w = world();
		const spec = specs[table];
		const row = await spec.newRow(w, label);
		const key = keyOfRow(spec, row);
		const before = await snapshot(w, spec, key);
		const { data, error } = await api(role).from(table).insert(row).select();
		const after = await snapshot(w, spec, key);
		try {
			if (!allowed) {
				expect(error?.code).toBe('42501');
				expect(after).toEqual(before);
				return;
			}
			expect(error).toBeNull();
			expect(data).toHaveLength(1);
			expect(before).toBeNull();
			expect(after).toMatchObject(row);
		} finally {
			if (!before && after && table !== 'audit_log') await deleteAsOwner(w, spec, key);
		}
	}

	async function update(role: Role, table: string, label: string, allowed: boolean) {
		const w = world();
		const spec = specs[table];
		const key = spec.keyOf(w, label);
		const before = (await snapshot(w, spec, key))!;
		expect(before).not.toBeNull();
		const { data, error } = await api(role).from(table).update(spec.patch).match(key).select();
		const after = await snapshot(w, spec, key);
		try {
			if (!allowed) {
				expectDenied(error, data);
				expect(after).toEqual(before);
				return;
			}
			expect(error).toBeNull();
			expect(data).toHaveLength(1);
			expect(after).not.toEqual(before);
		} finally {
			if (table !== 'audit_log' && JSON.stringify(after) !== JSON.stringify(before)) {
				await restore(w, spec, key, before);
			}
		}
	}

	async function remove(role: Role, table: string, label: string, allowed: boolean) {
		const w = world();
		const spec = specs[table];
		const key = allowed
			? await insertAsOwner(w, spec, await spec.newRow(w, label))
			: spec.keyOf(w, label);
		const before = await snapshot(w, spec, key);
		expect(before).not.toBeNull();
		const { data, error } = await api(role).from(table).delete().match(key).select();
		const after = await snapshot(w, spec, key);
		try {
			if (!allowed) {
				expectDenied(error, data);
				expect(after).toEqual(before);
				return;
			}
			expect(error).toBeNull();
			expect(data).toHaveLength(1);
			expect(after).toBeNull();
		} finally {
			if (allowed && after) await deleteAsOwner(w, spec, key);
		}
	}

	return { select, insert, update, delete: remove };
}

/** Y = allowed, N = denied, in the order select, insert, update, delete. */
export type Verdicts = `${'Y' | 'N'}${'Y' | 'N'}${'Y' | 'N'}${'Y' | 'N'}`;
/** One matrix row: table, role, fixture label, where the fixture lives (for the test name), verdicts. */
export type Case<T extends string> = [T, Role, string, string, Verdicts];

const OPS: Op[] = ['select', 'insert', 'update', 'delete'];

/**
 * Registers, for `table`, one test per matrix row and operation (allowed or denied as written) and one
 * that an anonymous caller cannot read the table at all.
 */
export function verdictTests<T extends string>(
	world: () => World,
	probe: Record<Op, Probe>,
	cases: readonly Case<T>[],
	table: T
) {
	for (const [t, role, label, where, verdicts] of cases.filter((c) => c[0] === table)) {
		for (const [i, op] of OPS.entries()) {
			const allowed = verdicts[i] === 'Y';
			it(`${WHO[role]} ${allowed ? 'can' : 'cannot'} ${op} ${t} in ${where} (${label})`, () =>
				probe[op](role, t, label, allowed));
		}
	}
	it(`an anonymous caller is refused any read of ${table}`, async () => {
		const anon = world().as.anon as unknown as SupabaseClient;
		const { data, error } = await anon.from(table).select('*');
		expect(error?.code).toBe('42501');
		expect(data).toBeNull();
	});
}
