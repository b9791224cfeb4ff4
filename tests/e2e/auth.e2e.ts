import { demo, expect, signIn, submitSignIn, test } from './fixtures';

const HOMES = [
	{ role: 'admin', home: '/app' },
	{ role: 'compliance_officer', home: '/app' },
	{ role: 'shopper', home: '/shopper' },
	{ role: 'vendor_manager', home: '/portal' },
	{ role: 'client_viewer', home: '/portal' }
] as const;

for (const { role, home } of HOMES) {
	test(`a ${role} signs in and lands on ${home}`, async ({ page }) => {
		await signIn(page, demo(role).email);
		await expect(page).toHaveURL(home);
		await expect(page.getByTestId('home-heading')).toBeVisible();
	});
}

test('the menu shows user administration to admins only', async ({ page, browser }) => {
	await signIn(page, demo('admin').email);
	await expect(page.locator('nav a[href$="app/admin/users"]')).toBeVisible();

	const officer = await browser.newPage();
	await signIn(officer, demo('compliance_officer').email);
	await expect(officer.locator('nav a[href$="app"]')).toBeVisible();
	await expect(officer.locator('nav a[href$="app/admin/users"]')).toHaveCount(0);
	// Typing the address does not help either.
	await officer.goto('/app/admin/users');
	await expect(officer).toHaveURL('/app');
	await officer.close();
});

test('a wrong password shows a clear message and keeps the e-mail', async ({ page }) => {
	await page.goto('/signin');
	await submitSignIn(page, demo('client_viewer').email, 'not-the-password');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('e-mail and password do not match');
	await expect(page).toHaveURL(/\/signin/);
	await expect(page.locator('#email')).toHaveValue(demo('client_viewer').email);
});

test('an empty form names the fields that are missing', async ({ page }) => {
	await page.goto('/signin');
	await page.getByTestId('submit').click();
	await expect(page.locator('#email-error')).toHaveText('Enter your e-mail address.');
	await expect(page.locator('#password-error')).toHaveText('Enter your password.');
	await expect(page.locator('#email')).toHaveAttribute('aria-invalid', 'true');
});

test('a protected page without a session goes to sign-in and back after it', async ({ page }) => {
	await page.goto('/app/admin/users');
	await expect(page).toHaveURL('/signin?redirectTo=%2Fapp%2Fadmin%2Fusers');
	await submitSignIn(page, demo('admin').email);
	await expect(page).toHaveURL('/app/admin/users');
	await expect(page.getByTestId('members-table')).toBeVisible();
});

for (const target of ['https://evil.example', '//evil.example/app', '/\\evil.example']) {
	test(`a redirectTo of ${target} is ignored after sign-in`, async ({ page }) => {
		await page.goto(`/signin?redirectTo=${encodeURIComponent(target)}`);
		await submitSignIn(page, demo('compliance_officer').email);
		await expect(page).toHaveURL('/app');
	});
}

test('a signed-in user sent to another audience lands on their own home', async ({ page }) => {
	await signIn(page, demo('shopper').email);
	for (const other of ['/app', '/app/admin/users', '/portal']) {
		await page.goto(other);
		await expect(page).toHaveURL('/shopper');
	}
	// Sign-in itself is pointless with a session.
	await page.goto('/signin');
	await expect(page).toHaveURL('/shopper');
});

test('signing out ends the session', async ({ page }) => {
	await signIn(page, demo('vendor_manager').email);
	await page.getByTestId('sign-out').click();
	await expect(page).toHaveURL('/signin');
	await page.goto('/portal');
	await expect(page).toHaveURL('/signin?redirectTo=%2Fportal');
});

test('a form posted from another origin is refused', async ({ request }) => {
	const res = await request.post('/signin', {
		headers: { origin: 'https://evil.example' },
		form: { email: demo('admin').email, password: 'clearcall-demo' }
	});
	expect(res.status()).toBe(403);
});

test('the development outbox does not exist in a production build', async ({ page }) => {
	const res = await page.goto('/dev/outbox');
	expect(res?.status()).toBe(404);
});
