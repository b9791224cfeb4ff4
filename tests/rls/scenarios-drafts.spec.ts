/**
 * Editing a published scenario through the RPCs, as the designer does: create_scenario_draft makes
 * version N+1 from the latest content while N stays byte-identical, publishing retires the version
 * before, one draft and one published version at most, and the RPCs refuse anyone who cannot edit the
 * scenario without telling whether it exists.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role, World } from './fixtures';
import { scenarioApi } from './scenarios-api';
import { content, startScenarioWorld } from './scenarios-fixtures';

let w: World;
beforeAll(async () => {
	w = await startScenarioWorld();
});
afterAll(() => w?.close());

const { api, stored, rpc, draftScenario, publishedScenario } = scenarioApi(() => w);
const versionsOf = async (scenarioId: string) =>
	w.sql<{ version: number; status: string }>(
		'select version, status::text from scenario_versions where scenario_id = $1 order by version',
		[scenarioId]
	);

describe('editing a published scenario', () => {
	it('publishing a draft stamps who published it and when', async () => {
		const { v1 } = await draftScenario();
		const { data, error } = await rpc('officer', 'publish_scenario_version', { p_version_id: v1 });
		expect(error).toBeNull();
		expect(data).toMatchObject({ id: v1, version: 1, status: 'published', retired_at: null });
		expect(data!.published_by).toBe(w.ids['u:officer']);
		expect(Date.parse(data!.published_at!)).toBeGreaterThan(Date.now() - 60_000);
	});

	it('goes through a version 2 draft and leaves version 1 byte-identical until it retires', async () => {
		const { scenarioId, v1 } = await publishedScenario();
		const before = (await stored(v1))!;

		const draft = await rpc('officer', 'create_scenario_draft', { p_scenario_id: scenarioId });
		expect(draft.error).toBeNull();
		expect(draft.data).toMatchObject({ version: 2, status: 'draft', scenario_id: scenarioId });
		expect(draft.data!.content).toEqual(before.row.content);

		const edited = content('version two');
		const upd = await api('officer')
			.from('scenario_versions')
			.update({ content: edited })
			.eq('id', draft.data!.id)
			.select('content')
			.single();
		expect(upd.error).toBeNull();
		expect(upd.data!.content).toEqual(edited);
		expect(await stored(v1)).toEqual(before);

		const pub = await rpc('officer', 'publish_scenario_version', { p_version_id: draft.data!.id });
		expect(pub.error).toBeNull();
		expect(pub.data).toMatchObject({ version: 2, status: 'published', content: edited });

		const after = (await stored(v1))!;
		expect(after.text).toBe(before.text);
		// Only retiring's own columns moved; everything else, content first, is as it was.
		const retiring = ['status', 'retired_at', 'updated_at'];
		const rest = (row: Record<string, unknown>) =>
			Object.fromEntries(Object.entries(row).filter(([k]) => !retiring.includes(k)));
		expect(rest(after.row)).toEqual(rest(before.row));
		expect(after.row.status).toBe('retired');
		expect(after.row.retired_at).not.toBeNull();
		expect(await versionsOf(scenarioId)).toEqual([
			{ version: 1, status: 'retired' },
			{ version: 2, status: 'published' }
		]);
	});

	it('create_scenario_draft returns the existing draft instead of making a second', async () => {
		const { scenarioId } = await publishedScenario();
		const calls = await Promise.all(
			Array.from({ length: 4 }, () =>
				rpc('admin', 'create_scenario_draft', { p_scenario_id: scenarioId })
			)
		);
		expect(calls.map((c) => c.error)).toEqual([null, null, null, null]);
		expect(new Set(calls.map((c) => c.data!.id)).size).toBe(1);
		expect(await versionsOf(scenarioId)).toEqual([
			{ version: 1, status: 'published' },
			{ version: 2, status: 'draft' }
		]);
	});

	it('the database refuses a second draft or a second published version of one scenario', async () => {
		const { scenarioId, v1 } = await publishedScenario();
		await rpc('officer', 'create_scenario_draft', { p_scenario_id: scenarioId });
		const second = await api('officer')
			.from('scenario_versions')
			.insert({ scenario_id: scenarioId, version: 3, content: content('second draft') });
		expect(second.error?.code).toBe('23505');
		// Publishing by a plain update skips the RPC's retiring of version 1: refused, not doubled.
		const v2 = (
			await w.sql<{ id: string }>(
				`select id::text from scenario_versions where scenario_id = $1 and version = 2`,
				[scenarioId]
			)
		)[0].id;
		const direct = await api('officer')
			.from('scenario_versions')
			.update({ status: 'published' })
			.eq('id', v2);
		expect(direct.error?.code).toBe('23505');
		expect((await stored(v1))!.row.status).toBe('published');
		expect(await versionsOf(scenarioId)).toEqual([
			{ version: 1, status: 'published' },
			{ version: 2, status: 'draft' }
		]);
	});

	it('a draft is edited in place and can be thrown away; the published version stays', async () => {
		const { scenarioId, v1 } = await publishedScenario();
		const draft = (await rpc('officer', 'create_scenario_draft', { p_scenario_id: scenarioId }))
			.data!;
		const del = await api('officer')
			.from('scenario_versions')
			.delete()
			.eq('id', draft.id)
			.select('id');
		expect(del).toMatchObject({ data: [{ id: draft.id }], error: null });
		expect(await versionsOf(scenarioId)).toEqual([{ version: 1, status: 'published' }]);
		expect((await stored(v1))!.row.status).toBe('published');
	});

	it('create_scenario_draft needs a version to copy; publish needs a draft; retire a published one', async () => {
		const empty = await rpc('officer', 'create_scenario_draft', {
			p_scenario_id: w.ids.scnOwnEmpty
		});
		expect(empty.error?.code).toBe('23514');
		expect(empty.error?.message).toMatch(/no version to copy/);
		const { v1 } = await publishedScenario();
		const again = await rpc('officer', 'publish_scenario_version', { p_version_id: v1 });
		expect(again.error?.code).toBe('23514');
		const draft = await rpc('officer', 'retire_scenario_version', {
			p_version_id: w.ids.verOwnDraft
		});
		expect(draft.error?.code).toBe('23514');
		expect((await stored(w.ids.verOwnDraft))!.row.status).toBe('draft');
	});

	it('a version must carry content of its scenario’s kind, and the kind is fixed once versions exist', async () => {
		const officer = api('officer');
		const audit = { kind: 'vendor_audit', title: { en: 'Audit' } };
		const wrong = await officer
			.from('scenario_versions')
			.update({ content: audit })
			.eq('id', w.ids.verOwnDraft);
		expect(wrong.error?.code).toBe('23514');
		const kind = await officer
			.from('scenarios')
			.update({ kind: 'vendor_audit' })
			.eq('id', w.ids.scnOwn);
		expect(kind.error?.code).toBe('23514');
		const { data, error } = await officer
			.from('scenarios')
			.update({ kind: 'vendor_audit' })
			.eq('id', w.ids.scnOwnEmpty)
			.select('kind');
		expect({ data, error }).toEqual({ data: [{ kind: 'vendor_audit' }], error: null });
		await w.sql(`update scenarios set kind = 'mystery_call' where id = $1`, [w.ids.scnOwnEmpty]);
	});

	it('publishing and retiring are on the audit log with a digest of the frozen content', async () => {
		const { scenarioId, v1 } = await publishedScenario();
		const v2 = (await rpc('officer', 'create_scenario_draft', { p_scenario_id: scenarioId })).data!;
		await rpc('officer', 'publish_scenario_version', { p_version_id: v2.id });
		const { data, error } = await api('officer')
			.from('audit_log')
			.select('actor_id, organisation_id, action, entity_id, after')
			.eq('entity', 'scenario_versions')
			.in('entity_id', [v1, v2.id])
			.order('id');
		expect(error).toBeNull();
		const [{ md5 }] = await w.sql<{ md5: string }>(
			'select md5(content::text) from scenario_versions where id = $1',
			[v1]
		);
		expect(data!.map((e) => [e.action, e.entity_id, e.after.version, e.after.content_md5])).toEqual(
			[
				['publish', v1, 1, md5],
				['retire', v1, 1, md5],
				['publish', v2.id, 2, md5]
			]
		);
		expect(new Set(data!.map((e) => e.actor_id))).toEqual(new Set([w.ids['u:officer']]));
	});
});

describe('the RPCs refuse whoever cannot edit the scenario', () => {
	const outsiders: Role[] = ['shopper', 'vendorA', 'clientBank'];
	for (const role of [...outsiders, 'anon'] as Role[]) {
		it(`${role} can neither draft, publish nor retire, and nothing changes`, async () => {
			const before = await versionsOf(w.ids.scnOwn);
			for (const [fn, args] of [
				['create_scenario_draft', { p_scenario_id: w.ids.scnOwn }],
				['publish_scenario_version', { p_version_id: w.ids.verOwnDraft }],
				['retire_scenario_version', { p_version_id: w.ids.verOwn1 }]
			] as const) {
				const { data, error } = await rpc(role, fn, args);
				expect(error?.code, fn).toBe('42501');
				expect(data).toBeNull();
			}
			expect(await versionsOf(w.ids.scnOwn)).toEqual(before);
		});
	}

	it('an admin of another audit organisation gets the same answer as for an id that does not exist', async () => {
		for (const id of [w.ids.scnX, randomUUID()]) {
			const { error } = await rpc('admin', 'create_scenario_draft', { p_scenario_id: id });
			expect(error?.code).toBe('42501');
			expect(error?.message).toBe(`no scenario ${id} that you can edit`);
		}
		for (const id of [w.ids.verXDraft, randomUUID()]) {
			const { error } = await rpc('admin', 'publish_scenario_version', { p_version_id: id });
			expect(error?.message).toBe(`no scenario version ${id} that you can change`);
		}
		expect(await versionsOf(w.ids.scnX)).toEqual([
			{ version: 1, status: 'published' },
			{ version: 2, status: 'draft' }
		]);
	});
});
