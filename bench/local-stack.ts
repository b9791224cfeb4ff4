/**
 * How much the embedded stack adds to a query: the median time of a supabase-js select of 100 rows
 * with one embedded relation through /rest/v1, divided by the median time of the very SQL the stack
 * generated for it run directly on the same database; then requests per second for 20 concurrent
 * clients. `DATABASE_URL` switches from PGlite to a server Postgres.
 *
 * Run: npx tsx bench/local-stack.ts
 */
import os from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@supabase/supabase-js';
import { startTestStack } from '../supabase/local/tests/stack';
import { planRead, readRequest } from '../supabase/local/src/rest/get';
import { getSchema } from '../supabase/local/src/rest/schema';
import type { ApiRequest } from '../supabase/local/src/http/types';

const SITES = 50;
const CALLS = 1000;
const WARMUP = 30;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const RPS_SECONDS = Number(process.env.BENCH_RPS_SECONDS ?? 5);
const CLIENTS = 20;

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function timeIt(n: number, fn: () => PromiseLike<unknown>): Promise<number[]> {
	const out: number[] = [];
	for (let i = 0; i < n; i++) {
		const t = performance.now();
		await fn();
		out.push(performance.now() - t);
	}
	return out;
}

const log = (msg: string) => console.log(`[bench local-stack] ${msg}`);

const stack = await startTestStack();
try {
	log(`stack on ${stack.url}, backend ${stack.db.backend}`);
	await stack.db.exec(`
		create table bench_sites (id int primary key, name text not null, city text, timezone text not null default 'UTC');
		create table bench_calls (
			id bigint generated always as identity primary key,
			site_id int not null references bench_sites(id),
			placed_at timestamptz not null default now(),
			score numeric(5,2),
			status text not null default 'new',
			notes text
		);
		create index on bench_calls (site_id);
		insert into bench_sites (id, name, city)
			select i, 'Site ' || i, 'City ' || (i % 7) from generate_series(1, ${SITES}) i;
		insert into bench_calls (site_id, placed_at, score, status, notes)
			select 1 + (i % ${SITES}), now() - i * interval '1 hour', (i % 100) + 0.5,
				(array['new','scored','disputed'])[1 + i % 3], 'call ' || i
			from generate_series(1, ${CALLS}) i;
		analyze bench_sites; analyze bench_calls;
	`);
	log(`fixtures: ${SITES} bench_sites, ${CALLS} bench_calls`);

	const client = stack.anon();
	const select = () => client.from('bench_calls').select('*, site:bench_sites(*)').limit(100);
	const first = await select();
	if (first.error || first.data?.length !== 100 || !first.data[0].site) {
		throw new Error(
			`the bench query did not return 100 rows with a site: ${JSON.stringify(first.error)}`
		);
	}

	// The statement the stack runs for exactly this request.
	const url = new URL(`${stack.url}/rest/v1/bench_calls?select=*,site:bench_sites(*)&limit=100`);
	const fake = {
		url,
		method: 'GET',
		headers: {},
		header: () => undefined
	} as unknown as ApiRequest;
	const { sql, params } = planRead(await getSchema(stack.db), 'bench_calls', readRequest(fake));
	const direct = () => stack.db.query(sql, params);

	// The floor no server can go below: the same supabase-js call against a bare HTTP server that
	// answers with the very bytes the stack sent (no routing, JWT, query or JSON work). The ratio does
	// not use it; it shows how much of the overhead is the client and HTTP itself.
	const reply = await fetch(url, { headers: { apikey: stack.anonKey } });
	const replyHeaders = Object.fromEntries(reply.headers);
	for (const h of ['date', 'connection', 'keep-alive', 'transfer-encoding']) delete replyHeaders[h];
	const replyBody = await reply.text();
	const bare = createServer((_req, res) => res.writeHead(200, replyHeaders).end(replyBody));
	await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
	const bareClient = createClient(
		`http://127.0.0.1:${(bare.address() as AddressInfo).port}`,
		stack.anonKey,
		{ auth: { persistSession: false, autoRefreshToken: false } }
	);
	const floor = () => bareClient.from('bench_calls').select('*, site:bench_sites(*)').limit(100);

	await timeIt(WARMUP, select);
	await timeIt(WARMUP, direct);
	await timeIt(WARMUP, floor);
	// Interleave the series so drift (GC, other load on the machine) hits them alike.
	const viaStack: number[] = [];
	const viaSql: number[] = [];
	const viaBare: number[] = [];
	// CPU time (client and server share this process) does not swing with the machine's load.
	let cpuStack = 0;
	let cpuSql = 0;
	const cpu = () => {
		const u = process.cpuUsage();
		return (u.user + u.system) / 1000;
	};
	for (let i = 0; i < SAMPLES; i += 10) {
		let c = cpu();
		viaStack.push(...(await timeIt(10, select)));
		cpuStack += cpu() - c;
		c = cpu();
		viaSql.push(...(await timeIt(10, direct)));
		cpuSql += cpu() - c;
		viaBare.push(...(await timeIt(10, floor)));
	}
	bare.closeAllConnections();
	bare.close();
	const mStack = median(viaStack);
	const mSql = median(viaSql);
	log(
		`median via stack ${mStack.toFixed(3)} ms, direct SQL ${mSql.toFixed(3)} ms (${SAMPLES} samples each)`
	);
	log(
		`floor: the same supabase-js call to a bare server answering the same bytes ${median(viaBare).toFixed(3)} ms (${(median(viaBare) / mSql).toFixed(2)} × direct SQL)`
	);
	log(
		`CPU per request: via stack ${(cpuStack / SAMPLES).toFixed(3)} ms, direct SQL ${(cpuSql / SAMPLES).toFixed(3)} ms (ratio ${(cpuStack / cpuSql).toFixed(2)}); load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`
	);

	let done = 0;
	let failed = 0;
	const until = performance.now() + RPS_SECONDS * 1000;
	const t0 = performance.now();
	await Promise.all(
		Array.from({ length: CLIENTS }, async () => {
			const c = stack.anon();
			while (performance.now() < until) {
				const r = await c.from('bench_calls').select('*, site:bench_sites(*)').limit(100);
				if (r.error) failed++;
				else done++;
			}
		})
	);
	const rps = done / ((performance.now() - t0) / 1000);
	log(`${CLIENTS} clients for ${RPS_SECONDS} s: ${done} requests, ${failed} failed`);
	if (failed) throw new Error(`${failed} requests failed under load`);
	console.log(
		`stack_overhead_ratio=${(mStack / mSql).toFixed(2)} rps_20_clients=${rps.toFixed(0)} backend=${stack.db.backend}`
	);
} finally {
	await stack.close();
}
