/** POST /token: the password, refresh_token and pkce grants. */
import { json, type ApiResponse } from '../../http/types';
import { OAuthError, badRequest, rateLimited, unprocessable } from '../errors';
import type { AuthCtx } from '../context';
import { readParams } from '../params';
import { hashPassword, passwordWeakness, verifyPassword } from '../passwords';
import { redeemAuthCode } from '../pkce';
import { issueSession, refreshSession } from '../sessions';
import { findUserByEmail, findUserById } from '../users';

const INVALID_LOGIN = 'Invalid login credentials';

// Unknown e-mails still pay for one bcrypt comparison, so response time does not reveal accounts.
let dummyHash: Promise<string> | undefined;

async function passwordGrant(ac: AuthCtx): Promise<ApiResponse> {
	const p = await readParams(ac.req, { email: 'string', phone: 'string', password: 'string' });
	if (p.email && p.phone) {
		throw unprocessable(
			'validation_failed',
			'Only an email address or phone number should be provided on login.'
		);
	}
	if (!p.email) {
		if (p.phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
		throw badRequest('validation_failed', 'missing email or phone');
	}
	const email = p.email.toLowerCase();
	const keys = [`ip:${ac.client.ip}`, `email:${email}`];
	const wait = ac.state.signIns.retryAfter(keys);
	if (wait > 0) throw rateLimited(wait);
	const user = await findUserByEmail(ac.db, email);
	const password = p.password ?? '';
	let ok = false;
	if (user?.encrypted_password) ok = await verifyPassword(user.encrypted_password, password);
	else await verifyPassword(await (dummyHash ??= hashPassword('not-a-password')), password);
	if (!user || !ok) {
		ac.state.signIns.fail(keys);
		throw badRequest('invalid_credentials', INVALID_LOGIN);
	}
	if (user.banned) throw badRequest('user_banned', 'User is banned');
	if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');
	const body = await ac.db.transaction((tx) =>
		issueSession(tx, user.id, 'password', ac.settings, ac.config.jwtSecret, ac.client)
	);
	const reasons = passwordWeakness(ac.settings, password);
	if (reasons.length) {
		body.weak_password = {
			message: `Password should be at least ${ac.settings.minimumPasswordLength} characters.`,
			reasons
		};
	}
	return json(200, body);
}

async function refreshGrant(ac: AuthCtx): Promise<ApiResponse> {
	const p = await readParams(ac.req, { refresh_token: 'string' });
	if (!p.refresh_token) throw new OAuthError('invalid_request', 'refresh_token required');
	const token = p.refresh_token;
	const out = await ac.db.transaction((tx) =>
		refreshSession(tx, token, ac.settings, ac.config.jwtSecret, ac.client)
	);
	if ('error' in out) throw out.error;
	return json(200, out);
}

async function pkceGrant(ac: AuthCtx): Promise<ApiResponse> {
	const p = await readParams(ac.req, { auth_code: 'string', code_verifier: 'string' });
	if (!p.auth_code || !p.code_verifier) {
		throw badRequest(
			'validation_failed',
			'invalid request: both auth code and code verifier should be non-empty'
		);
	}
	const { auth_code, code_verifier } = p;
	const body = await ac.db.transaction(async (tx) => {
		const { userId, method } = await redeemAuthCode(tx, auth_code, code_verifier);
		const user = await findUserById(tx, userId);
		if (!user) throw badRequest('user_not_found', 'User not found');
		if (user.banned) throw badRequest('user_banned', 'User is banned');
		return issueSession(tx, userId, method, ac.settings, ac.config.jwtSecret, ac.client);
	});
	return json(200, body);
}

/** POST /token?grant_type=… */
export async function token(ac: AuthCtx): Promise<ApiResponse> {
	switch (ac.req.url.searchParams.get('grant_type')) {
		case 'password':
			return passwordGrant(ac);
		case 'refresh_token':
			return refreshGrant(ac);
		case 'pkce':
			return pkceGrant(ac);
		default:
			throw new OAuthError('unsupported_grant_type', '');
	}
}
