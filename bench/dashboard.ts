/**
 * Dashboard queries at 50,000 calls and ~1,000,000 item answers on the server Postgres: seeds
 * `clearcall_bench` (bench/seed/dashboard.ts; BENCH_SKIP_SEED=1 reuses it), starts the embedded stack
 * over it, signs in as the demo compliance officer, and loads the officer dashboard the way the page
 * does (every chart's RPC at once through supabase-js, so RLS and the REST layer are in the path)
 * BENCH_SAMPLES times for the default 90-day view. The dashboard time is one whole load; the
 * per-query medians and a 365-day view are printed before the last line.
 *
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/dashboard.ts
 */
import '../tests/setup/websocket';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { configFromEnv } from '../supabase/local/src/config';
import { signJwt } from '../supabase/local/src/jwt';
import { startStack } from '../supabase/local/src/index';
import { databaseUrl, seedDashboardBench } from './seed/dashboard';
import { DASHBOARD_QUERIES, dashboardArgs } from '../src/lib/server/dashboard/queries';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const WARMUP = 3;
const log = (msg: string) => console.log(`[bench dashboard] ${msg}`);

const base = process.env.DATABASE_URL;
if (!base) {
	console.log('[bench dashboard] skipped: set DATABASE_URL to a server Postgres');
	process.exit(0);
}

const quantile = (xs: number[], q: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const round = (x: number) => Math.round(x * 10) / 10;

const url = process.env.BENCH_SKIP_SEED
	? databaseUrl(base, 'clearcall_bench')
	: (await seedDashboardBench(base)).url;

const jwtSecret = randomBytes(32).toString('hex');
const long = 3600;
const anonKey = await signJwt({ role: 'anon', iss: 'supabase' }, jwtSecret, long);
const serviceRoleKey = await signJwt({ role: 'service_role', iss: 'supabase' }, jwtSecret, long);
const stack = await startStack(
	configFromEnv(
		{
			SUPABASE_JWT_SECRET: jwtSecret,
			PUBLIC_SUPABASE_ANON_KEY: anonKey,
			SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey,
			DATABASE_URL: url
		},
		{ port: 0, dataDir: mkdtempSync(path.join(tmpdir(), 'cc-bench-')) }
	)
);

try {
	const officer: SupabaseClient = createClient(stack.url, anonKey, {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const { error } = await officer.auth.signInWithPassword({
		email: 'officer@demo.clearcall.test',
		password: 'clearcall-demo'
	});
	if (error) throw new Error(`the officer could not sign in: ${error.message}`);

	for (const days of [365, 90]) {
		const to = new Date();
		const from = new Date(to.getTime() - days * 86_400_000);
		const iso = (d: Date) => d.toISOString().slice(0, 10);
		const args = dashboardArgs({ from: iso(from), to: iso(to) });
		const perQuery: Record<string, number[]> = {};
		const loads: number[] = [];
		for (let i = 0; i < WARMUP + SAMPLES; i++) {
			const t0 = performance.now();
			await Promise.all(
				DASHBOARD_QUERIES.map(async (q) => {
					const t = performance.now();
					const { data, error: e } = await officer.rpc(q.fn, args(q));
					if (e) throw new Error(`${q.fn} failed: ${e.message}`);
					if (i === 0) log(`${days} days: ${q.fn} returned ${(data as unknown[]).length} rows`);
					if (i >= WARMUP) (perQuery[q.fn] ??= []).push(performance.now() - t);
				})
			);
			if (i >= WARMUP) loads.push(performance.now() - t0);
		}
		log(
			`${days} days, ${SAMPLES} loads, per query p50 ms: ` +
				Object.entries(perQuery)
					.map(([fn, xs]) => `${fn}=${round(quantile(xs, 0.5))}`)
					.join(' ')
		);
		log(
			`${days} days: a whole dashboard load p50=${round(quantile(loads, 0.5))} ms, p95=${round(quantile(loads, 0.95))} ms`
		);
		if (days === 90) {
			log(
				`queries run: ${DASHBOARD_QUERIES.map((q) => q.fn).join(', ')} (as the officer, over /rest/v1/rpc)`
			);
			console.log(
				`dashboard_p50_ms=${round(quantile(loads, 0.5))} dashboard_p95_ms=${round(quantile(loads, 0.95))}`
			);
		}
	}
} finally {
	await stack.close();
}
