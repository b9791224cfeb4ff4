/**
 * /auth/v1 follows the project's supabase/config.toml: stacks here read a config.toml written for
 * the test (confirmations on, anonymous sign-ins, no reuse interval, longer passwords, no sign-up).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './stack';
import { authFetch, fragment, newEmail } from './auth-helpers';

/** A stack whose project directory holds the given config.toml and no migrations. */
async function stackWithConfig(toml: string): Promise<TestStack> {
	const dir = mkdtempSync(path.join(tmpdir(), 'cc-auth-config-'));
	mkdirSync(path.join(dir, 'migrations'));
	writeFileSync(path.join(dir, 'config.toml'), toml);
	return startTestStack({ migrationsDir: path.join(dir, 'migrations'), seedPath: null });
}

const LONG_PASSWORD = 'twelve-chars-or-more';

let strict: TestStack;
let closed: TestStack;
beforeAll(async () => {
	strict = await stackWithConfig(`
[auth]
site_url = "http://localhost:5173"
refresh_token_reuse_interval = 0
enable_anonymous_sign_ins = true
minimum_password_length = 12 # comments are fine

[auth.email]
enable_confirmations = true
`);
	closed = await stackWithConfig(`
[auth]
enable_signup = false
`);
});
afterAll(async () => {
	await strict?.close();
	await closed?.close();
});

describe('with e-mail confirmations on', () => {
	it('sign-up returns the user without a session and mails a confirmation link', async () => {
		const email = newEmail('confirm');
		const { data, error } = await strict.anon().auth.signUp({ email, password: LONG_PASSWORD });
		expect(error).toBeNull();
		expect(data.session).toBeNull();
		expect(data.user?.email).toBe(email);
		expect(data.user?.email_confirmed_at).toBeUndefined();

		const early = await strict.anon().auth.signInWithPassword({ email, password: LONG_PASSWORD });
		expect(early.error?.code).toBe('email_not_confirmed');

		const outbox = await authFetch(strict, `/outbox?email=${encodeURIComponent(email)}`, {
			bearer: strict.serviceRoleKey
		});
		const [mail] = await outbox.json();
		expect(mail).toMatchObject({ kind: 'signup', subject: 'Confirm Your Signup' });
		const res = await fetch(mail.link, { redirect: 'manual' });
		expect(fragment(res.headers.get('location')!).get('type')).toBe('signup');

		const later = await strict.anon().auth.signInWithPassword({ email, password: LONG_PASSWORD });
		expect(later.error).toBeNull();
	});

	it('signing up a confirmed address again answers a decoy, revealing nothing', async () => {
		const email = newEmail('taken');
		const first = await strict.admin().auth.admin.createUser({
			email,
			password: LONG_PASSWORD,
			email_confirm: true
		});
		const { data, error } = await strict.anon().auth.signUp({ email, password: LONG_PASSWORD });
		expect(error).toBeNull();
		expect(data.session).toBeNull();
		expect(data.user?.id).not.toBe(first.data.user?.id);
	});

	it('reports the settings it runs with', async () => {
		const settings = await (await authFetch(strict, '/settings')).json();
		expect(settings).toMatchObject({
			mailer_autoconfirm: false,
			external: { anonymous_users: true, email: true }
		});
	});
});

describe('other settings from config.toml', () => {
	it('minimum_password_length decides what is weak', async () => {
		const { error } = await strict
			.anon()
			.auth.signUp({ email: newEmail(), password: 'elevenchars' });
		expect(error?.code).toBe('weak_password');
	});

	it('enable_anonymous_sign_ins gives anonymous users a session', async () => {
		const { data, error } = await strict.anon().auth.signInAnonymously();
		expect(error).toBeNull();
		expect(data.user?.is_anonymous).toBe(true);
		const claims = JSON.parse(
			Buffer.from(data.session!.access_token.split('.')[1], 'base64url').toString()
		);
		expect(claims).toMatchObject({ role: 'authenticated', is_anonymous: true });
	});

	it('with no reuse interval, replaying a spent refresh token at once revokes the session', async () => {
		const { data } = await strict.anon().auth.signInAnonymously();
		const spent = data.session!.refresh_token;
		const next = await strict.anon().auth.refreshSession({ refresh_token: spent });
		expect(next.error).toBeNull();
		await strict.anon().auth.refreshSession({ refresh_token: next.data.session!.refresh_token });
		const reuse = await strict.anon().auth.refreshSession({ refresh_token: spent });
		expect(reuse.error?.code).toBe('refresh_token_already_used');
	});

	it('enable_signup = false refuses sign-ups but not users made by an administrator', async () => {
		const { error } = await closed
			.anon()
			.auth.signUp({ email: newEmail(), password: LONG_PASSWORD });
		expect(error?.status).toBe(422);
		expect(error?.code).toBe('signup_disabled');
		const made = await closed.admin().auth.admin.createUser({
			email: newEmail(),
			password: LONG_PASSWORD,
			email_confirm: true
		});
		expect(made.error).toBeNull();
		expect((await (await authFetch(closed, '/settings')).json()).disable_signup).toBe(true);
	});
});
