import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { pdfPages } from '../../src/lib/server/pdf/pdf-text';
import { expect, expectAccessible, signIn, test } from './fixtures';

/** A signed-in page of its own for `email`, so several people can act in one test. */
async function as(browser: Browser, email: string) {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, email);
	return page;
}

test('an officer publishes a vendor report; its client downloads it, another client cannot, and /verify tells a genuine copy from a changed one', async ({
	browser
}, testInfo) => {
	test.setTimeout(90_000);

	// The officer publishes Bluewave's report for the bank, watching the progress.
	const officer = await as(browser, 'officer@demo.clearcall.test');
	await officer.goto('/app/reports');
	await expectAccessible(officer);
	const scope = officer.getByTestId('report-scope');
	const bluewave = await scope
		.locator('option', { hasText: /Bluewave|蓝浪/ })
		.first()
		.getAttribute('value');
	await scope.selectOption(bluewave!);
	// Made for the bank: only the bank's calls, and only the bank's viewers may read it.
	const audience = officer.getByTestId('report-client');
	const bankId = await audience
		.locator('option', { hasText: /Bank|银行/ })
		.first()
		.getAttribute('value');
	await audience.selectOption(bankId!);
	await officer.getByTestId('report-publish').click();
	await expect(officer.getByTestId('publish-progress')).toBeVisible();
	const result = officer.getByTestId('publish-result');
	await expect(result).toContainText(/Published CC-/);
	const code = (await result.textContent())!.match(/CC-[0-9A-Z]{10}/)![0];
	await expect(officer.getByTestId('reports-table')).toContainText(code);

	// The bank's viewer sees it in the portal and downloads the PDF.
	const bank = await as(browser, 'client-bank@demo.clearcall.test');
	await bank.goto('/portal/reports');
	await expectAccessible(bank);
	const row = bank.locator(`[data-testid="report-row"][data-code="${code}"]`).first();
	await expect(row).toBeVisible();
	const href = (await row.getByTestId('report-download').getAttribute('href'))!;
	const [download] = await Promise.all([
		bank.waitForEvent('download'),
		row.getByTestId('report-download').click()
	]);
	const file = testInfo.outputPath('report.pdf');
	await download.saveAs(file);
	const bytes = new Uint8Array(readFileSync(file));
	expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
	const text = (await pdfPages(bytes)).join('\n');
	expect(text).toContain(code);
	expect(text).toMatch(/Bluewave/);

	// The telecom's viewer neither sees it nor can fetch it by its URL.
	const telecom = await as(browser, 'client-telecom@demo.clearcall.test');
	await telecom.goto('/portal/reports');
	await expect(telecom.locator(`[data-code="${code}"]`)).toHaveCount(0);
	expect((await telecom.request.get(href)).status()).toBe(404);
	// Nor can anybody signed out.
	const anon = await (await browser.newContext()).newPage();
	expect((await anon.request.get(href, { maxRedirects: 0 })).status()).toBeGreaterThanOrEqual(300);

	// /verify, signed out: the downloaded file is authentic and current; one changed byte is not.
	await anon.goto(`/verify?code=${code}`);
	await expectAccessible(anon);
	await anon.getByTestId('verify-file').setInputFiles(file);
	await anon.getByTestId('verify-submit').click();
	await expect(anon.getByTestId('verify-verdict')).toHaveAttribute('data-verdict', 'current');
	await expect(anon.getByTestId('verify-verdict')).toContainText(code);

	const changed = bytes.slice();
	changed[Math.floor(changed.length / 2)] ^= 0x20;
	const tampered = testInfo.outputPath('tampered.pdf');
	writeFileSync(tampered, changed);
	await anon.goto(`/verify?code=${code}`);
	await anon.getByTestId('verify-file').setInputFiles(tampered);
	await anon.getByTestId('verify-submit').click();
	await expect(anon.getByTestId('verify-verdict')).toHaveAttribute('data-verdict', 'unknown');
	await expect(anon.getByTestId('verify-verdict')).not.toContainText('Bluewave');
});
