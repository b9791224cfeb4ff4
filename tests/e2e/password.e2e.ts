import {
	DEMO_ACCOUNTS,
	DEMO_PASSWORD,
	expect,
	freshShopper,
	latestMail,
	signIn,
	submitSignIn,
	test
} from './fixtures';

test('a forgotten password is reset through the e-mailed link', async ({ page }) => {
	// Its own account: a demo shopper whose password changed would fail other tests signing in.
	const email = await freshShopper();
	await page.goto('/forgot');
	await page.locator('#email').fill(email);
	await page.getByTestId('submit').click();
	await expect(page.getByTestId('forgot-sent')).toContainText(email);

	const mail = await latestMail(email, 'recovery');
	await page.goto(mail.link);
	await expect(page).toHaveURL('/reset');
	await page.locator('#password').fill('a new long password');
	await page.locator('#confirm').fill('a different one');
	await page.getByTestId('submit').click();
	await expect(page.locator('#confirm-error')).toBeVisible();

	await page.locator('#password').fill('a new long password');
	await page.locator('#confirm').fill('a new long password');
	await page.getByTestId('submit').click();
	await expect(page).toHaveURL('/shopper');

	await page.getByRole('navigation').getByRole('link').last().click();
	await page.getByTestId('sign-out').click();
	await expect(page).toHaveURL('/signin');
	await submitSignIn(page, email, DEMO_PASSWORD);
	await expect(page.getByRole('alert')).toBeVisible();
	await submitSignIn(page, email, 'a new long password');
	await expect(page).toHaveURL('/shopper');
});

test('a reset page opened without a valid link says so', async ({ page }) => {
	await page.goto('/reset?code=not-a-real-code');
	await expect(page.getByTestId('reset-invalid')).toBeVisible();
});

test('an admin invites someone, who sets a password from the invitation and lands on their home', async ({
	page,
	browser
}) => {
	const email = `e2e-${Date.now()}@invited.clearcall.test`;
	await signIn(page, DEMO_ACCOUNTS.find((a) => a.role === 'admin')!.email);
	await page.goto('/app/admin/users');
	await page.locator('#email').fill(email);
	await page.locator('#display_name').fill('Invited Shopper');
	await page.locator('#organisation_id').selectOption({ index: 1 });
	await page.locator('#role').selectOption('shopper');
	await page.getByTestId('submit').click();
	await expect(page.getByTestId('form-success')).toContainText(email);
	await expect(page.getByTestId('members-table')).toContainText(email);

	// Granting the same role twice is refused, on the role field.
	await page.locator('#email').fill(email);
	await page.locator('#display_name').fill('Invited Shopper');
	await page.locator('#organisation_id').selectOption({ index: 1 });
	await page.locator('#role').selectOption('shopper');
	await page.getByTestId('submit').click();
	await expect(page.locator('#role-error')).toBeVisible();

	const mail = await latestMail(email, 'invite');
	const invited = await browser.newPage();
	await invited.goto(mail.link);
	await expect(invited).toHaveURL('/reset');
	await invited.locator('#password').fill('invited password');
	await invited.locator('#confirm').fill('invited password');
	await invited.getByTestId('submit').click();
	await expect(invited).toHaveURL('/shopper');
	await invited.close();
});

test('an invitation names the wrong field', async ({ page }) => {
	await signIn(page, DEMO_ACCOUNTS.find((a) => a.role === 'admin')!.email);
	await page.goto('/app/admin/users');
	await page.locator('#email').fill('not-an-email');
	await page.getByTestId('submit').click();
	await expect(page.locator('#email-error')).toBeVisible();
	await expect(page.locator('#display_name-error')).toBeVisible();
	await expect(page.locator('#organisation_id-error')).toBeVisible();
	await expect(page.locator('#role-error')).toBeVisible();
	await expect(page.locator('#email')).toHaveValue('not-an-email');
});
