/** /auth/v1 e-mail links: recovery, magic links, verify (GET and POST), redirects, PKCE, outbox. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './stack';
import { PASSWORD, authFetch, fragment, newEmail, sessionClient, signUp } from './auth-helpers';

let stack: TestStack;
beforeAll(async () => {
	stack = await startTestStack();
});
afterAll(() => stack?.close());

interface Message {
	kind: string;
	recipient: string;
	subject: string;
	body: string;
	link: string;
}

/** The newest message the stack "sent" to an address, read through GET /outbox. */
async function lastMail(email: string): Promise<Message> {
	const res = await authFetch(stack, `/outbox?email=${encodeURIComponent(email)}&limit=1`, {
		apikey: stack.serviceRoleKey,
		bearer: stack.serviceRoleKey
	});
	expect(res.status).toBe(200);
	const [message] = await res.json();
	expect(message, `a message to ${email}`).toBeTruthy();
	return message;
}

const codeOf = (m: Message) => /enter the code: (\d{6})/.exec(m.body)![1];

describe('password recovery', () => {
	it('recovery → outbox → verify link → new password works and the old one does not', async () => {
		const { email } = await signUp(stack);
		const { error } = await stack.anon().auth.resetPasswordForEmail(email, {
			redirectTo: 'http://localhost:5173/reset'
		});
		expect(error).toBeNull();
		const mail = await lastMail(email);
		expect(mail).toMatchObject({ kind: 'recovery', subject: 'Reset Your Password' });
		const link = new URL(mail.link);
		expect(link.origin).toBe(stack.url);
		expect(link.pathname).toBe('/auth/v1/verify');
		expect(link.searchParams.get('redirect_to')).toBe('http://localhost:5173/reset');

		const res = await fetch(link, { redirect: 'manual' });
		expect(res.status).toBe(303);
		const location = res.headers.get('location')!;
		expect(location.split('#')[0]).toBe('http://localhost:5173/reset');
		const tokens = fragment(location);
		expect(tokens.get('type')).toBe('recovery');
		expect(tokens.get('token_type')).toBe('bearer');

		const client = sessionClient(stack);
		await client.auth.setSession({
			access_token: tokens.get('access_token')!,
			refresh_token: tokens.get('refresh_token')!
		});
		const updated = await client.auth.updateUser({ password: 'recovered-password' });
		expect(updated.error).toBeNull();
		const old = await stack.anon().auth.signInWithPassword({ email, password: PASSWORD });
		expect(old.error?.code).toBe('invalid_credentials');
		const now = await stack
			.anon()
			.auth.signInWithPassword({ email, password: 'recovered-password' });
		expect(now.error).toBeNull();

		const reused = await fetch(link, { redirect: 'manual' });
		expect(reused.status).toBe(303);
		expect(fragment(reused.headers.get('location')!).get('error_code')).toBe('otp_expired');
	});

	it('answers an unknown address exactly like a known one, and sends nothing', async () => {
		const email = newEmail('unknown');
		const { data, error } = await stack.anon().auth.resetPasswordForEmail(email);
		expect(error).toBeNull();
		expect(data).toEqual({});
		const res = await authFetch(stack, `/outbox?email=${encodeURIComponent(email)}`, {
			apikey: stack.serviceRoleKey,
			bearer: stack.serviceRoleKey
		});
		expect(await res.json()).toEqual([]);
	});

	it('also verifies with the 6-digit code from the e-mail, once', async () => {
		const { email } = await signUp(stack);
		await stack.anon().auth.resetPasswordForEmail(email);
		const code = codeOf(await lastMail(email));
		const wrong = await stack
			.anon()
			.auth.verifyOtp({ email, token: code === '000000' ? '111111' : '000000', type: 'recovery' });
		expect(wrong.error?.status).toBe(403);
		expect(wrong.error?.code).toBe('otp_expired');
		const ok = await stack.anon().auth.verifyOtp({ email, token: code, type: 'recovery' });
		expect(ok.error).toBeNull();
		expect(ok.data.session?.user.email).toBe(email);
		const again = await stack.anon().auth.verifyOtp({ email, token: code, type: 'recovery' });
		expect(again.error?.code).toBe('otp_expired');
	});

	it('refuses a link that has expired', async () => {
		const { email, user } = await signUp(stack);
		await stack.anon().auth.resetPasswordForEmail(email);
		const mail = await lastMail(email);
		// Fixture: the link was sent two hours ago (otp_expiry is one hour).
		await stack.db.query(
			`update auth.users set recovery_sent_at = now() - interval '2 hours' where id = $1`,
			[user.id]
		);
		const hash = new URL(mail.link).searchParams.get('token')!;
		const { error } = await stack.anon().auth.verifyOtp({ token_hash: hash, type: 'recovery' });
		expect(error?.status).toBe(403);
		expect(error?.code).toBe('otp_expired');
	});

	it('appends every message to outbox.jsonl in the data directory', async () => {
		const { email } = await signUp(stack);
		await stack.anon().auth.resetPasswordForEmail(email);
		const lines = readFileSync(path.join(stack.config.dataDir, 'outbox.jsonl'), 'utf8')
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l));
		const mine = lines.filter((l) => l.recipient === email);
		expect(mine).toHaveLength(1);
		expect(mine[0]).toMatchObject({ kind: 'recovery', otp: expect.stringMatching(/^\d{6}$/) });
	});
});

describe('redirects', () => {
	it('never redirects to a foreign origin: redirect_to falls back to the site URL', async () => {
		const { email } = await signUp(stack);
		await stack
			.anon()
			.auth.resetPasswordForEmail(email, { redirectTo: 'https://evil.example/steal' });
		const mail = await lastMail(email);
		expect(new URL(mail.link).searchParams.get('redirect_to')).toBe('http://localhost:5173');
		const link = new URL(mail.link);
		link.searchParams.set('redirect_to', 'https://evil.example/steal');
		const res = await fetch(link, { redirect: 'manual' });
		expect(res.status).toBe(303);
		expect(new URL(res.headers.get('location')!).origin).toBe('http://localhost:5173');
		for (const target of ['javascript:alert(1)', '//evil.example', 'http://user@evil.example']) {
			const l = new URL(mail.link);
			l.searchParams.set('redirect_to', target);
			const r = await fetch(l, { redirect: 'manual' });
			expect(new URL(r.headers.get('location')!).origin).toBe('http://localhost:5173');
		}
	});

	it('sends a bad link to the site URL with the error in the fragment', async () => {
		const res = await fetch(
			`${stack.url}/auth/v1/verify?token=deadbeef&type=recovery&redirect_to=${encodeURIComponent('http://localhost:5173/reset')}`,
			{ redirect: 'manual' }
		);
		expect(res.status).toBe(303);
		const location = res.headers.get('location')!;
		expect(location.split('#')[0]).toBe('http://localhost:5173/reset');
		expect(Object.fromEntries(fragment(location))).toEqual({
			error: 'access_denied',
			error_code: 'otp_expired',
			error_description: 'Email link is invalid or has expired',
			sb: ''
		});
	});

	it('answers 400 for a verify link without a type or a token', async () => {
		const res = await fetch(`${stack.url}/auth/v1/verify?token=abc`, { redirect: 'manual' });
		expect(res.status).toBe(400);
		const noToken = await fetch(`${stack.url}/auth/v1/verify?type=signup`, { redirect: 'manual' });
		expect(noToken.status).toBe(400);
	});
});

describe('magic links and PKCE', () => {
	it('signInWithOtp sends a magic link that signs the user in, and can create the user', async () => {
		const { email, user } = await signUp(stack);
		expect((await stack.anon().auth.signInWithOtp({ email })).error).toBeNull();
		const mail = await lastMail(email);
		expect(mail.kind).toBe('magiclink');
		const { data, error } = await stack.anon().auth.verifyOtp({
			email,
			token: codeOf(mail),
			type: 'email'
		});
		expect(error).toBeNull();
		expect(data.user?.id).toBe(user.id);

		const stranger = newEmail('otp');
		const refused = await stack
			.anon()
			.auth.signInWithOtp({ email: stranger, options: { shouldCreateUser: false } });
		expect(refused.error?.code).toBe('otp_disabled');
		expect((await stack.anon().auth.signInWithOtp({ email: stranger })).error).toBeNull();
		expect((await lastMail(stranger)).kind).toBe('magiclink');
	});

	it('a PKCE client gets ?code= on the redirect and exchanges it for a session', async () => {
		const { email, user } = await signUp(stack);
		const store = new Map<string, string>();
		const storage = {
			getItem: (k: string) => store.get(k) ?? null,
			setItem: (k: string, v: string) => void store.set(k, v),
			removeItem: (k: string) => void store.delete(k)
		};
		const pkce = createClient(stack.url, stack.anonKey, {
			auth: {
				flowType: 'pkce',
				storage,
				persistSession: true,
				autoRefreshToken: false,
				detectSessionInUrl: false
			}
		});
		await pkce.auth.resetPasswordForEmail(email, { redirectTo: 'http://localhost:5173/reset' });
		const mail = await lastMail(email);
		expect(new URL(mail.link).searchParams.get('token')).toMatch(/^pkce_/);
		const res = await fetch(mail.link, { redirect: 'manual' });
		const location = new URL(res.headers.get('location')!);
		expect(location.origin + location.pathname).toBe('http://localhost:5173/reset');
		const code = location.searchParams.get('code')!;
		expect(code).toBeTruthy();
		const { data, error } = await pkce.auth.exchangeCodeForSession(code);
		expect(error).toBeNull();
		expect(data.user?.id).toBe(user.id);

		// The code is spent: trading it again fails (supabase-js has also dropped its verifier).
		const replay = await authFetch(stack, '/token?grant_type=pkce', {
			method: 'POST',
			json: { auth_code: code, code_verifier: 'x'.repeat(43) }
		});
		expect(replay.status).toBe(404);
		expect((await replay.json()).error_code).toBe('flow_state_not_found');
	});

	it('refuses a PKCE code with the wrong verifier', async () => {
		const { email } = await signUp(stack);
		const verifier = randomBytes(32).toString('base64url');
		const challenge = createHash('sha256').update(verifier).digest('base64url');
		await authFetch(stack, '/recover', {
			method: 'POST',
			json: { email, code_challenge: challenge, code_challenge_method: 's256' }
		});
		const res = await fetch((await lastMail(email)).link, { redirect: 'manual' });
		const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
		const wrong = await authFetch(stack, '/token?grant_type=pkce', {
			method: 'POST',
			json: { auth_code: code, code_verifier: randomBytes(32).toString('base64url') }
		});
		expect(wrong.status).toBe(400);
		expect((await wrong.json()).error_code).toBe('bad_code_verifier');
		const right = await authFetch(stack, '/token?grant_type=pkce', {
			method: 'POST',
			json: { auth_code: code, code_verifier: verifier }
		});
		expect(right.status).toBe(200);
	});
});
