/**
 * End-to-end tests in Debian's Chromium (Playwright never downloads a browser of its own) against the production build:
 * `npm run build && npm start` on free ports with a throw-away data directory, so every run starts
 * from the seed and never touches a developer's `.data/`.
 */
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
	});
}

// Workers load this file again; choosing once in the runner and passing the choice down through the
// environment keeps the app, the stack and every worker on the same ports and data directory.
process.env.E2E_APP_PORT ??= String(await freePort());
process.env.E2E_STACK_PORT ??= String(await freePort());
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'cc-e2e-'));
// The build stays inside the project (its server imports from node_modules) but in a directory of
// its own, so a second run in the same checkout cannot replace the files this one is serving.
process.env.E2E_BUILD_ROOT ??= path.resolve('.e2e', `run-${process.env.E2E_APP_PORT}`);

const baseURL = `http://127.0.0.1:${process.env.E2E_APP_PORT}`;
const stackURL = `http://127.0.0.1:${process.env.E2E_STACK_PORT}`;
process.env.E2E_STACK_URL = stackURL;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	// Per run, like the build: Playwright empties its output directory when a run starts.
	outputDir: `test-results/run-${process.env.E2E_APP_PORT}`,
	timeout: 30_000,
	expect: { timeout: 10_000 },
	retries: 0,
	workers: 2,
	forbidOnly: !!process.env.CI,
	// scripts/test.ts sets PLAYWRIGHT_JSON_OUTPUT_NAME to count results; the json reporter writes there.
	reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
	use: {
		baseURL,
		locale: 'en-GB',
		timezoneId: 'Asia/Shanghai',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
	globalTeardown: './tests/e2e/teardown',
	webServer: {
		command: 'npm run build && npm start',
		url: `${baseURL}/signin`,
		reuseExistingServer: false,
		timeout: 300_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			HOST: '127.0.0.1',
			PORT: process.env.E2E_APP_PORT,
			// SvelteKit's CSRF check compares a form's Origin with this.
			ORIGIN: baseURL,
			SUPABASE_LOCAL_PORT: process.env.E2E_STACK_PORT,
			PUBLIC_SUPABASE_URL: stackURL,
			SUPABASE_LOCAL_DATA_DIR: process.env.E2E_DATA_DIR,
			// Always PGlite: the server Postgres belongs to the stack and RLS suites.
			DATABASE_URL: '',
			CLEARCALL_BUILD_DIR: path.join(process.env.E2E_BUILD_ROOT, 'build'),
			CLEARCALL_KIT_DIR: path.join(process.env.E2E_BUILD_ROOT, 'kit')
		}
	}
});
