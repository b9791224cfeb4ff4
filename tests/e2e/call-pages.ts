/**
 * Helpers for the call e2e: a fresh shopper with calls on the seeded "relative's account" pretext
 * (made with the service role, as an officer's planning would), the phone taking "today" offline,
 * playing a call step by step, and reading back what the server stored.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { createClient } from '@supabase/supabase-js';
import { expect, freshShopper, serviceKey, signIn } from './fixtures';

export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const AUDIT_ORG = 'a0000000-0000-4000-8000-000000000001';
const SE_RELATIVE_V1 = 'e1000000-0000-4000-8000-000000000003';
const SHANGHAI = '5e000000-0000-4000-8000-0000000000a1';

export const admin = () =>
	createClient(process.env.E2E_STACK_URL!, serviceKey(), {
		auth: { persistSession: false, autoRefreshToken: false }
	});

/** A fresh shopper and their user id. */
export async function shopperAccount(): Promise<{ email: string; id: string }> {
	const email = await freshShopper();
	const { data } = await admin().from('profiles').select('id').eq('email', email).single();
	return { email, id: data!.id };
}

/** A call for `shopperId` on the pretext, its window open now. */
export async function assignCall(shopperId: string): Promise<string> {
	const now = Date.now();
	const { data, error } = await admin()
		.from('test_calls')
		.insert({
			organisation_id: AUDIT_ORG,
			scenario_version_id: SE_RELATIVE_V1,
			site_id: SHANGHAI,
			shopper_id: shopperId,
			window_start: new Date(now - 30 * 60_000).toISOString(),
			window_end: new Date(now + 60 * 60_000).toISOString()
		} as never)
		.select('id')
		.single<{ id: string }>();
	expect(error).toBeNull();
	return data!.id;
}

/**
 * Signs in and opens "today" until the service worker controls the page and every listed call
 * says "ready offline" (its bundle is in IndexedDB and its page in the worker's cache).
 */
export async function takeTodayOffline(page: Page, email: string, calls: string[]) {
	await signIn(page, email);
	await page.goto('/shopper');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	// The first visit ran before the worker took control; this one goes through it.
	await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	for (const id of calls)
		await expect(
			page.locator(`[data-call="${id}"]`).getByTestId('offline-ready'),
			`call ${id} ready offline`
		).toBeVisible();
}

/** What the test tapped, to compare with what the server stored. */
export type Tapped = Record<string, string | number>;

/** Answers `item` with its first option (or a number / text), recording it. */
export async function answer(page: Page, itemId: string, tapped: Tapped, pick = 0) {
	const box = page.getByTestId(`item-${itemId}`);
	const radios = box.locator('input[type=radio]');
	if (await radios.count()) {
		const radio = radios.nth(Math.min(pick, (await radios.count()) - 1));
		await radio.check();
		const v = (await radio.getAttribute('value'))!;
		tapped[itemId] = /^\d+$/.test(v) ? Number(v) : v;
		return;
	}
	const num = box.locator('input[type=number]');
	if (await num.count()) {
		await num.fill('7');
		await num.blur();
		tapped[itemId] = 7;
		return;
	}
	await box.locator('input[type=text]').fill('fine');
	await box.locator('input[type=text]').blur();
	tapped[itemId] = 'fine';
}

/** Visible checklist items the phone does not count as answered yet. */
export async function unanswered(page: Page): Promise<string[]> {
	return page
		.getByTestId('checklist')
		.locator('[data-testid^="item-"][data-answered="false"]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(5)));
}

/** Waits until the call screen shows `stage`. */
export const atStage = (page: Page, stage: string) =>
	expect(page.getByTestId('call')).toHaveAttribute('data-stage', stage);

/** The server's submissions of `callId` and how many times the audit log saw it submitted. */
export async function stored(callId: string) {
	const db = admin();
	const rows = await db.from('call_submissions').select('*').eq('call_id', callId);
	const audits = await db
		.from('audit_log')
		.select('id')
		.eq('entity', 'call_submissions')
		.eq('entity_id', callId)
		.eq('action', 'submit');
	expect(rows.error).toBeNull();
	return { rows: rows.data ?? [], submits: audits.data?.length ?? 0 };
}

/** Network off (page and service worker) or back on. */
export async function network(context: BrowserContext, on: boolean) {
	await context.setOffline(!on);
}
