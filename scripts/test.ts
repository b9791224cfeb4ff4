/**
 * `npm test`: every suite, in the order a failure is cheapest to find.
 *  0. svelte-check, Prettier and ESLint;
 *  1. vitest on PGlite: unit, property, stack conformance, RLS matrix, generated-types freshness;
 *  2. the stack and RLS suites again on the server Postgres when DATABASE_URL is set (.ci/run sets it);
 *  3. Playwright e2e in /usr/bin/chromium against `build` + `start`.
 * Ends with one line `N passed, N failed` summing all of them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

interface Tally {
	passed: number;
	failed: number;
	skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const out = mkdtempSync(path.join(tmpdir(), 'cc-test-'));
let exitCode = 0;

function run(
	label: string,
	cmd: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	report: string,
	read: (json: unknown) => Tally
) {
	console.log(`\n=== ${label}`);
	const started = Date.now();
	const r = spawnSync(cmd, args, { stdio: 'inherit', env });
	let t: Tally = { passed: 0, failed: r.status === 0 ? 0 : 1, skipped: 0 };
	if (existsSync(report)) t = read(JSON.parse(readFileSync(report, 'utf8')));
	if (r.status !== 0) {
		exitCode = 1;
		if (t.failed === 0) t.failed = 1; // a crash before any test ran still counts as a failure
	}
	total.passed += t.passed;
	total.failed += t.failed;
	total.skipped += t.skipped;
	console.log(
		`=== ${label}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped in ${((Date.now() - started) / 1000).toFixed(0)} s`
	);
}

const vitestTally = (j: unknown): Tally => {
	const v = j as {
		numPassedTests: number;
		numFailedTests: number;
		numPendingTests: number;
		numTodoTests: number;
	};
	return {
		passed: v.numPassedTests,
		failed: v.numFailedTests,
		skipped: v.numPendingTests + v.numTodoTests
	};
};
const playwrightTally = (j: unknown): Tally => {
	const s = (
		j as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }
	).stats;
	return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
};

const { DATABASE_URL, ...envWithoutDb } = process.env;
const only = process.argv.slice(2);
const want = (step: string) => only.length === 0 || only.includes(step);

if (want('static')) {
	// Types and style first: they fail in seconds where a broken suite takes minutes.
	const none = path.join(out, 'none.json');
	const noTally = (): Tally => ({ passed: 0, failed: 0, skipped: 0 });
	run('svelte-check', 'npm', ['run', '--silent', 'check'], envWithoutDb, none, noTally);
	run('prettier + eslint', 'npm', ['run', '--silent', 'lint'], envWithoutDb, none, noTally);
}
if (want('unit')) {
	const report = path.join(out, 'vitest-pglite.json');
	run(
		'vitest (PGlite)',
		'npx',
		['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
		envWithoutDb,
		report,
		vitestTally
	);
}
if (want('postgres')) {
	if (DATABASE_URL) {
		const report = path.join(out, 'vitest-postgres.json');
		run(
			'vitest stack + RLS (server Postgres)',
			'npx',
			[
				'vitest',
				'run',
				'supabase/local/tests',
				'tests/rls',
				'--reporter=default',
				'--reporter=json',
				`--outputFile.json=${report}`
			],
			{ ...envWithoutDb, DATABASE_URL },
			report,
			vitestTally
		);
	} else {
		console.log(
			'\n=== server Postgres: skipped (DATABASE_URL not set; .ci/run sets it when 127.0.0.1:5432 answers)'
		);
	}
}
if (want('e2e')) {
	const report = path.join(out, 'playwright.json');
	run(
		'Playwright e2e (Chromium)',
		'npx',
		['playwright', 'test'],
		{ ...envWithoutDb, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
		report,
		playwrightTally
	);
}

rmSync(out, { recursive: true, force: true });
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(exitCode);
