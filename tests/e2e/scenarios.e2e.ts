import { expect, test } from '@playwright/test';
import { demo, expectAccessible, signIn } from './fixtures';
import {
	createScenario,
	expectDesignerReady,
	field,
	outlineItem,
	save,
	uniqueCode
} from './scenarios-pages';

test.describe.configure({ timeout: 120_000 });

test('an officer builds a scenario with a critical item and a branch, publishes it, and edits it into version 2 while version 1 stays unchanged', async ({
	page
}) => {
	await signIn(page, demo('compliance_officer').email);
	await page.getByRole('link', { name: 'Scenarios' }).click();
	await expect(page).toHaveURL('/app/scenarios');
	await expectAccessible(page);

	const base = await createScenario(page, {
		code: uniqueCode('E2E'),
		title: 'Relative asks for a balance',
		titleZh: '亲属查询余额'
	});
	await expect(page.getByTestId('status-badge').first()).toHaveText('Draft');

	// Script: open → (verification asked?) yes → step-1, otherwise → step-2.
	const addStep = page.getByRole('button', { name: 'Add a step' });
	await addStep.click();
	await addStep.click();
	await field(page, 'script.steps[1].say.en').fill('Ask for the account balance');
	await field(page, 'script.steps[1].end').check();
	await field(page, 'script.steps[2].say.en').fill('Insist that it is urgent');
	await field(page, 'script.steps[2].end').check();
	await field(page, 'script.steps[0].next').selectOption('step-2');
	await page
		.getByTestId('step-editor')
		.first()
		.getByRole('button', { name: 'Add a branch' })
		.click();
	await field(page, 'script.steps[0].branches[0].when.marker').selectOption('verification_asked');
	await field(page, 'script.steps[0].branches[0].goto').selectOption('step-1');

	// Checklist: one critical item and one ordinary one.
	await page.getByRole('button', { name: 'Add a section' }).click();
	await field(page, 'checklist.sections[0].title.en').fill('Verification');
	const addItem = page
		.getByTestId('section-editor')
		.first()
		.getByRole('button', { name: 'Add item' });
	await addItem.click();
	await field(page, 'checklist.sections[0].items[0].label.en').fill('Agent verified the caller');
	await field(page, 'checklist.sections[0].items[0].critical').selectOption('true');
	await addItem.click();
	await field(page, 'checklist.sections[0].items[1].label.en').fill('Agent offered more help');
	await expect(page.getByTestId('error-summary')).toHaveCount(0);

	// The phone preview follows the branch and scores with the real engine.
	const phone = page.getByTestId('phone-preview');
	await phone.getByRole('tab', { name: 'Script' }).click();
	await expect(phone.getByTestId('preview-step')).toContainText('Step 1 of 2');
	await phone.getByRole('button', { name: 'Next' }).click();
	await expect(phone).toContainText('Insist that it is urgent');
	await phone.getByRole('button', { name: 'Back' }).click();
	await phone.getByRole('button', { name: /^Verification asked/ }).click();
	await phone.getByRole('button', { name: 'Next' }).click();
	await expect(phone).toContainText('Ask for the account balance');
	await phone.getByRole('tab', { name: 'Checklist' }).click();
	await phone.locator('[data-item="item-1"]').getByLabel('No').check();
	await phone.locator('[data-item="item-2"]').getByLabel('Yes').check();
	await expect(phone.getByTestId('preview-failed')).toHaveText(
		'Failed and flagged: a critical item was missed'
	);
	await expect(phone.getByTestId('preview-score')).toContainText('Score 0%');
	await phone.locator('[data-item="item-1"]').getByLabel('Yes').check();
	await expect(phone.getByTestId('preview-failed')).toHaveCount(0);
	await expect(phone.getByTestId('preview-score')).toContainText('Score 100%');

	await expectAccessible(page);
	await save(page);
	await page.reload();
	await expectDesignerReady(page);
	await expect(page.getByTestId('item-editor')).toHaveCount(2);
	await expect(page.getByTestId('item-editor').first()).toContainText('Agent verified the caller');
	await expect(page.getByTestId('item-editor').first()).toContainText('Critical');

	// Publish version 1.
	await page.getByTestId('publish').click();
	await expect(page.getByRole('dialog')).toContainText('Publish version 1?');
	await page.getByTestId('publish-confirm').click();
	await expect(page.getByTestId('form-success')).toContainText('Version 1 is published');
	await expect(page.getByTestId('status-badge').first()).toHaveText('Published');
	await expect(outlineItem(page, 'item-1')).toContainText('Agent verified the caller');
	await expect(page.getByTestId('save')).toHaveCount(0);
	await expectAccessible(page);

	// Edit as a new version: a draft numbered 2 with version 1's content.
	await page.getByTestId('new-draft').click();
	await page.waitForURL(`${base}/versions/2`);
	await expectDesignerReady(page);
	await expect(page.getByTestId('status-badge').first()).toHaveText('Draft');
	await page.getByTestId('item-editor').first().locator('summary').click();
	await field(page, 'checklist.sections[0].items[0].label.en').fill(
		'Agent verified the caller with two factors'
	);
	await field(page, 'checklist.sections[0].items[0].weight').fill('3');
	await page
		.getByTestId('section-editor')
		.first()
		.getByRole('button', { name: 'Add item' })
		.click();
	await field(page, 'checklist.sections[0].items[2].label.en').fill(
		'Agent explained the privacy notice'
	);
	await save(page);

	// Version 1 is untouched: on its page, in its export and in the compare view.
	await page.goto(`${base}/versions/1`);
	await expect(page.getByTestId('status-badge').first()).toHaveText('Published');
	await expect(outlineItem(page, 'item-1')).toContainText('Agent verified the caller');
	await expect(outlineItem(page, 'item-1')).not.toContainText('two factors');
	await expect(outlineItem(page, 'item-3')).toHaveCount(0);
	const exported = await page.request.get(`${base}/versions/1/export`);
	expect(exported.status()).toBe(200);
	const v1 = await exported.json();
	expect(v1.checklist.sections[0].items.map((i: { label: { en: string } }) => i.label.en)).toEqual([
		'Agent verified the caller',
		'Agent offered more help'
	]);
	expect(v1.checklist.sections[0].items[0]).toMatchObject({ critical: true, weight: 1 });
	expect(v1.script.steps[0].branches).toEqual([
		{ when: { kind: 'marker', marker: 'verification_asked', present: true }, goto: 'step-1' }
	]);

	await page.getByTestId('compare-submit').click();
	await expect(page).toHaveURL(`${base}/compare?a=1&b=2`);
	await expect(page.getByTestId('compare-counts')).toContainText('Added: 1');
	const older = page.getByTestId('compare-older');
	const newer = page.getByTestId('compare-newer');
	await expect(outlineItem(older, 'item-1')).toContainText('Agent verified the caller');
	await expect(outlineItem(newer, 'item-1')).toContainText('two factors');
	await expect(outlineItem(newer, 'item-1').locator('[data-change]')).toHaveText('Changed');
	await expect(outlineItem(newer, 'item-3').locator('[data-change]')).toHaveText('Added');
	await expect(outlineItem(newer, 'item-2').locator('[data-change]')).toHaveCount(0);
	await expectAccessible(page);

	// Publishing version 2 retires version 1, whose content still does not move.
	await page.goto(`${base}/versions/2`);
	await expectDesignerReady(page);
	await page.getByTestId('publish').click();
	await page.getByTestId('publish-confirm').click();
	await expect(page.getByTestId('status-badge').first()).toHaveText('Published');
	await page.goto(`${base}/versions/1`);
	await expect(page.getByTestId('status-badge').first()).toHaveText('Retired');
	await expect(outlineItem(page, 'item-1')).toContainText('Agent verified the caller');
	expect(await (await page.request.get(`${base}/versions/1/export`)).json()).toEqual(v1);
});

test('sections, items and steps reorder by keyboard, by buttons and by drag, and screen readers hear where they went', async ({
	page
}) => {
	await signIn(page, demo('compliance_officer').email);
	await createScenario(page, { code: uniqueCode('E2E-ORDER'), title: 'Reordering' });
	await page.getByRole('button', { name: 'Add a section' }).click();
	await field(page, 'checklist.sections[0].title.en').fill('Only section');
	const addItem = page.getByTestId('section-editor').getByRole('button', { name: 'Add item' });
	for (const label of ['First', 'Second', 'Third']) {
		await addItem.click();
		const n = await page.getByTestId('item-editor').count();
		await field(page, `checklist.sections[0].items[${n - 1}].label.en`).fill(label);
	}
	const order = () => page.getByTestId('item-editor').locator('summary .title').allTextContents();
	expect(await order()).toEqual(['First', 'Second', 'Third']);

	const announcer = page.getByTestId('announcer');
	await page.getByRole('button', { name: 'Move Third', exact: true }).focus();
	await page.keyboard.press('ArrowUp');
	expect(await order()).toEqual(['First', 'Third', 'Second']);
	await expect(announcer).toHaveText('Third moved to position 2 of 3.');
	// Focus stays on the handle, so the next key press moves the same item again.
	await page.keyboard.press('Home');
	expect(await order()).toEqual(['Third', 'First', 'Second']);
	await expect(announcer).toHaveText('Third moved to position 1 of 3.');

	await page.getByRole('button', { name: 'Move Third down' }).click();
	expect(await order()).toEqual(['First', 'Third', 'Second']);

	// Folded, the rows fit on one screen, so the drag starts and ends in view.
	for (const summary of await page.getByTestId('item-editor').locator('summary').all())
		await summary.click();
	const rows = page.getByTestId('items-list').locator(':scope > li');
	await page.getByRole('button', { name: 'Move Second', exact: true }).dragTo(rows.nth(0));
	expect(await order()).toEqual(['Second', 'First', 'Third']);
	await expect(announcer).toHaveText('Second moved to position 1 of 3.');

	// Steps use the same list: the opening step moves below a new one.
	await page.getByRole('button', { name: 'Add a step' }).click();
	await field(page, 'script.steps[1].say.en').fill('Ask who is speaking');
	await page.getByRole('button', { name: 'Move Step 1 (open)', exact: true }).focus();
	await page.keyboard.press('ArrowDown');
	await expect(announcer).toHaveText('Step 1 (open) moved to position 2 of 2.');
	await expect(field(page, 'script.steps[1].id')).toHaveValue('open');

	await save(page);
	await page.reload();
	await expectDesignerReady(page);
	expect(await order()).toEqual(['Second', 'First', 'Third']);
});
