/**
 * Shared e2e helpers: sign-in as a person would do it, axe checks, and the embedded stack's outbox
 * (read over HTTP with the service key, the way the dev page reads it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import '../setup/websocket';
import { parseDotenv } from '../../supabase/local/src/config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoRole } from '../../scripts/demo-accounts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, expect };

/**
 * Playwright's `test`, failing any test whose page threw an uncaught error: a page that renders on
 * the server but fails to hydrate still "works" through plain form posts, and only this notices.
 */
export const test = base.extend<{ pageErrors: void }>({
	pageErrors: [
		async ({ page }, use) => {
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
			await use();
			expect(errors, 'uncaught errors in the page').toEqual([]);
		},
		{ auto: true }
	]
});

/** The first demo account holding `role`. */
export function demo(role: DemoRole) {
	const account = DEMO_ACCOUNTS.find((a) => a.role === role);
	if (!account) throw new Error(`no demo account for ${role}`);
	return account;
}

/** Fills in the sign-in form and submits it (the page must already be on /signin). */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(password);
	await page.getByTestId('submit').click();
}

/** Opens /signin, signs in, and waits until the app has navigated away from sign-in. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/signin');
	await submitSignIn(page, email, password);
	await page.waitForURL((url) => url.pathname !== '/signin');
}

/** No WCAG 2.1 A/AA violations on the current page. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const summary = results.violations.map((v) => ({
		id: v.id,
		impact: v.impact,
		nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5)
	}));
	expect(summary).toEqual([]);
}

/** The embedded stack's service-role key (the e2e stack shares .env's JWT secret). */
export function serviceKey(): string {
	const env = parseDotenv(readFileSync(path.resolve('.env'), 'utf8'));
	return process.env.SUPABASE_SERVICE_ROLE_KEY ?? env.SUPABASE_SERVICE_ROLE_KEY;
}

export interface OutboxMessage {
	kind: string;
	recipient: string;
	link: string;
}

/** The newest outbox message of `kind` for `email`, waiting briefly for it to arrive. */
export async function latestMail(email: string, kind: string): Promise<OutboxMessage> {
	const key = serviceKey();
	const url = `${process.env.E2E_STACK_URL}/auth/v1/outbox?email=${encodeURIComponent(email)}`;
	for (let i = 0; i < 20; i++) {
		const res = await fetch(url, { headers: { apikey: key, authorization: `Bearer ${key}` } });
		expect(res.status).toBe(200);
		const found = ((await res.json()) as OutboxMessage[]).find((m) => m.kind === kind);
		if (found) return found;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`no ${kind} mail for ${email}`);
}

/**
 * A shopper account of the demo audit organisation made for one test, so a test that changes a
 * password never signs another test's shopper out from under it.
 */
export async function freshShopper(): Promise<string> {
	const admin = createClient(process.env.E2E_STACK_URL!, serviceKey(), {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const email = `e2e-${randomUUID().slice(0, 8)}@demo.clearcall.test`;
	const created = await admin.auth.admin.createUser({
		email,
		password: DEMO_PASSWORD,
		email_confirm: true
	});
	expect(created.error).toBeNull();
	const org = await admin.from('organisations').select('id').eq('kind', 'audit').limit(1).single();
	expect(org.error).toBeNull();
	const membership = await admin.from('memberships').insert({
		user_id: created.data.user!.id,
		organisation_id: org.data!.id,
		role: 'shopper'
	});
	expect(membership.error).toBeNull();
	return email;
}
