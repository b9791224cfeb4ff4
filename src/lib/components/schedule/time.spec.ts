import { describe, expect, it } from 'vitest';
import { addDays, callWindow, localDate, moveCall } from './time';

const HOURS = { mon: ['09:00-12:00', '14:00-18:00'] };

describe('call windows', () => {
	it('is the opening range that contains the planned start, in the site zone', () => {
		// Monday 2026-03-02 15:10 in Shanghai = 07:10 UTC.
		const w = callWindow(HOURS, 'Asia/Shanghai', Date.parse('2026-03-02T07:10:00Z'), 15);
		expect(new Date(w.start).toISOString()).toBe('2026-03-02T06:00:00.000Z');
		expect(new Date(w.end).toISOString()).toBe('2026-03-02T10:00:00.000Z');
	});

	it('falls back to the call itself when the start lies outside every range', () => {
		const start = Date.parse('2026-03-02T05:00:00Z');
		const w = callWindow(HOURS, 'Asia/Shanghai', start, 15);
		expect(w.end - w.start).toBe(15 * 60_000);
	});
});

describe('moving a call to another day', () => {
	it('keeps the site-local clock time across a daylight-saving change', () => {
		// Dublin moves to summer time on 2026-03-29; 10:00 local stays 10:00 local.
		const moved = moveCall(
			{
				window_start: '2026-03-27T09:00:00Z',
				window_end: '2026-03-27T17:00:00Z',
				scheduled_at: '2026-03-27 10:00:00+00'
			},
			'Europe/Dublin',
			'Europe/Dublin',
			'2026-03-30'
		);
		expect(moved.scheduledAt).toBe('2026-03-30T09:00:00.000Z');
		expect(moved.windowStart).toBe('2026-03-30T08:00:00.000Z');
	});

	it('counts days as the viewer sees them', () => {
		// 23:30 UTC is already the next day in Shanghai.
		expect(localDate('Asia/Shanghai', '2026-03-01T23:30:00Z')).toBe('2026-03-02');
		const moved = moveCall(
			{
				window_start: '2026-03-01T23:00:00Z',
				window_end: '2026-03-02T01:00:00Z',
				scheduled_at: '2026-03-01T23:30:00Z'
			},
			'Asia/Shanghai',
			'Asia/Shanghai',
			addDays('2026-03-02', 1)
		);
		expect(moved.scheduledAt).toBe('2026-03-02T23:30:00.000Z');
	});
});
