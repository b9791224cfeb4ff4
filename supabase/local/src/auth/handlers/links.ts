/**
 * The e-mailed links: POST /recover, POST /otp (magic link), POST /invite (service role) and
 * POST /admin/generate_link (service role, returns the link instead of sending it).
 */
import { json, type ApiResponse } from '../../http/types';
import type { Tx } from '../../db/driver';
import { AuthError, badRequest, notFound, unprocessable } from '../errors';
import type { AuthCtx } from '../context';
import { requireAdmin } from '../guard';
import {
	appendOutboxFile,
	oneTimeToken,
	queueMail,
	verifyLink,
	type MailKind,
	type OneTimeToken,
	type OutboxMessage
} from '../mail';
import { readParams, validateEmail } from '../params';
import { checkPasswordStrength, hashPassword } from '../passwords';
import { createFlowState, pkceParams, type Pkce } from '../pkce';
import type { AuthMethod } from '../sessions';
import { redirectTarget } from '../settings';
import { userJson } from '../user-json';
import {
	DUPLICATE_EMAIL,
	confirmUser,
	findUserByEmail,
	findUserById,
	insertUser,
	type UserRow
} from '../users';

const METHOD: Record<MailKind, AuthMethod> = {
	signup: 'email/signup',
	invite: 'invite',
	magiclink: 'magiclink',
	recovery: 'recovery'
};

/** Stores a fresh one-time token for the link kind, as GoTrue's send* functions do. */
async function storeToken(
	tx: Tx,
	userId: string,
	email: string,
	kind: MailKind,
	pkce: Pkce | null
): Promise<OneTimeToken> {
	const token = oneTimeToken(email, !!pkce);
	const sql =
		kind === 'recovery' || kind === 'magiclink'
			? `update auth.users set recovery_token = $2, recovery_sent_at = now(), updated_at = now() where id = $1`
			: `update auth.users set confirmation_token = $2, confirmation_sent_at = now(),
			     invited_at = case when $3::boolean then now() else invited_at end, updated_at = now() where id = $1`;
	await tx.query(
		sql,
		kind === 'invite' || kind === 'signup'
			? [userId, token.hash, kind === 'invite']
			: [userId, token.hash]
	);
	if (pkce) await createFlowState(tx, userId, pkce, METHOD[kind]);
	return token;
}

/** GoTrue's per-user e-mail frequency limit (auth.email.max_frequency). */
function checkFrequency(ac: AuthCtx, sentAt: string | null): void {
	if (!sentAt) return;
	const wait = Date.parse(sentAt) + ac.settings.maxFrequency * 1000 - Date.now();
	if (wait > 0) {
		throw new AuthError(
			429,
			'over_email_send_rate_limit',
			`For security purposes, you can only request this after ${Math.ceil(wait / 1000)} seconds.`
		);
	}
}

async function sendLink(
	ac: AuthCtx,
	user: UserRow,
	kind: MailKind,
	pkce: Pkce | null,
	redirectTo: string
): Promise<void> {
	checkFrequency(
		ac,
		kind === 'recovery' || kind === 'magiclink' ? user.recovery_sent_at : user.confirmation_sent_at
	);
	const email = user.email!;
	const mail: OutboxMessage = await ac.db.transaction(async (tx) => {
		const token = await storeToken(tx, user.id, email, kind, pkce);
		return queueMail(tx, ac, kind, email, token, redirectTo);
	});
	await appendOutboxFile(ac, mail);
}

const requested = (ac: AuthCtx) =>
	redirectTarget(ac.settings, ac.req.url.searchParams.get('redirect_to'));

export async function recover(ac: AuthCtx): Promise<ApiResponse> {
	const p = await readParams(ac.req, {
		email: 'string',
		code_challenge: 'string',
		code_challenge_method: 'string'
	});
	const email = validateEmail(p.email);
	const pkce = pkceParams(p);
	const user = await findUserByEmail(ac.db, email);
	// Unknown addresses get the same answer, so the endpoint does not reveal who has an account.
	if (user) await sendLink(ac, user, 'recovery', pkce, requested(ac));
	return json(200, {});
}

export async function otp(ac: AuthCtx): Promise<ApiResponse> {
	const p = await readParams(ac.req, {
		email: 'string',
		phone: 'string',
		data: 'object',
		create_user: 'boolean',
		channel: 'string',
		code_challenge: 'string',
		code_challenge_method: 'string'
	});
	if (p.phone && !p.email)
		throw badRequest('phone_provider_disabled', 'Unsupported phone provider');
	const email = validateEmail(p.email);
	const pkce = pkceParams(p);
	let user = await findUserByEmail(ac.db, email);
	if (!user) {
		if (p.create_user === false) throw unprocessable('otp_disabled', 'Signups not allowed for otp');
		if (!ac.settings.enableSignup)
			throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
		user = await ac.db.transaction(async (tx) => {
			const id = await insertUser(tx, { email, passwordHash: '', userMetadata: p.data ?? {} });
			return (await findUserById(tx, id))!;
		});
	}
	if (!user.email_confirmed_at && !ac.settings.enableConfirmations) {
		const id = user.id;
		user = await ac.db.transaction(async (tx) => {
			await confirmUser(tx, id);
			return (await findUserById(tx, id))!;
		});
	}
	await sendLink(ac, user, user.email_confirmed_at ? 'magiclink' : 'signup', pkce, requested(ac));
	return json(200, {});
}

export async function invite(ac: AuthCtx): Promise<ApiResponse> {
	await requireAdmin(ac);
	const p = await readParams(ac.req, { email: 'string', data: 'object' });
	const email = validateEmail(p.email);
	const existing = await findUserByEmail(ac.db, email);
	if (existing?.email_confirmed_at) throw unprocessable('email_exists', DUPLICATE_EMAIL);
	const redirectTo = requested(ac);
	const { user, mail } = await ac.db.transaction(async (tx) => {
		const id =
			existing?.id ??
			(await insertUser(tx, { email, passwordHash: '', userMetadata: p.data ?? {} }));
		const token = await storeToken(tx, id, email, 'invite', null);
		const mail = await queueMail(tx, ac, 'invite', email, token, redirectTo);
		return { user: (await findUserById(tx, id))!, mail };
	});
	await appendOutboxFile(ac, mail);
	return json(200, userJson(user));
}

const LINK_TYPES = [
	'signup',
	'invite',
	'magiclink',
	'recovery',
	'email_change_current',
	'email_change_new'
];

export async function generateLink(ac: AuthCtx): Promise<ApiResponse> {
	await requireAdmin(ac);
	const p = await readParams(ac.req, {
		type: 'string',
		email: 'string',
		new_email: 'string',
		password: 'string',
		data: 'object',
		redirect_to: 'string'
	});
	let type = p.type ?? '';
	if (!LINK_TYPES.includes(type)) {
		throw badRequest('validation_failed', `Invalid email action link type requested: ${type}`);
	}
	if (type.startsWith('email_change')) {
		throw badRequest('validation_failed', 'The local stack does not generate email_change links');
	}
	const email = validateEmail(p.email);
	const redirectTo = redirectTarget(
		ac.settings,
		p.redirect_to || ac.req.url.searchParams.get('redirect_to')
	);
	const existing = await findUserByEmail(ac.db, email);
	if (!existing && type === 'recovery')
		throw notFound('user_not_found', 'User with this email not found');
	if (!existing && type === 'magiclink') type = 'signup';
	if (existing?.email_confirmed_at && (type === 'signup' || type === 'invite')) {
		throw unprocessable('email_exists', DUPLICATE_EMAIL);
	}
	let hash = '';
	if (!existing && type === 'signup') {
		if (!p.password) throw badRequest('validation_failed', 'Signup requires a valid password');
		checkPasswordStrength(ac.settings, p.password);
		hash = await hashPassword(p.password);
	}
	const kind = type as MailKind;
	const { user, token } = await ac.db.transaction(async (tx) => {
		const id =
			existing?.id ??
			(await insertUser(tx, { email, passwordHash: hash, userMetadata: p.data ?? {} }));
		const token = await storeToken(tx, id, email, kind, null);
		return { user: (await findUserById(tx, id))!, token };
	});
	return json(200, {
		...userJson(user),
		action_link: verifyLink(ac, token.hash, kind, redirectTo),
		email_otp: token.otp,
		hashed_token: token.hash,
		verification_type: kind,
		redirect_to: redirectTo
	});
}
