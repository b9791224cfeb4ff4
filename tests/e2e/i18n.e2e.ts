import { DEMO_ACCOUNTS, expect, signIn, submitSignIn, test } from './fixtures';

test('the language switch changes the page and survives a reload', async ({ page }) => {
	await page.goto('/signin');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');

	await page.getByTestId('locale-switch').click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('登录');
	await expect(page.getByLabel('电子邮箱')).toBeVisible();

	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('登录');
});

test('a signed-in user’s language is saved on their profile and follows them', async ({
	page,
	browser
}) => {
	// shopper2's seeded profile is in Chinese.
	const email = DEMO_ACCOUNTS.find((a) => a.email.startsWith('shopper2@'))!.email;
	await signIn(page, email);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

	await page.getByTestId('locale-switch').click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page).toHaveURL('/shopper');
	await expect(page.getByRole('navigation').getByRole('link').first()).toHaveText('Today');

	// A different browser, whose own cookie says Chinese, gets English after signing in.
	const other = await browser.newPage();
	await other.goto('/signin');
	await other.getByTestId('locale-switch').click();
	await expect(other.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await submitSignIn(other, email);
	await expect(other).toHaveURL('/shopper');
	await expect(other.locator('html')).toHaveAttribute('lang', 'en');
	await other.close();
});

test('local times follow each site’s time zone and the reader’s language', async ({ page }) => {
	// The officer's profile is in English; a minute may tick over between render and check.
	const expected = (zone: string, locale: string) =>
		[0, 60_000].map((ago) =>
			new Intl.DateTimeFormat(locale, {
				weekday: 'short',
				hour: '2-digit',
				minute: '2-digit',
				timeZone: zone
			}).format(Date.now() - ago)
		);
	await signIn(page, DEMO_ACCOUNTS.find((a) => a.role === 'compliance_officer')!.email);
	const table = page.getByTestId('sites-table');
	for (const [city, zone] of [
		['Sydney', 'Australia/Sydney'],
		['Dublin', 'Europe/Dublin']
	]) {
		const cell = table
			.getByRole('row', { name: new RegExp(city) })
			.getByRole('cell')
			.nth(2);
		await expect(cell).toContainText(zone);
		const text = (await cell.innerText()).split('\n')[0].trim();
		expect(expected(zone, 'en')).toContain(text);
	}

	await page.getByTestId('locale-switch').click();
	const sydney = table.getByRole('row', { name: /悉尼/ }).getByRole('cell').nth(2);
	const text = (await sydney.innerText()).split('\n')[0].trim();
	expect(expected('Australia/Sydney', 'zh-CN')).toContain(text);
	// Put the officer back in English for the tests that read English text.
	await page.getByTestId('locale-switch').click();
});
