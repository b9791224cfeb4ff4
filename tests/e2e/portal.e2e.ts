import { expect, signIn, test } from './fixtures';

test('a vendor manager sees their own sites and the lines they answer, nobody else’s', async ({
	page
}) => {
	await signIn(page, 'vendor-b@demo.clearcall.test');
	await expect(page.getByTestId('home-heading')).toHaveText(/Bluewave BPO|蓝浪外包服务/);
	const sites = page.getByTestId('sites-table').locator('tbody tr');
	await expect(sites).toHaveCount(2);
	await expect(page.getByTestId('sites-table')).not.toContainText(/Apex|Cedar|顶点|雪松/);
	await expect(page.getByTestId('lines-table').locator('tbody tr')).toHaveCount(2);
});

test('a client viewer sees the vendors serving them and only their own lines', async ({ page }) => {
	await signIn(page, 'client-telecom@demo.clearcall.test');
	await expect(page.getByTestId('home-heading')).toHaveText(/Lumen Telecom|流明电信/);
	const lines = page.getByTestId('lines-table');
	await expect(lines.locator('tbody tr')).toHaveCount(4);
	await expect(lines).not.toContainText('+86 21 5550 0101'); // a Harbour Bank line
	await expect(page.getByRole('list').first()).toContainText(/Apex|顶点/);
	await expect(page.getByRole('list').first()).toContainText(/Cedar|雪松/);
	await expect(page.getByRole('list').first()).not.toContainText(/Bluewave|蓝浪/);
});
