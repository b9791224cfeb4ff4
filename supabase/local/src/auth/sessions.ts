/**
 * Sessions, refresh tokens and access tokens as GoTrue issues them: one auth.sessions row per
 * sign-in, a chain of refresh tokens that rotate on every use, and an HS256 access token carrying
 * Supabase's claims (sub, role, aud, email, phone, app/user metadata, session_id, aal, amr, ...).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { SignJWT } from 'jose';
import type { Tx } from '../db/driver';
import { badRequest } from './errors';
import type { AuthSettings } from './settings';
import { userJson } from './user-json';
import { findUserById, type UserRow } from './users';

/** GoTrue's authentication methods, as they appear in the `amr` claim. */
export type AuthMethod =
	| 'password'
	| 'otp'
	| 'recovery'
	| 'invite'
	| 'magiclink'
	| 'email/signup'
	| 'email_change'
	| 'anonymous';

export interface ClientInfo {
	ip: string;
	userAgent: string;
	/** `http://host:port`, what the caller used to reach the stack; the token issuer derives from it. */
	externalUrl: string;
}

export interface TokenResponse {
	access_token: string;
	token_type: 'bearer';
	expires_in: number;
	expires_at: number;
	refresh_token: string;
	user: Record<string, unknown>;
	weak_password?: { message: string; reasons: string[] };
}

/** A refresh token: 12 random bytes, URL-safe, like GoTrue's. */
const newRefreshToken = () => randomBytes(12).toString('base64url');

async function insertRefreshToken(
	tx: Tx,
	userId: string,
	sessionId: string,
	parent: string | null
): Promise<string> {
	const token = newRefreshToken();
	await tx.query(
		`insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
		 values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
		[token, userId, parent, sessionId]
	);
	return token;
}

/** Signs the access token for a user's session with the claims Supabase puts in it. */
export async function accessToken(
	tx: Tx,
	user: UserRow,
	sessionId: string,
	settings: AuthSettings,
	secret: string,
	client: ClientInfo
): Promise<{ token: string; expiresAt: number }> {
	const { rows } = await tx.query<{ method: string; at: number }>(
		`select authentication_method as method, extract(epoch from created_at)::bigint as at
		 from auth.mfa_amr_claims where session_id = $1 order by created_at desc`,
		[sessionId]
	);
	const now = Math.floor(Date.now() / 1000);
	const expiresAt = now + settings.jwtExpiry;
	const token = await new SignJWT({
		aud: 'authenticated',
		exp: expiresAt,
		iat: now,
		iss: `${client.externalUrl}/auth/v1`,
		sub: user.id,
		email: user.email ?? '',
		phone: user.phone ?? '',
		app_metadata: user.raw_app_meta_data ?? {},
		user_metadata: user.raw_user_meta_data ?? {},
		role: user.role || 'authenticated',
		aal: 'aal1',
		amr: rows.map((r) => ({ method: r.method, timestamp: Number(r.at) })),
		session_id: sessionId,
		is_anonymous: user.is_anonymous
	})
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.sign(new TextEncoder().encode(secret));
	return { token, expiresAt };
}

async function respond(
	tx: Tx,
	userId: string,
	sessionId: string,
	refreshToken: string,
	settings: AuthSettings,
	secret: string,
	client: ClientInfo
): Promise<TokenResponse> {
	const user = (await findUserById(tx, userId))!;
	const { token, expiresAt } = await accessToken(tx, user, sessionId, settings, secret, client);
	return {
		access_token: token,
		token_type: 'bearer',
		expires_in: settings.jwtExpiry,
		expires_at: expiresAt,
		refresh_token: refreshToken,
		user: userJson(user)
	};
}

/** Starts a session for a user (sign-in, sign-up, verified link) and returns GoTrue's token body. */
export async function issueSession(
	tx: Tx,
	userId: string,
	method: AuthMethod,
	settings: AuthSettings,
	secret: string,
	client: ClientInfo
): Promise<TokenResponse> {
	const sessionId = randomUUID();
	await tx.query(
		`insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
		 values ($1, $2, now(), now(), 'aal1', $3, $4::inet)`,
		[sessionId, userId, client.userAgent || null, isIP(client.ip) ? client.ip : null]
	);
	await tx.query(
		`insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
		 values ($1, $2, now(), now(), $3)`,
		[randomUUID(), sessionId, method]
	);
	await tx.query(
		`update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1`,
		[userId]
	);
	const refresh = await insertRefreshToken(tx, userId, sessionId, null);
	return respond(tx, userId, sessionId, refresh, settings, secret, client);
}

interface TokenRow {
	id: number;
	token: string;
	user_id: string;
	revoked: boolean;
	session_id: string | null;
	session_exists: boolean;
	session_expired: boolean;
	reuse_window_over: boolean;
}

/**
 * The refresh_token grant. Returns the new token body, or the error GoTrue answers with; an error
 * is returned rather than thrown when its side effects (revoking a token family) must be committed.
 */
export async function refreshSession(
	tx: Tx,
	presented: string,
	settings: AuthSettings,
	secret: string,
	client: ClientInfo
): Promise<TokenResponse | { error: Error }> {
	// Row lock: two concurrent refreshes of one token serialise instead of both rotating it.
	const { rows } = await tx.query<TokenRow>(
		`select rt.id, rt.token, rt.user_id, rt.revoked, rt.session_id::text,
		        s.id is not null as session_exists,
		        coalesce(s.not_after < now(), false) as session_expired,
		        coalesce(rt.updated_at + make_interval(secs => $2::double precision) < now(), true) as reuse_window_over
		 from auth.refresh_tokens rt left join auth.sessions s on s.id = rt.session_id
		 where rt.token = $1 for update of rt`,
		[presented, settings.refreshTokenReuseInterval]
	);
	const rt = rows[0];
	if (!rt) {
		return {
			error: badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
		};
	}
	const user = await findUserById(tx, rt.user_id);
	if (!user) {
		return {
			error: badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
		};
	}
	if (user.banned)
		return { error: badRequest('user_banned', 'Invalid Refresh Token: User Banned') };
	if (!rt.session_id || !rt.session_exists) {
		await tx.query('delete from auth.refresh_tokens where id = $1', [rt.id]);
		return {
			error: badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found')
		};
	}
	if (rt.session_expired) {
		return { error: badRequest('session_expired', 'Invalid Refresh Token: Session Expired') };
	}
	let issued: string | null = null;
	if (rt.revoked) {
		const active = await tx.query<{ token: string; parent: string | null }>(
			`select token, parent from auth.refresh_tokens
			 where session_id = $1 and revoked = false order by id desc limit 1`,
			[rt.session_id]
		);
		if (active.rows[0]?.parent === rt.token) {
			// The client lost the answer to its last refresh: hand back the token it was given.
			issued = active.rows[0].token;
		} else if (rt.reuse_window_over) {
			if (settings.refreshTokenRotation) {
				// Reuse of a spent token means it leaked: end the whole session, not just this chain,
				// so the access tokens minted from it stop working too.
				await tx.query(
					`update auth.refresh_tokens set revoked = true, updated_at = now()
					 where session_id = $1 and revoked = false`,
					[rt.session_id]
				);
				await tx.query(
					`update auth.sessions set not_after = now(), updated_at = now() where id = $1`,
					[rt.session_id]
				);
			}
			return {
				error: badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used')
			};
		}
	}
	if (!issued) {
		await tx.query(
			`update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1`,
			[rt.id]
		);
		issued = await insertRefreshToken(tx, rt.user_id, rt.session_id, rt.token);
	}
	await tx.query(
		`update auth.sessions set refreshed_at = (now() at time zone 'UTC'), updated_at = now() where id = $1`,
		[rt.session_id]
	);
	return respond(tx, rt.user_id, rt.session_id, issued, settings, secret, client);
}

export type LogoutScope = 'global' | 'local' | 'others';

/** Ends sessions: all of a user's, only the given one, or all but the given one. */
export async function logout(
	tx: Tx,
	userId: string,
	sessionId: string | null,
	scope: LogoutScope
): Promise<void> {
	if (sessionId && scope === 'local') {
		await tx.query('delete from auth.sessions where id = $1', [sessionId]);
	} else if (sessionId && scope === 'others') {
		await tx.query('delete from auth.sessions where user_id = $1 and id <> $2', [
			userId,
			sessionId
		]);
	} else {
		await tx.query('delete from auth.sessions where user_id = $1', [userId]);
		await tx.query('delete from auth.refresh_tokens where user_id = $1', [userId]);
	}
}
