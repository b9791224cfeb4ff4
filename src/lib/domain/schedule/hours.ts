/**
 * Weekly opening hours and availability in the format profiles already store:
 * `{ "mon": ["09:00-12:00", "14:00-18:00"], "sat": [] }`, read in the owner's local time.
 */

export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];
export type WeeklyHours = Partial<Record<WeekdayKey, string[]>>;

/** Minutes since local midnight, `from` inclusive, `to` exclusive (24:00 = 1440). */
export interface Interval {
	from: number;
	to: number;
}

export const RANGE_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)-(([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** `09:00-17:30` → { from: 540, to: 1050 }; undefined when malformed or not increasing. */
export function parseRange(range: string): Interval | undefined {
	const m = RANGE_PATTERN.exec(range);
	if (!m) return undefined;
	const from = Number(m[1]) * 60 + Number(m[2]);
	const to = m[3] === '24:00' ? 1440 : Number(m[4]) * 60 + Number(m[5]);
	return from < to ? { from, to } : undefined;
}

/** Sorted, merged intervals for each weekday (index 0 = Sunday); malformed ranges are ignored. */
export function weeklyIntervals(hours: WeeklyHours): Interval[][] {
	return WEEKDAY_KEYS.map((key) => {
		const parsed = (hours[key] ?? [])
			.map(parseRange)
			.filter((r): r is Interval => r !== undefined)
			.sort((a, b) => a.from - b.from);
		const merged: Interval[] = [];
		for (const r of parsed) {
			const last = merged[merged.length - 1];
			if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
			else merged.push({ ...r });
		}
		return merged;
	});
}

/** True when [from, to) fits inside one of the intervals. */
export function fitsIn(intervals: readonly Interval[], from: number, to: number): boolean {
	for (const r of intervals) if (r.from <= from && to <= r.to) return true;
	return false;
}
