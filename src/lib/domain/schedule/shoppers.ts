/**
 * Shoppers as the planner tracks them, and the index that keeps assignment near-linear: shoppers
 * are filed by language and by the UTC hours of the week they may be free in (a superset, since
 * the exact check in their own zone follows), so a call looks only at the shoppers who could take
 * it, starting where the previous call at that hour stopped: a round-robin across the pool.
 */
import type { Shopper } from '../../schemas/programme';
import { fitsIn, weeklyIntervals, type Interval } from './hours';
import type { ExclusionRule } from './types';
import { DAY_MINUTES, DAY_MS, offsetsBetween, toLocal, weekdayOf } from './tz';

export const WEEK_HOURS = 168;
const ANY = '*';

export interface ShopperState {
	id: string;
	/** Seeded position: the last tie-break. */
	rank: number;
	zone: string;
	/** Position of `zone` in the index's list of zones. */
	zoneId: number;
	/** Availability per weekday; null = any time. */
	week: Interval[][] | null;
	conflicts: ReadonlySet<string>;
	languages: string[];
	/** Calls so far, past calls included. */
	load: number;
	/** Sequence number of the latest call; -Infinity when none. */
	lastSeq: number;
	/** Calls per shopper-local day. */
	perDay: Map<number, number>;
	/** [start, end) instants of calls, per shopper-local day of their start. */
	busy: Map<number, number[]>;
	/** Site-local days on which the shopper called each site. */
	siteDays: Map<string, number[]>;
	/** Marks the last lookup that examined this shopper, so a multilingual one counts once. */
	seen: number;
}

/** The first subtag, lower case: `zh-CN` and `zh` match, `yue` and `zh` do not. */
export function languageKey(tag: string): string {
	return tag.split('-')[0].toLowerCase();
}

/** The hour of the week (0 = Sunday 00:00 UTC) of an instant. */
export function hourOfWeek(utcMs: number): number {
	const day = Math.floor(utcMs / DAY_MS);
	return weekdayOf(day) * 24 + Math.floor((utcMs - day * DAY_MS) / 3_600_000);
}

export function newShopperState(s: Shopper, rank: number): ShopperState {
	return {
		id: s.shopperId,
		rank,
		zone: s.timeZone,
		zoneId: -1,
		week: s.availability ? weeklyIntervals(s.availability) : null,
		conflicts: new Set(s.conflicts),
		languages: [...new Set(s.languages.map(languageKey))],
		load: 0,
		lastSeq: -Infinity,
		perDay: new Map(),
		busy: new Map(),
		siteDays: new Map(),
		seen: -1
	};
}

export interface Pool {
	members: ShopperState[];
	cursor: number;
}

/** A call's start and end in one shopper zone: local day, minute, and end minute (same day base). */
export interface LocalSpan {
	day: number;
	minute: number;
	endMinute: number;
	/** The lookup these values belong to. */
	lookup: number;
}

export class ShopperIndex {
	private readonly pools = new Map<string, Pool[]>();
	private readonly zones: string[] = [];
	private readonly spans: LocalSpan[] = [];
	private readonly speakerCounts = new Map<string, number>();
	private readonly hourCounts = new Map<string, number>();

	/** `shoppers` in seeded order; the period bounds say which UTC offsets their zones take. */
	constructor(
		readonly shoppers: readonly ShopperState[],
		fromMs: number,
		toMs: number
	) {
		const offsetsByZone = new Map<string, number[]>();
		for (const s of shoppers) {
			let offsets = offsetsByZone.get(s.zone);
			if (!offsets) {
				offsetsByZone.set(s.zone, (offsets = offsetsBetween(s.zone, fromMs, toMs)));
				this.zones.push(s.zone);
				this.spans.push({ day: 0, minute: 0, endMinute: 0, lookup: -1 });
			}
			s.zoneId = this.zones.indexOf(s.zone);
			const hours = weekHours(s.week, offsets);
			for (const lang of [ANY, ...s.languages]) {
				let byHour = this.pools.get(lang);
				if (!byHour) {
					byHour = Array.from({ length: WEEK_HOURS }, () => ({ members: [], cursor: 0 }));
					this.pools.set(lang, byHour);
				}
				for (const h of hours) byHour[h].members.push(s);
			}
		}
	}

	/** The pools to search for a call needing one of `languages` (any when empty) at `hour`. */
	poolsFor(languages: readonly string[], hour: number): Pool[] {
		const keys = languages.length ? languages : [ANY];
		const out: Pool[] = [];
		for (const k of keys) {
			const pool = this.pools.get(k)?.[hour];
			if (pool && pool.members.length) out.push(pool);
		}
		return out;
	}

	/**
	 * The call's times in the shopper's zone, worked out once per zone and lookup: most shoppers
	 * share a handful of zones, and this is the inner loop of the planner.
	 */
	span(s: ShopperState, lookup: number, call: CallFacts): LocalSpan {
		const span = this.spans[s.zoneId];
		if (span.lookup !== lookup) {
			const start = toLocal(s.zone, call.startMs);
			const end = toLocal(s.zone, call.endMs);
			span.day = start.day;
			span.minute = start.minute;
			span.endMinute = (end.day - start.day) * DAY_MINUTES + end.minute;
			span.lookup = lookup;
		}
		return span;
	}

	/** Shoppers speaking one of `languages` (all when empty). */
	speakers(languages: readonly string[]): number {
		const key = languages.join(',');
		let n = this.speakerCounts.get(key);
		if (n === undefined) {
			const wanted = new Set(languages);
			n = languages.length
				? this.shoppers.filter((s) => s.languages.some((l) => wanted.has(l))).length
				: this.shoppers.length;
			this.speakerCounts.set(key, n);
		}
		return n;
	}

	/** Distinct shoppers in the pools for `languages` at `hour` (for reporting unfillable calls). */
	inHour(languages: readonly string[], hour: number): number {
		const key = `${languages.join(',')}@${hour}`;
		let n = this.hourCounts.get(key);
		if (n === undefined) {
			const ids = new Set<string>();
			for (const p of this.poolsFor(languages, hour)) for (const s of p.members) ids.add(s.id);
			n = ids.size;
			this.hourCounts.set(key, n);
		}
		return n;
	}
}

/** UTC hours of the week in which a shopper may be free, given the offsets their zone takes. */
function weekHours(week: Interval[][] | null, offsets: readonly number[]): number[] {
	if (!week) return Array.from({ length: WEEK_HOURS }, (_, h) => h);
	const marked = new Uint8Array(WEEK_HOURS);
	week.forEach((intervals, weekday) => {
		for (const r of intervals) {
			for (const offset of offsets) {
				const from = weekday * DAY_MINUTES + r.from - offset;
				const to = weekday * DAY_MINUTES + r.to - offset;
				for (let h = Math.floor(from / 60); h * 60 < to; h++) {
					marked[((h % WEEK_HOURS) + WEEK_HOURS) % WEEK_HOURS] = 1;
				}
			}
		}
	});
	return [...marked.keys()].filter((h) => marked[h]);
}

export interface CallFacts {
	siteId: string;
	vendorId: string;
	/** Site-local day of the call. */
	siteDay: number;
	startMs: number;
	endMs: number;
	lockoutDays: number;
	maxPerDay: number;
}

/** The first rule that stops `s` from taking the call, or null when the shopper may take it. */
export function exclusion(
	s: ShopperState,
	call: CallFacts,
	local: LocalSpan
): ExclusionRule | null {
	if (s.conflicts.has(call.vendorId)) return 'conflict';
	if (s.week) {
		const intervals = s.week[weekdayOf(local.day)];
		// A fall-back hour can make the local end read earlier than the start; judge by the later.
		if (!fitsIn(intervals, local.minute, Math.max(local.endMinute, local.minute + 1))) {
			return 'availability';
		}
	}
	if ((s.perDay.get(local.day) ?? 0) >= call.maxPerDay) return 'daily_limit';
	if (call.lockoutDays > 0) {
		for (const d of s.siteDays.get(call.siteId) ?? []) {
			if (Math.abs(d - call.siteDay) < call.lockoutDays) return 'lockout';
		}
	}
	for (let d = local.day - 1; d <= local.day + 1; d++) {
		const spans = s.busy.get(d);
		if (!spans) continue;
		for (let i = 0; i < spans.length; i += 2) {
			if (spans[i] < call.endMs && call.startMs < spans[i + 1]) return 'busy';
		}
	}
	return null;
}

/** Records that `s` makes the call (sequence number `seq`, for least-recently-used order). */
export function book(
	s: ShopperState,
	call: Omit<CallFacts, 'lockoutDays' | 'maxPerDay'>,
	seq: number
) {
	const day = toLocal(s.zone, call.startMs).day;
	s.load++;
	s.lastSeq = Math.max(s.lastSeq, seq);
	s.perDay.set(day, (s.perDay.get(day) ?? 0) + 1);
	const spans = s.busy.get(day);
	if (spans) spans.push(call.startMs, call.endMs);
	else s.busy.set(day, [call.startMs, call.endMs]);
	const days = s.siteDays.get(call.siteId);
	if (days) days.push(call.siteDay);
	else s.siteDays.set(call.siteId, [call.siteDay]);
}

/** Orders eligible shoppers: fewest calls, then least recently used, then seeded rank. */
export function preferred(a: ShopperState, b: ShopperState): number {
	return a.load - b.load || a.lastSeq - b.lastSeq || a.rank - b.rank;
}

/** Why `best` beat `next` (the runner-up), in plain words and as a message key. */
export function chosenBecause(
	best: ShopperState,
	next: ShopperState | undefined
): { text: string; key: string; params: Record<string, number> } {
	if (!next)
		return { text: 'only eligible candidate', key: 'schedule_why_only_candidate', params: {} };
	if (best.load < next.load) {
		return {
			text: `fewest calls so far (${best.load})`,
			key: 'schedule_why_fewest_calls',
			params: { count: best.load }
		};
	}
	if (best.lastSeq < next.lastSeq) {
		return best.lastSeq === -Infinity
			? { text: 'not called yet', key: 'schedule_why_not_called_yet', params: {} }
			: { text: 'least recently assigned', key: 'schedule_why_least_recent', params: {} };
	}
	return { text: 'seeded order among equals', key: 'schedule_why_seeded_order', params: {} };
}
