/**
 * Calendar arithmetic for calls, shared by the server (windows of generated calls, reschedules) and
 * the calendar (which day a call falls on for the viewer). Days are `YYYY-MM-DD` in a named zone.
 */
import { weeklyIntervals, type WeeklyHours } from '$lib/domain/schedule/hours';
import { dayOf, isoDay, toLocal, toUtc, weekdayOf, MINUTE_MS } from '$lib/domain/schedule/tz';
import { parseTimestamp } from '$lib/i18n/datetime';

/** The local date (`YYYY-MM-DD`) of an instant in `zone`. */
export function localDate(zone: string, value: string | number | Date): string {
	return isoDay(toLocal(zone, parseTimestamp(value).getTime()).day);
}

/** `date` plus `days` days. */
export function addDays(date: string, days: number): string {
	return isoDay(dayOf(date) + days);
}

/** Whole days from `a` to `b`. */
export function daysFrom(a: string, b: string): number {
	return dayOf(b) - dayOf(a);
}

/**
 * The calling window a planned call sits in: the site's opening range that contains its start on
 * that local day. A call whose start lies in no range (hours edited since) keeps its own length,
 * so the window is never empty.
 */
export function callWindow(
	hours: WeeklyHours,
	zone: string,
	startMs: number,
	minutes: number
): { start: number; end: number } {
	const local = toLocal(zone, startMs);
	const range = weeklyIntervals(hours)[weekdayOf(local.day)].find(
		(r) => r.from <= local.minute && local.minute < r.to
	);
	if (!range) return { start: startMs, end: startMs + minutes * MINUTE_MS };
	return { start: toUtc(zone, local.day, range.from), end: toUtc(zone, local.day, range.to) };
}

/** The same site-local wall-clock time `days` days later (DST-safe). */
export function shiftLocal(zone: string, value: string | number | Date, days: number): string {
	const local = toLocal(zone, parseTimestamp(value).getTime());
	return new Date(toUtc(zone, local.day + days, local.minute)).toISOString();
}

export interface Movable {
	window_start: string;
	window_end: string;
	scheduled_at: string | null;
}

/**
 * A call moved to `targetDate` as the viewer sees days in `viewerZone`: every time keeps its
 * site-local clock time and moves by the same number of days.
 */
export function moveCall(
	call: Movable,
	siteZone: string,
	viewerZone: string,
	targetDate: string
): { windowStart: string; windowEnd: string; scheduledAt: string | null } {
	const from = localDate(viewerZone, call.scheduled_at ?? call.window_start);
	const days = daysFrom(from, targetDate);
	return {
		windowStart: shiftLocal(siteZone, call.window_start, days),
		windowEnd: shiftLocal(siteZone, call.window_end, days),
		scheduledAt: call.scheduled_at ? shiftLocal(siteZone, call.scheduled_at, days) : null
	};
}
