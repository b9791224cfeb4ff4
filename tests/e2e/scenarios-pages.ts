/** Page helpers for the scenario designer e2e suites: creating a scenario and driving the editors. */
import { expect, type Locator, type Page } from '@playwright/test';

/** A code no other run or worker has used, so suites can share one database. */
export function uniqueCode(prefix: string): string {
	return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`;
}

/** Creates a scenario from the list page and waits for its first draft to be ready to edit. */
export async function createScenario(
	page: Page,
	{
		code,
		title,
		titleZh = '',
		kind = 'mystery_call'
	}: { code: string; title: string; titleZh?: string; kind?: string }
): Promise<string> {
	await page.goto('/app/scenarios');
	const form = page.getByTestId('create-form');
	await form.locator('#kind').selectOption(kind);
	await form.locator('#code').fill(code);
	await form.locator('#title').fill(title);
	await form.locator('#title_zh').fill(titleZh);
	await page.getByTestId('create-submit').click();
	await page.waitForURL(/\/app\/scenarios\/[0-9a-f-]{36}\/versions\/1$/);
	await expectDesignerReady(page);
	return page.url().replace(/\/versions\/1$/, '');
}

/** Waits until the designer has hydrated and responds to input. */
export async function expectDesignerReady(page: Page) {
	await expect(page.getByTestId('designer')).toHaveAttribute('data-ready', 'true');
}

/** The control editing a content path (`checklist.sections[0].title.en` → `#f-checklist-sections-0-title-en`). */
export function field(page: Page, path: string): Locator {
	return page.locator(`#f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`);
}

/** Saves the draft and waits for the server to accept it. */
export async function save(page: Page) {
	await page.getByTestId('save').click();
	await expect(page.getByTestId('save-state')).toContainText('Saved.');
}

/** The outline entry of an item on a read-only or compare page. */
export function outlineItem(scope: Page | Locator, id: string): Locator {
	return scope.locator(`[data-testid="outline-item"][data-item="${id}"]`);
}
