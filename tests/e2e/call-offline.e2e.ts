/**
 * The proof: a shopper opens "today" online, goes into airplane mode, does a whole call
 * (steps, markers, answers, notes), reloads in the middle, closes the page and opens a new one,
 * comes back online, and the server holds exactly one submission with everything in it.
 */
import { expect, expectAccessible, test } from './fixtures';
import {
	PHONE,
	answer,
	assignCall,
	atStage,
	network,
	shopperAccount,
	stored,
	takeTodayOffline,
	unanswered,
	type Tapped
} from './call-pages';

test.use({ ...PHONE, serviceWorkers: 'allow' });

test('a call done entirely offline, with a reload and a new page, reaches the server exactly once', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	const shopper = await shopperAccount();
	const callId = await assignCall(shopper.id);
	await takeTodayOffline(page, shopper.email, [callId]);

	await network(context, false);
	await page.locator(`[data-call="${callId}"]`).getByTestId('open-call').click();
	await atStage(page, 'briefing');
	await expect(page.getByTestId('persona')).toContainText(/Chen Mo|陈默/);
	await expect(page.getByTestId('recording-rule')).toHaveAttribute('data-policy', /.+/);
	await expect(page.getByTestId('sync-state')).toBeVisible();
	await expectAccessible(page);

	await page.getByTestId('start-call').click();
	await atStage(page, 'run');
	await expect(page.getByTestId('run')).toHaveAttribute('data-step', 'open');
	await page.getByTestId('answered').click();
	await page.getByTestId('marker-greeting').click();
	await expect(page.getByTestId('last-marker')).toBeVisible();
	await expectAccessible(page);
	await page.getByTestId('step-next').click();
	await expect(page.getByTestId('run')).toHaveAttribute('data-step', 'pretext');
	await page.getByTestId('hold').click();
	await page.getByTestId('hold').click();
	await page.getByTestId('step-next').click();

	// The branch: verification asked leads to the verification step.
	const tapped: Tapped = {};
	await expect(page.getByTestId('run')).toHaveAttribute('data-step', 'request');
	await answer(page, 'rel_asked', tapped);
	await page.getByTestId('marker-verify').click();
	await page.locator('#quick-note').fill('Agent asked for DOB first; callback 13812345678');

	// Reload mid-call in airplane mode: same step, timers still running from the stored instants.
	const before = await page.getByTestId('timer-talk').textContent();
	await page.reload();
	await atStage(page, 'run');
	await expect(page.getByTestId('run')).toHaveAttribute('data-step', 'request');
	await expect(page.locator('#quick-note')).toHaveValue(/Agent asked for DOB/);
	await expect(page.getByTestId('item-rel_asked').locator('input:checked')).toHaveCount(1);
	expect(before).not.toBeNull();

	await page.getByTestId('step-next').click();
	await expect(page.getByTestId('run')).toHaveAttribute('data-step', 'verify');
	await page.getByTestId('more-markers').click();
	await page.getByTestId('marker-transfer').click();
	while (await page.getByTestId('step-next').isVisible())
		await page.getByTestId('step-next').click();
	await page.getByTestId('step-finish').click();
	await atStage(page, 'report');
	await expectAccessible(page);

	// Submitting with gaps names them beside the fields.
	await page.getByTestId('submit').click();
	await expect(page.getByTestId('missing-summary')).toBeVisible();
	for (const id of await unanswered(page)) await answer(page, id, tapped);
	await page.getByTestId('add-note-rel_asked').click();
	await page.locator('#note-rel_asked').fill('Asked twice, politely');
	await page
		.locator('#general-notes')
		.fill('Agent asked for DOB first; callback 13812345678. Good.');
	await expect(page.getByTestId('pii-general')).toContainText('138');

	// Close the page and open a new one, still offline: nothing is lost.
	await page.close();
	const again = await context.newPage();
	await again.goto(`/shopper/calls/${callId}`);
	await atStage(again, 'report');
	await expect(again.locator('#general-notes')).toHaveValue(/Good\.$/);
	await expect(again.locator('#note-rel_asked')).toHaveValue('Asked twice, politely');
	expect(await unanswered(again)).toEqual([]);
	await again.getByTestId('submit').click();
	await expect(again.getByTestId('sync-state')).toHaveAttribute('data-state', 'saved');
	expect((await stored(callId)).rows).toHaveLength(0);

	await network(context, true);
	await expect(again.getByTestId('sync-state')).toHaveAttribute('data-state', 'synced', {
		timeout: 30_000
	});
	const { rows, submits } = await stored(callId);
	expect(rows).toHaveLength(1);
	expect(submits).toBe(1);
	const row = rows[0];
	for (const [id, value] of Object.entries(tapped))
		expect(String(row.answers.items[id]), `answer ${id}`).toBe(String(value));
	const kinds = (row.markers as { kind: string }[]).map((m) => m.kind).sort();
	expect(kinds).toEqual(
		['greeting', 'hold_end', 'hold_start', 'transfer', 'verification_asked'].sort()
	);
	expect(row.answers.notes.rel_asked).toBe('Asked twice, politely');
	expect(row.notes).toContain('Good.');
	expect(row.notes).not.toContain('13812345678');
	expect(row.timings.time_to_answer).toBeGreaterThanOrEqual(0);
	expect(row.kpis.transfers).toBe(1);
	expect(row.kpis.holds).toBe(1);
});
