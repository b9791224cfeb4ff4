import { describe, expect, it } from 'vitest';
import { formatInZone, isTimeZone, parseTimestamp } from './datetime';

const instant = '2026-03-02T01:30:00Z'; // a Monday

describe('dates and times in a site time zone', () => {
	it("shows the same instant as each site's local time", () => {
		expect(formatInZone(instant, 'Asia/Shanghai', 'en', 'time')).toBe('9:30 AM');
		expect(formatInZone(instant, 'Europe/Dublin', 'en', 'time')).toBe('1:30 AM');
		expect(formatInZone(instant, 'Australia/Sydney', 'en', 'time')).toBe('12:30 PM');
	});
	it('moves the date when the zone is already on another day', () => {
		expect(formatInZone('2026-03-01T20:00:00Z', 'Asia/Shanghai', 'en', 'date')).toBe('Mar 2, 2026');
		expect(formatInZone('2026-03-01T20:00:00Z', 'Europe/Dublin', 'en', 'date')).toBe('Mar 1, 2026');
	});
	it("formats for the reader's locale", () => {
		expect(formatInZone(instant, 'Asia/Shanghai', 'zh-CN', 'date')).toBe('2026年3月2日');
		expect(formatInZone(instant, 'Asia/Shanghai', 'zh-CN', 'weekdayTime')).toMatch(/^周一/);
		expect(formatInZone(instant, 'Asia/Shanghai', 'en', 'weekdayTime')).toBe('Mon 09:30 AM');
	});
	it('reads Postgres text timestamps with a space and an hour-only offset', () => {
		expect(parseTimestamp('2026-03-02 09:30:00+08').toISOString()).toBe('2026-03-02T01:30:00.000Z');
		expect(parseTimestamp('2026-03-02 09:30:00.123456+08').toISOString()).toBe(
			'2026-03-02T01:30:00.123Z'
		);
		expect(parseTimestamp('2026-03-02T01:30:00+00:00').toISOString()).toBe(
			'2026-03-02T01:30:00.000Z'
		);
	});
	it('refuses text that is not a timestamp', () => {
		expect(() => parseTimestamp('yesterday')).toThrow(RangeError);
	});
	it("refuses an unknown time zone instead of falling back to the server's", () => {
		expect(isTimeZone('Asia/Shanghai')).toBe(true);
		expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
		expect(() => formatInZone(instant, 'Mars/Olympus_Mons', 'en')).toThrow(RangeError);
	});
});
