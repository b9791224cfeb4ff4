/**
 * Notifications and the calendar feed through the running app: a call assigned to a shopper (made
 * with the service role, as the planner's output would be) rings the bell, can be read and marked
 * read; the shopper creates a feed address that calendar apps can parse, and revoking it stops it.
 */
import { createClient } from '@supabase/supabase-js';
import ICAL from 'ical.js';
import '../setup/websocket';
import { expect, expectAccessible, serviceKey, signIn, test } from './fixtures';

// Shopper 9 (Asia/Singapore, English) is no other suite's.
const SHOPPER = 'shopper9@demo.clearcall.test';
const SITE_A1 = '5e000000-0000-4000-8000-0000000000a1';
const LINE_BANK_A1 = '1e000000-0000-4000-8000-000000000101';
const AUDIT = 'a0000000-0000-4000-8000-000000000001';

let callId = '';

test.beforeAll(async () => {
	const admin = createClient(process.env.E2E_STACK_URL!, serviceKey(), {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const { data: version, error: vErr } = await admin
		.from('scenario_versions')
		.select('id, scenarios!inner(organisation_id)')
		.eq('status', 'published')
		.eq('scenarios.organisation_id', AUDIT)
		.limit(1)
		.single();
	expect(vErr).toBeNull();
	const { data: shopper } = await admin.from('profiles').select('id').eq('email', SHOPPER).single();
	const { data: call, error } = await admin
		.from('test_calls')
		.insert({
			organisation_id: AUDIT,
			scenario_version_id: version!.id,
			site_id: SITE_A1,
			line_id: LINE_BANK_A1,
			shopper_id: shopper!.id,
			// 09:30–11:30 in Shanghai, planned for 10:15 there.
			window_start: '2031-03-04T01:30:00Z',
			window_end: '2031-03-04T03:30:00Z',
			scheduled_at: '2031-03-04T02:15:00Z'
		})
		.select('id')
		.single();
	expect(error).toBeNull();
	callId = call!.id;
});

test('a new assignment rings the bell and can be marked read', async ({ page }) => {
	await signIn(page, SHOPPER);
	const bell = page.getByTestId('notification-bell');
	await expect(bell).toHaveAttribute('aria-label', /\d+ unread/);
	await bell.click();
	await expect(page).toHaveURL('/shopper/notifications');

	const item = page
		.getByTestId('notification')
		.filter({ hasText: 'New call at Apex Shanghai Centre' })
		.filter({ hasText: /10:15\s?AM site time \(Asia\/Shanghai\)/ });
	await expect(item).toHaveCount(1);
	await expect(item.getByText('Unread')).toBeVisible();
	await expectAccessible(page);

	await item.getByTestId('mark-read').click();
	await expect(item.getByText('Unread')).toHaveCount(0);
	await page.reload();
	await expect(item.getByTestId('mark-read')).toHaveCount(0);

	if (await page.getByTestId('mark-all-read').count()) {
		await page.getByTestId('mark-all-read').click();
		await expect(page.getByTestId('mark-read')).toHaveCount(0);
	}
	await expect(bell).toHaveAttribute('aria-label', 'Notifications');
});

test('a shopper creates a calendar feed that lists their call, and a revoked one is gone', async ({
	page
}) => {
	await signIn(page, SHOPPER);
	await page.goto('/shopper/profile');
	const section = page.getByTestId('calendar-feed');
	await section.getByTestId('feed-create').click();
	const url = await section.getByTestId('feed-url').inputValue();
	expect(url).toMatch(/\/ics\/[A-Za-z0-9_-]{43}$/);
	await expect(section.getByTestId('feed-active')).toBeVisible();
	await expectAccessible(page);

	const res = await page.request.get(url);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	expect(res.headers()['cache-control']).toContain('no-store');
	const text = await res.text();
	expect(text).toContain('\r\n');
	const cal = new ICAL.Component(ICAL.parse(text));
	expect(cal.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Singapore');
	const event = cal
		.getAllSubcomponents('vevent')
		.map((v) => new ICAL.Event(v))
		.find((e) => e.uid === `${callId}@clearcall`);
	expect(event, 'the assigned call is in the feed').toBeTruthy();
	expect(event!.startDate.toJSDate().toISOString()).toBe('2031-03-04T02:15:00.000Z');
	expect(event!.summary).toContain('Apex Shanghai Centre');
	expect(event!.description).toContain('(Asia/Singapore)');

	// The address is shown once: after a reload only its existence is.
	await page.reload();
	await expect(section.getByTestId('feed-url')).toHaveCount(0);
	await expect(section.getByTestId('feed-active')).toBeVisible();

	await section.getByTestId('feed-revoke').click();
	await expect(section.getByTestId('feed-none')).toBeVisible();
	const gone = await page.request.get(url);
	expect(gone.status()).toBe(404);
	const unknown = await page.request.get(url.replace(/[A-Za-z0-9_-]{43}$/, 'x'.repeat(43)));
	expect(unknown.status()).toBe(404);
	expect(await unknown.text()).toBe(await gone.text());

	// Guessing is rate-limited per address (30 a minute); this suite is the only one asking /ics.
	const statuses: number[] = [];
	for (let i = 0; i < 31; i++) statuses.push((await page.request.get(url)).status());
	expect(statuses).toContain(429);
	expect(statuses.filter((s) => s !== 404 && s !== 429)).toEqual([]);
});
