/**
 * The call's KPIs from the shopper's timers and markers: average speed of answer (the time to
 * answer of this one call), hold time, talk time and transfers.
 */
import type { RecordedMarker } from '../../schemas/scenario-answers';
import type { Submission } from '../../schemas/submission';

export interface CallKpis {
	asa_ms: number | null;
	/** The hold timer, else the summed hold_start → hold_end marker pairs; null with neither. */
	hold_ms: number | null;
	holds: number;
	talk_ms: number | null;
	transfers: number;
}

/** Hold time from marker pairs; a hold still open at the last marker runs to that marker. */
function heldFromMarkers(markers: readonly RecordedMarker[]): number | null {
	const sorted = [...markers].sort((a, b) => a.t - b.t);
	const last = sorted.at(-1)?.t ?? 0;
	let total = 0;
	let since: number | null = null;
	let seen = false;
	for (const m of sorted) {
		if (m.kind === 'hold_start' && since === null) {
			since = m.t;
			seen = true;
		} else if (m.kind === 'hold_end' && since !== null) {
			total += m.t - since;
			since = null;
		}
	}
	if (since !== null) total += last - since;
	return seen ? total : null;
}

/** The KPIs stored with a submission. */
export function callKpis(s: Pick<Submission, 'markers' | 'timings'>): CallKpis {
	return {
		asa_ms: s.timings.time_to_answer ?? null,
		hold_ms: s.timings.hold ?? heldFromMarkers(s.markers),
		holds: s.markers.filter((m) => m.kind === 'hold_start').length,
		talk_ms: s.timings.talk ?? null,
		transfers: s.markers.filter((m) => m.kind === 'transfer').length
	};
}
