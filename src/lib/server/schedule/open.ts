/** Turns an unfillable call into a claimable one on the job board (officer's own client). */
import { loose } from './db';

/**
 * Creates an unassigned, claimable call from unfillable call `id` and removes the unfillable
 * record; returns an error message, or null on success.
 */
export async function openOnJobBoard(client: unknown, id: string): Promise<string | null> {
	const db = loose(client);
	const { data: u, error: readErr } = await db
		.from('unfillable_calls')
		.select(
			'id, programme_id, site_id, line_id, scenario_version_id, window_start, window_end, reasons, programme:programmes(organisation_id)'
		)
		.eq('id', id)
		.maybeSingle<{
			programme_id: string;
			site_id: string;
			line_id: string | null;
			scenario_version_id: string | null;
			window_start: string | null;
			window_end: string | null;
			reasons: { plannedStart?: string | null } | null;
			programme: { organisation_id: string };
		}>();
	if (readErr || !u) return readErr?.message ?? 'not found';
	if (!u.window_start || !u.window_end) return 'no calling window';
	const planned = u.reasons?.plannedStart;
	const { error } = await db.from('test_calls').insert({
		organisation_id: u.programme.organisation_id,
		programme_id: u.programme_id,
		scenario_version_id: u.scenario_version_id,
		site_id: u.site_id,
		line_id: u.line_id,
		window_start: u.window_start,
		window_end: u.window_end,
		scheduled_at: planned ?? u.window_start,
		claimable: true,
		assignment_reason: { claimable: { from: 'unfillable', reasons: u.reasons } }
	});
	if (error) return error.message;
	const { error: delErr } = await db.from('unfillable_calls').delete().eq('id', id);
	return delErr?.message ?? null;
}
