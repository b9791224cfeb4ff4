/**
 * The stack's configuration, read from the environment and the project's `.env`. On first start the
 * four Supabase values are generated and written to `.env`, so the app and the stack agree on keys.
 */
import { existsSync, readFileSync, appendFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { signJwt } from './jwt';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface StackConfig {
	host: string;
	port: number;
	jwtSecret: string;
	anonKey: string;
	serviceRoleKey: string;
	/** Where PGlite, stored objects and the mail outbox live. */
	dataDir: string;
	/** PGlite directory or `memory://`; ignored when databaseUrl is set. */
	pgliteDir: string;
	databaseUrl?: string;
	/** Access-token lifetime, seconds. */
	jwtExpiry: number;
	/** The app's URL, where recovery and invite links point. */
	siteUrl: string;
	migrationsDir: string;
	seedPath: string | null;
	/** Largest request body accepted, bytes (uploads have their own bucket limits). */
	maxBodyBytes: number;
	/** Sign-in attempts allowed per account and per IP in one window. */
	signInLimit: { attempts: number; windowMs: number };
}

/** Parses KEY=value lines (quotes optional, # comments). */
export function parseDotenv(text: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const line of text.split(/\r?\n/)) {
		const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
		if (!m) continue;
		let v = m[2];
		if (/^(['"]).*\1$/.test(v)) v = v.slice(1, -1);
		out[m[1]] = v;
	}
	return out;
}

const TEN_YEARS = 10 * 365 * 24 * 3600;

/** Makes sure `.env` holds the four Supabase values; returns the merged environment. */
export async function ensureEnvFile(
	envPath = path.join(PROJECT_ROOT, '.env'),
	port = Number(process.env.SUPABASE_LOCAL_PORT ?? 54321)
): Promise<Record<string, string>> {
	const existing = existsSync(envPath) ? parseDotenv(readFileSync(envPath, 'utf8')) : {};
	const env = { ...existing, ...definedEnv() };
	const add: Record<string, string> = {};
	const secret = env.SUPABASE_JWT_SECRET ?? randomBytes(32).toString('hex');
	if (!env.SUPABASE_JWT_SECRET) add.SUPABASE_JWT_SECRET = secret;
	if (!env.PUBLIC_SUPABASE_URL) add.PUBLIC_SUPABASE_URL = `http://127.0.0.1:${port}`;
	if (!env.PUBLIC_SUPABASE_ANON_KEY)
		add.PUBLIC_SUPABASE_ANON_KEY = await signJwt(
			{ role: 'anon', iss: 'supabase' },
			secret,
			TEN_YEARS
		);
	if (!env.SUPABASE_SERVICE_ROLE_KEY)
		add.SUPABASE_SERVICE_ROLE_KEY = await signJwt(
			{ role: 'service_role', iss: 'supabase' },
			secret,
			TEN_YEARS
		);
	if (Object.keys(add).length) {
		const lines = Object.entries(add).map(([k, v]) => `${k}=${v}`);
		const prefix = existsSync(envPath) && !readFileSync(envPath, 'utf8').endsWith('\n') ? '\n' : '';
		appendFileSync(
			envPath,
			`${prefix}# Written by supabase/local on first start; replace with a real project's values to switch.\n${lines.join('\n')}\n`
		);
	}
	return { ...env, ...add };
}

function definedEnv(): Record<string, string> {
	return Object.fromEntries(
		Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)
	);
}

/** The configuration for a stack from an environment (as returned by ensureEnvFile). */
export function configFromEnv(
	env: Record<string, string>,
	overrides: Partial<StackConfig> = {}
): StackConfig {
	const dataDir =
		overrides.dataDir ?? env.SUPABASE_LOCAL_DATA_DIR ?? path.join(PROJECT_ROOT, '.data');
	return {
		host: '127.0.0.1',
		port: Number(env.SUPABASE_LOCAL_PORT ?? 54321),
		jwtSecret: env.SUPABASE_JWT_SECRET,
		anonKey: env.PUBLIC_SUPABASE_ANON_KEY,
		serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY,
		dataDir,
		pgliteDir: path.join(dataDir, 'pglite'),
		databaseUrl: env.DATABASE_URL || undefined,
		jwtExpiry: Number(env.SUPABASE_JWT_EXPIRY ?? 3600),
		siteUrl: env.ORIGIN ?? env.PUBLIC_SITE_URL ?? 'http://localhost:5173',
		migrationsDir:
			env.SUPABASE_LOCAL_MIGRATIONS_DIR ?? path.join(PROJECT_ROOT, 'supabase/migrations'),
		seedPath: env.SUPABASE_LOCAL_SEED ?? path.join(PROJECT_ROOT, 'supabase/seed.sql'),
		maxBodyBytes: 10 * 1024 * 1024,
		signInLimit: { attempts: 10, windowMs: 5 * 60 * 1000 },
		...overrides
	};
}
