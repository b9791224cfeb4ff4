import { expect, test } from '@playwright/test';
import { demo, expectAccessible, signIn } from './fixtures';
import { createScenario, expectDesignerReady, field, save, uniqueCode } from './scenarios-pages';

test.describe.configure({ timeout: 90_000 });

test('a malformed import lists each bad field by its path and saves nothing; a good one replaces the draft', async ({
	page
}) => {
	await signIn(page, demo('compliance_officer').email);
	const base = await createScenario(page, {
		code: uniqueCode('E2E-IMPORT'),
		title: 'Import target'
	});
	const before = await (await page.request.get(`${base}/versions/1/export`)).json();

	const bad = structuredClone(before);
	bad.checklist.sections = [
		{
			id: 's',
			title: { en: 'Imported' },
			items: [{ id: 'a', type: 'yes_no_na', label: { en: 'A' }, weight: -1, clauses: ['P99'] }]
		}
	];
	bad.script.steps[0].branches = [
		{ when: { kind: 'marker', marker: 'verification_asked' }, goto: 'nowhere' }
	];

	await page.getByText('Import JSON').click();
	await page.getByLabel('Or paste the JSON').fill(JSON.stringify(bad));
	await page.getByTestId('import-submit').click();
	const errors = page.getByTestId('import-errors');
	await expect(errors).toContainText('The import was refused. Problems: 3');
	for (const [path, message] of [
		['checklist.sections[0].items[0].weight', 'Weights cannot be negative.'],
		['checklist.sections[0].items[0].clauses[0]', 'Unknown clause code'],
		['script.steps[0].branches[0].goto', 'Unknown step “nowhere”.']
	])
		await expect(errors.locator(`li[data-path="${path}"]`)).toContainText(message);
	// What was pasted stays, ready to be corrected.
	await expect(page.getByLabel('Or paste the JSON')).toHaveValue(JSON.stringify(bad));
	await expectAccessible(page);

	// Not JSON at all: one error for the whole document.
	await page.getByLabel('Or paste the JSON').fill('{"kind": "mystery_call",');
	await page.getByTestId('import-submit').click();
	await expect(errors.locator('li[data-path=""]')).toContainText('This is not valid JSON');

	await page.reload();
	await expectDesignerReady(page);
	await expect(page.getByTestId('section-editor')).toHaveCount(0);
	expect(await (await page.request.get(`${base}/versions/1/export`)).json()).toEqual(before);

	// Fixed, the same document goes in and the designer shows it.
	bad.checklist.sections[0].items[0] = {
		id: 'a',
		type: 'yes_no_na',
		label: { en: 'A' },
		clauses: ['P13']
	};
	bad.script.steps[0].branches = [];
	await page.getByText('Import JSON').click();
	await page.getByLabel('Or paste the JSON').fill(JSON.stringify(bad));
	await page.getByTestId('import-submit').click();
	await expect(page.getByText('Imported. The draft now holds the imported content.')).toBeVisible();
	await expectDesignerReady(page);
	await expect(page.getByTestId('section-editor')).toHaveCount(1);
	await expect(field(page, 'checklist.sections[0].title.en')).toHaveValue('Imported');
	const after = await (await page.request.get(`${base}/versions/1/export`)).json();
	expect(after.checklist.sections[0].items[0]).toMatchObject({
		id: 'a',
		clauses: ['P13'],
		weight: 1
	});
});

test('the designer flags a bad field as it is typed, and a refused save keeps the edit and stores nothing', async ({
	page
}) => {
	await signIn(page, demo('compliance_officer').email);
	const base = await createScenario(page, { code: uniqueCode('E2E-BAD'), title: 'Validation' });
	await page.getByRole('button', { name: 'Add a section' }).click();
	await field(page, 'checklist.sections[0].title.en').fill('Section');
	await save(page);

	await field(page, 'checklist.sections[0].weight').fill('-2');
	const error = page.locator('[data-error-for="checklist.sections[0].weight"]');
	await expect(error).toHaveText('Weights cannot be negative.');
	await expect(field(page, 'checklist.sections[0].weight')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByTestId('error-summary')).toContainText('checklist.sections[0].weight');
	await expect(page.getByTestId('publish')).toBeDisabled();

	await page.getByTestId('save').click();
	await expect(page.getByTestId('save-state')).toContainText('Unsaved changes');
	await expect(field(page, 'checklist.sections[0].weight')).toHaveValue('-2');
	await expect(error).toBeVisible();

	const stored = await (await page.request.get(`${base}/versions/1/export`)).json();
	expect(stored.checklist.sections[0].weight).toBe(1);

	// The clause picker finds entries by code or words and marks the ones still to verify.
	await field(page, 'checklist.sections[0].weight').fill('1');
	await page.getByTestId('section-editor').getByRole('button', { name: 'Add item' }).click();
	await field(page, 'checklist.sections[0].items[0].label.en').fill('Consent asked');
	await page.getByTestId('item-editor').getByRole('button', { name: 'Add a clause' }).click();
	await field(page, 'checklist.sections[0].items[0].clauses.search').fill('P15');
	const result = page.getByRole('button', { name: /^P15 / });
	await expect(result).toContainText('to verify');
	await result.click();
	await expect(page.getByTestId('item-editor').locator('.chip')).toContainText('P15');
	await field(page, 'checklist.sections[0].items[0].clauses.search').fill('P13');
	await page.getByRole('button', { name: /^P13 / }).click();
	await save(page);
	const saved = await (await page.request.get(`${base}/versions/1/export`)).json();
	expect(saved.checklist.sections[0].items[0].clauses).toEqual(['P15', 'P13']);
});

test('the designer speaks Chinese to a Chinese reader, validation messages included', async ({
	page
}) => {
	// The demo admin's profile is in Chinese.
	await signIn(page, demo('admin').email);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await page.goto('/app/scenarios');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('场景');
	await page.getByTestId('create-form').locator('#code').fill(uniqueCode('E2E-ZH'));
	await page.getByTestId('create-form').locator('#title').fill('Chinese reader');
	await page.getByTestId('create-form').locator('#title_zh').fill('中文读者');
	await page.getByTestId('create-submit').click();
	await page.waitForURL(/\/versions\/1$/);
	await expectDesignerReady(page);
	await expect(page.getByTestId('scenario-title')).toHaveText('中文读者');
	await page.getByRole('button', { name: '添加部分' }).click();
	await field(page, 'checklist.sections[0].weight').fill('-1');
	await expect(page.locator('[data-error-for="checklist.sections[0].weight"]')).toHaveText(
		'权重不能为负数。'
	);
	await expect(page.locator('[data-error-for="checklist.sections[0].title"]')).toHaveText(
		'请至少用一种语言填写。'
	);
	await expectAccessible(page);
});
