/**
 * Timer readings from the instants in the draft. Storing instants rather than counters is what
 * lets a timer keep running across a reload, a killed tab or a restarted phone.
 */
import type { CallClock } from './types';

export interface Readings {
	time_to_answer?: number;
	hold?: number;
	talk?: number;
}

/** Total hold time up to `now` (an open hold runs to the hang-up, else to now). */
export function heldMs(clock: CallClock, now: number): number {
	const until = clock.endedAt ?? now;
	return clock.holds.reduce((sum, h) => sum + Math.max(0, (h.end ?? until) - h.start), 0);
}

/** Whether a hold is running. */
export const onHold = (clock: CallClock) => clock.holds.some((h) => h.end === undefined);

/**
 * The timers at `now`, in ms: time to answer runs from the dial to the answer, talk from the
 * answer to the hang-up (holds included, as the KPI counts the whole conversation), hold sums
 * every hold. A timer that never started is absent.
 */
export function readings(clock: CallClock, now: number): Readings {
	const out: Readings = {};
	if (clock.dialAt !== undefined)
		out.time_to_answer = Math.max(0, (clock.answeredAt ?? clock.endedAt ?? now) - clock.dialAt);
	if (clock.answeredAt !== undefined)
		out.talk = Math.max(0, (clock.endedAt ?? now) - clock.answeredAt);
	if (clock.holds.length) out.hold = heldMs(clock, now);
	return out;
}

/** `ms` as m:ss (h:mm:ss past an hour). */
export function formatMs(ms: number): string {
	const s = Math.floor(ms / 1000);
	const pad = (n: number) => String(n).padStart(2, '0');
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}
