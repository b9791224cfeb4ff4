/**
 * The officer's dashboard in Chromium: calls submitted through submit_call (the service-role RPC the
 * submit route uses, with a score from the real engine) show in the charts; a filter narrows them
 * through the query string; the table alternative holds the figures; a CSV downloads with a BOM; a bad
 * filter gets a message instead of an error page; axe finds nothing.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient } from '@supabase/supabase-js';
import { findLibraryEntry, libraryContent } from '../../src/lib/domain/library';
import { perfectAnswers, worstAnswer } from '../../src/lib/domain/library/test-answers';
import { scoreScenario } from '../../src/lib/domain/scoring';
import { expect, expectAccessible, serviceKey, signIn, test } from './fixtures';
import { SHANGHAI } from './scheduling-pages';

const SHOPPER1 = 'b1000000-0000-4000-8000-000000000001';
const AUDIT = 'a0000000-0000-4000-8000-000000000001';
const BANK_LINE_A1 = '1e000000-0000-4000-8000-000000000101';

/** One call of library scenario `code` at Shanghai, submitted by shopper 1 failing `fail`. */
async function submitted(code: string, fail: Record<string, string | number>) {
	const admin = createClient(process.env.E2E_STACK_URL!, serviceKey(), {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const entry = findLibraryEntry(code)!;
	const content = libraryContent(entry);
	const now = Date.now();
	const { data: call, error } = await admin
		.from('test_calls')
		.insert({
			organisation_id: AUDIT,
			scenario_version_id: entry.versionId,
			site_id: SHANGHAI,
			line_id: BANK_LINE_A1,
			shopper_id: SHOPPER1,
			window_start: new Date(now - 3_600_000).toISOString(),
			window_end: new Date(now + 3_600_000).toISOString()
		})
		.select('id')
		.single();
	if (error) throw new Error(`the call fixture failed: ${error.message}`);
	const answers = perfectAnswers(content, { overrides: fail });
	const score = scoreScenario(content, answers);
	const { error: e } = await admin.rpc('submit_call', {
		p_shopper_id: SHOPPER1,
		p_payload: { callId: call.id, idempotencyKey: randomUUID(), answers },
		p_score: JSON.parse(JSON.stringify(score)),
		p_overall: score.score,
		p_critical_failed: score.failed,
		p_kpis: {}
	});
	if (e) throw new Error(`submit_call failed: ${e.message}`);
}

test.beforeAll(async () => {
	const privacy = libraryContent(findLibraryEntry('PRIV-40')!);
	const tagged = privacy.checklist.sections
		.flatMap((s) => s.items)
		.find((i) => i.type === 'yes_no_na' && i.clauses.length > 0 && !i.visibleWhen)!;
	await submitted('PRIV-40', { [tagged.id]: worstAnswer(tagged) });
	await submitted('SQ-9', {});
});

test('an officer filters the dashboard, reads a chart as a table and downloads its CSV', async ({
	page
}) => {
	await signIn(page, 'officer@demo.clearcall.test');
	await page.goto('/app/dashboard');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Dashboard|仪表板/);
	for (const chart of [
		'trend',
		'vendors',
		'categories',
		'clauses',
		'findings',
		'disputes',
		'workload',
		'coverage'
	])
		await expect(page.getByTestId(`chart-${chart}`)).toBeVisible();
	await expect(page.getByTestId('chart-trend').locator('.chart')).toHaveAttribute(
		'data-drawn',
		'true'
	);

	await page.locator('#f-site').selectOption(SHANGHAI);
	await page.getByTestId('dashboard-apply').click();
	await page.waitForURL((url) => url.searchParams.get('site') === SHANGHAI);
	await expect(page.locator('#f-site')).toHaveValue(SHANGHAI);

	const clauses = page.getByTestId('table-clauses');
	await clauses.locator('summary').click();
	const table = clauses.locator('table');
	await expect(table).toBeVisible();
	await expect(table.locator('thead')).toContainText(/Clause|条款/);
	await expect(table.locator('tbody tr').first()).toBeVisible();
	await expectAccessible(page);

	const download = page.waitForEvent('download');
	await page.getByTestId('csv-clauses').click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(
		/^clearcall-clauses-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/
	);
	const bytes = readFileSync((await file.path())!);
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
	expect(lines[0]).toMatch(/^(Clause|条款),/);
	expect(lines.length).toBeGreaterThan(1);
});

test('a bad filter in the link gets a message naming it, not an error page', async ({ page }) => {
	await signIn(page, 'officer@demo.clearcall.test');
	const res = await page.goto('/app/dashboard?from=31%2F01%2F2026');
	expect(res?.status()).toBe(200);
	await expect(page.getByTestId('dashboard-error')).toHaveText(/(From|开始日期)/);
	await expectAccessible(page);
});

test('a vendor manager opens the portal dashboard and sees no other vendor', async ({ page }) => {
	await signIn(page, 'vendor-a@demo.clearcall.test');
	await page.goto('/portal/dashboard');
	await expect(page.getByTestId('chart-trend')).toBeVisible();
	await expect(page.getByTestId('chart-vendors')).not.toContainText(/Bluewave|Cedar|蓝浪|雪松/);
	await expectAccessible(page);
});
