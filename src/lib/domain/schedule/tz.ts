/**
 * Local time ↔ UTC in IANA zones with nothing but Intl, fast enough for a plan of 100,000 calls:
 * the runtime's tz database answers one offset per zone and day, and transitions are located to
 * the minute once, then cached. Civil dates are whole days since 1970-01-01 (day numbers), which
 * keeps date arithmetic exact and free of the host's own zone.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
export const DAY_MINUTES = 1440;

/** Day number of a `YYYY-MM-DD` date. */
export function dayOf(isoDate: string): number {
	const [y, m, d] = isoDate.split('-').map(Number);
	return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/** `YYYY-MM-DD` of a day number (Hinnant's civil_from_days; years 0–9999). */
export function isoDay(day: number): string {
	const z = day + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor(
		(doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
	);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const m = mp < 10 ? mp + 3 : mp - 9;
	const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
	return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** 0 = Sunday … 6 = Saturday, as `Date.getUTCDay`. */
export function weekdayOf(day: number): number {
	return (((day + 4) % 7) + 7) % 7;
}

/** `HH:MM` of a minute of the day. */
export function hhmm(minute: number): string {
	return `${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
	let f = formatters.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(zone, f);
	}
	return f;
}

/** The zone's offset from UTC in minutes (local − UTC) at an instant, asked of the runtime. */
export function exactOffset(zone: string, utcMs: number): number {
	const whole = Math.floor(utcMs / 1000) * 1000;
	const parts: Record<string, number> = {};
	for (const p of formatter(zone).formatToParts(whole)) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	const local = Date.UTC(
		parts.year,
		parts.month - 1,
		parts.day,
		parts.hour,
		parts.minute,
		parts.second
	);
	return Math.round((local - whole) / MINUTE_MS);
}

/** Offsets over one UTC day: `at` is the first minute of the new offset when it changes that day. */
interface DayOffsets {
	before: number;
	after: number;
	at: number;
}

const offsetCache = new Map<string, Map<number, DayOffsets>>();

function dayOffsets(zone: string, utcDay: number): DayOffsets {
	let byDay = offsetCache.get(zone);
	if (!byDay) offsetCache.set(zone, (byDay = new Map()));
	let entry = byDay.get(utcDay);
	if (!entry) {
		const start = utcDay * DAY_MS;
		const before = exactOffset(zone, start);
		const after = exactOffset(zone, start + DAY_MS - MINUTE_MS);
		let at = start + DAY_MS;
		if (before !== after) {
			// Binary search for the first minute with the new offset; zones change at most once a day.
			let lo = 0;
			let hi = DAY_MINUTES - 1;
			while (lo < hi) {
				const mid = (lo + hi) >> 1;
				if (exactOffset(zone, start + mid * MINUTE_MS) === before) lo = mid + 1;
				else hi = mid;
			}
			at = start + lo * MINUTE_MS;
		}
		entry = { before, after, at };
		byDay.set(utcDay, entry);
	}
	return entry;
}

/** The zone's offset in minutes (local − UTC) at an instant, cached per zone and UTC day. */
export function offsetAt(zone: string, utcMs: number): number {
	const o = dayOffsets(zone, Math.floor(utcMs / DAY_MS));
	return utcMs < o.at ? o.before : o.after;
}

export interface LocalTime {
	day: number;
	/** Minutes since local midnight. */
	minute: number;
}

/** The local day and minute in `zone` of an instant (seconds dropped). */
export function toLocal(zone: string, utcMs: number): LocalTime {
	const local = utcMs + offsetAt(zone, utcMs) * MINUTE_MS;
	const day = Math.floor(local / DAY_MS);
	return { day, minute: Math.floor((local - day * DAY_MS) / MINUTE_MS) };
}

/**
 * The instant of a local wall-clock time in `zone`. A time skipped by a spring-forward change is
 * read with the offset before it (01:30 on a day that jumps 01:00 → 02:00 becomes 02:30), and a
 * time repeated by a fall-back change is its first occurrence, as Temporal's 'compatible' does.
 */
export function toUtc(zone: string, day: number, minute: number): number {
	const local = day * DAY_MS + minute * MINUTE_MS;
	const early = offsetAt(zone, local - DAY_MS);
	const late = offsetAt(zone, local + DAY_MS);
	const a = local - early * MINUTE_MS;
	if (early === late) return a;
	const b = local - late * MINUTE_MS;
	const aFits = offsetAt(zone, a) === early;
	const bFits = offsetAt(zone, b) === late;
	if (aFits && bFits) return Math.min(a, b);
	if (aFits) return a;
	if (bFits) return b;
	return a;
}

/**
 * Offsets in effect anywhere between two instants (usually one, two across a DST change); the
 * shopper index uses them to know every UTC hour a local availability window may fall in.
 */
export function offsetsBetween(zone: string, fromMs: number, toMs: number): number[] {
	const seen = new Set<number>();
	for (let d = Math.floor(fromMs / DAY_MS); d <= Math.floor(toMs / DAY_MS); d++) {
		const o = dayOffsets(zone, d);
		seen.add(o.before);
		seen.add(o.after);
	}
	return [...seen];
}
