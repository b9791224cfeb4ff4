/**
 * The review flow end to end in Chromium: a shopper submits through the phone's endpoint, the
 * officer reviews (the recording seeks to a marker) and approves in the UI, the finding appears in
 * vendor A's portal, the vendor disputes it, the officer accepts, and the call's and the site's
 * scores rise; the audit log holds every step.
 */
import { expect, expectAccessible, signIn, test } from './fixtures';
import { as, submittedCall } from './review-fixtures';

test.setTimeout(300_000);

test('approve, dispute, accept: the call and the site re-scored, every step audited', async ({
	page,
	browser
}) => {
	const call = await submittedCall(page, 'flow', {
		greeted: 'no',
		asked_verification: 'yes',
		comment: 'ok'
	});
	const { admin, scenarioId } = call;

	// The officer finds it in the queue (filtered by scenario) and opens it.
	const officer = await as(browser, 'officer@demo.clearcall.test');
	await officer.goto(`/app/review?scenario=${scenarioId}`);
	await expect(officer.getByTestId('status-submitted')).toContainText('1');
	await officer.getByTestId('queue-row').getByRole('link').click();
	await expect(officer).toHaveURL(`/app/review/${call.callId}`);
	await expect(officer.getByTestId('score-original')).toContainText('50%');
	await expectAccessible(officer);

	// A marker seeks the recording to its time.
	await officer.getByTestId('timeline').getByRole('button').nth(2).click();
	await expect(officer.getByTestId('seeked')).toContainText('0:01');
	expect(await officer.getByTestId('audio').evaluate((a: HTMLAudioElement) => a.src)).toContain(
		`/api/evidence/`
	);

	await officer.getByTestId('approve').click();
	await expect(officer.getByTestId('approved')).toBeVisible();
	await expect(officer.getByTestId('call-status')).toHaveAttribute('data-status', 'reviewed');
	const findingLink = officer.getByTestId('findings-table').getByRole('link');
	await expect(findingLink).toHaveCount(1);
	const findingId = (await findingLink.getAttribute('href'))!.split('/').pop()!;

	// The feedback sheet: strengths first, then the failed item with what good looks like.
	await officer.getByTestId('feedback-link').click();
	await expect(officer.getByTestId('strengths')).toBeVisible();
	await expect(officer.getByTestId('issues').locator('li')).toHaveCount(1);
	await expectAccessible(officer);

	// Vendor A's manager sees it and disputes the call before the deadline.
	const vendor = await as(browser, 'vendor-a@demo.clearcall.test');
	await vendor.goto('/portal/findings');
	await expect(vendor.locator(`a[href="/portal/findings/${findingId}"]`)).toBeVisible();
	await vendor.goto(`/portal/findings/${findingId}`);
	await expect(vendor.getByTestId('dispute-deadline')).toBeVisible();
	await expect(vendor.getByTestId('vendor-calls')).not.toContainText('Li Wei');
	await expect(vendor.getByTestId('vendor-calls')).toContainText(/Agent [0-9A-F]{4}/);
	await expect(vendor.getByTestId('call-score')).toContainText('50%');
	const siteBefore = await vendor.getByTestId('site-score').innerText();
	await expectAccessible(vendor);
	await vendor.locator('#d-reason').selectOption('misheard');
	await vendor.locator('#d-comment').fill('The agent greeted the caller at 0:00; listen again.');
	await vendor.getByTestId('submit-dispute').click();
	await expect(vendor.getByTestId('disputed')).toBeVisible();

	// The officer accepts; the finding is withdrawn and the call re-scored.
	await officer.goto(`/app/findings/${findingId}`);
	await expectAccessible(officer);
	const dispute = officer.getByTestId('dispute');
	await dispute.locator('input[name=decision][value=accepted]').check();
	await dispute.locator('textarea').fill('Confirmed on the recording: the greeting is there.');
	await dispute.getByTestId('decide').click();
	await expect(officer.getByTestId('decided')).toBeVisible();
	await expect(officer.getByTestId('finding-status')).toHaveAttribute('data-status', 'withdrawn');

	await officer.goto(`/app/review/${call.callId}`);
	await expect(officer.getByTestId('score-original')).toContainText('50%');
	await expect(officer.getByTestId('score-current')).toContainText('100%');

	await vendor.goto(`/portal/findings/${findingId}`);
	await expect(vendor.getByTestId('call-score')).toContainText('100%');
	await expect(vendor.getByTestId('site-score')).not.toHaveText(siteBefore);
	await expect(vendor.getByTestId('my-dispute')).toHaveAttribute('data-status', 'accepted');

	// The vendor's team lead gets the feedback sheet, agent pseudonymous.
	await vendor.goto(`/portal/calls/${call.callId}/feedback`);
	await expect(vendor.getByTestId('feedback-sheet')).toContainText(/Agent [0-9A-F]{4}/);
	await expect(vendor.getByTestId('feedback-sheet')).not.toContainText('Li Wei');
	await expectAccessible(vendor);

	// Every step is in the audit log.
	const { data: disputes } = await admin
		.from('finding_disputes')
		.select('id')
		.eq('finding_id', findingId);
	const ids = [call.callId, findingId, ...(disputes ?? []).map((d) => d.id as string)];
	const { data: log } = await admin.from('audit_log').select('action').in('entity_id', ids);
	expect((log ?? []).map((l) => l.action)).toEqual(
		expect.arrayContaining([
			'submit',
			'approve',
			'finding_open',
			'dispute',
			'dispute_decision',
			'score_change'
		])
	);
	for (const p of [officer, vendor]) expect(p.errors).toEqual([]);
});

test('a bad queue filter is named in a localised message, not a 500', async ({ page }) => {
	await signIn(page, 'officer@demo.clearcall.test');
	const res = await page.goto('/app/review?site=not-a-uuid&from=yesterday');
	expect(res?.status()).toBe(200);
	await expect(page.getByTestId('filter-errors')).toContainText(/site/i);
	await expect(page.getByTestId('filter-errors')).toContainText(/YYYY-MM-DD/);
	await expectAccessible(page);
});

test('the review queue and findings pages have no accessibility violations', async ({ page }) => {
	await signIn(page, 'officer@demo.clearcall.test');
	for (const path of ['/app/review', '/app/findings', '/app/calibration', '/app/settings/alerts']) {
		await page.goto(path);
		await expectAccessible(page);
	}
});

test('the vendor findings list has no accessibility violations', async ({ page }) => {
	await signIn(page, 'vendor-a@demo.clearcall.test');
	await page.goto('/portal/findings');
	await expectAccessible(page);
});

test('a call sent back shows the reviewer’s comment on the shopper’s phone', async ({
	page,
	browser
}) => {
	const call = await submittedCall(page, 'send-back', {
		greeted: 'yes',
		asked_verification: 'yes',
		comment: 'fine'
	});

	const officer = await as(browser, 'officer@demo.clearcall.test');
	await officer.goto(`/app/review/${call.callId}`);
	await officer.locator('#sb-comment').fill('The recording stops at 0:01; upload the whole call.');
	await officer.getByTestId('send-back').click();
	await expect(officer.getByTestId('sent-back')).toBeVisible();

	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/shopper');
	const notice = page.getByTestId('send-back-notice');
	await expect(notice).toContainText('The recording stops at 0:01');
	await expect(notice.getByRole('link')).toHaveAttribute('href', `/shopper/calls/${call.callId}`);
	await expectAccessible(page);
});
