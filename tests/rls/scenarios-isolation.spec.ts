/**
 * Who reads which script. A shopper reads exactly the versions (and scenarios) of the calls assigned
 * to it, for as long as they are and it is a shopper; vendor managers and client viewers never read a
 * scenario, version or call, by id, by filter or through an embedding, since a script must not leak to
 * the agents being tested. And every test call stands on a published version of its own organisation.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from './fixtures';
import { scenarioApi } from './scenarios-api';
import { startScenarioWorld } from './scenarios-fixtures';

let w: World;
beforeAll(async () => {
	w = await startScenarioWorld();
});
afterAll(() => w?.close());

const { api, rpc, publishedScenario } = scenarioApi(() => w);

/** The ids `role` can read from `table`. */
async function ids(role: 'shopper' | 'vendorA' | 'clientBank', table: string) {
	const { data, error } = await api(role).from(table).select('id');
	expect(error).toBeNull();
	return (data as { id: string }[]).map((r) => r.id).sort();
}

const sorted = (...labels: string[]) => labels.map((l) => w.ids[l]).sort();

/** A call row like callOwn with `patch` applied (not inserted). */
async function callLike(patch: Record<string, unknown>) {
	const [c] = await w.sql<{ r: Record<string, unknown> }>(
		`select to_jsonb(c) - 'id' - 'status' - 'created_at' - 'updated_at' as r from test_calls c
		 where id = $1`,
		[w.ids.callOwn]
	);
	return { ...c.r, id: randomUUID(), ...patch };
}

describe('test calls stand on published versions of their own organisation', () => {
	it('a call can be created on a published version', async () => {
		const row = await callLike({});
		const { error } = await api('officer').from('test_calls').insert(row);
		expect(error).toBeNull();
		await w.sql('delete from test_calls where id = $1', [row.id]);
	});

	it('a call cannot be created on a draft or a retired version, nor moved onto a draft', async () => {
		const { scenarioId, v1 } = await publishedScenario();
		const v2 = (await rpc('officer', 'create_scenario_draft', { p_scenario_id: scenarioId })).data!;
		await rpc('officer', 'publish_scenario_version', { p_version_id: v2.id });
		for (const version of [w.ids.verOwnDraft, v1]) {
			const row = await callLike({ scenario_version_id: version });
			const { error } = await api('officer').from('test_calls').insert(row);
			expect(error?.code).toBe('23514');
			expect(error?.message).toMatch(/must use a published scenario version/);
			expect(await w.sql('select 1 from test_calls where id = $1', [row.id])).toEqual([]);
		}
		const moved = await api('officer')
			.from('test_calls')
			.update({ scenario_version_id: w.ids.verOwnDraft })
			.eq('id', w.ids.callOwn);
		expect(moved.error?.code).toBe('23514');
		const [{ v }] = await w.sql<{ v: string }>(
			'select scenario_version_id::text as v from test_calls where id = $1',
			[w.ids.callOwn]
		);
		expect(v).toBe(w.ids.verOwn1);
	});

	it('a call keeps its version after the version retires, and can still be worked on', async () => {
		const { v1 } = await publishedScenario();
		const row = await callLike({ scenario_version_id: v1 });
		expect((await api('officer').from('test_calls').insert(row)).error).toBeNull();
		await rpc('officer', 'retire_scenario_version', { p_version_id: v1 });
		const { data, error } = await api('officer')
			.from('test_calls')
			.update({ status: 'in_progress' })
			.eq('id', row.id)
			.select('status, scenario_version_id');
		expect(error).toBeNull();
		expect(data).toEqual([{ status: 'in_progress', scenario_version_id: v1 }]);
		await w.sql('delete from test_calls where id = $1', [row.id]);
	});

	it('a call cannot use another organisation’s version or site, a line of another site, or a non-shopper', async () => {
		for (const [what, patch] of [
			['version', { scenario_version_id: w.ids.verX1 }],
			['site', { site_id: w.ids.xSite, line_id: null }],
			['line', { line_id: w.ids.lineBankB1 }],
			['shopper', { shopper_id: w.ids['u:vendor-a'] }],
			['window', { window_end: '2030-01-07T08:00:00+00:00' }]
		] as const) {
			const row = await callLike(patch);
			const { error } = await api('admin').from('test_calls').insert(row);
			expect(error?.code, what).toBe('23514');
		}
	});
});

describe('a shopper reads exactly the scripts of its assigned calls', () => {
	it('through its call it reads the version, the scenario and nothing of anyone else’s', async () => {
		const { data, error } = await api('shopper')
			.from('test_calls')
			.select('id, scenario_versions(id, version, content, scenarios(id, code))');
		expect(error).toBeNull();
		expect(data).toHaveLength(1);
		expect(data).toMatchObject([
			{
				id: w.ids.callOwn,
				scenario_versions: {
					id: w.ids.verOwn1,
					content: { kind: 'mystery_call' },
					scenarios: { id: w.ids.scnOwn }
				}
			}
		]);
	});

	it('it sees another call’s script only while that call is assigned to it', async () => {
		const reassign = (user: string | null) =>
			api('officer').from('test_calls').update({ shopper_id: user }).eq('id', w.ids.callOther);
		expect((await reassign(w.ids['u:shopper1'])).error).toBeNull();
		expect(await ids('shopper', 'scenario_versions')).toEqual(sorted('verOwn1', 'verOther1'));
		expect(await ids('shopper', 'scenarios')).toEqual(sorted('scnOwn', 'scnOther'));
		expect((await reassign(null)).error).toBeNull();
		expect(await ids('shopper', 'scenario_versions')).toEqual(sorted('verOwn1'));
		expect(await ids('shopper', 'scenarios')).toEqual(sorted('scnOwn'));
		expect((await reassign(w.ids['u:shopper2'])).error).toBeNull();
	});

	it('when the scenario moves on to version 2 it keeps reading version 1 and never sees version 2', async () => {
		const pub = await rpc('officer', 'publish_scenario_version', {
			p_version_id: w.ids.verOwnDraft
		});
		expect(pub.error).toBeNull();
		expect(await ids('shopper', 'scenario_versions')).toEqual(sorted('verOwn1'));
		const { data } = await api('shopper')
			.from('scenario_versions')
			.select('id')
			.eq('id', w.ids.verOwnDraft);
		expect(data).toEqual([]);
	});

	it('a shopper who loses the shopper role loses its calls and their scripts', async () => {
		const membership = w.ids['m:shopper1'];
		const [m] = await w.sql<Record<string, unknown>>(
			'select user_id, organisation_id, role from memberships where id = $1',
			[membership]
		);
		await w.sql('delete from memberships where id = $1', [membership]);
		try {
			for (const table of ['test_calls', 'scenario_versions', 'scenarios']) {
				expect(await ids('shopper', table), table).toEqual([]);
			}
		} finally {
			await w.sql(
				'insert into memberships (id, user_id, organisation_id, role) values ($1, $2, $3, $4)',
				[membership, m.user_id, m.organisation_id, m.role]
			);
		}
		expect(await ids('shopper', 'test_calls')).toEqual(sorted('callOwn'));
	});
});

describe('vendor managers and client viewers never read a script', () => {
	const byId: [string, string][] = [
		['scenarios', 'scnOwn'],
		['scenario_versions', 'verOwn1'],
		['scenario_versions', 'verOther1'],
		['test_calls', 'callOwn']
	];
	for (const role of ['vendorA', 'clientBank'] as const) {
		it(`${role} reads nothing by id, by filter on content, or by listing`, async () => {
			for (const [table, label] of byId) {
				const { data, error } = await api(role).from(table).select('*').eq('id', w.ids[label]);
				expect({ table, data, error }).toEqual({ table, data: [], error: null });
			}
			const { data } = await api(role)
				.from('scenario_versions')
				.select('id')
				.eq('content->>kind', 'mystery_call');
			expect(data).toEqual([]);
			for (const table of ['scenarios', 'scenario_versions', 'test_calls']) {
				expect(await ids(role, table), table).toEqual([]);
			}
		});
	}

	it('a vendor reaches no call or script by embedding from its own sites', async () => {
		const { data, error } = await api('vendorA')
			.from('sites')
			.select('id, test_calls(id, scenario_versions(content))')
			.eq('id', w.ids.siteA1);
		expect(error).toBeNull();
		expect(data).toEqual([{ id: w.ids.siteA1, test_calls: [] }]);
	});

	it('a client reaches no call or script by embedding from its own lines', async () => {
		const { data, error } = await api('clientBank')
			.from('lines')
			.select('id, test_calls(id, scenario_versions(content))')
			.eq('id', w.ids.lineBankA1);
		expect(error).toBeNull();
		expect(data).toEqual([{ id: w.ids.lineBankA1, test_calls: [] }]);
	});

	it('an anonymous caller is refused every scenario table outright', async () => {
		for (const table of ['scenarios', 'scenario_versions', 'test_calls']) {
			const { error } = await api('anon').from(table).select('id').eq('id', w.ids.verOwn1);
			expect(error?.code, table).toBe('42501');
		}
	});
});
