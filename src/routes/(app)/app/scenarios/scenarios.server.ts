/**
 * Reads and writes of scenarios and their versions with the caller's own client, so RLS and the
 * lifecycle trigger decide what an officer may see and change; the page only explains refusals.
 */
import { error } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { ScenarioContent, ScenarioKind } from '$lib/schemas/scenario';
import type { VersionStatus } from '$lib/components/scenario/labels';
import { m } from '$lib/paraglide/messages';

export interface ScenarioRow {
	id: string;
	organisation_id: string;
	kind: ScenarioKind;
	code: string;
	title: string;
	title_zh: string | null;
	updated_at: string;
}

export interface VersionSummary {
	id: string;
	version: number;
	status: VersionStatus;
	created_at: string;
	updated_at: string;
	published_at: string | null;
	retired_at: string | null;
}

export interface VersionRow extends VersionSummary {
	scenario_id: string;
	content: ScenarioContent;
}

export type ScenarioListRow = ScenarioRow & { versions: VersionSummary[] };

const SCENARIO = 'id, organisation_id, kind, code, title, title_zh, updated_at';
const SUMMARY = 'id, version, status, created_at, updated_at, published_at, retired_at';

function must<T>(what: string, result: { data: T | null; error: { message: string } | null }): T {
	// A failed read is an error page, never an empty list that looks like "nothing here".
	if (result.error) error(500, `${what}: ${result.error.message}`);
	return result.data as T;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Scenarios the caller may see with a summary of their versions, by code. */
export async function listScenarios(supabase: SupabaseClient): Promise<ScenarioListRow[]> {
	const rows = must(
		'scenarios',
		await supabase
			.from('scenarios')
			.select(`${SCENARIO}, versions:scenario_versions(${SUMMARY})`)
			.order('code')
			.returns<ScenarioListRow[]>()
	);
	for (const row of rows) row.versions.sort((a, b) => a.version - b.version);
	return rows;
}

/** One scenario and all its versions (without content), or a 404 when RLS hides it. */
export async function loadScenario(
	supabase: SupabaseClient,
	id: string
): Promise<{ scenario: ScenarioRow; versions: VersionSummary[] }> {
	if (!UUID.test(id)) error(404, 'scenario not found');
	const scenario = must(
		'scenario',
		await supabase.from('scenarios').select(SCENARIO).eq('id', id).maybeSingle<ScenarioRow>()
	);
	if (!scenario) error(404, 'scenario not found');
	const versions = must(
		'scenario versions',
		await supabase
			.from('scenario_versions')
			.select(SUMMARY)
			.eq('scenario_id', id)
			.order('version')
			.returns<VersionSummary[]>()
	);
	return { scenario, versions };
}

/** One version with its content, or a 404. */
export async function loadVersion(
	supabase: SupabaseClient,
	scenarioId: string,
	version: string
): Promise<VersionRow> {
	if (!/^\d{1,9}$/.test(version)) error(404, 'version not found');
	const row = must(
		'scenario version',
		await supabase
			.from('scenario_versions')
			.select(`${SUMMARY}, scenario_id, content`)
			.eq('scenario_id', scenarioId)
			.eq('version', Number(version))
			.maybeSingle<VersionRow>()
	);
	if (!row) error(404, 'version not found');
	return row;
}

/** The version an officer opens first: the draft when there is one, else the newest. */
export function currentVersion(versions: VersionSummary[]): VersionSummary | undefined {
	return versions.find((v) => v.status === 'draft') ?? versions.at(-1);
}

/** Where a version's page lives. */
export function versionPath(scenarioId: string, version: number): string {
	return `/app/scenarios/${scenarioId}/versions/${version}`;
}

/** A database refusal in words an officer can act on (the trigger's own text is English-only). */
export function explainRefusal(err: { code?: string; message: string }): string {
	if (err.code === '42501') return m.sc_error_denied();
	if (/frozen|only a draft|cannot go from/.test(err.message)) return m.sc_error_frozen();
	if (/does not match the scenario/.test(err.message)) return m.sc_error_kind_mismatch();
	return m.error_unexpected();
}

/**
 * Replaces a draft's content. Zero rows updated means the version stopped being a draft (published
 * in another tab) or RLS refused it; both leave the stored content untouched.
 */
export async function writeDraft(
	supabase: SupabaseClient,
	versionId: string,
	content: ScenarioContent
): Promise<string | null> {
	const { data, error: err } = await supabase
		.from('scenario_versions')
		.update({ content })
		.eq('id', versionId)
		.eq('status', 'draft')
		.select('id');
	if (err) return explainRefusal(err);
	return data?.length ? null : m.sc_error_frozen();
}
