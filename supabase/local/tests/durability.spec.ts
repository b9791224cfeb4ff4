/**
 * Killing the stack's process mid-write loses nothing it acknowledged: the stack runs as a child process
 * (`tsx supabase/local/src/cli.ts start`), is sent SIGKILL while writes are in flight, and is started again
 * on the same data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createClient } from '@supabase/supabase-js';
import { signJwt } from '../src/jwt';
import { createServerDatabase } from './stack';

const freePort = () =>
	new Promise<number>((resolve) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});

describe('durability', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'cc-durable-'));
	let env: NodeJS.ProcessEnv;
	let url: string;
	let serviceKey: string;
	let dropDb: (() => Promise<void>) | undefined;

	beforeAll(async () => {
		const secret = randomBytes(32).toString('hex');
		serviceKey = await signJwt({ role: 'service_role' }, secret, 3600);
		const migrations = path.join(dir, 'migrations');
		mkdirSync(migrations);
		writeFileSync(
			path.join(migrations, '20260101000000_notes.sql'),
			`create table public.notes (id bigint generated always as identity primary key, body text not null);
			 alter table public.notes enable row level security;`
		);
		const port = await freePort();
		url = `http://127.0.0.1:${port}`;
		let databaseUrl = '';
		if (process.env.DATABASE_URL) {
			const db = await createServerDatabase(process.env.DATABASE_URL);
			databaseUrl = db.url;
			dropDb = db.drop;
		}
		env = {
			...process.env,
			DATABASE_URL: databaseUrl,
			SUPABASE_LOCAL_PORT: String(port),
			SUPABASE_LOCAL_DATA_DIR: path.join(dir, 'data'),
			SUPABASE_LOCAL_MIGRATIONS_DIR: migrations,
			SUPABASE_LOCAL_SEED: path.join(dir, 'no-seed.sql'),
			SUPABASE_JWT_SECRET: secret,
			PUBLIC_SUPABASE_URL: url,
			PUBLIC_SUPABASE_ANON_KEY: await signJwt({ role: 'anon' }, secret, 3600),
			SUPABASE_SERVICE_ROLE_KEY: serviceKey
		};
	});
	afterAll(async () => {
		await dropDb?.();
		rmSync(dir, { recursive: true, force: true });
	});

	async function start(): Promise<ChildProcess> {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', 'supabase/local/src/cli.ts', 'start'],
			{
				env,
				stdio: 'pipe'
			}
		);
		await new Promise<void>((resolve, reject) => {
			let out = '';
			const timer = setTimeout(() => reject(new Error(`stack did not start: ${out}`)), 60_000);
			const onData = (b: Buffer) => {
				out += b.toString();
				if (out.includes('listening on')) {
					clearTimeout(timer);
					resolve();
				}
			};
			child.stdout!.on('data', onData);
			child.stderr!.on('data', onData);
			child.once('exit', (code) => reject(new Error(`stack exited ${code}: ${out}`)));
		});
		return child;
	}

	function kill(child: ChildProcess) {
		// The child is the stack's own node process (no npx wrapper), so SIGKILL cuts it off mid-write.
		return new Promise<void>((resolve) => {
			child.once('exit', () => resolve());
			child.kill('SIGKILL');
		});
	}

	it(
		'keeps every acknowledged insert after SIGKILL during a burst of writes',
		{ timeout: 120_000 },
		async () => {
			let child = await start();
			const client = createClient(url, serviceKey, { auth: { persistSession: false } });
			const acknowledged: string[] = [];
			let stopped = false;
			const writer = async (w: number) => {
				for (let i = 0; !stopped; i++) {
					const body = `w${w}-${i}`;
					const { error } = await client.from('notes').insert({ body });
					if (error) return; // the process died under this request: it was never acknowledged
					acknowledged.push(body);
				}
			};
			const writers = [0, 1, 2, 3].map(writer);
			while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 10));
			await kill(child);
			stopped = true;
			await Promise.all(writers);

			child = await start();
			const { data, error } = await client.from('notes').select('body');
			await kill(child);
			expect(error).toBeNull();
			const stored = new Set((data ?? []).map((r) => r.body));
			const lost = acknowledged.filter((b) => !stored.has(b));
			expect(acknowledged.length).toBeGreaterThanOrEqual(40);
			expect(lost).toEqual([]);
		}
	);
});
