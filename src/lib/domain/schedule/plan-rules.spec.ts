import { describe, expect, it } from 'vitest';
import { planProgramme } from '.';
import { pastCallSchema } from '../../schemas/programme';
import {
	daysBetween,
	insideHours,
	intlLocal,
	programme,
	shopper,
	WEEKDAYS_9_TO_5,
	site
} from './test-fixtures';

describe('assigning shoppers by the rules', () => {
	it('rotates the work evenly between equally available shoppers', () => {
		const p = programme({ sites: [site('a', { calls: 20 })], lockoutDays: 0 });
		const plan = planProgramme(
			p,
			['s1', 's2', 's3', 's4'].map((id) => shopper(id))
		);
		const load = new Map<string, number>();
		for (const c of plan.calls) load.set(c.shopperId, (load.get(c.shopperId) ?? 0) + 1);
		expect([...load.values()]).toEqual([5, 5, 5, 5]);
	});

	it('never gives a shopper a vendor they have a conflict with', () => {
		const p = programme({
			sites: [site('a'), site('b', { vendorId: 'vendor-b' })],
			lockoutDays: 0
		});
		const plan = planProgramme(p, [
			shopper('s1', { conflicts: ['vendor-a'] }),
			shopper('s2', { conflicts: ['vendor-b'] })
		]);
		expect(plan.calls).toHaveLength(20);
		for (const c of plan.calls) expect(c.shopperId).toBe(c.vendorId === 'vendor-a' ? 's2' : 's1');
	});

	it('books shoppers only inside their own availability, read in their own time zone', () => {
		// 17:00–24:00 in Sydney (UTC+11 in March) is 14:00–21:00 in Shanghai.
		const evenings = {
			mon: ['17:00-24:00'],
			tue: ['17:00-24:00'],
			wed: ['17:00-24:00'],
			thu: ['17:00-24:00'],
			fri: ['17:00-24:00']
		};
		const p = programme({
			sites: [site('a', { calls: 30 })],
			lockoutDays: 0,
			maxCallsPerShopperPerDay: 10
		});
		const plan = planProgramme(p, [
			shopper('sydney', { timeZone: 'Australia/Sydney', availability: evenings }),
			shopper('mornings', {
				availability: {
					mon: ['09:00-12:00'],
					tue: ['09:00-12:00'],
					wed: ['09:00-12:00'],
					thu: ['09:00-12:00'],
					fri: ['09:00-12:00']
				}
			})
		]);
		expect(plan.calls.length).toBeGreaterThan(0);
		for (const c of plan.calls) {
			const mine = c.shopperId === 'sydney' ? evenings : undefined;
			if (mine) expect(insideHours(mine, 'Australia/Sydney', c.startMs, 15)).toBe(true);
			else expect(intlLocal('Asia/Shanghai', c.startMs).minute).toBeLessThanOrEqual(12 * 60 - 15);
			expect(c.shopperLocal).toEqual({
				date: intlLocal(c.shopperTimeZone, c.startMs).date,
				time: c.shopperLocal.time
			});
		}
		const sydneyCall = plan.calls.find((c) => c.shopperId === 'sydney')!;
		expect(Number(sydneyCall.shopperLocal.time.slice(0, 2))).toBeGreaterThanOrEqual(17);
	});

	it('keeps a shopper away from a site for the lockout days and reports the calls it blocks', () => {
		const p = programme({
			sites: [
				site('a', {
					calls: 4,
					hours: { ...WEEKDAYS_9_TO_5, sat: ['09:00-17:00'], sun: ['09:00-17:00'] }
				})
			],
			period: { start: '2026-03-02', end: '2026-03-15' },
			lockoutDays: 7
		});
		const plan = planProgramme(p, [shopper('only')]);
		expect(plan.calls).toHaveLength(2);
		expect(
			daysBetween(plan.calls[0].siteLocal.date, plan.calls[1].siteLocal.date)
		).toBeGreaterThanOrEqual(7);
		expect(plan.unfillable).toHaveLength(2);
		for (const u of plan.unfillable) {
			expect(u.rules).toEqual(['lockout']);
			expect(u.excludedBy).toEqual({ lockout: 1 });
			expect(u.sentence).toEqual({ key: 'schedule_unfillable_lockout', params: { count: 1 } });
			expect(u.timesTried).toBeGreaterThan(1);
		}
	});

	it('counts past calls for lockout and rotation', () => {
		const p = programme({ sites: [site('a', { calls: 1 })], lockoutDays: 30 });
		const history = [
			pastCallSchema.parse({ shopperId: 'recent', siteId: 'a', start: '2026-02-20T02:00:00Z' })
		];
		const plan = planProgramme(p, [shopper('recent'), shopper('fresh')], { history });
		expect(plan.calls[0].shopperId).toBe('fresh');
		const p2 = programme({ sites: [site('b', { calls: 1 })], lockoutDays: 0 });
		const busy = ['2026-02-20', '2026-02-21'].map((d) =>
			pastCallSchema.parse({ shopperId: 'busy', siteId: 'elsewhere', start: `${d}T02:00:00Z` })
		);
		const rotated = planProgramme(p2, [shopper('busy'), shopper('idle')], { history: busy });
		expect(rotated.calls[0].shopperId).toBe('idle');
		expect(rotated.calls[0].why.shopper.chosenBecause).toBe('fewest calls so far (0)');
	});

	it('never exceeds the calls a shopper may make in one of their days', () => {
		const p = programme({
			sites: [site('a', { calls: 10 }), site('b', { calls: 10 })],
			period: { start: '2026-03-02', end: '2026-03-03' },
			lockoutDays: 0,
			maxCallsPerShopperPerDay: 3
		});
		const plan = planProgramme(p, [shopper('s1'), shopper('s2')]);
		expect(plan.calls).toHaveLength(12);
		expect(plan.unfillable).toHaveLength(8);
		expect(plan.unfillable.every((u) => u.rules[0] === 'daily_limit')).toBe(true);
	});

	it('reports calls nobody speaks the language for, with every shopper accounted for', () => {
		const p = programme({ sites: [site('a', { languages: ['ms'], calls: 3 })] });
		const plan = planProgramme(p, [shopper('s1'), shopper('s2', { languages: ['en'] })]);
		expect(plan.calls).toEqual([]);
		expect(plan.unfillable).toHaveLength(3);
		expect(plan.unfillable[0]).toMatchObject({
			siteId: 'a',
			rules: ['language'],
			excludedBy: { language: 2 },
			sentence: { key: 'schedule_unfillable_language', params: { count: 2 } }
		});
		expect(plan.unfillable[0].plannedStart).not.toBeNull();
	});

	it('reports the calls of a site with no calling time in the period instead of dropping them', () => {
		const p = programme({
			sites: [
				site('closed', { hours: { sat: ['09:00-17:00'] }, calls: 2 }),
				site('open', { calls: 2 })
			],
			period: { start: '2026-03-02', end: '2026-03-06' },
			lockoutDays: 0
		});
		const plan = planProgramme(p, [shopper('s1')]);
		expect(plan.calls.map((c) => c.siteId)).toEqual(['open', 'open']);
		expect(plan.unfillable).toMatchObject([
			{ id: 'closed/1', plannedStart: null, rules: ['no_window'], excludedBy: { no_window: 1 } },
			{ id: 'closed/2', plannedStart: null, rules: ['no_window'] }
		]);
		expect(plan.sites.find((s) => s.siteId === 'closed')).toMatchObject({
			requested: 2,
			planned: 0,
			unfillable: 2
		});
	});

	it('moves a call to another hour when nobody is free at the planned one, and says so', () => {
		const p = programme({ sites: [site('a', { calls: 10 })], lockoutDays: 0 });
		const afternoons = Object.fromEntries(
			['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, ['13:00-17:00']])
		);
		const plan = planProgramme(p, [shopper('pm', { availability: afternoons })]);
		expect(plan.calls).toHaveLength(10);
		const moved = plan.calls.filter((c) => c.why.time.movedFrom);
		expect(moved.length).toBeGreaterThan(0);
		for (const c of moved) {
			expect(c.why.time.sentence.key).toBe('schedule_why_time_moved');
			expect(c.why.time.movedFrom!.timesTried).toBeGreaterThan(1);
		}
		for (const c of plan.calls)
			expect(intlLocal('Asia/Shanghai', c.startMs).minute).toBeGreaterThanOrEqual(13 * 60);
	});
});
