/**
 * Request parameters the way GoTrue decodes them: a JSON object into a typed struct. A body that is
 * not JSON, not an object, or has a field of the wrong type is GoTrue's 400 `bad_json`; unknown
 * fields are ignored and `null` reads as the field's zero value.
 */
import type { ApiRequest } from '../http/types';
import { badRequest } from './errors';

/** Largest auth request body; GoTrue's payloads are small, and metadata rarely passes a few KB. */
const AUTH_BODY_LIMIT = 256 * 1024;

type Kind = 'string' | 'boolean' | 'number' | 'object' | 'any';
type Shape = Record<string, Kind>;
type Out<S extends Shape> = {
	[K in keyof S]?: S[K] extends 'string'
		? string
		: S[K] extends 'boolean'
			? boolean
			: S[K] extends 'number'
				? number
				: S[K] extends 'object'
					? Record<string, unknown>
					: unknown;
};

const GO_TYPE: Record<Kind, string> = {
	string: 'string',
	boolean: 'bool',
	number: 'int',
	object: 'map[string]interface {}',
	any: 'interface {}'
};

/** Reads and type-checks the JSON body; an empty body is GoTrue's "unexpected end of JSON input". */
export async function readParams<S extends Shape>(req: ApiRequest, shape: S): Promise<Out<S>> {
	const buf = await req.body(AUTH_BODY_LIMIT);
	let parsed: unknown;
	try {
		parsed = JSON.parse(buf.toString('utf8'));
	} catch (e) {
		const why = buf.length === 0 ? 'unexpected end of JSON input' : (e as Error).message;
		throw badRequest('bad_json', `Could not parse request body as JSON: ${why}`);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		const got = Array.isArray(parsed) ? 'array' : parsed === null ? 'null' : typeof parsed;
		throw badRequest(
			'bad_json',
			`Could not parse request body as JSON: json: cannot unmarshal ${got} into Go value of type struct`
		);
	}
	const input = parsed as Record<string, unknown>;
	const out: Record<string, unknown> = {};
	for (const [key, kind] of Object.entries(shape)) {
		const v = input[key];
		if (v === undefined || v === null) continue;
		const ok =
			kind === 'any' ||
			(kind === 'object'
				? typeof v === 'object' && !Array.isArray(v)
				: kind === 'number'
					? typeof v === 'number' && Number.isFinite(v)
					: typeof v === kind);
		if (!ok) {
			const got = Array.isArray(v) ? 'array' : typeof v;
			throw badRequest(
				'bad_json',
				`Could not parse request body as JSON: json: cannot unmarshal ${got} into Go struct field .${key} of type ${GO_TYPE[kind]}`
			);
		}
		out[key] = v;
	}
	return out as Out<S>;
}

/** Reads the body only when there is one (DELETE and logout may come without). */
export async function readOptionalParams<S extends Shape>(
	req: ApiRequest,
	shape: S
): Promise<Out<S>> {
	const declared = Number(req.header('content-length') ?? 0);
	const chunked = /chunked/i.test(req.header('transfer-encoding') ?? '');
	if (!declared && !chunked) return {};
	const buf = await req.body(AUTH_BODY_LIMIT);
	if (buf.length === 0) return {};
	return readParams(req, shape);
}

// checkmail's format rule: something@domain.tld without spaces or a second @.
const EMAIL_FORMAT = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** GoTrue's validateEmail: required, at most 255 characters, well-formed; returned lower-cased. */
export function validateEmail(email: string | undefined): string {
	if (!email) throw badRequest('validation_failed', 'An email address is required');
	if (email.length > 255) throw badRequest('validation_failed', 'An email address is too long');
	if (!EMAIL_FORMAT.test(email)) {
		throw badRequest('email_address_invalid', 'Unable to validate email address: invalid format');
	}
	return email.toLowerCase();
}
