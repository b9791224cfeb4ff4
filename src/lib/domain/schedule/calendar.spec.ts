import { describe, expect, it } from 'vitest';
import { SiteCalendar, type CalendarInput } from './calendar';
import { weeklyIntervals, type WeeklyHours } from './hours';
import { seededRng } from './prng';
import { insideHours, intlLocal, WEEKDAYS_9_TO_5 } from './test-fixtures';
import { dayOf } from './tz';

const FLAT = Array.from({ length: 24 }, () => 1);
const EVERY_DAY_9_TO_5: WeeklyHours = {
	...WEEKDAYS_9_TO_5,
	sat: ['09:00-17:00'],
	sun: ['09:00-17:00']
};

function calendar(input: Partial<CalendarInput> & { hours?: WeeklyHours } = {}): SiteCalendar {
	const { hours = WEEKDAYS_9_TO_5, ...rest } = input;
	return new SiteCalendar({
		zone: 'Asia/Shanghai',
		week: weeklyIntervals(hours),
		excluded: new Set(),
		firstDay: dayOf('2026-03-02'),
		lastDay: dayOf('2026-03-15'),
		callMinutes: 15,
		hourWeights: FLAT,
		...rest
	});
}

/** Dublin open 00:00–04:00 on one Sunday, across the night's clock change. */
function dublinNight(date: string): [number, SiteCalendar] {
	const day = dayOf(date);
	const hours = { sun: ['00:00-04:00'] };
	return [day, calendar({ zone: 'Europe/Dublin', hours, firstDay: day, lastDay: day })];
}

describe('site calendar', () => {
	it.each(['Asia/Shanghai', 'Europe/Dublin', 'Australia/Sydney', 'America/New_York'])(
		'places every call inside 09:00–17:00 on a weekday in %s, ending by closing time',
		(zone) => {
			const cal = calendar({ zone, callMinutes: 30, excluded: new Set([dayOf('2026-03-04')]) });
			const slots = cal.place(200, seededRng('t', zone));
			expect(slots).toHaveLength(200);
			for (const s of slots) {
				const l = intlLocal(zone, s.startMs);
				expect(
					insideHours(WEEKDAYS_9_TO_5, zone, s.startMs, 30),
					`${zone} ${l.date} ${l.minute}`
				).toBe(true);
				expect(l.date).not.toBe('2026-03-04');
				expect(s.startMs % 60_000).toBe(0);
			}
			// Ten open weekdays minus the excluded Wednesday.
			expect(new Set(slots.map((s) => intlLocal(zone, s.startMs).date)).size).toBe(9);
		}
	);

	it('keeps a window on the day Dublin springs forward at 09:00–17:00 local (08:00–16:00 UTC)', () => {
		const day = dayOf('2026-03-29');
		const cal = calendar({
			zone: 'Europe/Dublin',
			hours: EVERY_DAY_9_TO_5,
			firstDay: day - 1,
			lastDay: day
		});
		const [first, ...rest] = cal.segments(day);
		const last = rest[rest.length - 1];
		expect(new Date(first.startMs).toISOString()).toBe('2026-03-29T08:00:00.000Z');
		// The last start leaves 15 minutes before 17:00 IST (16:00 UTC).
		expect(new Date(last.endMs - 60_000).toISOString()).toBe('2026-03-29T15:45:00.000Z');
		expect(new Date(cal.segments(day - 1)[0].startMs).toISOString()).toBe(
			'2026-03-28T09:00:00.000Z'
		);
		for (const s of cal.place(100, seededRng('dst'))) {
			expect(insideHours(EVERY_DAY_9_TO_5, 'Europe/Dublin', s.startMs, 15)).toBe(true);
		}
	});

	it('counts real minutes in a window that spans the skipped hour, and none inside it', () => {
		const [day, cal] = dublinNight('2026-03-29');
		// 00:00 GMT to 04:00 IST is three real hours; starts run to 14 minutes before the close.
		expect(cal.total).toBe(180 - 14);
		expect(cal.segments(day).map((s) => s.hour)).toEqual([0, 2, 3]);
		for (const s of cal.place(50, seededRng('gap'))) {
			expect(s.startMs).toBeGreaterThanOrEqual(Date.parse('2026-03-29T00:00:00Z'));
			expect(s.startMs + 15 * 60_000).toBeLessThanOrEqual(Date.parse('2026-03-29T03:00:00Z'));
		}
	});

	it('counts the repeated hour twice on the day Dublin falls back', () => {
		const [, cal] = dublinNight('2026-10-25');
		// 00:00 IST (23:00 UTC the day before) to 04:00 GMT is five real hours.
		expect(cal.total).toBe(300 - 14);
	});

	it('gives busy hours proportionally more calls and zero-weight hours none', () => {
		const weights = FLAT.map((_, h) => (h === 9 ? 1 : h === 10 ? 3 : 0));
		const cal = calendar({ hours: EVERY_DAY_9_TO_5, hourWeights: weights, callMinutes: 1 });
		const slots = cal.place(400, seededRng('peaks'));
		const byHour = new Map<number, number>();
		for (const s of slots) {
			const h = Math.floor(intlLocal('Asia/Shanghai', s.startMs).minute / 60);
			byHour.set(h, (byHour.get(h) ?? 0) + 1);
		}
		expect([...byHour.keys()].sort((a, b) => a - b)).toEqual([9, 10]);
		// Stratified sampling keeps the split within a call or two of 100 : 300.
		expect(Math.abs(byHour.get(9)! - 100)).toBeLessThanOrEqual(2);
		expect(slots.every((s) => s.hourWeight === (s.hour === 9 ? 1 : 3))).toBe(true);
	});

	it('spreads calls over the days instead of bunching them', () => {
		const cal = calendar({ hours: EVERY_DAY_9_TO_5 });
		for (const n of [7, 14, 30]) {
			const perDay = new Map<string, number>();
			for (const s of cal.place(n, seededRng('spread', n))) {
				const d = intlLocal('Asia/Shanghai', s.startMs).date;
				perDay.set(d, (perDay.get(d) ?? 0) + 1);
			}
			expect(Math.max(...perDay.values())).toBeLessThanOrEqual(Math.ceil(n / 14) + 1);
		}
	});

	it('has no time when every open day is excluded, a window is shorter than a call, or no day opens', () => {
		const march = Array.from({ length: 14 }, (_, i) => dayOf('2026-03-02') + i);
		expect(calendar({ excluded: new Set(march) }).place(5, seededRng('x'))).toEqual([]);
		expect(calendar({ hours: { mon: ['09:00-09:10'] } }).total).toBe(0);
		expect(calendar({ hours: {} }).total).toBe(0);
		expect(calendar().place(0, seededRng('x'))).toEqual([]);
	});

	it('offers other times nearest first: the same day, then the days around it', () => {
		const cal = calendar({ hours: EVERY_DAY_9_TO_5 });
		const slot = cal.place(14, seededRng('alt'))[7];
		const alternatives = cal.alternatives(slot, 10);
		expect(alternatives).toHaveLength(10);
		expect(alternatives.slice(0, 7).every((a) => a.day === slot.day && a.hour !== slot.hour)).toBe(
			true
		);
		expect(Math.abs(alternatives[0].hour - slot.hour)).toBe(1);
		expect(alternatives.slice(7).every((a) => Math.abs(a.day - slot.day) === 1)).toBe(true);
		for (const a of alternatives) {
			expect(insideHours(EVERY_DAY_9_TO_5, 'Asia/Shanghai', a.startMs, 15)).toBe(true);
		}
	});
});
