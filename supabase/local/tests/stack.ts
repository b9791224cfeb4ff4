/**
 * Starts a throw-away stack for one test file: PGlite in memory, or a fresh database on the server
 * Postgres when DATABASE_URL is set. Tests talk to it only over HTTP (supabase-js or fetch).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import WebSocket from 'ws';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { configFromEnv, type StackConfig } from '../src/config';
import { signJwt } from '../src/jwt';
import { startStack, type LocalStack } from '../src/index';

// supabase-js' realtime client wants a WebSocket; Node 20 has none built in.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

export interface TestStack extends LocalStack {
	anonKey: string;
	serviceRoleKey: string;
	jwtSecret: string;
	/** A supabase-js client with the anon key (no session persisted). */
	anon(): SupabaseClient;
	/** A supabase-js client with the service-role key. */
	admin(): SupabaseClient;
	/** Signs a JWT with the stack's secret (for forged/expired token tests pass another secret or exp). */
	sign(claims: Record<string, unknown>, expiresIn?: number): Promise<string>;
}

/** A fresh database on the server Postgres at baseUrl, dropped by `drop()`. */
export async function createServerDatabase(
	baseUrl: string
): Promise<{ url: string; drop(): Promise<void> }> {
	const name = `cc_test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: baseUrl });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(baseUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			const c = new pg.Client({ connectionString: baseUrl });
			await c.connect();
			await c.query(`drop database if exists ${name} with (force)`);
			await c.end();
		}
	};
}

export async function startTestStack(overrides: Partial<StackConfig> = {}): Promise<TestStack> {
	const jwtSecret = randomBytes(32).toString('hex');
	const long = 10 * 365 * 24 * 3600;
	const anonKey = await signJwt({ role: 'anon', iss: 'supabase' }, jwtSecret, long);
	const serviceRoleKey = await signJwt({ role: 'service_role', iss: 'supabase' }, jwtSecret, long);
	const dataDir = mkdtempSync(path.join(tmpdir(), 'cc-stack-'));
	const server = process.env.DATABASE_URL
		? await createServerDatabase(process.env.DATABASE_URL)
		: null;
	const config = configFromEnv(
		{
			SUPABASE_JWT_SECRET: jwtSecret,
			PUBLIC_SUPABASE_ANON_KEY: anonKey,
			SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey,
			...(server ? { DATABASE_URL: server.url } : {})
		},
		{ port: 0, dataDir, pgliteDir: 'memory://', ...overrides }
	);
	const stack = await startStack(config);
	const opts = { auth: { persistSession: false, autoRefreshToken: false } };
	return {
		...stack,
		anonKey,
		serviceRoleKey,
		jwtSecret,
		anon: () => createClient(stack.url, anonKey, opts),
		admin: () => createClient(stack.url, serviceRoleKey, opts),
		sign: (claims, expiresIn = 3600) => signJwt(claims, jwtSecret, expiresIn),
		async close() {
			await stack.close();
			await server?.drop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
