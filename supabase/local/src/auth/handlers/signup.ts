/** POST /signup: e-mail + password sign-up, and anonymous sign-in when the project allows it. */
import { randomUUID } from 'node:crypto';
import { json, type ApiResponse } from '../../http/types';
import { badRequest, unprocessable } from '../errors';
import type { AuthCtx } from '../context';
import { appendOutboxFile, oneTimeToken, queueMail, type OutboxMessage } from '../mail';
import { readParams, validateEmail } from '../params';
import { checkPasswordStrength, hashPassword } from '../passwords';
import { createFlowState, pkceParams } from '../pkce';
import { issueSession, type TokenResponse } from '../sessions';
import { redirectTarget } from '../settings';
import { userJson } from '../user-json';
import { confirmUser, findUserByEmail, findUserById, insertUser } from '../users';

/** What GoTrue answers for an already-registered address when confirmations are on: a decoy. */
function decoyUser(email: string, data: Record<string, unknown>) {
	const now = new Date().toISOString();
	return {
		id: randomUUID(),
		aud: 'authenticated',
		role: '',
		email,
		phone: '',
		confirmation_sent_at: now,
		app_metadata: { provider: 'email', providers: ['email'] },
		user_metadata: data,
		identities: [],
		created_at: now,
		updated_at: now,
		is_anonymous: false
	};
}

async function anonymousSignIn(ac: AuthCtx, data: Record<string, unknown>): Promise<ApiResponse> {
	if (!ac.settings.enableAnonymousSignIns) {
		throw unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
	}
	const body = await ac.db.transaction(async (tx) => {
		const id = await insertUser(tx, {
			email: null,
			passwordHash: '',
			userMetadata: data,
			isAnonymous: true
		});
		return issueSession(tx, id, 'anonymous', ac.settings, ac.config.jwtSecret, ac.client);
	});
	return json(200, body);
}

export async function signup(ac: AuthCtx): Promise<ApiResponse> {
	const s = ac.settings;
	if (!s.enableSignup)
		throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
	const p = await readParams(ac.req, {
		email: 'string',
		phone: 'string',
		password: 'string',
		data: 'object',
		channel: 'string',
		code_challenge: 'string',
		code_challenge_method: 'string'
	});
	const data = p.data ?? {};
	if (!p.email && !p.phone) return anonymousSignIn(ac, data);
	if (!p.password) throw badRequest('validation_failed', 'Signup requires a valid password');
	checkPasswordStrength(s, p.password);
	if (p.email && p.phone) {
		throw badRequest(
			'validation_failed',
			'Only an email address or phone number should be provided on signup.'
		);
	}
	const pkce = pkceParams(p);
	if (!p.email) throw badRequest('phone_provider_disabled', 'Phone signups are disabled');
	const email = validateEmail(p.email);
	const existing = await findUserByEmail(ac.db, email);
	if (existing?.email_confirmed_at) {
		if (!s.enableConfirmations)
			throw unprocessable('user_already_exists', 'User already registered');
		return json(200, decoyUser(email, data));
	}
	// Hash before the transaction: bcrypt is slow and PGlite runs one transaction at a time.
	const hash = existing ? '' : await hashPassword(p.password);
	const redirectTo = redirectTarget(s, ac.req.url.searchParams.get('redirect_to'));
	const out = await ac.db.transaction(
		async (tx): Promise<{ session: TokenResponse } | { user: object; mail: OutboxMessage }> => {
			// An existing unconfirmed user keeps its data: the caller has not proven the address.
			const id =
				existing?.id ?? (await insertUser(tx, { email, passwordHash: hash, userMetadata: data }));
			if (!s.enableConfirmations) {
				await confirmUser(tx, id);
				return {
					session: await issueSession(tx, id, 'password', s, ac.config.jwtSecret, ac.client)
				};
			}
			const token = oneTimeToken(email, !!pkce);
			await tx.query(
				`update auth.users set confirmation_token = $2, confirmation_sent_at = now(), updated_at = now()
				 where id = $1`,
				[id, token.hash]
			);
			if (pkce) await createFlowState(tx, id, pkce, 'email/signup');
			const mail = await queueMail(tx, ac, 'signup', email, token, redirectTo);
			return { user: userJson((await findUserById(tx, id))!), mail };
		}
	);
	if ('session' in out) return json(200, out.session);
	await appendOutboxFile(ac, out.mail);
	return json(200, out.user);
}
