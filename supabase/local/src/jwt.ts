/** HS256 JWTs with Supabase's claims, signed and checked with the project's JWT secret. */
import { SignJWT, jwtVerify, errors } from 'jose';
import type { Claims } from './db/rls';

const enc = (secret: string) => new TextEncoder().encode(secret);

export async function signJwt(
	claims: Record<string, unknown>,
	secret: string,
	expiresInSeconds: number
): Promise<string> {
	const now = Math.floor(Date.now() / 1000);
	return new SignJWT({ ...claims })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setIssuedAt(now)
		.setExpirationTime(now + expiresInSeconds)
		.sign(enc(secret));
}

export type VerifyResult =
	{ ok: true; claims: Claims } | { ok: false; reason: 'expired' | 'invalid'; message: string };

// Every API request carries one or two JWTs (apikey and bearer), mostly the same few; checking an
// HMAC through WebCrypto costs more than the query it guards. Verified tokens are remembered (by
// secret and token) until they expire; expiry is still checked on every use.
const VERIFIED_MAX = 1000;
const verified = new Map<string, { claims: Claims; exp?: number; nbf?: number }>();

/** Verifies signature, algorithm and expiry; never throws. */
export async function verifyJwt(token: string, secret: string): Promise<VerifyResult> {
	const key = `${secret}\u0000${token}`;
	const hit = verified.get(key);
	const now = Date.now() / 1000;
	if (
		hit &&
		(hit.exp === undefined || now < hit.exp) &&
		(hit.nbf === undefined || now >= hit.nbf)
	) {
		return { ok: true, claims: { ...hit.claims } };
	}
	try {
		const { payload } = await jwtVerify(token, enc(secret), { algorithms: ['HS256'] });
		const role = payload.role;
		if (role !== 'anon' && role !== 'authenticated' && role !== 'service_role') {
			return { ok: false, reason: 'invalid', message: 'JWT role is not one the API accepts' };
		}
		if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
		verified.set(key, { claims: payload as Claims, exp: payload.exp, nbf: payload.nbf });
		return { ok: true, claims: payload as Claims };
	} catch (e) {
		if (e instanceof errors.JWTExpired)
			return { ok: false, reason: 'expired', message: 'JWT expired' };
		return { ok: false, reason: 'invalid', message: 'invalid JWT' };
	}
}
