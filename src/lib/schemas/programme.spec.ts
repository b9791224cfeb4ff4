import { describe, expect, it } from 'vitest';
import {
	pastCallSchema,
	programmeSchema,
	shopperSchema,
	weeklyHoursSchema,
	type ProgrammeInput
} from './programme';

const valid = (): ProgrammeInput => ({
	name: 'Q2 retail banking',
	clientId: 'client-bank',
	vendorIds: ['vendor-a', 'vendor-b'],
	sites: [
		{
			siteId: 'site-shanghai',
			vendorId: 'vendor-a',
			timeZone: 'Asia/Shanghai',
			languages: ['zh-CN', 'en'],
			lines: [{ lineId: 'line-cards' }, { lineId: 'line-loans', languages: ['zh'] }],
			hours: { mon: ['09:00-12:00', '13:00-18:00'], sat: ['10:00-16:00'] },
			excludedDates: ['2026-05-01'],
			callVolume: 1000
		},
		{
			siteId: 'site-dublin',
			vendorId: 'vendor-b',
			timeZone: 'Europe/Dublin',
			hours: { tue: ['08:00-24:00'] },
			calls: 12
		}
	],
	scenarios: [
		{ scenarioId: 'service', share: 60 },
		{ scenarioId: 'privacy', share: 30 },
		{ scenarioId: 'pretext', share: 10 }
	],
	period: { start: '2026-04-01', end: '2026-06-30' },
	seed: 7
});

/** The messages of a failed parse, keyed by dotted path. */
function problems(input: unknown): Record<string, string> {
	const r = programmeSchema.safeParse(input);
	if (r.success) return {};
	return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('programme schema', () => {
	it('accepts a programme and fills the defaults the planner relies on', () => {
		const p = programmeSchema.parse(valid());
		expect(p.schemaVersion).toBe(1);
		expect(p.sampling).toEqual({ confidence: 0.95, margin: 0.1, passRate: 0.5 });
		expect(p).toMatchObject({ callMinutes: 15, lockoutDays: 7, maxCallsPerShopperPerDay: 5 });
		expect(p.sites[1]).toMatchObject({ languages: [], lines: [], excludedDates: [] });
		expect(p.sites[0].lines[0].languages).toEqual([]);
	});

	it('accepts decimal shares that add up to 100 and hour weights with zeros', () => {
		const input = valid();
		input.scenarios = [
			{ scenarioId: 'a', share: 33.3 },
			{ scenarioId: 'b', share: 33.3 },
			{ scenarioId: 'c', share: 33.4 }
		];
		input.hourWeights = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 18 ? 1 + (h % 3) : 0));
		expect(problems(input)).toEqual({});
	});

	it('requires the scenario mix to add up to 100 %', () => {
		const input = valid();
		input.scenarios[2].share = 20;
		expect(problems(input)).toEqual({
			scenarios: 'the scenario shares must add up to 100 % (they add up to 110 %)'
		});
	});

	it('rejects duplicate scenarios, sites and lines, and sites of vendors not in scope', () => {
		const input = valid();
		input.scenarios = [
			{ scenarioId: 'service', share: 50 },
			{ scenarioId: 'service', share: 50 }
		];
		input.sites.push({ ...input.sites[1], vendorId: 'vendor-z' });
		input.sites[0].lines!.push({ lineId: 'line-cards' });
		expect(problems(input)).toEqual({
			'scenarios.1.scenarioId': 'duplicate scenario "service"',
			'sites.2.siteId': 'duplicate site "site-dublin"',
			'sites.2.vendorId': 'vendor "vendor-z" is not in the programme\'s scope',
			'sites.0.lines.2.lineId': 'duplicate line "line-cards"'
		});
	});

	it('rejects an unknown time zone, a malformed language and a bad date', () => {
		const input = valid();
		input.sites[0].timeZone = 'Mars/Olympus_Mons';
		input.sites[0].languages = ['chinese!'];
		input.sites[0].excludedDates = ['2026-02-30'];
		const found = problems(input);
		expect(Object.keys(found).sort()).toEqual([
			'sites.0.excludedDates.0',
			'sites.0.languages.0',
			'sites.0.timeZone'
		]);
		expect(found['sites.0.timeZone']).toMatch(/IANA time zone/);
	});

	it('rejects a period that ends before it starts or lasts more than a year', () => {
		const backwards = valid();
		backwards.period = { start: '2026-06-01', end: '2026-05-31' };
		expect(problems(backwards)).toEqual({ 'period.end': 'the period ends before it starts' });
		const long = valid();
		long.period = { start: '2026-01-01', end: '2027-01-02' };
		expect(problems(long)).toEqual({ 'period.end': 'a period is at most 366 days' });
		const leap = valid();
		leap.period = { start: '2028-01-01', end: '2028-12-31' };
		expect(problems(leap)).toEqual({});
	});

	it('rejects hour weights of the wrong length or all zero, and out-of-range rules', () => {
		const input = valid();
		input.hourWeights = Array.from({ length: 23 }, () => 1);
		input.sites[0].hourWeights = Array.from({ length: 24 }, () => 0);
		input.callMinutes = 0;
		input.maxCallsPerShopperPerDay = 0;
		input.lockoutDays = -1;
		input.seed = 2 ** 32;
		expect(Object.keys(problems(input)).sort()).toEqual([
			'callMinutes',
			'hourWeights',
			'lockoutDays',
			'maxCallsPerShopperPerDay',
			'seed',
			'sites.0.hourWeights'
		]);
	});

	it('rejects unknown keys instead of silently dropping them', () => {
		expect(Object.keys(problems({ ...valid(), colour: 'blue' }))).toEqual(['']);
		const input = valid();
		(input.sites[0] as Record<string, unknown>).openingHours = {};
		expect(Object.keys(problems(input))).toEqual(['sites.0']);
	});
});

describe('weekly hours', () => {
	it('accepts the profile availability format, 24:00 as an end and empty days', () => {
		const ok = weeklyHoursSchema.safeParse({
			mon: ['09:00-12:00', '14:00-18:00'],
			fri: ['18:00-24:00'],
			sun: []
		});
		expect(ok.success).toBe(true);
	});

	it('rejects backwards, empty or malformed ranges and unknown day names', () => {
		for (const range of [
			'17:00-09:00',
			'09:00-09:00',
			'9:00-17:00',
			'09:00-24:30',
			'24:00-24:00'
		]) {
			expect(weeklyHoursSchema.safeParse({ mon: [range] }).success, range).toBe(false);
		}
		expect(weeklyHoursSchema.safeParse({ monday: ['09:00-17:00'] }).success).toBe(false);
	});
});

describe('shoppers and past calls', () => {
	it('needs at least one language; availability may be omitted (any time)', () => {
		const s = shopperSchema.parse({ shopperId: 's1', timeZone: 'Asia/Manila', languages: ['tl'] });
		expect(s).toEqual({
			shopperId: 's1',
			timeZone: 'Asia/Manila',
			languages: ['tl'],
			conflicts: []
		});
		expect(
			shopperSchema.safeParse({ shopperId: 's1', timeZone: 'Asia/Manila', languages: [] }).success
		).toBe(false);
	});

	it('reads past calls with an explicit offset and a default length', () => {
		const c = pastCallSchema.parse({
			shopperId: 's1',
			siteId: 'site-dublin',
			start: '2026-03-30T09:00:00+01:00'
		});
		expect(c.minutes).toBe(15);
		expect(pastCallSchema.safeParse({ ...c, start: 'yesterday' }).success).toBe(false);
	});
});
