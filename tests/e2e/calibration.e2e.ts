/**
 * Calibration end to end: an officer sets up a session on a submitted call, two evaluators score
 * it blind (neither sees the shopper's answers nor the other's), the officer reveals, and the
 * results show Fleiss' kappa; the history lists the session.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { AUDIT_ORG, as, submittedCall } from './review-fixtures';

test.setTimeout(300_000);

/** Answers the blind form: `answers` by item id. */
async function scoreBlind(page: Page, answers: Record<string, string>) {
	const form = page.getByTestId('blind-form');
	await expect(form).toBeVisible();
	await expect(page.getByText(/Original answer/i)).toHaveCount(0);
	for (const [id, value] of Object.entries(answers))
		await form.locator(`#q-${id}`).selectOption(value);
	await form.getByTestId('save-answers').click();
	await expect(page.getByTestId('answers-saved')).toBeVisible();
}

test('two evaluators score blind, the officer reveals, the results show kappa', async ({
	page,
	browser
}) => {
	const call = await submittedCall(page, 'calibration', {
		greeted: 'yes',
		asked_verification: 'yes',
		comment: 'fine'
	});
	const { admin, shopper } = call;

	const { data: staff } = await admin
		.from('memberships')
		.select('user_id, role')
		.eq('organisation_id', AUDIT_ORG)
		.in('role', ['admin', 'compliance_officer']);
	const id = (role: string) => staff!.find((s) => s.role === role)!.user_id as string;
	const listed = await admin.auth.admin.listUsers({ perPage: 1000 });
	const benchmark = listed.data.users.find((u) => u.email === shopper)!.id;

	const officer = await as(browser, 'officer@demo.clearcall.test');
	await officer.goto(`/app/calibration?call=${call.callId}`);
	await expectAccessible(officer);
	await officer.locator('#cal-title').fill('E2E calibration');
	await officer.locator(`input[name=evaluators][value="${id('compliance_officer')}"]`).check();
	await officer.locator(`input[name=evaluators][value="${id('admin')}"]`).check();
	await officer.locator('#cal-benchmark').selectOption(benchmark);
	await officer.getByTestId('create-session').click();
	await officer.waitForURL(/\/app\/calibration\/[0-9a-f-]{36}$/);
	const sessionUrl = new URL(officer.url()).pathname;
	await expectAccessible(officer);

	// Revealing with one score is refused.
	await scoreBlind(officer, { greeted: 'yes', asked_verification: 'yes' });
	await officer.getByTestId('reveal').click();
	await expect(officer.getByRole('alert')).toContainText(/two evaluators/i);

	const second = await as(browser, 'admin@demo.clearcall.test');
	await second.goto(sessionUrl);
	await scoreBlind(second, { greeted: 'no', asked_verification: 'yes' });

	await officer.reload();
	await officer.getByTestId('reveal').click();
	await expect(officer.getByTestId('session-status')).toContainText(/revealed/i);
	// Two raters, two items (agree on one, split on the other): κ = (0.5 − 0.625) / 0.375.
	await expect(officer.getByTestId('kappa')).toHaveText('-0.333');
	await expect(officer.getByTestId('item-agreement').locator('tbody tr')).toHaveCount(2);
	await expectAccessible(officer);

	await officer.goto('/app/calibration');
	await expect(officer.getByTestId('kappa-history')).toBeVisible();
	await officer.getByTestId('kappa-history').locator('summary').click();
	await expect(officer.getByTestId('kappa-history').locator('tbody')).toContainText('-0.333');
});
