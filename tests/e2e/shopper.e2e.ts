import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS, expect, signIn, test } from './fixtures';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

/** Every visible link, button and field is at least 44 × 44 CSS pixels (a checkbox counts its label). */
async function smallTargets(page: Page) {
	return page.evaluate(() => {
		const small: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>('a, button, input, select, textarea')) {
			if (el.closest('.sr-only') || (el as HTMLInputElement).type === 'hidden') continue;
			if (el.classList.contains('skip-link')) continue;
			const target = el.matches('input[type=checkbox], input[type=radio]')
				? (el.closest('label') ?? el)
				: el;
			const r = target.getBoundingClientRect();
			if (r.width === 0 && r.height === 0) continue;
			if (r.width < 44 || r.height < 44)
				small.push(`${target.outerHTML.slice(0, 80)} ${r.width}x${r.height}`);
		}
		return small;
	});
}

async function horizontalOverflow(page: Page) {
	return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

const shopper = DEMO_ACCOUNTS.find((a) => a.email.startsWith('shopper3@'))!;

test('a shopper on a 360 px phone gets one column, thumb-sized targets and a bottom menu', async ({
	page
}) => {
	await signIn(page, shopper.email);
	await expect(page).toHaveURL('/shopper');
	for (const path of ['/shopper', '/shopper/profile']) {
		await page.goto(path);
		expect(await horizontalOverflow(page), `horizontal scroll on ${path}`).toBeLessThanOrEqual(0);
		expect(await smallTargets(page), `small targets on ${path}`).toEqual([]);
	}

	const nav = page.getByRole('navigation');
	const box = (await nav.boundingBox())!;
	expect(box.y + box.height).toBeCloseTo(740, 0);
	await nav.getByRole('link').first().click();
	await expect(page).toHaveURL('/shopper');
	await expect(nav.getByRole('link').first()).toHaveAttribute('aria-current', 'page');
});

test('a shopper with nothing assigned sees a clear empty state', async ({ page }) => {
	await signIn(page, shopper.email);
	await expect(page.getByTestId('empty-state')).toBeVisible();
});

test('a shopper updates their own profile, and a bad time zone is named', async ({ page }) => {
	const other = DEMO_ACCOUNTS.find((a) => a.email.startsWith('shopper4@'))!;
	await signIn(page, other.email);
	await page.goto('/shopper/profile');
	await page.locator('#home_time_zone').fill('Mars/Olympus');
	await page.getByTestId('submit').click();
	await expect(page.locator('#home_time_zone-error')).toBeVisible();

	await page.locator('#display_name').fill('Shopper Four');
	await page.locator('#home_time_zone').fill('Asia/Hong_Kong');
	await page.getByTestId('submit').click();
	await expect(page.getByTestId('form-success')).toBeVisible();
	await page.reload();
	await expect(page.locator('#display_name')).toHaveValue('Shopper Four');
	await expect(page.locator('#home_time_zone')).toHaveValue('Asia/Hong_Kong');
});
