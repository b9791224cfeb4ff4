import { describe, expect, it } from 'vitest';
import { notificationText, type AppNotification } from './text';

const base: AppNotification = {
	id: 'n1',
	kind: 'assignment',
	call_id: 'c1',
	payload: {
		site_name: 'Shanghai Contact Centre',
		site_time_zone: 'Asia/Shanghai',
		time_zone: 'Europe/London',
		scheduled_at: '2030-01-07T01:30:00+00:00',
		window_start: '2030-01-07T01:00:00+00:00'
	},
	created_at: '2030-01-01T00:00:00+00:00',
	read_at: null
};

describe('notificationText', () => {
	it('names the site and the planned start in the site’s own zone', () => {
		const text = notificationText(base, 'en');
		expect(text).toContain('Shanghai Contact Centre');
		expect(text).toContain('9:30');
		expect(text).toContain('Asia/Shanghai');
	});

	it('has its own wording for each kind, in Chinese too', () => {
		const kinds = ['assignment', 'change', 'cancelled', 'reminder', 'missed'] as const;
		const en = kinds.map((kind) => notificationText({ ...base, kind }, 'en'));
		const zh = kinds.map((kind) => notificationText({ ...base, kind }, 'zh-CN'));
		expect(new Set(en).size).toBe(5);
		expect(new Set(zh).size).toBe(5);
		expect(zh[2]).toContain('已取消');
		expect(zh[0]).toContain('09:30');
	});

	it('falls back to the window opening and a generic site when the payload is thin', () => {
		const text = notificationText(
			{
				...base,
				kind: 'reminder',
				payload: { window_start: '2030-01-07T01:00:00Z', time_zone: 'UTC' }
			},
			'en'
		);
		expect(text).toContain('a site');
		expect(text).toContain('1:00');
	});

	it('leaves the time out rather than guessing when no zone is known', () => {
		const text = notificationText(
			{ ...base, payload: { site_name: 'X', scheduled_at: base.payload.scheduled_at } },
			'en'
		);
		expect(text).toBe('New call at X: .');
	});
});
