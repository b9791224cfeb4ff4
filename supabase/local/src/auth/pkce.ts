/**
 * The PKCE flow (what @supabase/ssr clients use): an e-mailed link redirects with `?code=` instead of
 * tokens, and the client trades that code plus its code_verifier at /token?grant_type=pkce.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Tx } from '../db/driver';
import { badRequest, notFound } from './errors';
import type { AuthMethod } from './sessions';

export interface Pkce {
	challenge: string;
	method: 's256' | 'plain';
}

/** GoTrue's validatePKCEParams: both or neither; null means the implicit flow. */
export function pkceParams(p: {
	code_challenge?: string;
	code_challenge_method?: string;
}): Pkce | null {
	const challenge = p.code_challenge ?? '';
	const method = (p.code_challenge_method ?? '').toLowerCase();
	if (!challenge && !method) return null;
	if (!challenge || !method) {
		throw badRequest(
			'validation_failed',
			'PKCE flow requires code_challenge_method and code_challenge'
		);
	}
	if (method !== 's256' && method !== 'plain') {
		throw badRequest('validation_failed', `code challenge method ${method} not supported`);
	}
	if (challenge.length < 43 || challenge.length > 128) {
		throw badRequest('validation_failed', 'code challenge has to be between 43 and 128 characters');
	}
	return { challenge, method };
}

/** Records the challenge for a user's pending e-mail flow. */
export async function createFlowState(
	tx: Tx,
	userId: string,
	pkce: Pkce,
	method: AuthMethod
): Promise<void> {
	await tx.query(
		`insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge,
		   provider_type, created_at, updated_at, authentication_method)
		 values ($1, $2, $3, $4, $5, 'email', now(), now(), $6)`,
		[randomUUID(), userId, randomUUID(), pkce.method, pkce.challenge, method]
	);
}

/** After a PKCE link is verified: the code the redirect carries. */
export async function issueAuthCode(tx: Tx, userId: string, method: AuthMethod): Promise<string> {
	const { rows } = await tx.query<{ id: string; auth_code: string }>(
		`select id::text, auth_code from auth.flow_state where user_id = $1 and authentication_method = $2
		 order by created_at desc limit 1`,
		[userId, method]
	);
	if (!rows[0]) {
		throw badRequest('flow_state_not_found', 'No associated flow state found. invalid flow state');
	}
	await tx.query(
		`update auth.flow_state set auth_code_issued_at = now(), updated_at = now() where id = $1`,
		[rows[0].id]
	);
	return rows[0].auth_code;
}

const CODE_LIFETIME_SECONDS = 300;

/** Redeems an auth code: checks the verifier, deletes the flow state, returns user and method. */
export async function redeemAuthCode(
	tx: Tx,
	authCode: string,
	verifier: string
): Promise<{ userId: string; method: AuthMethod }> {
	const { rows } = await tx.query<{
		id: string;
		user_id: string;
		code_challenge_method: string;
		code_challenge: string;
		authentication_method: AuthMethod;
		expired: boolean;
	}>(
		`select id::text, user_id::text, code_challenge_method, code_challenge, authentication_method,
		        coalesce(auth_code_issued_at, created_at) + make_interval(secs => $2::double precision) < now() as expired
		 from auth.flow_state where auth_code = $1 for update`,
		[authCode, CODE_LIFETIME_SECONDS]
	);
	const flow = rows[0];
	if (!flow || !flow.user_id) {
		throw notFound('flow_state_not_found', 'invalid flow state, no valid flow state found');
	}
	if (flow.expired) {
		throw badRequest('flow_state_expired', 'invalid flow state, flow state has expired');
	}
	const expected =
		flow.code_challenge_method === 's256'
			? createHash('sha256').update(verifier).digest('base64url')
			: verifier;
	if (expected !== flow.code_challenge) {
		throw badRequest(
			'bad_code_verifier',
			'code challenge does not match previously saved code verifier'
		);
	}
	await tx.query('delete from auth.flow_state where id = $1', [flow.id]);
	return { userId: flow.user_id, method: flow.authentication_method };
}
