/**
 * Steps the scenario suites take through the API as a given role, and the owner's byte-for-byte view
 * of a version to compare before and after.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Role, World } from './fixtures';
import { content } from './scenarios-fixtures';

export type Version = {
	id: string;
	scenario_id: string;
	version: number;
	status: string;
	content: Record<string, unknown>;
	published_at: string | null;
	published_by: string | null;
	retired_at: string | null;
};
type Answer<T> = { data: T | null; error: { code: string; message: string } | null };

/** Helpers bound to the world `world()` returns when a test runs. */
export function scenarioApi(world: () => World) {
	/** An untyped client, so probes may send what the generated types would forbid. */
	const api = (role: Role | 'service_role') =>
		(role === 'service_role'
			? world().stack.admin()
			: world().as[role]) as unknown as SupabaseClient;

	/** The stored row as the owner sees it, with the content's jsonb text; null when gone. */
	const stored = async (id: string) =>
		(
			await world().sql<{ row: Record<string, unknown>; text: string }>(
				'select to_jsonb(v) as row, content::text as text from scenario_versions v where id = $1',
				[id]
			)
		)[0] ?? null;

	/** Calls an RPC as `role`. */
	const rpc = async (role: Role, fn: string, args: Record<string, string>) =>
		(await api(role).rpc(fn, args)) as Answer<Version>;

	/** A new mystery-call scenario with a version 1 draft, made by the compliance officer. */
	async function draftScenario() {
		const officer = api('officer');
		const code = `LIFE-${randomUUID().slice(0, 8)}`;
		const s = await officer
			.from('scenarios')
			.insert({ organisation_id: world().ids.audit, kind: 'mystery_call', code, title: code })
			.select('id')
			.single();
		expect(s.error).toBeNull();
		const v = await officer
			.from('scenario_versions')
			.insert({ scenario_id: s.data!.id, version: 1, content: content(`${code} v1`) })
			.select('id')
			.single();
		expect(v.error).toBeNull();
		return { scenarioId: s.data!.id as string, v1: v.data!.id as string };
	}

	/** As draftScenario, with version 1 published by the officer. */
	async function publishedScenario() {
		const made = await draftScenario();
		const { error } = await rpc('officer', 'publish_scenario_version', { p_version_id: made.v1 });
		expect(error).toBeNull();
		return made;
	}

	return { api, stored, rpc, draftScenario, publishedScenario };
}
