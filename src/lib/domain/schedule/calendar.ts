/**
 * When a site can be called: its open days in the period, and on each day hour-long segments of
 * the instants a call may start (so that it also ends before closing), weighted by the hour's
 * volume and by how many real minutes the segment has (a DST day's hours are not all 60). Calls
 * are spread by stratified sampling over the cumulative weight: every call gets its own equal
 * share of the site's weighted time and a random point inside it, so calls land on many days,
 * busier hours get proportionally more, and no two plans with different seeds look alike.
 */
import type { Rng } from './prng';
import { DAY_MINUTES, DAY_MS, MINUTE_MS, toUtc, weekdayOf } from './tz';
import type { Interval } from './hours';

/** Call starts allowed in [startMs, endMs) on one site-local day and hour. */
export interface Segment {
	hour: number;
	startMs: number;
	endMs: number;
	weight: number;
}

/** A call time chosen on the calendar. */
export interface Slot {
	/** Site-local day number. */
	day: number;
	hour: number;
	startMs: number;
	/** The hour's volume weight. */
	hourWeight: number;
}

export interface CalendarInput {
	zone: string;
	/** Opening hours per weekday (0 = Sunday), site-local. */
	week: Interval[][];
	excluded: ReadonlySet<number>;
	firstDay: number;
	lastDay: number;
	callMinutes: number;
	/** 24 non-negative weights, site-local hours. */
	hourWeights: readonly number[];
}

const prefixes = new WeakMap<readonly number[], Float64Array>();

/** Running weight of call starts minute by minute; shared by the sites with the same weights. */
function minutePrefix(weights: readonly number[]): Float64Array {
	let prefix = prefixes.get(weights);
	if (!prefix) {
		prefix = new Float64Array(DAY_MINUTES + 1);
		for (let m = 0; m < DAY_MINUTES; m++) prefix[m + 1] = prefix[m] + weights[Math.floor(m / 60)];
		prefixes.set(weights, prefix);
	}
	return prefix;
}

const midnights = new Map<string, Map<number, number>>();

/** The instant of local midnight starting `day` in `zone`, shared by every site in the zone. */
function midnight(zone: string, day: number): number {
	let byDay = midnights.get(zone);
	if (!byDay) midnights.set(zone, (byDay = new Map()));
	let t = byDay.get(day);
	if (t === undefined) byDay.set(day, (t = toUtc(zone, day, 0)));
	return t;
}

/** One site's calling time over the period: open days, weighted start segments, placement. */
export class SiteCalendar {
	/** Site-local days with some weight, ascending. */
	readonly days: number[] = [];
	/** Running total of weight to the end of each day in `days`. */
	private readonly cumulative: number[] = [];
	readonly total: number;
	private cachedDay = NaN;
	private cachedSegments: Segment[] = [];
	/** Weight of each minute's start, summed from midnight; for days without a DST change. */
	private readonly prefix: Float64Array;

	constructor(private readonly input: CalendarInput) {
		this.prefix = minutePrefix(input.hourWeights);
		let total = 0;
		for (let day = input.firstDay; day <= input.lastDay; day++) {
			if (input.excluded.has(day) || input.week[weekdayOf(day)].length === 0) continue;
			const w = this.dayWeight(day);
			if (w <= 0) continue;
			total += w;
			this.days.push(day);
			this.cumulative.push(total);
		}
		this.total = total;
	}

	/** The instant of `minute` past the site-local midnight of `day`. */
	private instant(day: number, minute: number, midnight: number, uniform: boolean): number {
		return uniform ? midnight + minute * MINUTE_MS : toUtc(this.input.zone, day, minute);
	}

	private dayWeight(day: number): number {
		const zone = this.input.zone;
		if (midnight(zone, day + 1) - midnight(zone, day) !== DAY_MS) {
			return this.segments(day).reduce((s, g) => s + g.weight, 0);
		}
		// No offset change today: local minutes are real minutes, so prefix sums give the weight.
		let w = 0;
		for (const r of this.input.week[weekdayOf(day)]) {
			const lastStart = r.to - this.input.callMinutes;
			if (lastStart >= r.from) w += this.prefix[lastStart + 1] - this.prefix[r.from];
		}
		return w;
	}

	/** The start segments of one open day, in time order (cached for the last day asked). */
	segments(day: number): Segment[] {
		if (day === this.cachedDay) return this.cachedSegments;
		const { zone, week, callMinutes, hourWeights } = this.input;
		const start = midnight(zone, day);
		const uniform = midnight(zone, day + 1) - start === DAY_MS;
		const out: Segment[] = [];
		for (const r of week[weekdayOf(day)]) {
			const open = this.instant(day, r.from, start, uniform);
			// The last start is measured in real time back from closing, so a call never overruns.
			const startsEnd = this.instant(day, r.to, start, uniform) - (callMinutes - 1) * MINUTE_MS;
			for (let h = Math.floor(r.from / 60); h * 60 < r.to; h++) {
				const w = hourWeights[h];
				if (!(w > 0)) continue;
				const startMs = Math.max(open, this.instant(day, h * 60, start, uniform));
				const endMs = Math.min(startsEnd, this.instant(day, (h + 1) * 60, start, uniform));
				if (endMs > startMs) {
					out.push({ hour: h, startMs, endMs, weight: (w * (endMs - startMs)) / MINUTE_MS });
				}
			}
		}
		this.cachedDay = day;
		this.cachedSegments = out;
		return out;
	}

	private slotAt(day: number, segment: Segment, fraction: number): Slot {
		const minutes = (segment.endMs - segment.startMs) / MINUTE_MS;
		const offset = Math.min(minutes - 1, Math.floor(fraction * minutes));
		return {
			day,
			hour: segment.hour,
			startMs: segment.startMs + offset * MINUTE_MS,
			hourWeight: this.input.hourWeights[segment.hour]
		};
	}

	/** `n` call times, ascending, one in each of n equal shares of the weighted time. */
	place(n: number, rng: Rng): Slot[] {
		const out: Slot[] = [];
		if (n <= 0 || this.total <= 0) return out;
		const step = this.total / n;
		let d = 0;
		for (let k = 0; k < n; k++) {
			const x = Math.min((k + rng()) * step, this.total * (1 - 1e-12));
			while (d < this.days.length - 1 && this.cumulative[d] <= x) d++;
			const day = this.days[d];
			let within = x - (d > 0 ? this.cumulative[d - 1] : 0);
			const segments = this.segments(day);
			let s = 0;
			while (s < segments.length - 1 && within >= segments[s].weight)
				within -= segments[s++].weight;
			out.push(this.slotAt(day, segments[s], Math.max(0, within / segments[s].weight)));
		}
		return out;
	}

	/**
	 * Other times for a call whose planned slot found nobody: the same day's other hours nearest
	 * first, then the nearest days' closest hours, at most `limit` of them.
	 */
	alternatives(slot: Slot, limit: number): Slot[] {
		const out: Slot[] = [];
		const index = this.days.indexOf(slot.day);
		if (index < 0 || limit <= 0) return out;
		const byCloseness = (day: number, skipHour: number) =>
			this.segments(day)
				.filter((g) => g.hour !== skipHour)
				.sort(
					(a, b) => Math.abs(a.hour - slot.hour) - Math.abs(b.hour - slot.hour) || a.hour - b.hour
				)
				.map((g) => this.slotAt(day, g, 0.5));
		out.push(...byCloseness(slot.day, slot.hour).slice(0, limit));
		for (let step = 1; out.length < limit && step < this.days.length; step++) {
			for (const i of [index + step, index - step]) {
				if (i < 0 || i >= this.days.length || out.length >= limit) continue;
				out.push(...byCloseness(this.days[i], -1).slice(0, Math.min(2, limit - out.length)));
			}
		}
		return out;
	}
}
