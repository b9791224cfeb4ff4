/**
 * A published version is frozen for every role, the table owner included: its content never changes,
 * versions go draft → published → retired only, the database sets every stamp, and nothing published
 * is deleted. Through supabase-js as each role, compared byte for byte with what the owner stores.
 */
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

describe('a published version is frozen', () => {
	const roles = ['admin', 'officer', 'shopper', 'vendorA', 'clientBank', 'anon', 'service_role'];
	for (const role of roles as (Role | 'service_role')[]) {
		it(`${role} cannot change the content of a published version`, async () => {
			const before = await stored(w.ids.verOwn1);
			const { data, error } = await api(role)
				.from('scenario_versions')
				.update({ content: content('tampered') })
				.eq('id', w.ids.verOwn1)
				.select();
			// Staff and service_role reach the row and the trigger refuses; the rest do not reach it.
			if (['admin', 'officer', 'service_role'].includes(role)) expect(error?.code).toBe('23514');
			else if (role === 'anon') expect(error?.code).toBe('42501');
			else expect({ data, error }).toEqual({ data: [], error: null });
			expect(await stored(w.ids.verOwn1)).toEqual(before);
		});
	}

	it('even the table owner cannot change a published version or delete it', async () => {
		const before = await stored(w.ids.verOwn1);
		await expect(
			w.sql(`update scenario_versions set content = '{"kind": "mystery_call"}' where id = $1`, [
				w.ids.verOwn1
			])
		).rejects.toThrow(/content is frozen/);
		await expect(
			w.sql('delete from scenario_versions where id = $1', [w.ids.verOwn1])
		).rejects.toThrow(/only drafts can be deleted/);
		expect(await stored(w.ids.verOwn1)).toEqual(before);
	});

	it('status games are refused: back to draft, published again, draft straight to retired, retiring with new content', async () => {
		const { scenarioId, v1 } = await publishedScenario();
		const v2 = (await rpc('officer', 'create_scenario_draft', { p_scenario_id: scenarioId })).data!;
		for (const [id, patch] of [
			[v1, { status: 'draft' }],
			[v1, { status: 'published' }],
			[v2.id, { status: 'retired' }],
			[v1, { status: 'retired', content: content('smuggled in while retiring') }]
		] as const) {
			const before = await stored(id);
			const { error } = await api('officer').from('scenario_versions').update(patch).eq('id', id);
			expect(error?.code, JSON.stringify(patch)).toBe('23514');
			expect(await stored(id)).toEqual(before);
		}
	});

	it('a retired version stays retired: staff cannot reach it, the owner is refused', async () => {
		const { v1 } = await publishedScenario();
		expect(
			(await rpc('officer', 'retire_scenario_version', { p_version_id: v1 })).error
		).toBeNull();
		const retired = await stored(v1);
		for (const status of ['published', 'draft']) {
			const upd = await api('officer')
				.from('scenario_versions')
				.update({ status })
				.eq('id', v1)
				.select();
			expect(upd).toMatchObject({ data: [], error: null });
		}
		const owner = w.sql(`update scenario_versions set status = 'published' where id = $1`, [v1]);
		await expect(owner).rejects.toThrow(/cannot go from retired to published/);
		expect(await stored(v1)).toEqual(retired);
	});

	it('a published version cannot be moved back to draft, even by service_role', async () => {
		const before = await stored(w.ids.verOther1);
		const { error } = await api('service_role')
			.from('scenario_versions')
			.update({ status: 'draft' })
			.eq('id', w.ids.verOther1);
		expect(error?.code).toBe('23514');
		expect(await stored(w.ids.verOther1)).toEqual(before);
	});

	it('stamps and authorship are the database’s: writers cannot set them', async () => {
		const officer = api('officer');
		for (const patch of [
			{ published_at: '2020-01-01T00:00:00Z' },
			{ published_by: w.ids['u:admin'] },
			{ retired_at: '2020-01-01T00:00:00Z' },
			{ created_by: w.ids['u:admin'] },
			{ version: 9 }
		]) {
			const { error } = await officer
				.from('scenario_versions')
				.update(patch)
				.eq('id', w.ids.verOwnDraft);
			expect(error?.code, JSON.stringify(patch)).toBe('42501');
		}
		const { error } = await officer.from('scenario_versions').insert({
			scenario_id: w.ids.scnOwnEmpty,
			version: 1,
			content: content('stamped'),
			published_by: w.ids['u:admin']
		});
		expect(error?.code).toBe('42501');
	});

	it('staff cannot insert a version that is already published or retired', async () => {
		for (const status of ['published', 'retired']) {
			const { error } = await api('officer')
				.from('scenario_versions')
				.insert({ scenario_id: w.ids.scnOwnEmpty, version: 1, status, content: content(status) });
			expect(error?.code).toBe('42501');
		}
		expect(
			await w.sql('select 1 from scenario_versions where scenario_id = $1', [w.ids.scnOwnEmpty])
		).toEqual([]);
	});

	it('a published version cannot be deleted, and so neither can its scenario', async () => {
		const officer = api('officer');
		const del = await officer.from('scenario_versions').delete().eq('id', w.ids.verOwn1).select();
		expect(del).toMatchObject({ data: [], error: null });
		const { error } = await officer.from('scenarios').delete().eq('id', w.ids.scnOwn);
		expect(error?.code).toBe('23514');
		expect(await stored(w.ids.verOwn1)).not.toBeNull();
	});

	it('a scenario with only a draft can be deleted, its draft with it', async () => {
		const { scenarioId, v1 } = await draftScenario();
		const { data, error } = await api('officer')
			.from('scenarios')
			.delete()
			.eq('id', scenarioId)
			.select('id');
		expect(error).toBeNull();
		expect(data).toEqual([{ id: scenarioId }]);
		expect(await stored(v1)).toBeNull();
	});
});
