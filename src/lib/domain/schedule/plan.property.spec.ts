import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planProgramme, type Plan } from '.';
import {
	pastCallSchema,
	programmeSchema,
	shopperSchema,
	type PastCall,
	type Programme,
	type Shopper
} from '../../schemas/programme';
import { WEEKDAY_KEYS, type WeeklyHours } from './hours';
import { largestRemainder } from './mix';
import { daysBetween, insideHours, intlLocal } from './test-fixtures';

const ZONES = ['Asia/Shanghai', 'Europe/Dublin', 'Australia/Sydney', 'America/New_York'];
const LANGUAGES = ['zh', 'en', 'yue', 'ms'];
const VENDORS = ['v1', 'v2', 'v3'];
/** Starts near the 2026 DST changes of Dublin, Sydney and New York, and ordinary weeks. */
const STARTS = [
	'2026-03-05',
	'2026-03-25',
	'2026-03-31',
	'2026-04-02',
	'2026-10-01',
	'2026-10-22',
	'2026-10-30'
];

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (m: number) => (m === 1440 ? '24:00' : `${pad(Math.floor(m / 60))}:${pad(m % 60)}`);

/** A range from 04:00 on, so no range edge sits in a DST jump (checked on its own elsewhere). */
const range = fc
	.record({ from: fc.integer({ min: 8, max: 44 }), length: fc.integer({ min: 1, max: 20 }) })
	.map(({ from, length }) => `${clock(from * 30)}-${clock(Math.min(48, from + length) * 30)}`);
const weekly: fc.Arbitrary<WeeklyHours> = fc
	.tuple(...WEEKDAY_KEYS.map(() => fc.array(range, { maxLength: 2 })))
	.map((days) =>
		Object.fromEntries(days.map((d, i) => [WEEKDAY_KEYS[i], d]).filter(([, d]) => d.length))
	);
const languages = (min: number) => fc.subarray(LANGUAGES, { minLength: min, maxLength: 2 });
const weights = fc
	.array(fc.integer({ min: 0, max: 3 }), { minLength: 24, maxLength: 24 })
	.map((w) => (w.some((x) => x > 0) ? w : w.map(() => 1)));

const siteArb = fc.record({
	zone: fc.constantFrom(...ZONES),
	vendor: fc.constantFrom(...VENDORS),
	languages: languages(0),
	lines: fc.array(languages(0), { maxLength: 2 }),
	hours: weekly,
	excluded: fc.array(fc.integer({ min: 0, max: 15 }), { maxLength: 3 }),
	weights: fc.option(weights, { nil: undefined }),
	calls: fc.integer({ min: 0, max: 25 })
});

const inputArb = fc.record({
	start: fc.constantFrom(...STARTS),
	days: fc.integer({ min: 1, max: 16 }),
	sites: fc.array(siteArb, { minLength: 1, maxLength: 4 }),
	shares: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 3 }),
	lockoutDays: fc.integer({ min: 0, max: 6 }),
	maxPerDay: fc.integer({ min: 1, max: 4 }),
	callMinutes: fc.constantFrom(5, 15, 30, 45),
	seed: fc.nat({ max: 0xffffffff }),
	shoppers: fc.array(
		fc.record({
			zone: fc.constantFrom(...ZONES),
			languages: languages(1),
			availability: fc.option(weekly, { nil: undefined }),
			conflicts: fc.subarray(VENDORS, { maxLength: 1 })
		}),
		{ maxLength: 10 }
	),
	history: fc.array(
		fc.record({
			shopper: fc.nat(),
			site: fc.nat(),
			minute: fc.integer({ min: -7 * 1440, max: 7 * 1440 })
		}),
		{ maxLength: 5 }
	)
});
type Input = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;

const addDays = (date: string, n: number) =>
	new Date(Date.parse(date) + n * 86_400_000).toISOString().slice(0, 10);

function build(input: Input): { programme: Programme; shoppers: Shopper[]; history: PastCall[] } {
	const shares = largestRemainder(input.shares, 100);
	const programme = programmeSchema.parse({
		name: 'property',
		clientId: 'client',
		vendorIds: VENDORS,
		sites: input.sites.map((s, i) => ({
			siteId: `site${i}`,
			vendorId: s.vendor,
			timeZone: s.zone,
			languages: s.languages,
			lines: s.lines.map((l, j) => ({ lineId: `line${i}.${j}`, languages: l })),
			hours: s.hours,
			excludedDates: [...new Set(s.excluded.map((d) => addDays(input.start, d)))],
			hourWeights: s.weights,
			calls: s.calls
		})),
		scenarios: shares.flatMap((share, i) => (share ? [{ scenarioId: `scenario${i}`, share }] : [])),
		period: { start: input.start, end: addDays(input.start, input.days - 1) },
		lockoutDays: input.lockoutDays,
		maxCallsPerShopperPerDay: input.maxPerDay,
		callMinutes: input.callMinutes,
		seed: input.seed
	});
	const shoppers = input.shoppers.map(({ zone, ...s }, i) =>
		shopperSchema.parse({ shopperId: `shopper${i}`, timeZone: zone, ...s })
	);
	const history = shoppers.length
		? input.history.map((h) =>
				pastCallSchema.parse({
					shopperId: shoppers[h.shopper % shoppers.length].shopperId,
					siteId: programme.sites[h.site % programme.sites.length].siteId,
					start: new Date(Date.parse(input.start) + h.minute * 60_000).toISOString(),
					minutes: 15
				})
			)
		: [];
	return { programme, shoppers, history };
}

const key = (tag: string) => tag.split('-')[0];

/** Every rule the planner promises, checked with Intl rather than with the planner's own maths. */
function checkPlan(plan: Plan, programme: Programme, shoppers: Shopper[], history: PastCall[]) {
	const sites = new Map(programme.sites.map((s) => [s.siteId, s]));
	const people = new Map(shoppers.map((s) => [s.shopperId, s]));
	const requested = programme.sites.reduce((n, s) => n + (s.calls ?? 0), 0);

	// Nothing dropped, nothing invented.
	expect(plan.requested).toBe(requested);
	expect(plan.calls.length + plan.unfillable.length).toBe(requested);
	const ids = [...plan.calls, ...plan.unfillable].map((c) => c.id).sort();
	const expected = programme.sites.flatMap((s) =>
		Array.from({ length: s.calls ?? 0 }, (_, k) => `${s.siteId}/${k + 1}`)
	);
	expect(ids).toEqual(expected.sort());

	// The mix, by largest remainder over everything requested.
	const counts = largestRemainder(
		programme.scenarios.map((s) => s.share),
		requested
	);
	programme.scenarios.forEach((s, i) => expect(plan.scenarioCounts[s.scenarioId]).toBe(counts[i]));

	const perDay = new Map<string, number>();
	const pastPerDay = new Map<string, number>();
	const visits: {
		shopper: string;
		site: string;
		date: string;
		past: boolean;
		start: number;
		end: number;
	}[] = [];
	for (const h of history) {
		const s = people.get(h.shopperId)!;
		const start = Date.parse(h.start);
		const k = `${h.shopperId}|${intlLocal(s.timeZone, start).date}`;
		pastPerDay.set(k, (pastPerDay.get(k) ?? 0) + 1);
		const site = sites.get(h.siteId)!;
		const date = intlLocal(site.timeZone, start).date;
		visits.push({
			shopper: h.shopperId,
			site: h.siteId,
			date,
			past: true,
			start,
			end: start + h.minutes * 60_000
		});
	}

	for (const c of plan.calls) {
		const site = sites.get(c.siteId)!;
		const s = people.get(c.shopperId)!;
		const local = intlLocal(site.timeZone, c.startMs);
		// Inside the site's window, on an open date of the period.
		expect(insideHours(site.hours, site.timeZone, c.startMs, programme.callMinutes)).toBe(true);
		expect(site.excludedDates).not.toContain(local.date);
		expect(local.date >= programme.period.start && local.date <= programme.period.end).toBe(true);
		expect(c.siteLocal.date).toBe(local.date);
		// Inside the shopper's availability, in the shopper's zone.
		if (s.availability)
			expect(insideHours(s.availability, s.timeZone, c.startMs, programme.callMinutes)).toBe(true);
		// Language and conflicts.
		const line = site.lines.find((l) => l.lineId === c.lineId);
		const needed = (line?.languages.length ? line.languages : site.languages).map(key);
		if (needed.length) expect(s.languages.map(key).some((l) => needed.includes(l))).toBe(true);
		expect(s.conflicts).not.toContain(site.vendorId);
		const k = `${s.shopperId}|${intlLocal(s.timeZone, c.startMs).date}`;
		perDay.set(k, (perDay.get(k) ?? 0) + 1);
		visits.push({
			shopper: s.shopperId,
			site: c.siteId,
			date: local.date,
			past: false,
			start: c.startMs,
			end: c.startMs + programme.callMinutes * 60_000
		});
	}

	// Per-day limit in the shopper's own days, past calls included.
	for (const [k, n] of perDay)
		expect(n + (pastPerDay.get(k) ?? 0)).toBeLessThanOrEqual(programme.maxCallsPerShopperPerDay);

	// Lockout between any two visits of a shopper to a site (two past ones are not ours to judge),
	// and no shopper in two calls at once.
	for (let i = 0; i < visits.length; i++) {
		for (let j = i + 1; j < visits.length; j++) {
			const a = visits[i];
			const b = visits[j];
			if (a.shopper !== b.shopper || (a.past && b.past)) continue;
			expect(a.start < b.end && b.start < a.end, `${a.shopper} double-booked`).toBe(false);
			if (a.site === b.site && programme.lockoutDays > 0) {
				expect(Math.abs(daysBetween(a.date, b.date))).toBeGreaterThanOrEqual(programme.lockoutDays);
			}
		}
	}

	// Unfillable calls account for every shopper.
	for (const u of plan.unfillable) {
		const total = Object.values(u.excludedBy).reduce((a, b) => a + (b ?? 0), 0);
		expect(total).toBe(shoppers.length);
		if (shoppers.length) expect(u.rules.length).toBeGreaterThan(0);
	}
}

describe('planner properties', () => {
	it('honours windows, availability, language, conflicts, daily limits, lockout and overlap, and drops nothing', () => {
		fc.assert(
			fc.property(inputArb, (input) => {
				const { programme, shoppers, history } = build(input);
				const plan = planProgramme(programme, shoppers, { history });
				checkPlan(plan, programme, shoppers, history);
			}),
			{ numRuns: 150 }
		);
	});

	it('gives the same plan for the same seed', () => {
		fc.assert(
			fc.property(inputArb, (input) => {
				const { programme, shoppers, history } = build(input);
				const a = planProgramme(programme, shoppers, { history });
				const b = planProgramme(programme, [...shoppers], { history: [...history] });
				expect(b).toEqual(a);
			}),
			{ numRuns: 40 }
		);
	});

	it('keeps its rules with a tiny candidate window and no alternative times', () => {
		fc.assert(
			fc.property(inputArb, (input) => {
				const { programme, shoppers, history } = build(input);
				const plan = planProgramme(programme, shoppers, {
					history,
					candidateWindow: 1,
					alternativeTimes: 0
				});
				checkPlan(plan, programme, shoppers, history);
			}),
			{ numRuns: 60 }
		);
	});
});
