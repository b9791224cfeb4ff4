/**
 * The dashboard world: the scenario world plus a scenario with a service section (category
 * "opening") and a privacy section whose items carry clauses, and calls submitted through the real
 * submission code (so the rollup triggers run as in production):
 *   callA      vendor A's site A1, the bank's line and programme, reviewed
 *   callAOpen  vendor A's site A1, the bank's programme, submitted and not yet reviewed
 *   callB      vendor B's site B1, the bank's line and programme, reviewed
 *   callTel    vendor A's site A2, the telecom's line, no programme, reviewed
 *   callXr     the other audit organisation's site, its programme, reviewed (written as the owner)
 *   callPast   vendor A's site A1, the bank's programme, planned in March 2020 and missed
 * The calls' windows are in January 2030 (an unfinished month, for the coverage policy) but for
 * callPast's.
 */
import { randomUUID } from 'node:crypto';
import { call, section, yesNo } from '../../src/lib/domain/scoring/test-fixtures';
import { scoreScenario } from '../../src/lib/domain/scoring';
import { submitCall } from '../../src/lib/server/submission';
import type { World } from './fixtures';
import { addCall, addScenario, startScenarioWorld } from './scenarios-fixtures';
import { addProgramme } from './scheduling-fixtures';
import type { Row, TableSpec } from './tables';

export type DashboardTable = 'call_results' | 'call_item_results' | 'plan_coverage';

export const DASH_CONTENT = call(
	[
		section('service', [yesNo('greeted'), yesNo('named_self')], { category: 'opening' }),
		section('privacy', [
			yesNo('asked_verification', { critical: true, clauses: ['P13'] }),
			yesNo('no_disclosure', { clauses: ['P13', 'G32'] })
		])
	],
	{ title: { en: 'Dashboard fixture', 'zh-CN': '仪表板测试' } }
);

/** Answers: everything passes unless `fail` names items to answer wrongly. */
export function answers(fail: string[] = []) {
	const a: Record<string, string> = {};
	for (const id of ['greeted', 'named_self', 'asked_verification', 'no_disclosure'])
		a[id] = fail.includes(id) ? 'no' : 'yes';
	return a;
}

/** Submits `callId` as shopper 1 through the route's server code. */
export async function submitAs(w: World, callId: string, fail: string[] = []) {
	const outcome = await submitCall(
		{ client: w.as.shopper, userId: w.ids['u:shopper1'] },
		w.stack.admin(),
		callId,
		{
			callId,
			idempotencyKey: randomUUID(),
			answers: answers(fail),
			itemNotes: {},
			markers: [],
			timings: {},
			notes: '',
			evidence: [],
			clientVersion: 1
		}
	);
	if (outcome.status !== 200) throw new Error(`submission failed: ${JSON.stringify(outcome)}`);
}

/** Marks a call reviewed, as approval does (the owner may move any status). */
export const review = (w: World, callId: string) =>
	w.sql(`update public.test_calls set status = 'reviewed' where id = $1`, [callId]);

async function dashCall(
	w: World,
	name: string,
	at: { site: string; line?: string; programme?: string; org?: string; shopper?: string }
) {
	const id = await addCall(w, name, {
		org: at.org ?? 'audit',
		version: at.org === 'xAudit' ? 'verDashX' : 'verDash',
		site: at.site,
		line: at.line,
		shopper: at.shopper
	});
	await w.sql(
		`update public.test_calls set programme_id = $2, scheduled_at = window_start where id = $1`,
		[id, at.programme ? w.ids[at.programme] : null]
	);
	return id;
}

/** Starts the scenario world and adds the dashboard fixtures. */
export async function startDashboardWorld(): Promise<World> {
	const w = await startScenarioWorld();
	await addProgramme(w, 'progDash', 'audit');
	await addProgramme(w, 'progDashX', 'xAudit');
	for (const [scenario, version, org] of [
		['scnDash', 'verDash', 'audit'],
		['scnDashX', 'verDashX', 'xAudit']
	] as const) {
		await addScenario(w, scenario, org);
		const [r] = await w.sql<{ id: string }>(
			`insert into public.scenario_versions (scenario_id, version, status, content)
			 values ($1, 1, 'published', $2) returning id::text`,
			[w.ids[scenario], JSON.stringify(DASH_CONTENT)]
		);
		w.ids[version] = r.id;
	}
	const own = { shopper: 'shopper1', programme: 'progDash' };
	await dashCall(w, 'callA', { site: 'siteA1', line: 'lineBankA1', ...own });
	await dashCall(w, 'callAOpen', { site: 'siteA1', line: 'lineBankA1', ...own });
	await dashCall(w, 'callB', { site: 'siteB1', line: 'lineBankB1', ...own });
	await dashCall(w, 'callTel', { site: 'siteA2', line: 'lineTelA2', shopper: 'shopper1' });
	await submitAs(w, w.ids.callA, ['no_disclosure']);
	await submitAs(w, w.ids.callAOpen);
	await submitAs(w, w.ids.callB, ['greeted', 'asked_verification']);
	await submitAs(w, w.ids.callTel);
	for (const c of ['callA', 'callB', 'callTel']) await review(w, w.ids[c]);
	const past = await dashCall(w, 'callPast', { site: 'siteA1', line: 'lineBankA1', ...own });
	await w.sql(
		`update public.test_calls set window_start = '2020-03-02T01:00:00Z',
		   window_end = '2020-03-02T03:00:00Z', scheduled_at = '2020-03-02T01:00:00Z', status = 'missed'
		 where id = $1`,
		[past]
	);

	// The other tenant has no demo shopper: its submission is written as the owner.
	await dashCall(w, 'callXr', {
		site: 'xSite',
		line: 'xLine',
		programme: 'progDashX',
		org: 'xAudit'
	});
	const score = scoreScenario(DASH_CONTENT, {
		items: answers(),
		notes: {},
		markers: [],
		timings: {}
	} as never);
	await w.sql(
		`insert into public.call_submissions (call_id, organisation_id, idempotency_key, answers, score,
		   overall, critical_failed) values ($1, $2, $3, '{}', $4, $5, false)`,
		[w.ids.callXr, w.ids.xAudit, randomUUID(), JSON.stringify(score), score.score]
	);
	await w.sql(`update public.test_calls set status = 'reviewed' where id = $1`, [w.ids.callXr]);
	return w;
}

const resultKey = (w: World, label: string) => ({ call_id: w.ids[label.replace(/^res:/, '')] });
const itemKey = (w: World, label: string) => {
	const [callName, item] = label.replace(/^item:/, '').split('/');
	return { call_id: w.ids[callName], item_id: item };
};
/** `cov:<programme>/<site>@<month>`. */
const coverageKey = (w: World, label: string) => {
	const [scope, month] = label.replace(/^cov:/, '').split('@');
	const [programme, site] = scope.split('/');
	return { programme_id: w.ids[programme], site_id: w.ids[site], month };
};

async function copyOf(w: World, table: string, key: Row): Promise<Row> {
	const cols = Object.keys(key);
	const [r] = await w.sql<{ r: Row }>(
		`select to_jsonb(t) as r from public.${table} t
		 where ${cols.map((c, i) => `${c}::text = $${i + 1}`).join(' and ')}`,
		Object.values(key)
	);
	return r.r;
}

/** How the matrix touches the rollups; every write is refused, so new rows only need a fresh key. */
export const DASHBOARD_TABLES: Record<DashboardTable, TableSpec<DashboardTable>> = {
	call_results: {
		table: 'call_results',
		keyColumns: ['call_id'],
		keyOf: resultKey,
		labelOf: (w, r) => `res:${Object.entries(w.ids).find(([, v]) => v === r.call_id)?.[0]}`,
		newRow: async (w, label) => ({
			...(await copyOf(w, 'call_results', resultKey(w, label))),
			call_id: w.ids.callOwn
		}),
		patch: { overall: 1 }
	},
	call_item_results: {
		table: 'call_item_results',
		keyColumns: ['call_id', 'item_id'],
		keyOf: itemKey,
		labelOf: (w, r) => `item:${r.call_id}/${r.item_id}`,
		newRow: async (w, label) => ({
			...(await copyOf(w, 'call_item_results', itemKey(w, label))),
			item_id: 'probe_item'
		}),
		patch: { outcome: 'pass' }
	},
	plan_coverage: {
		table: 'plan_coverage',
		keyColumns: ['programme_id', 'site_id', 'month'],
		keyOf: coverageKey,
		labelOf: (w, r) => `cov:${r.programme_id}/${r.site_id}@${r.month}`,
		newRow: async (w, label) => ({
			...(await copyOf(w, 'plan_coverage', coverageKey(w, label))),
			month: '2031-01-01'
		}),
		patch: { planned: 99 }
	}
};
