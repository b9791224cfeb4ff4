import { describe, expect, it } from 'vitest';
import { callEvent, type FeedCall } from './feed';

const call: FeedCall = {
	id: '11111111-1111-4111-8111-111111111111',
	status: 'scheduled',
	scheduled_at: '2030-01-07 02:15:00+00',
	window_start: '2030-01-07 01:30:00+00',
	window_end: '2030-01-07 03:30:00+00',
	created_at: '2029-12-01 00:00:00+00',
	updated_at: '2029-12-01 00:00:10+00',
	cancel_reason: null,
	site: { name: 'Apex Shanghai Centre', name_zh: '顶点上海中心', time_zone: 'Asia/Shanghai' },
	line: { label: 'Bank hotline', phone_number: '+86 21 5550 0101' }
};

describe('callEvent', () => {
	it('writes a Chinese reader’s event with the Chinese site name and both zones', () => {
		const ev = callEvent(call, 'zh-CN', 'Europe/London', 'https://cc.example');
		expect(ev.uid).toBe(`${call.id}@clearcall`);
		expect(ev.summary).toBe('测试电话：顶点上海中心 · Bank hotline');
		expect(ev.description).toContain('站点时间窗口');
		expect(ev.description).toContain('Asia/Shanghai');
		expect(ev.description).toContain('Europe/London');
		expect(ev.description).toContain('+86 21 5550 0101');
		expect(ev.start.toISOString()).toBe('2030-01-07T02:15:00.000Z');
		expect(ev.end.getTime() - ev.start.getTime()).toBe(30 * 60_000);
		expect(ev.sequence).toBe(10);
		expect(ev.status).toBe('CONFIRMED');
	});

	it('shows the window in the site’s local time for an English reader', () => {
		const ev = callEvent(call, 'en', 'Asia/Singapore', 'https://cc.example');
		expect(ev.description).toMatch(/9:30\s?AM–11:30\s?AM \(Asia\/Shanghai\)/);
		expect(ev.summary).toBe('Test call: Apex Shanghai Centre · Bank hotline');
	});

	it('blocks the whole window when no start is planned, and cancels with the reason', () => {
		const ev = callEvent(
			{ ...call, scheduled_at: null, status: 'cancelled', cancel_reason: 'Line closed' },
			'en',
			'UTC',
			'https://cc.example'
		);
		expect(ev.start.toISOString()).toBe('2030-01-07T01:30:00.000Z');
		expect(ev.end.toISOString()).toBe('2030-01-07T03:30:00.000Z');
		expect(ev.status).toBe('CANCELLED');
		expect(ev.description).toContain('Cancelled: Line closed');
	});
});
