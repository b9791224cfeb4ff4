/**
 * Shoppers as the planner tracks them, and the index that keeps assignment near-linear: shoppers
 * are filed by language and by the UTC hours of the week they may be free in (a superset, since
 * the exact check in their own zone follows), so a call looks only at the shoppers who could take
 * it, starting where the previous call at that hour stopped: a round-robin across the pool.
 */
import type { Shopper } from '../../schemas/programme';
import { weeklyIntervals, type Interval } from './hours';
import type { CallFacts } from './ledger';
import { DAY_MINUTES, DAY_MS, offsetsBetween, toLocal, weekdayOf } from './tz';

export const WEEK_HOURS = 168;
const ANY = '*';

export interface ShopperState {
	id: string;
	/** Seeded position: the last tie-break, and the shopper's row in the ledger. */
	rank: number;
	zone: string;
	/** Position of `zone` in the index's list of zones. */
	zoneId: number;
	/** Availability per weekday; null = any time. */
	week: Interval[][] | null;
	/** Vendors the shopper must not call (usually none or one: an array beats a Set). */
	conflicts: string[];
	languages: string[];
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

/** A parsed shopper as the planner uses it; `rank` is their place in the seeded order. */
export function newShopperState(s: Shopper, rank: number): ShopperState {
	return {
		id: s.shopperId,
		rank,
		zone: s.timeZone,
		zoneId: -1,
		week: s.availability ? weeklyIntervals(s.availability) : null,
		conflicts: [...new Set(s.conflicts)],
		languages: [...new Set(s.languages.map(languageKey))]
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

/** Shoppers filed by language and UTC hour of the week, with a round-robin cursor per pool. */
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
