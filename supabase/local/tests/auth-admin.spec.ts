/** /auth/v1 admin API conformance: service role only, user CRUD, paging, bans, invite, outbox. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './stack';
import { PASSWORD, authFetch, newEmail, signUp } from './auth-helpers';

let stack: TestStack;
beforeAll(async () => {
	stack = await startTestStack();
});
afterAll(() => stack?.close());

describe('who may use the admin API', () => {
	it('refuses the anon key (403 not_admin) and a signed-in user (403 not_admin)', async () => {
		const asAnon = await stack.anon().auth.admin.listUsers();
		expect(asAnon.error?.status).toBe(403);
		expect(asAnon.error?.code).toBe('not_admin');
		const { session } = await signUp(stack);
		for (const [method, path] of [
			['GET', '/admin/users'],
			['POST', '/admin/users'],
			['GET', '/admin/users/7b0f0a36-2c3a-4d7e-9a55-0d1a0c2b9e11'],
			['POST', '/invite'],
			['POST', '/admin/generate_link'],
			['GET', '/outbox']
		]) {
			const res = await authFetch(stack, path, {
				method,
				bearer: session.access_token,
				json: method === 'POST' ? { email: newEmail() } : undefined
			});
			expect(res.status, `${method} ${path}`).toBe(403);
			expect((await res.json()).error_code).toBe('not_admin');
		}
	});

	it('answers 401 without a bearer token and 401 without an API key', async () => {
		const noBearer = await authFetch(stack, '/admin/users');
		expect(noBearer.status).toBe(401);
		expect((await noBearer.json()).error_code).toBe('no_authorization');
		const noKey = await authFetch(stack, '/admin/users', {
			apikey: null,
			bearer: stack.serviceRoleKey
		});
		expect(noKey.status).toBe(401);
		expect(await noKey.json()).toEqual({ message: 'No API key found in request' });
	});

	it('refuses a service-role token signed with another secret', async () => {
		const { signJwt } = await import('../src/jwt');
		const forged = await signJwt({ role: 'service_role' }, 'y'.repeat(40), 3600);
		const res = await authFetch(stack, '/admin/users', { bearer: forged });
		expect(res.status).toBe(403);
		expect((await res.json()).error_code).toBe('bad_jwt');
	});
});

describe('user management with the service role', () => {
	it('creates, reads, updates and deletes a user', async () => {
		const admin = stack.admin().auth.admin;
		const email = newEmail('managed');
		const created = await admin.createUser({
			email,
			password: PASSWORD,
			email_confirm: true,
			user_metadata: { full_name: 'Grace Hopper' },
			app_metadata: { org_role: 'officer' }
		});
		expect(created.error).toBeNull();
		const id = created.data.user!.id;
		expect(created.data.user?.app_metadata).toEqual({
			provider: 'email',
			providers: ['email'],
			org_role: 'officer'
		});
		const signIn = await stack.anon().auth.signInWithPassword({ email, password: PASSWORD });
		expect(signIn.error).toBeNull();

		const got = await admin.getUserById(id);
		expect(got.data.user?.email).toBe(email);

		const updated = await admin.updateUserById(id, {
			user_metadata: { team: 'red' },
			app_metadata: { org_role: null, tier: 2 }
		});
		expect(updated.data.user?.user_metadata).toEqual({ full_name: 'Grace Hopper', team: 'red' });
		expect(updated.data.user?.app_metadata).toEqual({
			provider: 'email',
			providers: ['email'],
			tier: 2
		});

		const deleted = await admin.deleteUser(id);
		expect(deleted.error).toBeNull();
		const gone = await admin.getUserById(id);
		expect(gone.error?.status).toBe(404);
		expect(gone.error?.code).toBe('user_not_found');
		const after = await stack.anon().auth.signInWithPassword({ email, password: PASSWORD });
		expect(after.error?.code).toBe('invalid_credentials');
		const token = await authFetch(stack, '/user', { bearer: signIn.data.session!.access_token });
		expect(token.status).toBe(403);
	});

	it('soft-deletes a user: the row stays, marked deleted, and can no longer sign in', async () => {
		const { user, email, session } = await signUp(stack);
		const { error } = await stack.admin().auth.admin.deleteUser(user.id, true);
		expect(error).toBeNull();
		const kept = await stack.admin().auth.admin.getUserById(user.id);
		expect(kept.data.user?.deleted_at).toBeTruthy();
		expect(kept.data.user?.email).not.toBe(email);
		const signIn = await stack.anon().auth.signInWithPassword({ email, password: PASSWORD });
		expect(signIn.error?.code).toBe('invalid_credentials');
		const old = await authFetch(stack, '/user', { bearer: session.access_token });
		expect(old.status).toBe(403);
	});

	it('resetting a password signs the user out everywhere', async () => {
		const { user, session, email } = await signUp(stack);
		const { error } = await stack
			.admin()
			.auth.admin.updateUserById(user.id, { password: 'set-by-an-admin' });
		expect(error).toBeNull();
		const old = await authFetch(stack, '/user', { bearer: session.access_token });
		expect(old.status).toBe(403);
		const signIn = await stack
			.anon()
			.auth.signInWithPassword({ email, password: 'set-by-an-admin' });
		expect(signIn.error).toBeNull();
	});

	it('refuses duplicates, missing addresses, weak passwords and bad ids', async () => {
		const admin = stack.admin().auth.admin;
		const { email } = await signUp(stack);
		const dup = await admin.createUser({ email, password: PASSWORD });
		expect(dup.error?.status).toBe(422);
		expect(dup.error?.code).toBe('email_exists');
		const none = await admin.createUser({ password: PASSWORD });
		expect(none.error?.status).toBe(400);
		expect(none.error?.code).toBe('validation_failed');
		const weak = await admin.createUser({ email: newEmail(), password: 'x' });
		expect(weak.error?.code).toBe('weak_password');
		const notUuid = await authFetch(stack, '/admin/users/not-a-uuid', {
			apikey: stack.serviceRoleKey,
			bearer: stack.serviceRoleKey
		});
		expect(notUuid.status).toBe(404);
	});

	it('bans a user: sign-in, refresh and existing tokens are refused until the ban is lifted', async () => {
		const { user, session, email } = await signUp(stack);
		const admin = stack.admin().auth.admin;
		const banned = await admin.updateUserById(user.id, { ban_duration: '24h' });
		expect(banned.data.user?.banned_until).toBeTruthy();
		const signIn = await stack.anon().auth.signInWithPassword({ email, password: PASSWORD });
		expect(signIn.error?.code).toBe('user_banned');
		const refresh = await stack
			.anon()
			.auth.refreshSession({ refresh_token: session.refresh_token });
		expect(refresh.error?.code).toBe('user_banned');
		const me = await authFetch(stack, '/user', { bearer: session.access_token });
		expect(me.status).toBe(403);
		await admin.updateUserById(user.id, { ban_duration: 'none' });
		const again = await stack.anon().auth.signInWithPassword({ email, password: PASSWORD });
		expect(again.error).toBeNull();
		const bad = await admin.updateUserById(user.id, { ban_duration: 'forever' });
		expect(bad.error?.status).toBe(400);
	});

	it('lists users newest first with GoTrue paging headers', async () => {
		for (let i = 0; i < 3; i++)
			await stack.admin().auth.admin.createUser({ email: newEmail('page') });
		const all = await stack.admin().auth.admin.listUsers({ page: 1, perPage: 1000 });
		const total = all.data.users.length;
		expect(total).toBeGreaterThanOrEqual(3);
		const created = all.data.users.map((u) => u.created_at);
		expect([...created].sort().reverse()).toEqual(created);

		const res = await authFetch(stack, '/admin/users?page=1&per_page=2', {
			apikey: stack.serviceRoleKey,
			bearer: stack.serviceRoleKey
		});
		expect(res.status).toBe(200);
		expect(res.headers.get('x-total-count')).toBe(String(total));
		const lastPage = Math.ceil(total / 2);
		expect(res.headers.get('link')).toBe(
			`</admin/users?page=2&per_page=2>; rel="next", </admin/users?page=${lastPage}&per_page=2>; rel="last"`
		);
		const body = await res.json();
		expect(body.aud).toBe('authenticated');
		expect(body.users).toHaveLength(2);

		const paged = await stack.admin().auth.admin.listUsers({ page: 2, perPage: 2 });
		expect(paged.data.users).toHaveLength(2);
		expect(paged.data.users[0].id).toBe(all.data.users[2].id);
		expect((paged.data as { total: number }).total).toBe(total);

		const bad = await authFetch(stack, '/admin/users?page=-1', {
			apikey: stack.serviceRoleKey,
			bearer: stack.serviceRoleKey
		});
		expect(bad.status).toBe(400);
	});
});

describe('invites and generated links', () => {
	it('invites a user: the invite lands in the outbox and its link signs the user in', async () => {
		const email = newEmail('invited');
		const { data, error } = await stack.admin().auth.admin.inviteUserByEmail(email, {
			data: { invited_by: 'test' },
			redirectTo: 'http://localhost:5173/welcome'
		});
		expect(error).toBeNull();
		expect(data.user?.invited_at).toBeTruthy();
		expect(data.user?.email_confirmed_at).toBeUndefined();

		const outbox = await authFetch(stack, `/outbox?email=${encodeURIComponent(email)}`, {
			apikey: stack.serviceRoleKey,
			bearer: stack.serviceRoleKey
		});
		const [message] = await outbox.json();
		expect(message).toMatchObject({ kind: 'invite', recipient: email });
		expect(message.link).toContain('type=invite');

		const link = new URL(message.link);
		const res = await fetch(link, { redirect: 'manual' });
		expect(res.status).toBe(303);
		const location = res.headers.get('location')!;
		expect(location.startsWith('http://localhost:5173/welcome#')).toBe(true);
		const params = new URLSearchParams(location.split('#')[1]);
		expect(params.get('type')).toBe('invite');
		const me = await authFetch(stack, '/user', { bearer: params.get('access_token')! });
		const user = await me.json();
		expect(user.email_confirmed_at).toBeTruthy();
		expect(user.user_metadata).toEqual({ invited_by: 'test' });

		const again = await stack.admin().auth.admin.inviteUserByEmail(email);
		expect(again.error?.status).toBe(422);
		expect(again.error?.code).toBe('email_exists');
	});

	it('generates a recovery link without sending it, and refuses unknown users and types', async () => {
		const { email } = await signUp(stack);
		const { data, error } = await stack.admin().auth.admin.generateLink({
			type: 'recovery',
			email
		});
		expect(error).toBeNull();
		expect(data.properties?.verification_type).toBe('recovery');
		expect(data.properties?.email_otp).toMatch(/^\d{6}$/);
		expect(data.properties?.action_link).toContain(`token=${data.properties?.hashed_token}`);
		expect(data.user?.email).toBe(email);

		const verified = await stack.anon().auth.verifyOtp({
			token_hash: data.properties!.hashed_token,
			type: 'recovery'
		});
		expect(verified.error).toBeNull();
		expect(verified.data.session).toBeTruthy();

		const unknown = await stack
			.admin()
			.auth.admin.generateLink({ type: 'recovery', email: newEmail('ghost') });
		expect(unknown.error?.status).toBe(404);
		expect(unknown.error?.code).toBe('user_not_found');
		const res = await authFetch(stack, '/admin/generate_link', {
			method: 'POST',
			apikey: stack.serviceRoleKey,
			bearer: stack.serviceRoleKey,
			json: { type: 'telepathy', email }
		});
		expect(res.status).toBe(400);
	});
});
