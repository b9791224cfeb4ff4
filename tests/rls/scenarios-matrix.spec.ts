/**
 * The RLS matrix of scenarios, scenario_versions and test_calls: every demo role (and anon) × select,
 * insert, update, delete × rows of its own audit organisation, of another one, and (for shoppers)
 * rows of calls assigned to someone else. Then exactly which rows a full select returns per role.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Role, World } from './fixtures';
import { WHO, matrixOps, verdictTests, type Case as MatrixCase } from './matrix-ops';
import { SCENARIO_TABLES, startScenarioWorld, type ScenarioTable } from './scenarios-fixtures';

type Case = MatrixCase<ScenarioTable>;

const OWN = 'its own audit organisation';
const OTHER = 'another audit organisation';
const NOT_MINE = 'its organisation, assigned to another shopper';
const TESTED = 'a scenario its agents are tested with';

// Y = allowed, N = denied, in the order select, insert, update, delete. Staff probe updates and
// deletes on drafts (published versions are frozen for everyone; see scenarios-lifecycle.spec.ts).
//  table                role          fixture        where       S I U D
// prettier-ignore
const MATRIX: Case[] = [
	['scenarios',         'admin',      'scnOwn',      OWN,        'YYYY'],
	['scenarios',         'admin',      'scnX',        OTHER,      'NNNN'],
	['scenarios',         'officer',    'scnOwn',      OWN,        'YYYY'],
	['scenarios',         'officer',    'scnX',        OTHER,      'NNNN'],
	['scenarios',         'shopper',    'scnOwn',      'a call assigned to it', 'YNNN'],
	['scenarios',         'shopper',    'scnOther',    NOT_MINE,   'NNNN'],
	['scenarios',         'shopper',    'scnX',        OTHER,      'NNNN'],
	['scenarios',         'vendorA',    'scnOwn',      TESTED,     'NNNN'],
	['scenarios',         'clientBank', 'scnOwn',      TESTED,     'NNNN'],
	['scenarios',         'anon',       'scnOwn',      'the demo audit organisation', 'NNNN'],
	['scenario_versions', 'admin',      'verOwnDraft', OWN,        'YYYY'],
	['scenario_versions', 'admin',      'verXDraft',   OTHER,      'NNNN'],
	['scenario_versions', 'officer',    'verOwnDraft', OWN,        'YYYY'],
	['scenario_versions', 'officer',    'verXDraft',   OTHER,      'NNNN'],
	['scenario_versions', 'shopper',    'verOwn1',     'a call assigned to it', 'YNNN'],
	['scenario_versions', 'shopper',    'verOwnDraft', 'a scenario of its call, but a draft', 'NNNN'],
	['scenario_versions', 'shopper',    'verOther1',   NOT_MINE,   'NNNN'],
	['scenario_versions', 'shopper',    'verX1',       OTHER,      'NNNN'],
	['scenario_versions', 'vendorA',    'verOwn1',     TESTED,     'NNNN'],
	['scenario_versions', 'vendorA',    'verOwnDraft', 'a draft of such a scenario', 'NNNN'],
	['scenario_versions', 'clientBank', 'verOwn1',     TESTED,     'NNNN'],
	['scenario_versions', 'clientBank', 'verOwnDraft', 'a draft of such a scenario', 'NNNN'],
	['scenario_versions', 'anon',       'verOwn1',     'the demo audit organisation', 'NNNN'],
	['test_calls',        'admin',      'callOwn',     OWN,        'YYYY'],
	['test_calls',        'admin',      'callX',       OTHER,      'NNNN'],
	['test_calls',        'officer',    'callOwn',     OWN,        'YYYY'],
	['test_calls',        'officer',    'callX',       OTHER,      'NNNN'],
	['test_calls',        'shopper',    'callOwn',     'assigned to it', 'YNNN'],
	['test_calls',        'shopper',    'callOther',   NOT_MINE,   'NNNN'],
	['test_calls',        'shopper',    'callX',       OTHER,      'NNNN'],
	['test_calls',        'vendorA',    'callOwn',     'made to its site', 'NNNN'],
	['test_calls',        'clientBank', 'callOwn',     'made to its line', 'NNNN'],
	['test_calls',        'anon',       'callOwn',     'the demo audit organisation', 'NNNN']
];

let w: World;
beforeAll(async () => {
	w = await startScenarioWorld();
});
afterAll(() => w?.close());

const probe = matrixOps(() => w, SCENARIO_TABLES);

// Audit staff see their whole organisation (which the seeded library adds to); the owner's view of it
// is the expectation, and the fixtures pin it down on both sides.
const STAFF_SQL: Record<ScenarioTable, string> = {
	scenarios: 'select id::text from scenarios where organisation_id = $1',
	scenario_versions: `select v.id::text from scenario_versions v
		join scenarios s on s.id = v.scenario_id where s.organisation_id = $1`,
	test_calls: 'select id::text from test_calls where organisation_id = $1'
};
const SHOPPER_SEES: Record<ScenarioTable, string> = {
	scenarios: 'scnOwn',
	scenario_versions: 'verOwn1',
	test_calls: 'callOwn'
};
const STAFF_INCLUDE: Record<ScenarioTable, string[]> = {
	scenarios: ['scnOwn', 'scnOther', 'scnOwnEmpty'],
	scenario_versions: ['verOwn1', 'verOwnDraft', 'verOther1'],
	test_calls: ['callOwn', 'callOther']
};
const STAFF_EXCLUDE: Record<ScenarioTable, string[]> = {
	scenarios: ['scnX', 'scnXEmpty'],
	scenario_versions: ['verX1', 'verXDraft'],
	test_calls: ['callX']
};

async function visibleIds(role: Exclude<Role, 'anon'>, table: ScenarioTable): Promise<string[]> {
	const api = w.as[role] as unknown as SupabaseClient;
	const { data, error } = await api.from(table).select('id');
	expect(error).toBeNull();
	return (data as { id: string }[]).map((r) => r.id).sort();
}

for (const table of Object.keys(SCENARIO_TABLES) as ScenarioTable[]) {
	describe(table, () => {
		verdictTests(() => w, probe, MATRIX, table);

		for (const role of ['admin', 'officer'] as const) {
			it(`${WHO[role]} sees exactly the ${table} of its own audit organisation`, async () => {
				const expected = (await w.sql<{ id: string }>(STAFF_SQL[table], [w.ids.audit]))
					.map((r) => r.id)
					.sort();
				const seen = await visibleIds(role, table);
				expect(seen).toEqual(expected);
				for (const label of STAFF_INCLUDE[table]) expect(seen).toContain(w.ids[label]);
				for (const label of STAFF_EXCLUDE[table]) expect(seen).not.toContain(w.ids[label]);
			});
		}

		it(`a shopper sees exactly ${SHOPPER_SEES[table]} in ${table}, from its one assigned call`, async () => {
			expect(await visibleIds('shopper', table)).toEqual([w.ids[SHOPPER_SEES[table]]]);
		});

		for (const role of ['vendorA', 'clientBank'] as const) {
			it(`${WHO[role]} sees no ${table} at all`, async () => {
				expect(await visibleIds(role, table)).toEqual([]);
			});
		}
	});
}
