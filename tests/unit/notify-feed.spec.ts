/**
 * The calendar feed and notifications against the real stack: a shopper issues and revokes their
 * own feed through their own client, the feed (looked up as service_role, as /ics/[token] does)
 * parses with ical.js and follows reschedules and cancellations, and the database triggers'
 * notifications can be read and marked read only by their owner.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFeed } from '../../src/lib/server/ics/feed';
import { activeFeed, issueFeed, revokeFeeds } from '../../src/lib/server/ics/feeds';
import { newFeedToken } from '../../src/lib/server/ics/token';
import {
	listNotifications,
	markAllRead,
	markRead,
	unreadCount
} from '../../src/lib/server/notifications';
import { notificationText } from '../../src/lib/components/notifications/text';
import { startScenarioWorld } from '../rls/scenarios-fixtures';
import type { World } from '../rls/fixtures';

const ORIGIN = 'https://clearcall.example';
let w: World;
let shopperId: string;

function events(ics: string) {
	const cal = new ICAL.Component(ICAL.parse(ics));
	return {
		cal,
		events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
	};
}

beforeAll(async () => {
	w = await startScenarioWorld();
	shopperId = w.ids['u:shopper1'];
	const { error } = await w.as.shopper
		.from('profiles')
		.update({ home_time_zone: 'Europe/London', locale: 'en' })
		.eq('id', shopperId);
	if (error) throw new Error(error.message);
});

afterAll(async () => {
	await w?.close();
});

describe('the calendar feed', () => {
	it('lists the shopper’s assigned call in their time zone and nobody else’s', async () => {
		const token = await issueFeed(w.as.shopper, shopperId);
		const ics = await loadFeed(w.stack.admin(), token, ORIGIN);
		expect(ics).not.toBeNull();
		const { cal, events: evs } = events(ics!);
		expect(cal.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/London');
		expect(evs.map((e) => e.uid)).toEqual([`${w.ids.callOwn}@clearcall`]);
		const [ev] = evs;
		expect(ev.startDate.toJSDate().toISOString()).toBe('2030-01-07T09:00:00.000Z');
		expect(ev.summary).toBe('Test call: Apex Shanghai Centre · ' + ev.summary.split(' · ')[1]);
		// The window in the site's zone (17:00 in Shanghai), the start in the shopper's (09:00 London).
		expect(ev.description).toContain('Asia/Shanghai');
		expect(ev.description).toMatch(/5:00\s?PM/);
		expect(ev.description).toContain('Europe/London');
		expect(ev.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
	});

	it('shows one live feed, and creating again revokes the previous address at once', async () => {
		const first = await issueFeed(w.as.shopper, shopperId);
		const second = await issueFeed(w.as.shopper, shopperId);
		expect(await loadFeed(w.stack.admin(), first, ORIGIN)).toBeNull();
		expect(await loadFeed(w.stack.admin(), second, ORIGIN)).not.toBeNull();
		const feed = await activeFeed(w.as.shopper, shopperId);
		expect(feed?.id).toBeTruthy();
	});

	it('returns nothing for a revoked, an unknown or a malformed token', async () => {
		const token = await issueFeed(w.as.shopper, shopperId);
		await revokeFeeds(w.as.shopper, shopperId);
		expect(await activeFeed(w.as.shopper, shopperId)).toBeNull();
		expect(await loadFeed(w.stack.admin(), token, ORIGIN)).toBeNull();
		expect(await loadFeed(w.stack.admin(), newFeedToken(), ORIGIN)).toBeNull();
		expect(await loadFeed(w.stack.admin(), "' or 1=1 --", ORIGIN)).toBeNull();
	});

	it('keeps token hashes out of other users’ reach and lets no officer create a feed', async () => {
		await issueFeed(w.as.shopper, shopperId);
		const { data } = await w.as.officer.from('calendar_feeds').select('id');
		expect(data ?? []).toEqual([]);
		await expect(issueFeed(w.as.officer, w.ids['u:officer'])).rejects.toThrow();
	});

	it('bumps SEQUENCE on a reschedule and marks a cancelled call CANCELLED', async () => {
		const token = await issueFeed(w.as.shopper, shopperId);
		const before = events((await loadFeed(w.stack.admin(), token, ORIGIN))!).events[0];
		// SEQUENCE counts whole seconds since creation.
		await new Promise((r) => setTimeout(r, 1100));
		const { error: moveError } = await w.as.officer.rpc('reschedule_call', {
			p_call_id: w.ids.callOwn,
			p_window_start: '2030-01-08T09:00:00Z',
			p_window_end: '2030-01-08T11:00:00Z',
			p_scheduled_at: '2030-01-08T10:00:00Z'
		});
		expect(moveError).toBeNull();
		const moved = events((await loadFeed(w.stack.admin(), token, ORIGIN))!).events[0];
		expect(moved.uid).toBe(before.uid);
		expect(moved.sequence).toBeGreaterThan(before.sequence);
		expect(moved.startDate.toJSDate().toISOString()).toBe('2030-01-08T10:00:00.000Z');

		await new Promise((r) => setTimeout(r, 1100));
		const { error: cancelError } = await w.as.officer.rpc('cancel_call', {
			p_call_id: w.ids.callOwn,
			p_reason: 'Line closed for maintenance'
		});
		expect(cancelError).toBeNull();
		const cancelled = events((await loadFeed(w.stack.admin(), token, ORIGIN))!).events[0];
		expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(cancelled.sequence).toBeGreaterThan(moved.sequence);
		expect(cancelled.description).toContain('Line closed for maintenance');
	});
});

describe('notifications', () => {
	it('tell the shopper about the assignment, the change and the cancellation', async () => {
		const list = await listNotifications(w.as.shopper);
		const mine = list.filter((n) => n.call_id === w.ids.callOwn).map((n) => n.kind);
		expect(mine).toEqual(expect.arrayContaining(['assignment', 'change', 'cancelled']));
		const assignment = list.find((n) => n.kind === 'assignment')!;
		expect(notificationText(assignment, 'en')).toMatch(
			/^New call at Apex Shanghai Centre: .*5:00\s?PM/
		);
	});

	it('queue e-mail in email_outbox that only the service role can read', async () => {
		const { data: queued } = await w.stack
			.admin()
			.from('email_outbox')
			.select('recipient, kind, subject')
			.eq('recipient', 'shopper1@demo.clearcall.test');
		expect((queued ?? []).map((r) => r.kind)).toEqual(
			expect.arrayContaining(['assignment', 'change', 'cancelled'])
		);
		const { data: leaked } = await w.as.shopper.from('email_outbox').select('id');
		expect(leaked ?? []).toEqual([]);
	});

	it('can be marked read one at a time and all at once, by their owner only', async () => {
		const [first] = await listNotifications(w.as.shopper);
		const unread = await unreadCount(w.as.shopper);
		expect(unread).toBeGreaterThan(1);

		// Someone else's attempt changes nothing.
		await markRead(w.as.officer, first.id);
		expect(await unreadCount(w.as.shopper)).toBe(unread);

		await markRead(w.as.shopper, first.id);
		expect(await unreadCount(w.as.shopper)).toBe(unread - 1);
		const again = (await listNotifications(w.as.shopper)).find((n) => n.id === first.id);
		expect(again?.read_at).toBeTruthy();

		await markAllRead(w.as.shopper);
		expect(await unreadCount(w.as.shopper)).toBe(0);
	});

	it('are invisible to other users', async () => {
		const ownIds = (await listNotifications(w.as.shopper)).map((n) => n.id);
		const officerSees = (await listNotifications(w.as.officer)).map((n) => n.id);
		expect(officerSees.filter((id) => ownIds.includes(id))).toEqual([]);
		await expect(listNotifications(w.as.anon)).rejects.toThrow(/permission denied/);
	});
});
