/**
 * Helpers for the scheduling e2e: the programme wizard walked as an officer would, generation, a
 * signed-in phone, and the seeded shoppers.
 */
import type { Browser, Page } from '@playwright/test';
import { DEMO_ACCOUNTS, expect, expectAccessible, signIn } from './fixtures';

export const HARBOUR_BANK = 'c0000000-0000-4000-8000-000000000001';
export const VENDOR_A = 'd0000000-0000-4000-8000-00000000000a';
export const SHANGHAI = '5e000000-0000-4000-8000-0000000000a1';
export const CHENGDU = '5e000000-0000-4000-8000-0000000000a2';

const next = (page: Page) => page.getByTestId('wizard-next').click();
const step = (page: Page, n: number) =>
	expect(page.getByTestId('wizard-step')).toContainText(new RegExp(`Step ${n} of 7`));

/** Walks the wizard; returns the programme page's URL. */
export async function createProgramme(
	page: Page,
	name: string,
	opts: { volume: string; maxPerDay?: string } = { volume: '3' }
): Promise<string> {
	await page.goto('/app/programmes/new');
	await expect(page.getByTestId('wizard')).toHaveAttribute('data-ready', 'true');
	await expectAccessible(page);

	// A step with errors does not advance and names the field.
	await next(page);
	await expect(page.locator('#name-error')).toBeVisible();
	await expect(page.locator('#name')).toHaveAttribute('aria-invalid', 'true');
	await page.locator('#name').fill(name);
	await page.locator('#clientId').selectOption(HARBOUR_BANK);
	await next(page);

	await step(page, 2);
	await page.getByTestId(`vendor-${VENDOR_A}`).check();
	await page.getByTestId(`site-${SHANGHAI}`).check();
	await page.getByTestId(`site-${CHENGDU}`).check();
	await next(page);

	await step(page, 3);
	await page.getByTestId('scenario-SQ-9').check();
	await page.getByTestId('share-SQ-9').fill('60');
	await expect(page.getByTestId('mix-total')).toContainText('60 %');
	await next(page);
	await step(page, 3);
	await expect(page.locator('.wizard .error').first()).toBeVisible();
	await page.getByTestId('share-SQ-9').fill('100');
	await next(page);

	// The period is today (the browser's, Asia/Shanghai); the sites take calls all day.
	await step(page, 4);
	const today = await page.locator('#start').inputValue();
	await expect(page.locator('#end')).toHaveValue(today);
	for (const site of [SHANGHAI, CHENGDU]) {
		await page.locator(`#hours-${site}-mon`).fill('00:00-24:00');
		await page.getByTestId(`hours-${site}`).getByRole('button').click();
		await expect(page.locator(`#hours-${site}-sun`)).toHaveValue('00:00-24:00');
	}
	await next(page);

	await step(page, 5);
	await page.getByTestId(`volume-${SHANGHAI}`).fill(opts.volume);
	await page.getByTestId(`volume-${CHENGDU}`).fill(opts.volume);
	await expect(page.getByTestId('sample-plan')).toContainText(
		new RegExp(`: ${2 * Number(opts.volume)}\\b`)
	);
	await next(page);

	await step(page, 6);
	await page.locator('#lockoutDays').fill('0');
	if (opts.maxPerDay) await page.locator('#maxPerDay').fill(opts.maxPerDay);
	await next(page);

	// Going back and forth loses nothing.
	await step(page, 7);
	await page.getByRole('button', { name: 'Back' }).click();
	await expect(page.locator('#lockoutDays')).toHaveValue('0');
	await next(page);
	await expect(page.getByTestId('review')).toContainText(name);
	await page.getByTestId('wizard-create').click();
	await page.waitForURL(/\/app\/programmes\/[0-9a-f-]{36}$/);
	return page.url();
}

/** The seeded shoppers who speak Chinese (the lines' language). */
export const ZH_SHOPPERS = [1, 2, 3, 5, 8, 9, 10].map(
	(n) => `b1000000-0000-4000-8000-${String(n).padStart(12, '0')}`
);

/** A 360 × 740 phone in Shanghai time, signed in as `email`. */
export async function phonePage(browser: Browser, email: string) {
	const context = await browser.newContext({
		viewport: { width: 360, height: 740 },
		isMobile: true,
		hasTouch: true,
		locale: 'en-GB',
		timezoneId: 'Asia/Shanghai'
	});
	const page = await context.newPage();
	await signIn(page, email);
	return { page, close: () => context.close() };
}

/** Generates the calls on the programme page and waits for the bar to reach 100 %. */
export async function generate(page: Page) {
	await expect(page.locator('.generate')).toHaveAttribute('data-ready', 'true');
	await page.getByTestId('generate').click();
	await expect(page.getByTestId('generate-percent')).toHaveText('100 %', { timeout: 60_000 });
}

/** The demo e-mail of a shopper id, from the seed's fixed ids (b1…0001 = shopper1). */
export function shopperEmailOf(id: string): string {
	const n = Number(id.slice(-12));
	const account = DEMO_ACCOUNTS.find((a) => a.email === `shopper${n}@demo.clearcall.test`);
	if (!account) throw new Error(`no demo shopper for ${id}`);
	return account.email;
}
