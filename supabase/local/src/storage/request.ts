/** Request helpers shared by the storage routes: who is calling, JSON bodies, path segments. */
import type { Claims } from '../db/rls';
import { HttpError, type ApiRequest } from '../http/types';
import { errors, StorageError } from './errors';

/**
 * The caller's claims. Like Kong in front of hosted storage, a missing or unknown API key is a 401;
 * a JWT that is present but expired or forged is storage's own 400 `{statusCode: "403"}`.
 */
export async function requireCaller(req: ApiRequest): Promise<Claims> {
	const c = await req.caller();
	if (c.ok) return c.claims;
	if (c.reason === 'missing_key' || c.reason === 'bad_key') {
		throw new HttpError(401, { statusCode: '401', error: 'Unauthorized', message: c.message });
	}
	throw errors.accessDenied(c.reason === 'expired' ? 'jwt expired' : 'invalid signature');
}

/** The caller when the route also serves anonymous requests (public buckets); undefined if none. */
export async function optionalCaller(req: ApiRequest): Promise<Claims | undefined> {
	const c = await req.caller();
	return c.ok ? c.claims : undefined;
}

/** The JSON body as an object; storage's 400 when it is not one. */
export async function jsonBody(req: ApiRequest): Promise<Record<string, unknown>> {
	let v: unknown;
	try {
		v = await req.json();
	} catch (e) {
		if (e instanceof HttpError && e.status === 413) throw errors.tooLarge('request body');
		throw new StorageError(400, 'InvalidRequest', 'Body is not valid JSON');
	}
	if (v === undefined) return {};
	if (!v || typeof v !== 'object' || Array.isArray(v)) {
		throw new StorageError(400, 'InvalidRequest', 'body must be object');
	}
	return v as Record<string, unknown>;
}

/** Percent-decodes a path below a route prefix; storage's 400 on malformed escapes. */
export function decodePath(raw: string): string {
	try {
		return raw
			.split('/')
			.map((s) => decodeURIComponent(s))
			.join('/');
	} catch {
		throw errors.invalidKey(raw);
	}
}

/** A required string property of a JSON body. */
export function str(body: Record<string, unknown>, name: string): string {
	const v = body[name];
	if (typeof v !== 'string' || v === '') {
		throw new StorageError(400, 'Bad Request', `body must have required property '${name}'`);
	}
	return v;
}

export function optionalStr(body: Record<string, unknown>, name: string): string | undefined {
	const v = body[name];
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'string')
		throw new StorageError(400, 'Bad Request', `body/${name} must be string`);
	return v;
}
