/** /auth/v1 conformance: sign-up, sign-in, tokens and sessions, through supabase-js and fetch. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './stack';
import { PASSWORD, authFetch, claimsOf, newEmail, sessionClient, signUp } from './auth-helpers';

let stack: TestStack;
beforeAll(async () => {
	stack = await startTestStack();
});
afterAll(() => stack?.close());

describe('sign-up and sign-in', () => {
	it('signs a new user up and returns a session, since confirmations are off', async () => {
		const email = newEmail();
		const { data, error } = await stack.anon().auth.signUp({
			email,
			password: PASSWORD,
			options: { data: { full_name: 'Ada Lovelace' } }
		});
		expect(error).toBeNull();
		expect(data.session?.access_token).toBeTruthy();
		expect(data.session?.refresh_token).toBeTruthy();
		expect(data.user?.email).toBe(email);
		expect(data.user?.email_confirmed_at).toBeTruthy();
		expect(data.user?.user_metadata).toEqual({ full_name: 'Ada Lovelace' });
		expect(data.user?.app_metadata).toEqual({ provider: 'email', providers: ['email'] });
		expect(data.user?.identities?.[0]).toMatchObject({ provider: 'email', user_id: data.user?.id });
	});

	it('refuses to sign up an address that is already registered', async () => {
		const { email } = await signUp(stack);
		const { data, error } = await stack.anon().auth.signUp({ email, password: PASSWORD });
		expect(data.user).toBeNull();
		expect(error?.status).toBe(422);
		expect(error?.code).toBe('user_already_exists');
	});

	it('refuses a password shorter than config.toml allows, as weak_password', async () => {
		const { error } = await stack.anon().auth.signUp({ email: newEmail(), password: 'short' });
		expect(error?.status).toBe(422);
		expect(error?.code).toBe('weak_password');
		expect((error as { reasons?: string[] }).reasons).toEqual(['length']);
	});

	it('refuses a malformed e-mail address', async () => {
		const { error } = await stack.anon().auth.signUp({ email: 'not-an-email', password: PASSWORD });
		expect(error?.status).toBe(400);
		expect(error?.code).toBe('email_address_invalid');
	});

	it('refuses anonymous sign-ins, which config.toml leaves disabled', async () => {
		const { error } = await stack.anon().auth.signInAnonymously();
		expect(error?.status).toBe(422);
		expect(error?.code).toBe('anonymous_provider_disabled');
	});

	it('signs in with the right password, case-insensitively on the address', async () => {
		const { email, user } = await signUp(stack);
		const { data, error } = await stack
			.anon()
			.auth.signInWithPassword({ email: email.toUpperCase(), password: PASSWORD });
		expect(error).toBeNull();
		expect(data.user?.id).toBe(user.id);
		expect(data.user?.last_sign_in_at).toBeTruthy();
		expect(data.session?.token_type).toBe('bearer');
		expect(data.session?.expires_in).toBe(3600);
	});

	it('answers a wrong password and an unknown user alike: 400 invalid_credentials', async () => {
		const { email } = await signUp(stack);
		const wrong = await stack.anon().auth.signInWithPassword({ email, password: 'wrong-password' });
		const unknown = await stack
			.anon()
			.auth.signInWithPassword({ email: newEmail('nobody'), password: PASSWORD });
		for (const { data, error } of [wrong, unknown]) {
			expect(data.session).toBeNull();
			expect(error?.status).toBe(400);
			expect(error?.code).toBe('invalid_credentials');
			expect(error?.message).toBe('Invalid login credentials');
		}
	});

	it('verifies bcrypt hashes made by pgcrypto, as a seed makes them', async () => {
		const email = newEmail('seeded');
		await stack.db.query(
			`insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
			   raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
			 values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
			   $1, extensions.crypt('clearcall-demo', extensions.gen_salt('bf')), now(),
			   '{"provider":"email","providers":["email"]}', '{}', now(), now())`,
			[email]
		);
		const ok = await stack.anon().auth.signInWithPassword({ email, password: 'clearcall-demo' });
		expect(ok.error).toBeNull();
		expect(ok.data.session).toBeTruthy();
		const bad = await stack.anon().auth.signInWithPassword({ email, password: 'clearcall-dem0' });
		expect(bad.error?.code).toBe('invalid_credentials');
	});
});

describe('access tokens', () => {
	it("carry Supabase's claims", async () => {
		const { session, user, email } = await signUp(stack);
		const c = claimsOf(session.access_token);
		expect(c).toMatchObject({
			sub: user.id,
			role: 'authenticated',
			aud: 'authenticated',
			email,
			phone: '',
			app_metadata: { provider: 'email', providers: ['email'] },
			user_metadata: {},
			aal: 'aal1',
			is_anonymous: false
		});
		expect(c.session_id).toMatch(/^[0-9a-f-]{36}$/);
		expect(c.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
		expect(Number(c.exp) - Number(c.iat)).toBe(3600);
		expect(session.expires_at).toBe(c.exp);
		const header = JSON.parse(
			Buffer.from(session.access_token.split('.')[0], 'base64url').toString()
		);
		expect(header.alg).toBe('HS256');
	});

	it('let getUser read the signed-in user', async () => {
		const { client, user } = await signUp(stack);
		const { data, error } = await client.auth.getUser();
		expect(error).toBeNull();
		expect(data.user?.id).toBe(user.id);
	});

	it('are refused when expired, forged with another secret, unsigned, or tampered with', async () => {
		const { session, user } = await signUp(stack);
		const claims = claimsOf(session.access_token);
		const expired = await stack.sign({ ...claims, exp: undefined, iat: undefined }, -60);
		const { signJwt } = await import('../src/jwt');
		const otherSecret = await signJwt(
			{ ...claims, exp: undefined, iat: undefined },
			'x'.repeat(40),
			3600
		);
		const [h, , s] = session.access_token.split('.');
		const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
		const tampered = `${h}.${b64({ ...claims, role: 'service_role' })}.${s}`;
		const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
		for (const jwt of [expired, otherSecret, tampered, unsigned]) {
			const res = await authFetch(stack, '/user', { bearer: jwt });
			expect(res.status).toBe(403);
			const body = await res.json();
			expect(body.error_code).toBe('bad_jwt');
			const { data, error } = await stack.anon().auth.getUser(jwt);
			expect(data.user).toBeNull();
			expect(error?.status).toBe(403);
		}
		expect(user.id).toBeTruthy();
	});

	it('without a bearer token, /user answers 401 no_authorization', async () => {
		const res = await authFetch(stack, '/user');
		expect(res.status).toBe(401);
		expect((await res.json()).error_code).toBe('no_authorization');
	});

	it('that name no user (the anon key itself) answer 403 bad_jwt on /user', async () => {
		const res = await authFetch(stack, '/user', { bearer: stack.anonKey });
		expect(res.status).toBe(403);
		expect(await res.json()).toMatchObject({
			error_code: 'bad_jwt',
			msg: 'invalid claim: missing sub claim'
		});
	});

	it('signed for a user that no longer exists answer 403 user_not_found', async () => {
		const jwt = await stack.sign({
			role: 'authenticated',
			aud: 'authenticated',
			sub: '7b0f0a36-2c3a-4d7e-9a55-0d1a0c2b9e11'
		});
		const res = await authFetch(stack, '/user', { bearer: jwt });
		expect(res.status).toBe(403);
		expect((await res.json()).error_code).toBe('user_not_found');
	});
});

describe('refresh tokens', () => {
	it('rotate: each refresh returns a new refresh token and a new access token', async () => {
		const { client, session } = await signUp(stack);
		const { data, error } = await client.auth.refreshSession({
			refresh_token: session.refresh_token
		});
		expect(error).toBeNull();
		expect(data.session?.refresh_token).not.toBe(session.refresh_token);
		expect(claimsOf(data.session!.access_token).session_id).toBe(
			claimsOf(session.access_token).session_id
		);
		const again = await stack
			.anon()
			.auth.refreshSession({ refresh_token: data.session!.refresh_token });
		expect(again.error).toBeNull();
	});

	it('give back the current token when the previous one is replayed within the reuse interval', async () => {
		const { session } = await signUp(stack);
		const first = await authFetch(stack, '/token?grant_type=refresh_token', {
			method: 'POST',
			json: { refresh_token: session.refresh_token }
		});
		const rotated = (await first.json()).refresh_token;
		const replay = await authFetch(stack, '/token?grant_type=refresh_token', {
			method: 'POST',
			json: { refresh_token: session.refresh_token }
		});
		expect(replay.status).toBe(200);
		expect((await replay.json()).refresh_token).toBe(rotated);
	});

	it('detect reuse after the interval: the whole session is revoked', async () => {
		const { session } = await signUp(stack);
		const refresh = (token: string) =>
			authFetch(stack, '/token?grant_type=refresh_token', {
				method: 'POST',
				json: { refresh_token: token }
			});
		const second = (await (await refresh(session.refresh_token)).json()).refresh_token;
		const third = (await (await refresh(second)).json()).refresh_token;
		// Fixture: age the spent tokens past the 10 s reuse interval instead of sleeping.
		await stack.db.query(
			`update auth.refresh_tokens set updated_at = now() - interval '1 minute' where revoked`
		);
		const reuse = await refresh(session.refresh_token);
		expect(reuse.status).toBe(400);
		expect(await reuse.json()).toMatchObject({
			code: 400,
			error_code: 'refresh_token_already_used',
			msg: 'Invalid Refresh Token: Already Used'
		});
		const { data, error } = await stack.anon().auth.refreshSession({ refresh_token: third });
		expect(data.session).toBeNull();
		expect(error?.status).toBe(400);
		const user = await authFetch(stack, '/user', { bearer: session.access_token });
		expect(user.status).toBe(403);
		expect((await user.json()).error_code).toBe('session_not_found');
	});

	it('that do not exist answer 400 refresh_token_not_found', async () => {
		const { error } = await stack.anon().auth.refreshSession({ refresh_token: 'no-such-token' });
		expect(error?.status).toBe(400);
		expect(error?.code).toBe('refresh_token_not_found');
	});

	it('are required by the refresh grant, and unknown grants are refused', async () => {
		const missing = await authFetch(stack, '/token?grant_type=refresh_token', {
			method: 'POST',
			json: {}
		});
		expect(missing.status).toBe(400);
		expect(await missing.json()).toEqual({
			error: 'invalid_request',
			error_description: 'refresh_token required'
		});
		const grant = await authFetch(stack, '/token?grant_type=magic', { method: 'POST', json: {} });
		expect(grant.status).toBe(400);
		expect(await grant.json()).toEqual({ error: 'unsupported_grant_type' });
	});
});

describe('updating and signing out', () => {
	it('updates the password (old one stops working) and merges user metadata', async () => {
		const { client, email } = await signUp(stack);
		await client.auth.updateUser({ data: { locale: 'fr', theme: 'dark' } });
		const { data, error } = await client.auth.updateUser({
			password: 'a-brand-new-password',
			data: { theme: null, team: 'blue' }
		});
		expect(error).toBeNull();
		expect(data.user?.user_metadata).toEqual({ locale: 'fr', team: 'blue' });
		const old = await stack.anon().auth.signInWithPassword({ email, password: PASSWORD });
		expect(old.error?.code).toBe('invalid_credentials');
		const now = await stack
			.anon()
			.auth.signInWithPassword({ email, password: 'a-brand-new-password' });
		expect(now.error).toBeNull();
	});

	it('refuses the same password again, and a weak one', async () => {
		const { client } = await signUp(stack);
		const same = await client.auth.updateUser({ password: PASSWORD });
		expect(same.error?.status).toBe(422);
		expect(same.error?.code).toBe('same_password');
		const weak = await client.auth.updateUser({ password: 'abc' });
		expect(weak.error?.code).toBe('weak_password');
	});

	it('changes the e-mail address at once, and refuses one already taken', async () => {
		const { client } = await signUp(stack);
		const other = await signUp(stack);
		const taken = await client.auth.updateUser({ email: other.email });
		expect(taken.error?.status).toBe(422);
		expect(taken.error?.code).toBe('email_exists');
		const fresh = newEmail('moved');
		const { data, error } = await client.auth.updateUser({ email: fresh });
		expect(error).toBeNull();
		expect(data.user?.email).toBe(fresh);
		const signIn = await stack.anon().auth.signInWithPassword({ email: fresh, password: PASSWORD });
		expect(signIn.error).toBeNull();
	});

	it('signOut ends the session: its access and refresh tokens stop working', async () => {
		const { client, session } = await signUp(stack);
		const { error } = await client.auth.signOut();
		expect(error).toBeNull();
		const res = await authFetch(stack, '/user', { bearer: session.access_token });
		expect(res.status).toBe(403);
		expect((await res.json()).error_code).toBe('session_not_found');
		const refreshed = await stack
			.anon()
			.auth.refreshSession({ refresh_token: session.refresh_token });
		expect(refreshed.error?.status).toBe(400);
	});

	it('signOut scope "others" keeps this session and ends the others; "local" only this one', async () => {
		const { client, email } = await signUp(stack);
		const second = sessionClient(stack);
		await second.auth.signInWithPassword({ email, password: PASSWORD });
		const third = sessionClient(stack);
		await third.auth.signInWithPassword({ email, password: PASSWORD });
		await client.auth.signOut({ scope: 'others' });
		expect((await client.auth.getUser()).error).toBeNull();
		expect((await second.auth.getUser()).data.user).toBeNull();
		const local = await authFetch(stack, '/logout?scope=local', {
			method: 'POST',
			bearer: (await client.auth.getSession()).data.session!.access_token
		});
		expect(local.status).toBe(204);
		const fresh = await signUp(stack);
		const bad = await authFetch(stack, '/logout?scope=everyone', {
			method: 'POST',
			bearer: fresh.session.access_token
		});
		expect(bad.status).toBe(400);
		expect((await bad.json()).error_code).toBe('validation_failed');
	});
});
