/**
 * GoTrue's gates: the API key every route except the e-mail links needs (Kong's job on a hosted
 * project), a user's bearer token for /user and /logout, and a service-role token for admin routes.
 */
import { verifyJwt } from '../jwt';
import type { Claims } from '../db/rls';
import { AuthError, forbidden } from './errors';
import type { AuthCtx } from './context';
import { findUserById, isUuid, type UserRow } from './users';

const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);

/** A refusal by the API gateway (Kong on a hosted project), which answers `{message}`. */
export class GatewayError extends Error {
	constructor(
		public status: number,
		message: string
	) {
		super(message);
	}
}

/**
 * The API key gate in front of /auth/v1, with Kong's answers. Only anon and service-role keys
 * signed with the project's secret pass; a user's access token is not an API key.
 */
export async function requireApiKey(ac: AuthCtx): Promise<void> {
	const key = ac.req.header('apikey') ?? ac.req.url.searchParams.get('apikey');
	if (!key) {
		throw new GatewayError(401, 'No API key found in request');
	}
	const v = await verifyJwt(key, ac.config.jwtSecret);
	if (!v.ok || (v.claims.role !== 'anon' && v.claims.role !== 'service_role')) {
		throw new GatewayError(401, 'Invalid API key');
	}
}

function bearer(ac: AuthCtx): string {
	const m = /^(?:B|b)earer (\S+)$/.exec(ac.req.header('authorization') ?? '');
	if (!m) {
		throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
	}
	return m[1];
}

async function claimsOf(ac: AuthCtx, token: string): Promise<Claims> {
	const v = await verifyJwt(token, ac.config.jwtSecret);
	if (!v.ok) {
		const why =
			v.reason === 'expired'
				? 'token has invalid claims: token is expired'
				: 'token is unverifiable';
		throw forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${why}`);
	}
	return v.claims;
}

export interface Caller {
	user: UserRow;
	sessionId: string | null;
	claims: Claims;
	token: string;
}

/** requireAuthentication: a valid access token whose user (and session, if named) still exist. */
export async function requireUser(ac: AuthCtx): Promise<Caller> {
	const token = bearer(ac);
	const claims = await claimsOf(ac, token);
	const sub = typeof claims.sub === 'string' ? claims.sub : '';
	if (!sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
	if (!isUuid(sub)) throw new AuthError(400, 'bad_jwt', 'invalid claim: sub claim must be a UUID');
	const user = await findUserById(ac.db, sub);
	if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
	let sessionId: string | null = null;
	const sid = claims.session_id;
	if (typeof sid === 'string' && sid !== '' && sid !== '00000000-0000-0000-0000-000000000000') {
		if (!isUuid(sid)) throw forbidden('bad_jwt', 'invalid claim: session_id claim must be a UUID');
		const { rows } = await ac.db.query<{ ended: boolean }>(
			`select coalesce(not_after < now(), false) as ended from auth.sessions where id = $1`,
			[sid]
		);
		if (!rows[0]) {
			throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
		}
		// A session ended by refresh-token reuse detection takes its access tokens with it.
		if (rows[0].ended) {
			throw forbidden('session_not_found', 'Session from session_id claim in JWT has been revoked');
		}
		sessionId = sid;
	}
	if (user.banned) throw forbidden('user_banned', 'User is banned');
	return { user, sessionId, claims, token };
}

/** requireAdminCredentials: a bearer token signed with the project secret whose role is an admin role. */
export async function requireAdmin(ac: AuthCtx): Promise<Claims> {
	const claims = await claimsOf(ac, bearer(ac));
	if (!ADMIN_ROLES.has(String(claims.role))) throw forbidden('not_admin', 'User not allowed');
	return claims;
}
