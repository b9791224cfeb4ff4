import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signJwt } from '../../supabase/local/src/jwt';
import { banner, isLocalSupabaseUrl, startEmbeddedStack } from '../../scripts/local-stack';

const saved = { ...process.env };
let dataDir: string;

beforeEach(async () => {
	dataDir = mkdtempSync(path.join(tmpdir(), 'cc-local-stack-'));
	const secret = 'x'.repeat(40);
	// Every value ensureEnvFile would otherwise generate is given, so the project's .env is untouched.
	Object.assign(process.env, {
		SUPABASE_JWT_SECRET: secret,
		PUBLIC_SUPABASE_ANON_KEY: await signJwt({ role: 'anon' }, secret, 3600),
		SUPABASE_SERVICE_ROLE_KEY: await signJwt({ role: 'service_role' }, secret, 3600),
		SUPABASE_LOCAL_DATA_DIR: dataDir,
		SUPABASE_LOCAL_PORT: '0',
		DATABASE_URL: ''
	});
});

afterEach(() => {
	for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
	Object.assign(process.env, saved);
	rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded stack next to the app', () => {
	it('starts for a local URL, on the port it gets, and tells the app where it is', async () => {
		process.env.PUBLIC_SUPABASE_URL = 'http://127.0.0.1:54321';
		const s = await startEmbeddedStack('http://localhost:3000');
		try {
			expect(s.stack).toBeDefined();
			expect(s.supabaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(s.supabaseUrl).not.toBe('http://127.0.0.1:54321');
			expect(process.env.PUBLIC_SUPABASE_URL).toBe(s.supabaseUrl);
			const health = await fetch(`${s.supabaseUrl}/health`);
			expect(await health.json()).toMatchObject({ status: 'ok' });
		} finally {
			await s.close();
		}
	}, 60_000);

	it('starts nothing when .env points at a real project', async () => {
		process.env.PUBLIC_SUPABASE_URL = 'https://abcdefgh.supabase.co';
		const s = await startEmbeddedStack('http://localhost:3000');
		expect(s.stack).toBeUndefined();
		expect(s.supabaseUrl).toBe('https://abcdefgh.supabase.co');
		expect(process.env.PUBLIC_SUPABASE_URL).toBe('https://abcdefgh.supabase.co');
	});

	it('treats only loopback addresses as local', () => {
		expect(isLocalSupabaseUrl('http://127.0.0.1:54321')).toBe(true);
		expect(isLocalSupabaseUrl('http://localhost:54321')).toBe(true);
		expect(isLocalSupabaseUrl('http://[::1]:54321')).toBe(true);
		expect(isLocalSupabaseUrl('https://abcdefgh.supabase.co')).toBe(false);
		expect(isLocalSupabaseUrl('http://127.0.0.1.evil.example')).toBe(false);
		expect(isLocalSupabaseUrl('not a url')).toBe(false);
	});

	it('prints where things are and the demo logins, and the outbox only in development', () => {
		const s = { supabaseUrl: 'https://abcdefgh.supabase.co', close: async () => {} };
		const text = banner('http://localhost:5173/', s);
		expect(text).toContain('http://localhost:5173/');
		expect(text).toContain('remote Supabase project');
		expect(text).toContain('admin@demo.clearcall.test');
		expect(text).toContain('clearcall-demo');
		expect(text).not.toContain('/dev/outbox');
	});
});
