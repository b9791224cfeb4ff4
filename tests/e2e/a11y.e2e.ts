import { demo, expect, expectAccessible, signIn, test } from './fixtures';

test('sign-in has no accessibility violations, in English and in Chinese', async ({ page }) => {
	await page.goto('/signin');
	await expectAccessible(page);
	await page.getByTestId('locale-switch').click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expectAccessible(page);
});

test('forgotten-password page has no accessibility violations', async ({ page }) => {
	await page.goto('/forgot');
	await expectAccessible(page);
});

const PAGES = [
	{ role: 'admin', paths: ['/app', '/app/admin/users'] },
	{ role: 'compliance_officer', paths: ['/app'] },
	{ role: 'shopper', paths: ['/shopper', '/shopper/profile'] },
	{ role: 'vendor_manager', paths: ['/portal'] },
	{ role: 'client_viewer', paths: ['/portal'] }
] as const;

for (const { role, paths } of PAGES) {
	test(`the ${role} home has no accessibility violations`, async ({ page }) => {
		await signIn(page, demo(role).email);
		for (const path of paths) {
			await page.goto(path);
			await expectAccessible(page);
		}
	});
}

test('the not-found page has no accessibility violations', async ({ page }) => {
	const res = await page.goto('/no-such-page');
	expect(res?.status()).toBe(404);
	await expectAccessible(page);
});
