/** /auth/v1 robustness: bad input is a 4xx in GoTrue's shape, never a 500; gates; rate limits. */
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './stack';
import { PASSWORD, authFetch, newEmail, signUp } from './auth-helpers';

let stack: TestStack;
let limited: TestStack;
beforeAll(async () => {
	stack = await startTestStack();
	// A lean second stack (no project migrations) with a tight sign-in limit.
	const dir = mkdtempSync(path.join(tmpdir(), 'cc-auth-limit-'));
	mkdirSync(path.join(dir, 'migrations'));
	limited = await startTestStack({
		migrationsDir: path.join(dir, 'migrations'),
		seedPath: null,
		signInLimit: { attempts: 3, windowMs: 60_000 }
	});
});
afterAll(async () => {
	await stack?.close();
	await limited?.close();
});

const post = (p: string, body: string, headers: Record<string, string> = {}) =>
	authFetch(stack, p, {
		method: 'POST',
		body,
		headers: { 'content-type': 'application/json', ...headers }
	});

describe('malformed requests', () => {
	it.each([
		['not JSON', 'not json'],
		['an empty body', ''],
		['a JSON array', '[1, 2]'],
		['a JSON string', '"hello"'],
		['an e-mail that is a number', '{"email": 123, "password": "long-enough-pw"}'],
		['a password that is an array', '{"email": "a@b.test", "password": ["x"]}'],
		[
			'metadata that is a string',
			'{"email": "a@b.test", "password": "long-enough-pw", "data": "x"}'
		]
	])('signup with %s answers 400 bad_json', async (_name, body) => {
		const res = await post('/signup', body);
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ code: 400, error_code: 'bad_json' });
	});

	it('the password grant with wrong types or no address answers 400, not 500', async () => {
		for (const body of ['{"email": {}, "password": "x"}', '{}', '{"password": "x"}', 'null']) {
			const res = await post('/token?grant_type=password', body);
			expect(res.status, body).toBe(400);
		}
	});

	it('PUT /user and the admin API check types too', async () => {
		const { session, user } = await signUp(stack);
		const put = await authFetch(stack, '/user', {
			method: 'PUT',
			bearer: session.access_token,
			body: '{"data": [1]}',
			headers: { 'content-type': 'application/json' }
		});
		expect(put.status).toBe(400);
		const admin = await authFetch(stack, `/admin/users/${user.id}`, {
			method: 'PUT',
			bearer: stack.serviceRoleKey,
			json: { email_confirm: 'yes' }
		});
		expect(admin.status).toBe(400);
		expect((await admin.json()).error_code).toBe('bad_json');
	});

	it('a huge body answers 413 and the stack keeps serving', async () => {
		const big = JSON.stringify({
			email: newEmail(),
			password: PASSWORD,
			data: { x: 'a'.repeat(600_000) }
		});
		const res = await post('/signup', big);
		expect(res.status).toBe(413);
		const huger = await post('/signup', 'x'.repeat(11 * 1024 * 1024));
		expect(huger.status).toBe(413);
		const ok = await stack.anon().auth.signUp({ email: newEmail(), password: PASSWORD });
		expect(ok.error).toBeNull();
	});

	it('an unknown route answers 404 and a wrong method 405', async () => {
		expect((await authFetch(stack, '/nope')).status).toBe(404);
		expect((await authFetch(stack, '/signup')).status).toBe(405);
		expect((await authFetch(stack, '/admin/users/x/y')).status).toBe(404);
	});
});

describe('gates and error shapes', () => {
	it("answers like Kong without an API key or with one that is not the project's", async () => {
		const none = await authFetch(stack, '/settings', { apikey: null });
		expect(none.status).toBe(401);
		expect(await none.json()).toEqual({ message: 'No API key found in request' });
		const { signJwt } = await import('../src/jwt');
		const foreign = await signJwt({ role: 'anon' }, 'z'.repeat(40), 3600);
		const { session } = await signUp(stack);
		for (const key of [foreign, session.access_token, 'garbage']) {
			const res = await authFetch(stack, '/settings', { apikey: key });
			expect(res.status).toBe(401);
			expect(await res.json()).toEqual({ message: 'Invalid API key' });
		}
	});

	it('lets e-mail links through without an API key', async () => {
		const res = await authFetch(stack, '/verify?token=x&type=recovery', { apikey: null });
		expect(res.status).toBe(303);
	});

	it('uses the 2024-01-01 error shape when asked, and the legacy one otherwise', async () => {
		const body = JSON.stringify({ email: newEmail(), password: 'whatever-pass' });
		const legacy = await post('/token?grant_type=password', body);
		expect(await legacy.json()).toEqual({
			code: 400,
			error_code: 'invalid_credentials',
			msg: 'Invalid login credentials'
		});
		const v2024 = await post('/token?grant_type=password', body, {
			'x-supabase-api-version': '2024-01-01'
		});
		expect(v2024.headers.get('x-supabase-api-version')).toBe('2024-01-01');
		expect(await v2024.json()).toEqual({
			code: 'invalid_credentials',
			message: 'Invalid login credentials'
		});
		expect(v2024.headers.get('access-control-expose-headers')).toContain('x-supabase-api-version');
	});

	it('serves /settings and /health', async () => {
		const settings = await (await authFetch(stack, '/settings')).json();
		expect(settings).toMatchObject({
			disable_signup: false,
			mailer_autoconfirm: true,
			external: { email: true, phone: false, anonymous_users: false }
		});
		const health = await (await authFetch(stack, '/health')).json();
		expect(health.name).toBe('GoTrue');
	});

	it('concurrent refreshes of one token all succeed and agree on the next token', async () => {
		const { session } = await signUp(stack);
		const answers = await Promise.all(
			Array.from({ length: 8 }, () =>
				authFetch(stack, '/token?grant_type=refresh_token', {
					method: 'POST',
					json: { refresh_token: session.refresh_token }
				})
			)
		);
		expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
		const tokens = new Set(
			await Promise.all(answers.map(async (r) => (await r.json()).refresh_token))
		);
		expect(tokens.size).toBe(1);
	});
});

describe('sign-in rate limiting', () => {
	const from = (ip: string) =>
		createClient(limited.url, limited.anonKey, {
			auth: { persistSession: false, autoRefreshToken: false },
			global: { headers: { 'x-forwarded-for': ip } }
		}).auth;

	it('locks an account after repeated failures, from any address, even with the right password', async () => {
		const { email } = await signUp(limited);
		for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
			const { error } = await from(ip).signInWithPassword({ email, password: 'wrong-password' });
			expect(error?.code).toBe('invalid_credentials');
		}
		const { data, error } = await from('10.0.0.4').signInWithPassword({
			email,
			password: PASSWORD
		});
		expect(data.session).toBeNull();
		expect(error?.status).toBe(429);
		expect(error?.code).toBe('over_request_rate_limit');
		const other = await signUp(limited);
		const ok = await from('10.0.0.4').signInWithPassword({
			email: other.email,
			password: PASSWORD
		});
		expect(ok.error).toBeNull();
	});

	it('locks an address after repeated failures across accounts, not other addresses', async () => {
		for (let i = 0; i < 3; i++) {
			await from('10.0.1.1').signInWithPassword({
				email: newEmail('spray'),
				password: 'nope-nope'
			});
		}
		const { email } = await signUp(limited);
		const blocked = await from('10.0.1.1').signInWithPassword({ email, password: PASSWORD });
		expect(blocked.error?.status).toBe(429);
		const res = await fetch(`${limited.url}/auth/v1/token?grant_type=password`, {
			method: 'POST',
			headers: {
				apikey: limited.anonKey,
				'content-type': 'application/json',
				'x-forwarded-for': '10.0.1.1'
			},
			body: JSON.stringify({ email, password: PASSWORD })
		});
		expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
		const elsewhere = await from('10.0.1.2').signInWithPassword({ email, password: PASSWORD });
		expect(elsewhere.error).toBeNull();
	});

	it('throttles guesses of e-mailed 6-digit codes like wrong passwords', async () => {
		const { email } = await signUp(limited);
		await from('10.0.3.1').resetPasswordForEmail(email);
		const res = await authFetch(limited, `/outbox?email=${encodeURIComponent(email)}`, {
			bearer: limited.serviceRoleKey
		});
		const code = /enter the code: (\d{6})/.exec((await res.json())[0].body)![1];
		const wrong = code === '000000' ? '111111' : '000000';
		for (let i = 0; i < 3; i++) {
			const { error } = await from('10.0.3.1').verifyOtp({ email, token: wrong, type: 'recovery' });
			expect(error?.code).toBe('otp_expired');
		}
		const right = await from('10.0.3.2').verifyOtp({ email, token: code, type: 'recovery' });
		expect(right.error?.status).toBe(429);
		expect(right.data.session).toBeNull();
	});

	it('does not count successful sign-ins', async () => {
		const { email } = await signUp(limited);
		for (let i = 0; i < 5; i++) {
			const { error } = await from('10.0.2.1').signInWithPassword({ email, password: PASSWORD });
			expect(error).toBeNull();
		}
	});
});
