/**
 * Lighthouse (mobile settings: a mid-range phone, simulated slow 4G) on the shopper's call screen of
 * the production build, served with the embedded stack the way e2e serves it. A demo shopper signs
 * in through the real form (Chromium via playwright-core), gets a fresh call, and Lighthouse loads
 * `/shopper/calls/<id>` with that session cookie. Prints the three scores (goal ≥ 95 each) and, for
 * any below 100, the audits that cost points.
 *
 * Run: npm run bench -- lighthouse   (builds into .e2e/bench first when there is no build there,
 * as bench/shopper-bundle does; BENCH_REBUILD=1 forces a fresh build)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import '../tests/setup/websocket';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
const root = path.resolve('.e2e/bench');
const buildDir = path.join(root, 'build');

const freePort = () =>
	new Promise<number>((resolve) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});
const dotenv = Object.fromEntries(
	readFileSync('.env', 'utf8')
		.split('\n')
		.filter((l) => /^[A-Z_]+=/.test(l))
		.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1).trim()])
);

if (process.env.BENCH_REBUILD || !existsSync(path.join(buildDir, 'index.js'))) {
	console.log('building into .e2e/bench …');
	const r = spawnSync('npx', ['vite', 'build'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			CLEARCALL_BUILD_DIR: buildDir,
			CLEARCALL_KIT_DIR: path.join(root, 'kit')
		}
	});
	if (r.status !== 0) throw new Error('the production build failed');
}

const [appPort, stackPort] = [await freePort(), await freePort()];
const appUrl = `http://127.0.0.1:${appPort}`;
const stackUrl = `http://127.0.0.1:${stackPort}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'cc-lighthouse-'));
const app = spawn('npx', ['tsx', 'scripts/start.ts'], {
	stdio: ['ignore', 'ignore', 'inherit'],
	detached: true,
	env: {
		...process.env,
		HOST: '127.0.0.1',
		PORT: String(appPort),
		ORIGIN: appUrl,
		SUPABASE_LOCAL_PORT: String(stackPort),
		PUBLIC_SUPABASE_URL: stackUrl,
		SUPABASE_LOCAL_DATA_DIR: dataDir,
		DATABASE_URL: '',
		CLEARCALL_BUILD_DIR: buildDir
	}
});
const stopApp = () => {
	try {
		process.kill(-app.pid!, 'SIGTERM');
	} catch {
		// already gone
	}
	rmSync(dataDir, { recursive: true, force: true });
};

try {
	for (let i = 0; ; i++) {
		if (i > 600) throw new Error('the app did not start');
		const ok = await fetch(`${appUrl}/signin`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) break;
		await new Promise((r) => setTimeout(r, 250));
	}

	// A fresh call for shopper 1 on a published library scenario, today, at a seeded site.
	const admin = createClient(stackUrl, dotenv.SUPABASE_SERVICE_ROLE_KEY, {
		auth: { persistSession: false }
	});
	const { data: shopper } = await admin
		.from('profiles')
		.select('id')
		.eq('email', 'shopper1@demo.clearcall.test')
		.single();
	const { data: version } = await admin
		.from('scenario_versions')
		.select('id, scenarios!inner(organisation_id)')
		.eq('status', 'published')
		.limit(1)
		.single();
	if (!shopper || !version)
		throw new Error('the demo seed has no shopper 1 or no published scenario');
	const now = Date.now();
	const { data: call, error } = await admin
		.from('test_calls')
		.insert({
			organisation_id: (version.scenarios as unknown as { organisation_id: string })
				.organisation_id,
			scenario_version_id: version.id,
			site_id: '5e000000-0000-4000-8000-0000000000a1',
			line_id: '1e000000-0000-4000-8000-000000000101',
			shopper_id: shopper.id,
			window_start: new Date(now - 3600_000).toISOString(),
			window_end: new Date(now + 3 * 3600_000).toISOString()
		})
		.select('id')
		.single();
	if (error || !call) throw new Error(`could not create the call: ${error?.message}`);

	// Sign in through the real form; the session lives in SvelteKit's cookies.
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.slice(1) });
	const page = await browser.newPage();
	await page.goto(`${appUrl}/signin`);
	await page.locator('#email').fill('shopper1@demo.clearcall.test');
	await page.locator('#password').fill('clearcall-demo');
	await page.getByTestId('submit').click();
	await page.waitForURL((u) => u.pathname !== '/signin');
	const cookies = await page.context().cookies();
	const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	await browser.close();

	const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
	try {
		// extraHeaders carries the session on the page's own requests; Chromium leaves a Cookie
		// header set that way off the app's fetch() calls, so the jar gets the cookies as well.
		const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
		await cdp.contexts()[0].addCookies(cookies);
		const url = `${appUrl}/shopper/calls/${call.id}`;
		const result = await lighthouse(url, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: ['performance', 'accessibility', 'best-practices'],
			extraHeaders: { Cookie: cookie },
			// Storage reset would drop the cookies just set.
			disableStorageReset: true
		});
		if (!result) throw new Error('lighthouse returned nothing');
		const { categories, audits } = result.lhr;
		for (const cat of Object.values(categories)) {
			const lost = cat.auditRefs
				.filter((r) => r.weight > 0 && (audits[r.id].score ?? 1) < 1)
				.map((r) => `${r.id}=${audits[r.id].displayValue ?? audits[r.id].score}`);
			if (lost.length) console.log(`${cat.id}: ${lost.join(', ')}`);
		}
		// Best practices loses points for console errors: name them, they are usually quick to fix.
		const logged = audits['errors-in-console'].details as { items?: object[] } | undefined;
		for (const item of logged?.items ?? []) {
			console.log(`console error: ${JSON.stringify(item).slice(0, 300)}`);
		}
		for (const id of [
			'first-contentful-paint',
			'largest-contentful-paint',
			'total-blocking-time'
		]) {
			console.log(`${id}: ${audits[id].displayValue}`);
		}
		const score = (id: string) => Math.round((categories[id].score ?? 0) * 100);
		console.log(
			`lighthouse_performance=${score('performance')} lighthouse_accessibility=${score('accessibility')} lighthouse_best_practices=${score('best-practices')}`
		);
	} finally {
		chrome.kill();
	}
} finally {
	stopApp();
}
