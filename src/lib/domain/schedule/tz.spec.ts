import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intlLocal } from './test-fixtures';
import {
	dayOf,
	exactOffset,
	hhmm,
	isoDay,
	offsetAt,
	offsetsBetween,
	toLocal,
	toUtc,
	weekdayOf
} from './tz';

const ZONES = ['Asia/Shanghai', 'Europe/Dublin', 'Australia/Sydney', 'America/New_York'];
const utc = (iso: string) => Date.parse(iso);
const local = (zone: string, date: string, time: string) => {
	const [h, m] = time.split(':').map(Number);
	return new Date(toUtc(zone, dayOf(date), h * 60 + m)).toISOString();
};

describe('civil days', () => {
	it('round-trips dates and knows their weekdays', () => {
		expect(dayOf('1970-01-01')).toBe(0);
		expect(isoDay(dayOf('2026-03-29'))).toBe('2026-03-29');
		expect(isoDay(dayOf('2028-02-29'))).toBe('2028-02-29');
		expect(weekdayOf(dayOf('2026-03-29'))).toBe(0); // a Sunday
		expect(weekdayOf(dayOf('1969-12-31'))).toBe(3); // a Wednesday, before day 0
		expect(hhmm(0)).toBe('00:00');
		expect(hhmm(1439)).toBe('23:59');
	});

	it('agrees with Date for every day of four centuries', () => {
		for (let d = dayOf('1900-01-01'); d < dayOf('2300-01-01'); d += 13) {
			expect(isoDay(d)).toBe(new Date(d * 86_400_000).toISOString().slice(0, 10));
		}
	});
});

describe('local time to UTC', () => {
	it('converts 09:00 local in four zones on ordinary days', () => {
		expect(local('Asia/Shanghai', '2026-07-01', '09:00')).toBe('2026-07-01T01:00:00.000Z');
		expect(local('Europe/Dublin', '2026-01-15', '09:00')).toBe('2026-01-15T09:00:00.000Z');
		expect(local('Europe/Dublin', '2026-07-01', '09:00')).toBe('2026-07-01T08:00:00.000Z');
		expect(local('Australia/Sydney', '2026-01-15', '09:00')).toBe('2026-01-14T22:00:00.000Z');
		expect(local('Australia/Sydney', '2026-07-01', '09:00')).toBe('2026-06-30T23:00:00.000Z');
		expect(local('America/New_York', '2026-01-15', '09:00')).toBe('2026-01-15T14:00:00.000Z');
		expect(local('America/New_York', '2026-07-01', '09:00')).toBe('2026-07-01T13:00:00.000Z');
	});

	it('keeps 09:00–17:00 local on the day Dublin springs forward and the day it falls back', () => {
		// 2026-03-29 01:00 GMT → 02:00 IST; 2026-10-25 02:00 IST → 01:00 GMT.
		expect(local('Europe/Dublin', '2026-03-28', '09:00')).toBe('2026-03-28T09:00:00.000Z');
		expect(local('Europe/Dublin', '2026-03-29', '09:00')).toBe('2026-03-29T08:00:00.000Z');
		expect(local('Europe/Dublin', '2026-03-29', '17:00')).toBe('2026-03-29T16:00:00.000Z');
		expect(local('Europe/Dublin', '2026-10-25', '09:00')).toBe('2026-10-25T09:00:00.000Z');
		expect(local('Europe/Dublin', '2026-10-25', '17:00')).toBe('2026-10-25T17:00:00.000Z');
	});

	it('reads a skipped time with the offset before the jump and a repeated time as its first occurrence', () => {
		expect(local('Europe/Dublin', '2026-03-29', '01:30')).toBe('2026-03-29T01:30:00.000Z');
		expect(local('Europe/Dublin', '2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z');
		expect(local('America/New_York', '2026-03-08', '02:30')).toBe('2026-03-08T07:30:00.000Z');
		expect(local('America/New_York', '2026-11-01', '01:30')).toBe('2026-11-01T05:30:00.000Z');
		// Sydney: DST ends 2026-04-05 03:00 → 02:00, starts 2026-10-04 02:00 → 03:00.
		expect(local('Australia/Sydney', '2026-04-05', '02:30')).toBe('2026-04-04T15:30:00.000Z');
		expect(local('Australia/Sydney', '2026-10-04', '02:30')).toBe('2026-10-03T16:30:00.000Z');
	});
});

describe('offsets', () => {
	it('locates a change to the minute', () => {
		expect(offsetAt('Europe/Dublin', utc('2026-03-29T00:59:00Z'))).toBe(0);
		expect(offsetAt('Europe/Dublin', utc('2026-03-29T01:00:00Z'))).toBe(60);
		expect(offsetAt('America/New_York', utc('2026-11-01T05:59:00Z'))).toBe(-240);
		expect(offsetAt('America/New_York', utc('2026-11-01T06:00:00Z'))).toBe(-300);
		expect(offsetsBetween('Asia/Shanghai', utc('2026-01-01'), utc('2026-12-31'))).toEqual([480]);
		expect(offsetsBetween('Australia/Sydney', utc('2026-03-30'), utc('2026-04-10')).sort()).toEqual(
			[600, 660]
		);
	});

	it('match the runtime at any instant, through the cache', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...ZONES, 'Asia/Kathmandu', 'Australia/Lord_Howe'),
				fc.integer({ min: utc('2020-01-01'), max: utc('2035-12-31') }),
				(zone, t) => {
					expect(offsetAt(zone, t)).toBe(exactOffset(zone, t));
				}
			)
		);
	});

	it('give the same wall clock as Intl, and local → UTC → local is the identity', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...ZONES),
				fc.integer({ min: utc('2020-01-01') / 60_000, max: utc('2035-12-31') / 60_000 }),
				(zone, minutes) => {
					const t = minutes * 60_000;
					const l = toLocal(zone, t);
					const intl = intlLocal(zone, t);
					expect(isoDay(l.day)).toBe(intl.date);
					expect(l.minute).toBe(intl.minute);
					const back = toUtc(zone, l.day, l.minute);
					// A repeated wall-clock time maps to its first occurrence, never later.
					expect(back).toBeLessThanOrEqual(t);
					expect(toLocal(zone, back)).toEqual(l);
				}
			)
		);
	});
});
