/**
 * The RLS matrix of a per-organisation settings table (one row per audit organisation, keyed by
 * organisation_id, so a second row cannot be inserted beside the fixture): for every role, select,
 * insert and update of its own organisation's row as `rules` say, and never a delete nor any read or
 * write of another tenant's row. The fixture rows hold `own` (demo audit organisation) and `other`
 * (the other one) in `column`, and are put back after each probe.
 */
import { beforeAll, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Role, World } from './fixtures';
import { WHO } from './matrix-ops';

export interface SettingsSpec {
	table: string;
	/** What the table is called in test names, e.g. "retention periods". */
	noun: string;
	/** An integer column the probes write. */
	column: string;
	/** The fixture values of the own and the other tenant's row, and what inserts and updates write. */
	own: number;
	other: number;
	inserted: number;
	updated: number;
	/** [role, may select own, may insert own, may update own]. */
	rules: [Role, boolean, boolean, boolean][];
}

/** The usual rule: admins create and change their organisation's settings, officers read them. */
// prettier-ignore
export const ADMIN_SETS_STAFF_READS: SettingsSpec['rules'] = [
	['admin',      true,  true,  true],
	['officer',    true,  false, false],
	['shopper',    false, false, false],
	['vendorA',    false, false, false],
	['clientBank', false, false, false],
	['anon',       false, false, false]
];

/** Registers the tests of `spec` for the world `world()` returns when a test runs. */
export function settingsTests(world: () => World, spec: SettingsSpec) {
	const { table, noun, column } = spec;
	const api = (role: Role) => world().as[role] as unknown as SupabaseClient;
	const value = async (org: string) => {
		const w = world();
		const rows = await w.sql<Record<string, number>>(
			`select ${column} as v from public.${table} where organisation_id = $1`,
			[w.ids[org]]
		);
		return rows[0]?.v ?? null;
	};
	const reset = (org: string, v: number) => {
		const w = world();
		return w.sql(
			`insert into public.${table} (organisation_id, ${column}) values ($1, $2)
			 on conflict (organisation_id) do update set ${column} = $2`,
			[w.ids[org], v]
		);
	};
	const own = () => world().ids.audit;
	const other = () => world().ids.xAudit;

	beforeAll(async () => {
		await reset('audit', spec.own);
		await reset('xAudit', spec.other);
	});

	for (const [role, canRead, canInsert, canUpdate] of spec.rules) {
		it(`${WHO[role]} ${canRead ? 'can' : 'cannot'} select its own organisation's ${noun}`, async () => {
			const { data } = await api(role).from(table).select('*').eq('organisation_id', own());
			expect((data ?? []).length).toBe(canRead ? 1 : 0);
		});

		it(`${WHO[role]} ${canInsert ? 'can' : 'cannot'} insert its own organisation's ${noun}`, async () => {
			await world().sql(`delete from public.${table} where organisation_id = $1`, [own()]);
			try {
				const { error } = await api(role)
					.from(table)
					.insert({ organisation_id: own(), [column]: spec.inserted });
				expect(error === null).toBe(canInsert);
				expect(await value('audit')).toBe(canInsert ? spec.inserted : null);
			} finally {
				await reset('audit', spec.own);
			}
		});

		it(`${WHO[role]} ${canUpdate ? 'can' : 'cannot'} update its own organisation's ${noun}`, async () => {
			const { data } = await api(role)
				.from(table)
				.update({ [column]: spec.updated })
				.eq('organisation_id', own())
				.select();
			expect((data ?? []).length).toBe(canUpdate ? 1 : 0);
			expect(await value('audit')).toBe(canUpdate ? spec.updated : spec.own);
			await reset('audit', spec.own);
		});

		it(`${WHO[role]} cannot delete ${noun}, nor read or change another tenant's`, async () => {
			await api(role).from(table).delete().eq('organisation_id', own());
			expect(await value('audit')).toBe(spec.own);
			const read = await api(role).from(table).select('*').eq('organisation_id', other());
			expect(read.data ?? []).toEqual([]);
			await api(role)
				.from(table)
				.update({ [column]: 1 })
				.eq('organisation_id', other());
			await api(role)
				.from(table)
				.insert({ organisation_id: other(), [column]: 1 });
			expect(await value('xAudit')).toBe(spec.other);
		});
	}
}
