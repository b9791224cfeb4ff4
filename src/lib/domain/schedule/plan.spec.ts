import { describe, expect, it } from 'vitest';
import { planProgramme } from '.';
import { programme, shopper, site } from './test-fixtures';

describe('planning a programme', () => {
	it('plans every requested call with a time, scenario, shopper and the reasons for each', () => {
		const plan = planProgramme(programme({ lockoutDays: 2 }), [
			shopper('s1'),
			shopper('s2'),
			shopper('s3')
		]);
		expect(plan.requested).toBe(10);
		expect(plan.calls).toHaveLength(10);
		expect(plan.unfillable).toEqual([]);
		const call = plan.calls[0];
		expect(call).toMatchObject({ siteId: 'site-sh', vendorId: 'vendor-a', scenarioId: 'service' });
		expect(call.why.time).toMatchObject({ rule: 'window', timeZone: 'Asia/Shanghai' });
		expect(call.why.scenario).toMatchObject({ rule: 'mix', share: 100, planned: 10 });
		expect(call.why.shopper).toMatchObject({ rule: 'rotation', callsBefore: 0 });
		expect(call.why.shopper.candidates).toBeGreaterThan(0);
		expect(call.why.shopper.sentence.key).toMatch(/^schedule_why_/);
		expect(typeof call.why.shopper.chosenBecause).toBe('string');
		expect(Date.parse(call.end) - Date.parse(call.start)).toBe(15 * 60_000);
		expect(plan.calls.map((c) => c.startMs)).toEqual(
			plan.calls.map((c) => c.startMs).sort((a, b) => a - b)
		);
	});

	it('gives the same plan for the same seed and a different one for another seed', () => {
		const shoppers = [shopper('s1'), shopper('s2'), shopper('s3')];
		const a = planProgramme(programme({ seed: 5 }), shoppers);
		expect(planProgramme(programme({ seed: 5 }), shoppers)).toEqual(a);
		const b = planProgramme(programme({ seed: 6 }), shoppers);
		expect(b.calls.map((c) => c.start)).not.toEqual(a.calls.map((c) => c.start));
	});

	it('sizes each site by its sample when no fixed number is given', () => {
		const p = programme({
			sites: [
				site('big', { calls: undefined, callVolume: 1000 }),
				site('small', { calls: undefined, callVolume: 40 })
			],
			sampling: { confidence: 0.95, margin: 0.05 },
			period: { start: '2026-03-02', end: '2026-04-30' },
			lockoutDays: 0,
			maxCallsPerShopperPerDay: 100
		});
		const plan = planProgramme(p, [shopper('s1'), shopper('s2')]);
		expect(plan.sites.map((s) => [s.siteId, s.requested, s.sample?.census])).toEqual([
			['big', 278, false],
			['small', 37, false]
		]);
		expect(plan.calls.length + plan.unfillable.length).toBe(315);
	});

	it('matches the scenario mix exactly across the programme', () => {
		const p = programme({
			sites: [site('a', { calls: 7 }), site('b', { calls: 7 }), site('c', { calls: 6 })],
			scenarios: [
				{ scenarioId: 'service', share: 60 },
				{ scenarioId: 'privacy', share: 30 },
				{ scenarioId: 'pretext', share: 10 }
			],
			lockoutDays: 0
		});
		const plan = planProgramme(p, [shopper('s1'), shopper('s2'), shopper('s3')]);
		expect(plan.scenarioCounts).toEqual({ service: 12, privacy: 6, pretext: 2 });
		const counted: Record<string, number> = {};
		for (const c of [...plan.calls, ...plan.unfillable])
			counted[c.scenarioId] = (counted[c.scenarioId] ?? 0) + 1;
		expect(counted).toEqual(plan.scenarioCounts);
	});

	it('shares calls evenly between lines and follows a line’s own languages', () => {
		const p = programme({
			sites: [site('a', { lines: [{ lineId: 'cards' }, { lineId: 'hk', languages: ['yue'] }] })],
			lockoutDays: 0
		});
		const plan = planProgramme(p, [
			shopper('mandarin', { languages: ['zh'] }),
			shopper('cantonese', { languages: ['yue'] })
		]);
		const byLine = (id: string) => plan.calls.filter((c) => c.lineId === id);
		expect(byLine('cards')).toHaveLength(5);
		expect(byLine('hk')).toHaveLength(5);
		expect(byLine('cards').every((c) => c.shopperId === 'mandarin')).toBe(true);
		expect(byLine('hk').every((c) => c.shopperId === 'cantonese')).toBe(true);
	});

	it('matches languages on their first subtag only', () => {
		const p = programme({ sites: [site('a', { languages: ['zh-CN'] })], lockoutDays: 0 });
		const plan = planProgramme(p, [
			shopper('zh', { languages: ['zh'] }),
			shopper('yue', { languages: ['yue'] })
		]);
		expect(new Set(plan.calls.map((c) => c.shopperId))).toEqual(new Set(['zh']));
	});

	it('plans a window on the day Dublin changes to summer time at 09:00–17:00 local', () => {
		const p = programme({
			sites: [
				site('dublin', {
					timeZone: 'Europe/Dublin',
					languages: ['en'],
					hours: { sun: ['09:00-17:00'] },
					calls: 8
				})
			],
			period: { start: '2026-03-29', end: '2026-03-29' },
			lockoutDays: 0,
			maxCallsPerShopperPerDay: 10
		});
		const plan = planProgramme(p, [
			shopper('s1', { timeZone: 'Europe/Dublin', languages: ['en'] })
		]);
		expect(plan.calls).toHaveLength(8);
		for (const c of plan.calls) {
			expect(c.startMs).toBeGreaterThanOrEqual(Date.parse('2026-03-29T08:00:00Z'));
			expect(c.startMs + 15 * 60_000).toBeLessThanOrEqual(Date.parse('2026-03-29T16:00:00Z'));
			expect(c.siteLocal.date).toBe('2026-03-29');
			expect(c.siteLocal.time >= '09:00' && c.siteLocal.time <= '16:45').toBe(true);
		}
	});
});
