/**
 * What every shopper has been booked for, kept in flat typed arrays indexed by the shopper's
 * seeded rank: the planner checks a candidate about ten times per call, and with thousands of
 * shoppers, per-shopper Maps scattered over the heap made each check a string of cache misses.
 */
import { fitsIn } from './hours';
import type { LocalSpan, ShopperState } from './shoppers';
import type { ExclusionRule } from './types';
import { weekdayOf } from './tz';

export interface CallFacts {
	/** Position of the site in the programme; -1 for a past call at a site outside it. */
	siteIndex: number;
	vendorId: string;
	/** Site-local day of the call. */
	siteDay: number;
	startMs: number;
	endMs: number;
}

export interface LedgerRules {
	lockoutDays: number;
	maxPerDay: number;
}

/** Bookings of every shopper in one plan, past calls included, and the rules checked on them. */
export class Ledger {
	/** Calls so far, past calls included. */
	readonly load: Int32Array;
	/** Sequence number of each shopper's latest call; -Infinity when none. */
	readonly lastSeq: Float64Array;
	/** Marks the last lookup that examined a shopper, so a multilingual one counts once. */
	readonly seen: Int32Array;
	/** Calls per shopper and shopper-local day, for the days a plan can touch. */
	private readonly perDay: Uint16Array;
	private readonly baseDay: number;
	private readonly days: number;
	/** Per shopper, [start, end) of each call, flat and sorted by start. */
	private readonly busy: number[][];
	private longest = 0;
	/** Site-local days of the calls of one shopper at one site, keyed shopper × sites + site. */
	private readonly visits = new Map<number, number[]>();

	constructor(
		shoppers: number,
		private readonly sites: number,
		firstDay: number,
		lastDay: number,
		private readonly rules: LedgerRules
	) {
		this.load = new Int32Array(shoppers);
		this.lastSeq = new Float64Array(shoppers).fill(-Infinity);
		this.seen = new Int32Array(shoppers).fill(-1);
		// Zones are within ±14 h of UTC, so a shopper's day of a call is at most one day off the
		// site's; two days of margin on each side also cover the end of a late call.
		this.baseDay = firstDay - 2;
		this.days = lastDay - firstDay + 5;
		this.perDay = new Uint16Array(shoppers * this.days);
		this.busy = Array.from({ length: shoppers }, () => []);
	}

	private dayCell(rank: number, day: number): number {
		const d = day - this.baseDay;
		return d >= 0 && d < this.days ? rank * this.days + d : -1;
	}

	/** The first rule that stops `s` from taking the call, or null when the shopper may take it. */
	exclusion(s: ShopperState, call: CallFacts, local: LocalSpan): ExclusionRule | null {
		if (s.conflicts.length && s.conflicts.includes(call.vendorId)) return 'conflict';
		if (s.week) {
			// A fall-back hour can make the local end read earlier than the start; judge by the later.
			const end = Math.max(local.endMinute, local.minute + 1);
			if (!fitsIn(s.week[weekdayOf(local.day)], local.minute, end)) return 'availability';
		}
		const cell = this.dayCell(s.rank, local.day);
		if (cell >= 0 && this.perDay[cell] >= this.rules.maxPerDay) return 'daily_limit';
		if (this.rules.lockoutDays > 0 && call.siteIndex >= 0) {
			for (const d of this.visits.get(s.rank * this.sites + call.siteIndex) ?? []) {
				if (Math.abs(d - call.siteDay) < this.rules.lockoutDays) return 'lockout';
			}
		}
		if (this.overlaps(this.busy[s.rank], call.startMs, call.endMs)) return 'busy';
		return null;
	}

	private overlaps(spans: number[], startMs: number, endMs: number): boolean {
		// Only calls starting after startMs − longest can still be running at startMs.
		let lo = 0;
		let hi = spans.length >> 1;
		const from = startMs - this.longest;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (spans[mid * 2] <= from) lo = mid + 1;
			else hi = mid;
		}
		for (let i = lo * 2; i < spans.length && spans[i] < endMs; i += 2) {
			if (spans[i + 1] > startMs) return true;
		}
		return false;
	}

	/** Records that `s` makes the call; `day` is its shopper-local day, `seq` its place in time. */
	book(s: ShopperState, call: CallFacts, day: number, seq: number): void {
		const r = s.rank;
		this.load[r]++;
		this.lastSeq[r] = Math.max(this.lastSeq[r], seq);
		const cell = this.dayCell(r, day);
		if (cell >= 0) this.perDay[cell]++;
		const spans = this.busy[r];
		let i = spans.length;
		while (i > 0 && spans[i - 2] > call.startMs) i -= 2;
		spans.splice(i, 0, call.startMs, call.endMs);
		this.longest = Math.max(this.longest, call.endMs - call.startMs);
		if (call.siteIndex >= 0) {
			const key = r * this.sites + call.siteIndex;
			const days = this.visits.get(key);
			if (days) days.push(call.siteDay);
			else this.visits.set(key, [call.siteDay]);
		}
	}

	/** Orders eligible shoppers: fewest calls, then least recently used, then seeded rank. */
	readonly preferred = (a: ShopperState, b: ShopperState): number =>
		this.load[a.rank] - this.load[b.rank] ||
		this.lastSeq[a.rank] - this.lastSeq[b.rank] ||
		a.rank - b.rank;

	/** Why `best` beat `next` (the runner-up), in plain words and as a message key. */
	chosenBecause(
		best: ShopperState,
		next: ShopperState | undefined
	): { text: string; key: string; params: Record<string, number> } {
		if (!next)
			return { text: 'only eligible candidate', key: 'schedule_why_only_candidate', params: {} };
		const load = this.load[best.rank];
		if (load < this.load[next.rank]) {
			return {
				text: `fewest calls so far (${load})`,
				key: 'schedule_why_fewest_calls',
				params: { count: load }
			};
		}
		const last = this.lastSeq[best.rank];
		if (last < this.lastSeq[next.rank]) {
			return last === -Infinity
				? { text: 'not called yet', key: 'schedule_why_not_called_yet', params: {} }
				: { text: 'least recently assigned', key: 'schedule_why_least_recent', params: {} };
		}
		return { text: 'seeded order among equals', key: 'schedule_why_seeded_order', params: {} };
	}
}
