/**
 * "Generate calls": runs the planner on a programme and writes its calls and unfillable calls in
 * batches with the caller's client (RLS decides), reporting progress after every batch.
 */
import { planProgramme, type PlannedCall, type UnfillableCall } from '$lib/domain/schedule';
import { callWindow } from '$lib/components/schedule/time';
import { loose } from './db';
import { loadPlanInputs } from './inputs';
import type { ProgrammeRow } from './programmes';

const BATCH = 100;

export type Progress =
	| { type: 'progress'; done: number; total: number }
	| { type: 'done'; planned: number; unfillable: number }
	| { type: 'error'; message: string };

/** Replaces the programme's unstarted calls with a fresh plan; yields progress as it writes. */
export async function* generateCalls(client: unknown, row: ProgrammeRow): AsyncGenerator<Progress> {
	const db = loose(client);
	const inputs = await loadPlanInputs(client, row);
	const { programme, versions } = inputs;
	const missing = programme.scenarios.find((s) => !versions.has(s.scenarioId));
	if (missing) {
		yield { type: 'error', message: `scenario ${missing.scenarioId} has no published version` };
		return;
	}
	const plan = planProgramme(programme, inputs.shoppers, { history: inputs.history });
	const total = plan.calls.length + plan.unfillable.length;
	yield { type: 'progress', done: 0, total };

	for (const [what, query] of [
		['calls', db.from('test_calls').delete().eq('programme_id', row.id).eq('status', 'scheduled')],
		['unfillable', db.from('unfillable_calls').delete().eq('programme_id', row.id)]
	] as const) {
		const { error } = await query;
		if (error) return yield { type: 'error', message: `${what}: ${error.message}` };
	}

	const hours = new Map(programme.sites.map((s) => [s.siteId, s.hours]));
	const windowOf = (siteId: string, zone: string, startMs: number) =>
		callWindow(hours.get(siteId) ?? {}, zone, startMs, programme.callMinutes);

	const callRow = (c: PlannedCall) => {
		const w = windowOf(c.siteId, c.timeZone, c.startMs);
		return {
			organisation_id: row.organisation_id,
			programme_id: row.id,
			scenario_version_id: versions.get(c.scenarioId),
			site_id: c.siteId,
			line_id: c.lineId,
			shopper_id: c.shopperId,
			window_start: new Date(w.start).toISOString(),
			window_end: new Date(w.end).toISOString(),
			scheduled_at: c.start,
			assignment_reason: c.why
		};
	};
	const zoneOf = new Map(programme.sites.map((s) => [s.siteId, s.timeZone]));
	const unfillableRow = (u: UnfillableCall) => {
		const start = u.plannedStart ? Date.parse(u.plannedStart) : null;
		const w = start === null ? null : windowOf(u.siteId, zoneOf.get(u.siteId)!, start);
		return {
			programme_id: row.id,
			site_id: u.siteId,
			line_id: u.lineId,
			scenario_version_id: versions.get(u.scenarioId),
			window_start: w && new Date(w.start).toISOString(),
			window_end: w && new Date(w.end).toISOString(),
			reasons: {
				rules: u.rules,
				excludedBy: u.excludedBy,
				timesTried: u.timesTried,
				plannedStart: u.plannedStart,
				siteLocal: u.siteLocal,
				sentence: u.sentence
			}
		};
	};

	let done = 0;
	const batches: [string, object[]][] = [
		['test_calls', plan.calls.map(callRow)],
		['unfillable_calls', plan.unfillable.map(unfillableRow)]
	];
	for (const [table, rows] of batches) {
		for (let i = 0; i < rows.length; i += BATCH) {
			const batch = rows.slice(i, i + BATCH);
			const { error } = await db.from(table).insert(batch);
			if (error) return yield { type: 'error', message: `${table}: ${error.message}` };
			done += batch.length;
			yield { type: 'progress', done, total };
		}
	}
	if (row.status === 'draft')
		await db.from('programmes').update({ status: 'active' }).eq('id', row.id);
	yield { type: 'done', planned: plan.calls.length, unfillable: plan.unfillable.length };
}
