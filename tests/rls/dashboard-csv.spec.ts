/**
 * The dashboards' CSV export route, through its SvelteKit handler with each role's own supabase-js
 * client against the real stack: content and encoding, scoping by RLS, the formula-injection guard,
 * and localised refusals of bad filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Role, World } from './fixtures';
import { startDashboardWorld } from './dashboard-fixtures';

type Handler = (event: unknown) => Promise<Response>;

let w: World;
let GET: Handler;
beforeAll(async () => {
	w = await startDashboardWorld();
	GET = (await import('../../src/routes/(app)/app/dashboard/export/[dataset]/+server'))
		.GET as Handler;
}, 120_000);
afterAll(() => w?.close());

// The fixtures' results are dated by submission, in the site's zone: today, or tomorrow in UTC.
const TO = new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);
const FROM = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
const PERIOD = `from=${FROM}&to=${TO}`;

async function download(role: Role, dataset: string, query = PERIOD, locale = 'en') {
	const url = new URL(`http://app.test/app/dashboard/export/${dataset}?${query}`);
	const locals = { supabase: w.as[role] as unknown as SupabaseClient, locale };
	const res = await GET({ params: { dataset }, url, locals });
	const bytes = Buffer.from(await res.arrayBuffer());
	return { res, bytes, text: bytes.toString('utf8') };
}
const lines = (text: string) =>
	text
		.replace(/^\uFEFF/, '')
		.trimEnd()
		.split('\r\n');

describe('the CSV export', () => {
	it("gives the officer every vendor's row as UTF-8 CSV with a BOM and a named download", async () => {
		const { res, bytes, text } = await download('officer', 'vendors');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe(
			`attachment; filename="clearcall-vendors-${FROM}-${TO}.csv"`
		);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const [header, ...rows] = lines(text);
		expect(header).toBe('Vendor,Calls,Average score,Critical failures,Failed items');
		expect(rows.map((r) => r.split(',')[0]).sort()).toEqual([
			'Apex Contact Services',
			'Bluewave BPO'
		]);
	});

	it('names vendors in Chinese for a Chinese reader', async () => {
		const { text } = await download('officer', 'vendors', PERIOD, 'zh-CN');
		expect(text).toContain('顶点联络服务');
		expect(text).toContain('蓝浪外包服务');
	});

	it("gives vendor A's manager only vendor A's reviewed calls", async () => {
		const [, ...rows] = lines((await download('vendorA', 'vendors')).text);
		// callA and callTel: the unreviewed call and vendor B's are not theirs to see.
		expect(rows).toEqual([expect.stringMatching(/^Apex Contact Services,2,/)]);
	});

	it("gives the bank's viewer no site of the telecom's line", async () => {
		const { text } = await download('clientBank', 'trend');
		const calls = lines(text)
			.slice(1)
			.reduce((n, r) => n + Number(r.split(',')[1]), 0);
		expect(calls).toBe(2);
	});

	it('gives a shopper the header and no row', async () => {
		expect(lines((await download('shopper', 'vendors')).text)).toHaveLength(1);
	});

	it('prefixes a name that a spreadsheet would run as a formula', async () => {
		const [before] = await w.sql<{ name: string }>(
			`select name from public.organisations where id = $1`,
			[w.ids.vendorA]
		);
		await w.sql(`update public.organisations set name = $2 where id = $1`, [
			w.ids.vendorA,
			'=HYPERLINK("http://evil.example","x")'
		]);
		try {
			const rows = lines((await download('officer', 'vendors')).text);
			expect(rows).toContainEqual(
				expect.stringMatching(/^"'=HYPERLINK\(""http:\/\/evil\.example"",""x""\)",/)
			);
			expect(rows.some((r) => r.startsWith('='))).toBe(false);
		} finally {
			await w.sql(`update public.organisations set name = $2 where id = $1`, [
				w.ids.vendorA,
				before.name
			]);
		}
	});

	it('refuses a bad filter with a message naming it, not a 500', async () => {
		const { res, text } = await download('officer', 'vendors', 'from=31/01/2026');
		expect(res.status).toBe(400);
		expect(text).toBe('Filter “From”: use a date as YYYY-MM-DD.');
		const order = await download('officer', 'trend', 'from=2026-02-01&to=2026-01-01');
		expect(order.res.status).toBe(400);
		expect(order.text).toContain('“To”');
	});

	it('answers 404 for a dataset that does not exist', async () => {
		await expect(download('officer', 'salaries')).rejects.toMatchObject({ status: 404 });
	});
});
