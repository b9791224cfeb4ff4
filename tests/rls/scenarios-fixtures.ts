/**
 * The scenario world: the tenancy world of ./fixtures plus scenarios, versions and test calls in the
 * demo audit organisation and in the other one, written as the database owner. Shopper 1 is assigned
 * one call (on `verOwn1`), shopper 2 another (on `verOther1`); the other tenant's call has no shopper.
 */
import { randomUUID } from 'node:crypto';
import type { ScenarioContent } from '../../src/lib/schemas/scenario';
import { call, en, section, yesNo } from '../../src/lib/domain/scoring/test-fixtures';
import { startWorld, type World } from './fixtures';
import type { Row, TableSpec } from './tables';

export type ScenarioTable = 'scenarios' | 'scenario_versions' | 'test_calls';

/** A valid mystery-call document whose title (and one item) says `title`. */
export function content(title: string): ScenarioContent {
	return call([section('privacy', [yesNo('asked_verification', { critical: true })])], {
		title: { en: title, 'zh-CN': `测试：${title}` },
		description: en(title)
	});
}

/** A fixed window, written as to_jsonb prints timestamptz so snapshots compare equal. */
const WINDOW = {
	window_start: '2030-01-07T09:00:00+00:00',
	window_end: '2030-01-07T11:00:00+00:00'
};

async function insert(w: World, table: ScenarioTable, row: Row): Promise<string> {
	const cols = Object.keys(row);
	const values = Object.values(row).map((v) =>
		v && typeof v === 'object' ? JSON.stringify(v) : v
	);
	const [r] = await w.sql<{ id: string }>(
		`insert into public.${table} (${cols.join(', ')})
		 values (${cols.map((_, i) => `$${i + 1}`).join(', ')}) returning id::text`,
		values
	);
	return r.id;
}

/** Adds a scenario as the owner under fixture name `name`; returns its id. */
export async function addScenario(w: World, name: string, org: string): Promise<string> {
	w.ids[name] = await insert(w, 'scenarios', {
		organisation_id: w.ids[org],
		kind: 'mystery_call',
		code: `${name}-${randomUUID().slice(0, 8)}`,
		title: `Fixture ${name}`,
		title_zh: `测试场景 ${name}`
	});
	return w.ids[name];
}

/** Adds a version as the owner under fixture name `name` (published ones get their stamps). */
export async function addVersion(
	w: World,
	name: string,
	scenario: string,
	version: number,
	status: 'draft' | 'published' | 'retired'
): Promise<string> {
	w.ids[name] = await insert(w, 'scenario_versions', {
		scenario_id: w.ids[scenario],
		version,
		status,
		content: content(`${name} content`)
	});
	return w.ids[name];
}

/** Adds a test call as the owner under fixture name `name`. */
export async function addCall(
	w: World,
	name: string,
	at: { org: string; version: string; site: string; line?: string; shopper?: string }
): Promise<string> {
	w.ids[name] = await insert(w, 'test_calls', {
		organisation_id: w.ids[at.org],
		scenario_version_id: w.ids[at.version],
		site_id: w.ids[at.site],
		line_id: at.line ? w.ids[at.line] : null,
		shopper_id: at.shopper ? w.ids[`u:${at.shopper}`] : null,
		...WINDOW
	});
	return w.ids[name];
}

/** Starts the tenancy world and adds the scenario fixtures. */
export async function startScenarioWorld(): Promise<World> {
	const w = await startWorld();
	await addScenario(w, 'scnOwn', 'audit');
	await addVersion(w, 'verOwn1', 'scnOwn', 1, 'published');
	await addVersion(w, 'verOwnDraft', 'scnOwn', 2, 'draft');
	await addScenario(w, 'scnOther', 'audit');
	await addVersion(w, 'verOther1', 'scnOther', 1, 'published');
	// Scenarios without versions, where the matrix adds and removes probe drafts.
	await addScenario(w, 'scnOwnEmpty', 'audit');
	await addScenario(w, 'scnX', 'xAudit');
	await addVersion(w, 'verX1', 'scnX', 1, 'published');
	await addVersion(w, 'verXDraft', 'scnX', 2, 'draft');
	await addScenario(w, 'scnXEmpty', 'xAudit');
	await addCall(w, 'callOwn', {
		org: 'audit',
		version: 'verOwn1',
		site: 'siteA1',
		line: 'lineBankA1',
		shopper: 'shopper1'
	});
	await addCall(w, 'callOther', {
		org: 'audit',
		version: 'verOther1',
		site: 'siteB1',
		line: 'lineBankB1',
		shopper: 'shopper2'
	});
	await addCall(w, 'callX', { org: 'xAudit', version: 'verX1', site: 'xSite', line: 'xLine' });
	return w;
}

const idKey = (w: World, label: string) => ({ id: w.ids[label] });
const labelOf = (w: World, r: Row) =>
	Object.entries(w.ids).find(([k, v]) => v === r.id && !k.includes(':'))?.[0] ?? `?${r.id}`;

async function one(w: World, sql: string, label: string): Promise<Row> {
	const [row] = await w.sql<Row>(sql, [w.ids[label]]);
	if (!row) throw new Error(`fixture missing: ${label}`);
	return row;
}

/** How the matrix touches the scenario tables (see ./tables for the contract). */
export const SCENARIO_TABLES: Record<ScenarioTable, TableSpec<ScenarioTable>> = {
	scenarios: {
		table: 'scenarios',
		keyOf: idKey,
		labelOf,
		async newRow(w, label) {
			const s = await one(w, 'select organisation_id from scenarios where id = $1', label);
			return {
				id: randomUUID(),
				organisation_id: s.organisation_id,
				kind: 'mystery_call',
				code: `PROBE-${randomUUID().slice(0, 8)}`,
				title: 'RLS probe scenario',
				title_zh: 'RLS 探针场景'
			};
		},
		patch: { title: 'RLS probe renamed' }
	},
	scenario_versions: {
		table: 'scenario_versions',
		keyOf: idKey,
		labelOf,
		// A first draft of the version-less scenario in the same tenant (a scenario has one draft at most).
		async newRow(w, label) {
			const v = await one(
				w,
				`select s.organisation_id from scenario_versions v join scenarios s on s.id = v.scenario_id
				 where v.id = $1`,
				label
			);
			const empty = v.organisation_id === w.ids.xAudit ? 'scnXEmpty' : 'scnOwnEmpty';
			return {
				id: randomUUID(),
				scenario_id: w.ids[empty],
				version: 1,
				status: 'draft',
				content: content('RLS probe draft')
			};
		},
		patch: { content: content('RLS probe edit') }
	},
	test_calls: {
		table: 'test_calls',
		keyOf: idKey,
		labelOf,
		// Another call like the fixture: same organisation, version, site, line, shopper and window.
		async newRow(w, label) {
			const c = await one(
				w,
				`select to_jsonb(c) - 'id' - 'status' - 'created_at' - 'updated_at' as r
				 from test_calls c where id = $1`,
				label
			);
			return { id: randomUUID(), ...(c.r as Row) };
		},
		patch: { status: 'in_progress' }
	}
};
