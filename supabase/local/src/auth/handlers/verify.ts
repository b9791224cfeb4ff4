/**
 * GET /verify (the link in an e-mail: redirects with tokens, or a PKCE code, or an error) and
 * POST /verify (supabase-js verifyOtp with a token_hash, or an e-mail and its 6-digit code).
 */
import { json, type ApiResponse } from '../../http/types';
import type { Tx } from '../../db/driver';
import { AuthError, badRequest, forbidden, rateLimited } from '../errors';
import type { AuthCtx } from '../context';
import { tokenHash } from '../mail';
import { readParams, validateEmail } from '../params';
import { issueAuthCode } from '../pkce';
import { issueSession, type AuthMethod, type TokenResponse } from '../sessions';
import { redirectTarget } from '../settings';
import {
	confirmUser,
	findUserByEmail,
	findUserByToken,
	findUserById,
	type TokenColumn,
	type UserRow
} from '../users';

type LinkType = 'signup' | 'invite' | 'magiclink' | 'recovery';

const COLUMNS: Record<string, TokenColumn[]> = {
	email: ['confirmation_token', 'recovery_token'],
	signup: ['confirmation_token'],
	invite: ['confirmation_token'],
	magiclink: ['recovery_token'],
	recovery: ['recovery_token']
};

const PKCE_METHOD: Record<LinkType, AuthMethod> = {
	signup: 'email/signup',
	invite: 'invite',
	magiclink: 'magiclink',
	recovery: 'recovery'
};

const EXPIRED_LINK = 'Email link is invalid or has expired';
const EXPIRED_OTP = 'Token has expired or is invalid';

function sentAtFor(user: UserRow, column: TokenColumn): string | null {
	return column === 'recovery_token' ? user.recovery_sent_at : user.confirmation_sent_at;
}

function expired(ac: AuthCtx, sentAt: string | null): boolean {
	return !sentAt || Date.parse(sentAt) + ac.settings.otpExpiry * 1000 < Date.now();
}

/** Which column a token (or its PKCE form) sits in, and the link type that implies. */
function matchedColumn(user: UserRow, columns: TokenColumn[], hash: string): TokenColumn | null {
	return columns.find((c) => !!user[c] && (user[c] === hash || user[c] === `pkce_${hash}`)) ?? null;
}

function resolvedType(type: string, column: TokenColumn): LinkType {
	if (type !== 'email') return type as LinkType;
	return column === 'confirmation_token' ? 'signup' : 'magiclink';
}

async function byTokenHash(ac: AuthCtx, tx: Tx, type: string, hash: string) {
	const columns = COLUMNS[type];
	if (!columns) throw badRequest('validation_failed', 'Invalid email verification type');
	const bare = hash.replace(/^pkce_/, '');
	const user = await findUserByToken(tx, columns, bare);
	const column = user && matchedColumn(user, columns, bare);
	if (!user || !column) throw forbidden('otp_expired', EXPIRED_LINK);
	if (user.banned) throw forbidden('user_banned', 'User is banned');
	if (expired(ac, sentAtFor(user, column))) throw forbidden('otp_expired', EXPIRED_LINK);
	return { user, type: resolvedType(type, column) };
}

async function byEmailAndCode(ac: AuthCtx, tx: Tx, type: string, email: string, code: string) {
	const columns = COLUMNS[type];
	if (!columns) throw badRequest('validation_failed', 'Unsupported verification type');
	const user = await findUserByEmail(tx, email);
	if (!user) throw forbidden('otp_expired', EXPIRED_OTP);
	if (user.banned) throw forbidden('user_banned', 'User is banned');
	const column = matchedColumn(user, columns, tokenHash(email, code));
	if (!column || expired(ac, sentAtFor(user, column))) throw forbidden('otp_expired', EXPIRED_OTP);
	return { user, type: resolvedType(type, column) };
}

/** Spends the token: confirms the address and clears the token so the link works once. */
async function consume(tx: Tx, user: UserRow, type: LinkType): Promise<UserRow> {
	if (type === 'recovery' || type === 'magiclink') {
		await tx.query(`update auth.users set recovery_token = '', updated_at = now() where id = $1`, [
			user.id
		]);
	}
	if (type === 'signup' || type === 'invite' || !user.email_confirmed_at)
		await confirmUser(tx, user.id);
	return (await findUserById(tx, user.id))!;
}

export async function verifyPost(ac: AuthCtx): Promise<ApiResponse> {
	const p = await readParams(ac.req, {
		type: 'string',
		token: 'string',
		token_hash: 'string',
		email: 'string',
		phone: 'string',
		redirect_to: 'string'
	});
	if (!p.type) throw badRequest('validation_failed', 'Verify requires a verification type');
	if (!p.token === !p.token_hash) {
		throw badRequest('validation_failed', 'Verify requires either a token or a token hash');
	}
	let email = '';
	if (p.token) {
		if (p.phone || !p.email) {
			throw badRequest(
				'validation_failed',
				'Only an email address or phone number should be provided on verify'
			);
		}
		try {
			email = validateEmail(p.email);
		} catch {
			throw new AuthError(422, 'validation_failed', 'Invalid email format');
		}
	} else if (p.email || p.phone || p.redirect_to) {
		throw badRequest('validation_failed', 'Only the token_hash and type should be provided');
	}
	const { type, token, token_hash } = p;
	// A 6-digit code is guessable: wrong codes count like wrong passwords, per address and client.
	const keys = token ? [`otp-ip:${ac.client.ip}`, `otp:${email}`] : [];
	const wait = ac.state.signIns.retryAfter(keys);
	if (wait > 0) throw rateLimited(wait);
	try {
		const body = await ac.db.transaction(async (tx) => {
			const found = token
				? await byEmailAndCode(ac, tx, type, email, token)
				: await byTokenHash(ac, tx, type, token_hash!);
			const user = await consume(tx, found.user, found.type);
			return issueSession(tx, user.id, 'otp', ac.settings, ac.config.jwtSecret, ac.client);
		});
		return json(200, body);
	} catch (e) {
		if (e instanceof AuthError && e.code === 'otp_expired') ac.state.signIns.fail(keys);
		throw e;
	}
}

/** Go's url.Values.Encode: keys sorted, values query-escaped. */
function encode(values: Record<string, string>): string {
	const q = new URLSearchParams(values);
	q.sort();
	return q.toString();
}

function redirect(location: string): ApiResponse {
	return { status: 303, headers: { location }, body: '' };
}

export async function verifyGet(ac: AuthCtx): Promise<ApiResponse> {
	const q = ac.req.url.searchParams;
	const token = q.get('token') ?? '';
	const type = q.get('type') ?? '';
	if (!type) throw badRequest('validation_failed', 'Verify requires a verification type');
	if (!token) throw badRequest('validation_failed', 'Verify requires a token or a token hash');
	const referer = ac.req.header('referer');
	const target = redirectTarget(ac.settings, q.get('redirect_to') || referer).replace(/#.*$/, '');
	const pkce = token.startsWith('pkce_');
	let outcome: { session?: TokenResponse; code?: string };
	try {
		outcome = await ac.db.transaction(async (tx) => {
			const found = await byTokenHash(ac, tx, type, token);
			const user = await consume(tx, found.user, found.type);
			if (pkce) return { code: await issueAuthCode(tx, user.id, PKCE_METHOD[found.type]) };
			return {
				session: await issueSession(tx, user.id, 'otp', ac.settings, ac.config.jwtSecret, ac.client)
			};
		});
	} catch (e) {
		if (!(e instanceof AuthError) || e.status >= 500) throw e;
		const url = new URL(target);
		const error =
			e.status === 403
				? 'access_denied'
				: e.status === 401
					? 'unauthorized_client'
					: 'invalid_request';
		const info = { error, error_code: e.code, error_description: e.message };
		if (pkce) for (const [k, v] of Object.entries(info)) url.searchParams.set(k, v);
		url.hash = encode({ ...info, sb: '' });
		return redirect(url.toString());
	}
	if (outcome.code) {
		const url = new URL(target);
		url.searchParams.set('code', outcome.code);
		return redirect(url.toString());
	}
	const s = outcome.session!;
	return redirect(
		`${target}#${encode({
			access_token: s.access_token,
			expires_at: String(s.expires_at),
			expires_in: String(s.expires_in),
			refresh_token: s.refresh_token,
			token_type: s.token_type,
			type
		})}`
	);
}
