/**
 * Assigning shoppers to drafted calls, in time order. For each call the index yields the shoppers
 * who speak the language and may be free at that UTC hour; at most `candidateWindow` of them are
 * checked exactly (conflict, availability, daily limit, lockout, overlap), stopping once eight are
 * eligible, and the eligible one with the fewest calls, then least recently used, then seeded
 * rank, takes it. If nobody can, a
 * few other times on the site's calendar are tried before the call is reported unfillable.
 */
import type { PastCall, Programme, Shopper } from '../../schemas/programme';
import type { Slot } from './calendar';
import type { Draft, Drafts } from './drafts';
import { seededRng, shuffle } from './prng';
import { Ledger, type CallFacts } from './ledger';
import { hourOfWeek, newShopperState, ShopperIndex, type ShopperState } from './shoppers';
import { dayOf, DAY_MS, hhmm, isoDay, MINUTE_MS, toLocal } from './tz';
import type {
	ExclusionRule,
	LocalStamp,
	PlannedCall,
	PlanOptions,
	ScenarioReason,
	UnfillableCall,
	UnfillableRule
} from './types';

const DEFAULT_WINDOW = 32;
/* Enough eligible shoppers to choose between; looking further only costs time. */
const ENOUGH = 8;
const DEFAULT_ALTERNATIVES = 8;

interface Attempt {
	slot: Slot;
	facts: CallFacts;
	hour: number;
	eligible: ShopperState[];
	examined: number;
	excluded: Partial<Record<ExclusionRule, number>>;
}

function stamp(zone: string, utcMs: number): LocalStamp {
	const t = toLocal(zone, utcMs);
	return { date: isoDay(t.day), time: hhmm(t.minute) };
}

const count = <K extends string>(tally: Partial<Record<K, number>>, key: K, n = 1) => {
	if (n > 0) tally[key] = (tally[key] ?? 0) + n;
};

/** Assigns the drafted calls of one plan; build it, then call `run()` once. */
export class Assigner {
	private readonly states: ShopperState[];
	private readonly index: ShopperIndex;
	private readonly ledger: Ledger;
	private readonly siteIndex: Map<string, number>;
	private seq = 0;
	private lookups = 0;
	private readonly window: number;
	/** Per-pool progress of the current lookup (a call needs one pool per language). */
	private readonly taken = new Int32Array(64);
	/** One reason per scenario: it is the same for every call of that scenario. */
	private readonly scenarioReasons: ScenarioReason[];
	private readonly alternatives: number;

	constructor(
		private readonly programme: Programme,
		private readonly drafts: Drafts,
		shoppers: readonly Shopper[],
		options: PlanOptions
	) {
		this.window = Math.max(1, options.candidateWindow ?? DEFAULT_WINDOW);
		this.alternatives = Math.max(0, options.alternativeTimes ?? DEFAULT_ALTERNATIVES);
		const order = shuffle([...shoppers], seededRng(programme.seed, 'shoppers'));
		this.states = order.map((s, rank) => newShopperState(s, rank));
		const from = Date.parse(programme.period.start) - 2 * DAY_MS;
		const to = Date.parse(programme.period.end) + 3 * DAY_MS;
		this.index = new ShopperIndex(this.states, from, to);
		this.siteIndex = new Map(programme.sites.map((site, i) => [site.siteId, i]));
		this.ledger = new Ledger(
			this.states.length,
			programme.sites.length,
			dayOf(programme.period.start),
			dayOf(programme.period.end),
			{ lockoutDays: programme.lockoutDays, maxPerDay: programme.maxCallsPerShopperPerDay }
		);
		// Frozen, since every call of the scenario shares it.
		this.scenarioReasons = programme.scenarios.map((sc, i) =>
			Object.freeze({
				rule: 'mix' as const,
				share: sc.share,
				planned: drafts.scenarioCounts[i],
				sentence: Object.freeze({
					key: 'schedule_why_mix',
					params: Object.freeze({ share: sc.share })
				})
			})
		);
		this.replay(options.history ?? []);
	}

	/** Books past calls first, oldest first, with sequence numbers below this plan's. */
	private replay(history: readonly PastCall[]) {
		const byId = new Map(this.states.map((s) => [s.id, s]));
		const past = history
			.map((h) => ({ h, startMs: Date.parse(h.start) }))
			.sort((a, b) => a.startMs - b.startMs);
		past.forEach(({ h, startMs }, k) => {
			const s = byId.get(h.shopperId);
			if (!s) return;
			const siteIndex = this.siteIndex.get(h.siteId) ?? -1;
			const site = this.programme.sites[siteIndex];
			const siteDay = site ? toLocal(site.timeZone, startMs).day : Math.floor(startMs / DAY_MS);
			const endMs = startMs + h.minutes * MINUTE_MS;
			const facts = { siteIndex, vendorId: site?.vendorId ?? '', siteDay, startMs, endMs };
			this.ledger.book(s, facts, toLocal(s.zone, startMs).day, k - past.length);
		});
	}

	/** Looks at up to `window` shoppers who could take the draft at `slot`. */
	private attempt(draft: Draft, slot: Slot): Attempt {
		const { site } = draft.site;
		const facts: CallFacts = {
			siteIndex: draft.site.index,
			vendorId: site.vendorId,
			siteDay: slot.day,
			startMs: slot.startMs,
			endMs: slot.startMs + this.programme.callMinutes * MINUTE_MS
		};
		const hour = hourOfWeek(slot.startMs);
		const pools = this.index.poolsFor(draft.languages, hour);
		const taken = pools.length <= this.taken.length ? this.taken : new Int32Array(pools.length);
		taken.fill(0, 0, pools.length);
		const lookup = ++this.lookups;
		const seen = this.ledger.seen;
		const out: Attempt = { slot, facts, hour, eligible: [], examined: 0, excluded: {} };
		// Take from each language's pool in turn, so a bilingual line draws on both.
		let budget = this.window;
		for (let moved = true; moved && budget > 0 && out.eligible.length < ENOUGH;) {
			moved = false;
			for (let p = 0; p < pools.length && budget > 0 && out.eligible.length < ENOUGH; p++) {
				const pool = pools[p];
				if (taken[p] >= pool.members.length) continue;
				moved = true;
				const s = pool.members[(pool.cursor + taken[p]++) % pool.members.length];
				if (seen[s.rank] === lookup) continue;
				seen[s.rank] = lookup;
				out.examined++;
				budget--;
				const rule = this.ledger.exclusion(s, facts, this.index.span(s, lookup, facts));
				if (rule) count(out.excluded, rule);
				else out.eligible.push(s);
			}
		}
		for (let p = 0; p < pools.length; p++) {
			pools[p].cursor = (pools[p].cursor + taken[p]) % pools[p].members.length;
		}
		return out;
	}

	/** Assigns every draft: planned calls in start order, and the ones nobody could take. */
	run(): { calls: PlannedCall[]; unfillable: UnfillableCall[] } {
		const calls: PlannedCall[] = [];
		const unfillable: UnfillableCall[] = [];
		const timed = this.drafts.drafts.filter((d) => d.slot !== null);
		timed.sort((a, b) => a.slot!.startMs - b.slot!.startMs || (a.id < b.id ? -1 : 1));
		for (const d of this.drafts.drafts) if (!d.slot) unfillable.push(this.noWindow(d));
		for (const draft of timed) {
			const first = this.attempt(draft, draft.slot!);
			let chosen = first.eligible.length ? first : undefined;
			let tried = 1;
			if (!chosen) {
				for (const alt of draft.site.calendar.alternatives(draft.slot!, this.alternatives)) {
					tried++;
					const a = this.attempt(draft, alt);
					if (a.eligible.length) {
						chosen = a;
						break;
					}
				}
			}
			if (chosen) calls.push(this.plan(draft, chosen, tried));
			else unfillable.push(this.unfillable(draft, first, tried));
		}
		calls.sort((a, b) => a.startMs - b.startMs || (a.id < b.id ? -1 : 1));
		// Untimed calls first, then by planned time; ISO strings sort chronologically.
		const when = (u: UnfillableCall) => u.plannedStart ?? '';
		unfillable.sort((a, b) =>
			when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : a.id < b.id ? -1 : 1
		);
		return { calls, unfillable };
	}

	private plan(draft: Draft, a: Attempt, tried: number): PlannedCall {
		const { site } = draft.site;
		const ranked = a.eligible.sort(this.ledger.preferred);
		const shopper = ranked[0];
		const because = this.ledger.chosenBecause(shopper, ranked[1]);
		const callsBefore = this.ledger.load[shopper.rank];
		const shopperLocal = toLocal(shopper.zone, a.facts.startMs);
		this.ledger.book(shopper, a.facts, shopperLocal.day, this.seq++);
		const scenario = this.programme.scenarios[draft.scenarioIndex];
		const local = stamp(site.timeZone, a.slot.startMs);
		const movedFrom =
			a.slot === draft.slot
				? undefined
				: { ...stamp(site.timeZone, draft.slot!.startMs), timesTried: tried };
		return {
			id: draft.id,
			siteId: site.siteId,
			vendorId: site.vendorId,
			lineId: draft.lineId,
			scenarioId: scenario.scenarioId,
			shopperId: shopper.id,
			start: new Date(a.facts.startMs).toISOString(),
			end: new Date(a.facts.endMs).toISOString(),
			startMs: a.facts.startMs,
			timeZone: site.timeZone,
			siteLocal: local,
			shopperTimeZone: shopper.zone,
			shopperLocal: { date: isoDay(shopperLocal.day), time: hhmm(shopperLocal.minute) },
			why: {
				time: {
					rule: 'window',
					timeZone: site.timeZone,
					local,
					hourWeight: a.slot.hourWeight,
					...(movedFrom ? { movedFrom } : {}),
					sentence: movedFrom
						? {
								key: 'schedule_why_time_moved',
								params: {
									from: `${movedFrom.date} ${movedFrom.time}`,
									to: `${local.date} ${local.time}`
								}
							}
						: {
								key: 'schedule_why_time_window',
								params: { date: local.date, time: local.time, zone: site.timeZone }
							}
				},
				scenario: this.scenarioReasons[draft.scenarioIndex],
				shopper: {
					rule: 'rotation',
					candidates: a.eligible.length,
					examined: a.examined,
					excluded: a.excluded,
					chosenBecause: because.text,
					callsBefore,
					sentence: {
						key: because.key,
						params: { ...because.params, candidates: a.eligible.length }
					}
				}
			}
		};
	}

	private base(draft: Draft) {
		const { site } = draft.site;
		return {
			id: draft.id,
			siteId: site.siteId,
			vendorId: site.vendorId,
			lineId: draft.lineId,
			scenarioId: this.programme.scenarios[draft.scenarioIndex].scenarioId
		};
	}

	private noWindow(draft: Draft): UnfillableCall {
		return {
			...this.base(draft),
			plannedStart: null,
			siteLocal: null,
			excludedBy: { no_window: this.states.length },
			rules: ['no_window'],
			timesTried: 0,
			sentence: { key: 'schedule_unfillable_no_window', params: {} }
		};
	}

	/** Accounts for every shopper at the planned time: each one lands in exactly one rule. */
	private unfillable(draft: Draft, a: Attempt, tried: number): UnfillableCall {
		const excludedBy: Partial<Record<UnfillableRule, number>> = {};
		const speakers = this.index.speakers(draft.languages);
		const inHour = this.index.inHour(draft.languages, a.hour);
		count(excludedBy, 'language', this.states.length - speakers);
		count(excludedBy, 'availability', speakers - inHour);
		for (const [rule, n] of Object.entries(a.excluded) as [ExclusionRule, number][]) {
			count(excludedBy, rule, n);
		}
		count(excludedBy, 'not_examined', inHour - a.examined);
		const rules = (Object.keys(excludedBy) as UnfillableRule[]).sort(
			(x, y) => excludedBy[y]! - excludedBy[x]! || (x < y ? -1 : 1)
		);
		return {
			...this.base(draft),
			plannedStart: new Date(a.facts.startMs).toISOString(),
			siteLocal: stamp(draft.site.site.timeZone, a.facts.startMs),
			excludedBy,
			rules,
			timesTried: tried,
			sentence: {
				key: rules.length ? `schedule_unfillable_${rules[0]}` : 'schedule_unfillable_no_shoppers',
				params: { count: rules.length ? excludedBy[rules[0]]! : 0 }
			}
		};
	}
}
