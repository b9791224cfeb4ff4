/**
 * Scheduling end to end: an officer creates a two-site programme in the wizard, generates its calls
 * (the progress bar reaches 100 %), drags a call to another day in the calendar, and the shopper the
 * plan assigned finds a call in "today" on a phone, in their own time zone; the job board and the
 * keyboard alternatives (Move to…, cancel with a reason) too.
 */
import {
	createProgramme,
	generate,
	phonePage,
	shopperEmailOf,
	ZH_SHOPPERS
} from './scheduling-pages';
import { demo, expect, expectAccessible, signIn, test } from './fixtures';

test('an officer plans, generates and reschedules; the assigned shopper sees the call today', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	await signIn(page, demo('compliance_officer').email);
	const name = `E2E programme ${Date.now()}`;
	await createProgramme(page, name);
	await expect(page.getByTestId('programme-name')).toHaveText(name);

	await generate(page);
	await expect(page.getByTestId('generate-result')).toBeVisible();
	await expectAccessible(page);
	const rows = page.getByTestId('programme-calls').locator('tbody tr[data-call]');
	await expect(rows.first()).toBeVisible();
	const calls = await rows.evaluateAll((trs) =>
		trs.map((tr) => ({
			id: tr.getAttribute('data-call')!,
			shopper: tr.getAttribute('data-shopper')
		}))
	);
	const assigned = calls.filter((c) => c.shopper);
	expect(assigned.length).toBeGreaterThanOrEqual(2);
	// Every call says why it went to that shopper.
	await expect(rows.first().locator('.why')).not.toBeEmpty();

	// Drag one call to another day in the officer's calendar.
	const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
	await page.goto(`/app/calendar?view=week&date=${today}`);
	await expect(page.getByTestId('calendar')).toHaveAttribute('data-ready', 'true');
	await expectAccessible(page);
	const before = await page
		.locator('[data-testid="call-card"][draggable="true"]')
		.evaluateAll((els) =>
			Object.fromEntries(
				els.map((e) => [e.getAttribute('data-call')!, e.getAttribute('data-day')!])
			)
		);
	const card = page.locator('[data-testid="call-card"][draggable="true"]').first();
	const from = (await card.getAttribute('data-day'))!;
	const days = await page
		.getByTestId('day')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-date')!));
	const target = days[days.indexOf(from) + 1] ?? days[days.indexOf(from) - 1];
	await card.dragTo(page.locator(`[data-testid="day"][data-date="${target}"]`));
	await expect(page.getByTestId('moved')).toBeVisible();
	const moved = (await page.getByTestId('moved').getAttribute('data-call'))!;
	expect(before[moved], 'the dragged call was on the calendar').toBeDefined();
	// Read back from the database through a fresh page load.
	await page.reload();
	await expect(
		page.locator(`[data-testid="day"][data-date="${target}"] [data-call="${moved}"]`)
	).toBeVisible();
	if (before[moved] !== target)
		await expect(
			page.locator(`[data-testid="day"][data-date="${before[moved]}"] [data-call="${moved}"]`)
		).toHaveCount(0);

	// The shopper of another call signs in on a phone.
	const kept = assigned.find((c) => c.id !== moved)!;
	const shopperEmail = shopperEmailOf(kept.shopper!);
	const { page: shopperPage, close } = await phonePage(browser, shopperEmail);
	await expect(shopperPage).toHaveURL('/shopper');
	const todayCall = shopperPage.locator(`[data-testid="shopper-call"][data-call="${kept.id}"]`);
	await expect(todayCall).toBeVisible();
	// The shopper reads in their own language (zh-CN for the seeded shoppers) and own zone (UTC+8,
	// as the sites): the site's clock time and theirs agree.
	const own = (await todayCall.getByTestId('own-time').textContent())!;
	const site = (await todayCall.locator('.site-time').textContent())!;
	expect(own).toMatch(/\d{1,2}:\d{2}/);
	expect(site).toContain(own.match(/\d{1,2}:\d{2}/)![0]);
	await expectAccessible(shopperPage);
	await close();
});

test('unfillable calls go on the job board; a shopper takes one, and a second that day is refused', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	await signIn(page, demo('compliance_officer').email);
	await createProgramme(page, `E2E job board ${Date.now()}`, { volume: '10', maxPerDay: '1' });
	await generate(page);
	await expect(page.getByTestId('open-job').first()).toBeVisible();
	for (let i = 0; i < 2; i++) {
		const count = await page.getByTestId('open-job').count();
		await page.getByTestId('open-job').first().click();
		await expect(page.getByTestId('open-job')).toHaveCount(count - 1);
	}
	const assigned = await page
		.getByTestId('programme-calls')
		.locator('tbody tr[data-shopper]')
		.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-shopper')!));

	// A Chinese speaker the planner left out (not available today) has nothing today yet.
	const free = ZH_SHOPPERS.filter((id) => !assigned.includes(id));
	let taker: Awaited<ReturnType<typeof phonePage>> | undefined;
	for (const id of free) {
		const candidate = await phonePage(browser, shopperEmailOf(id));
		if ((await candidate.page.getByTestId('today-calls').count()) === 0) {
			taker = candidate;
			break;
		}
		await candidate.close();
	}
	if (!taker) throw new Error('no Chinese-speaking shopper without calls today');
	const { page: phone } = taker;
	await phone.goto('/shopper/jobs');
	await expectAccessible(phone);
	const job = phone.getByTestId('shopper-call').first();
	// Thumb-sized: the claim button is at least 44 px high and the page does not scroll sideways.
	expect((await job.getByTestId('claim').boundingBox())!.height).toBeGreaterThanOrEqual(44);
	expect(
		await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
	).toBeLessThanOrEqual(0);
	const jobId = (await job.getAttribute('data-call'))!;
	await job.getByTestId('claim').click();
	await expect(phone.getByTestId('claimed')).toBeVisible();

	// The programme allows one call a day: the next claim is refused, in the shopper's language.
	await phone.getByTestId('claim').first().click();
	await expect(phone.getByTestId('claim-error')).toContainText(/上限|most calls/);

	await phone.goto('/shopper');
	await expect(phone.locator(`[data-testid="shopper-call"][data-call="${jobId}"]`)).toBeVisible();
	await taker.close();
});

test('an officer moves a call with the keyboard and cancels one with a reason', async ({
	page
}) => {
	test.setTimeout(180_000);
	await signIn(page, demo('compliance_officer').email);
	await createProgramme(page, `E2E keyboard ${Date.now()}`);
	await generate(page);
	const first = page.getByTestId('programme-calls').locator('tbody tr[data-call]').first();
	const id = (await first.getAttribute('data-call'))!;

	const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
	await page.goto(`/app/calendar?view=month&date=${today}`);
	await expect(page.getByTestId('calendar')).toHaveAttribute('data-ready', 'true');
	const card = page.locator(`[data-testid="call-card"][data-call="${id}"]`);
	const day = (await card.getAttribute('data-day'))!;
	const days = await page
		.getByTestId('day')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-date')!));
	const target = days[days.indexOf(day) + 2] ?? days[days.indexOf(day) - 2];

	await card.getByText('Move to…').press('Enter');
	await card.locator('input[type=date]').fill(target);
	await card.locator('input[type=date]').press('Enter');
	await expect(page.getByTestId('moved')).toHaveAttribute('data-call', id);
	await page.reload();
	await expect(
		page.locator(`[data-testid="day"][data-date="${target}"] [data-call="${id}"]`)
	).toBeVisible();

	const moved = page.locator(`[data-testid="call-card"][data-call="${id}"]`);
	await moved.getByText('Cancel call…').click();
	await moved.locator('textarea').fill('Site closed for a system migration');
	await moved.getByRole('button', { name: 'Cancel the call' }).click();
	await page.reload();
	await expect(page.locator(`[data-call="${id}"] [data-status="cancelled"]`)).toHaveText(
		'Cancelled'
	);
});
