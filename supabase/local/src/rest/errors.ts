/**
 * PostgREST's error bodies (`{code, message, details, hint}`) and HTTP statuses: its own PGRST codes,
 * and Postgres errors mapped by SQLSTATE the way PostgREST maps them.
 */
import { HttpError, type Caller } from '../http/types';
import type { PgError } from '../db/driver';

/** Builds an HttpError with PostgREST's body shape. */
export function pgrst(
	status: number,
	code: string,
	message: string,
	details: unknown = null,
	hint: unknown = null,
	headers: Record<string, string> = {}
): HttpError {
	return new HttpError(status, { code, details, hint, message }, headers);
}

/** A query-string parse error, with the position like PostgREST's parser reports it. */
export function parseError(what: string, input: string, pos: number, details: string): HttpError {
	return pgrst(
		400,
		'PGRST100',
		`"failed to parse ${what} (${input})" (line 1, column ${pos + 1})`,
		details
	);
}

/** 400 PGRST127: a PostgREST feature the local stack does not implement; never a silent fallback. */
export function notImplemented(feature: string): HttpError {
	return pgrst(
		400,
		'PGRST127',
		'Feature not implemented',
		`${feature} is not supported by the local stack`
	);
}

/** 400 PGRST102: the body is not the JSON the request needs. */
export const invalidBody = (message: string) => pgrst(400, 'PGRST102', message);

/** 406 PGRST116: a single object was asked for and the result has `n` rows. */
export const singularity = (n: number) =>
	pgrst(
		406,
		'PGRST116',
		'Cannot coerce the result to a single JSON object',
		`The result contains ${n} rows`
	);

/** 400 PGRST108: a filter or order names a resource the select does not embed. */
export const notEmbedded = (name: string) =>
	pgrst(
		400,
		'PGRST108',
		`'${name}' is not an embedded resource in this request`,
		null,
		`Verify that '${name}' is included in the 'select' query parameter.`
	);

/** 400 PGRST204: a body key, `columns=` or `on_conflict=` names an unknown column. */
export const columnNotFound = (rel: string, col: string) =>
	pgrst(400, 'PGRST204', `Could not find the '${col}' column of '${rel}' in the schema cache`);

/** What Postgres says for an unknown column; PostgREST forwards that error. */
export const undefinedColumn = (rel: string, col: string) =>
	pgrst(400, '42703', `column ${rel}.${col} does not exist`);

/** 404 PGRST205, with PostgREST's "Perhaps you meant" hint. */
export const tableNotFound = (name: string, suggestion?: string) =>
	pgrst(
		404,
		'PGRST205',
		`Could not find the table 'public.${name}' in the schema cache`,
		null,
		suggestion ? `Perhaps you meant the table 'public.${suggestion}'` : null
	);

/** 416 PGRST103: the requested range cannot be satisfied. */
export const rangeError = (details: string) =>
	pgrst(416, 'PGRST103', 'Requested range not satisfiable', details);

const WWW_AUTH = 'www-authenticate';

/** The 401 for a request whose API key or JWT was refused (Supabase's gateway, then PostgREST). */
export function callerError(caller: Extract<Caller, { ok: false }>, token?: string): HttpError {
	if (caller.reason === 'missing_key') {
		return new HttpError(401, {
			message: 'No API key found in request',
			hint: 'No `apikey` request header or url param was found.'
		});
	}
	if (caller.reason === 'bad_key') {
		return new HttpError(401, {
			message: 'Invalid API key',
			hint: 'Double check your Supabase `anon` or `service_role` API key.'
		});
	}
	if (caller.reason === 'expired') {
		return pgrst(401, 'PGRST303', 'JWT expired', null, null, {
			[WWW_AUTH]: 'Bearer error="invalid_token", error_description="JWT expired"'
		});
	}
	const parts = token ? token.split('.').length : 0;
	const message =
		token && parts !== 3
			? `Expected 3 parts in JWT; got ${parts}`
			: caller.message === 'invalid JWT'
				? 'JWT cryptographic operation failed'
				: caller.message;
	return pgrst(401, 'PGRST301', message, null, null, {
		[WWW_AUTH]: `Bearer error="invalid_token", error_description=${JSON.stringify(message)}`
	});
}

/** PostgREST's SQLSTATE → HTTP status table. `authed` is false for the anon role. */
export function statusForSqlState(code: string, message: string, authed: boolean): number {
	if (code === '23503' || code === '23505') return 409;
	if (code === '25006') return 405;
	if (code === '21000') return message.endsWith('requires a WHERE clause') ? 400 : 500;
	if (code === '22023')
		return message.startsWith('role') && message.endsWith('does not exist') ? 401 : 400;
	if (code === '42883') return 404;
	if (code === '42P01') return 404;
	if (code === '42P17') return 500;
	if (code === '42501') return authed ? 403 : 401;
	if (code === '53400') return 500;
	if (code === '57P01') return 503;
	if (code === 'P0001') return 400;
	const two = code.slice(0, 2);
	if (two === '08' || two === '53') return 503;
	if (two === '0L' || two === '0P' || two === '28') return 403;
	if (
		[
			'09',
			'25',
			'2D',
			'38',
			'39',
			'3B',
			'40',
			'54',
			'55',
			'57',
			'58',
			'F0',
			'HV',
			'P0',
			'XX'
		].includes(two)
	)
		return 500;
	if (two === 'PT') {
		const n = Number(code.slice(2));
		return Number.isInteger(n) && n >= 100 && n <= 599 ? n : 500;
	}
	return 400;
}

/** A `raise sqlstate 'PGRST'` error: message and detail are JSON giving the body and the status. */
function raisePgrst(e: PgError): HttpError {
	try {
		const msg = JSON.parse(e.message) as Record<string, unknown>;
		const det = JSON.parse(e.detail ?? '') as { status: number; headers?: Record<string, string> };
		if (
			typeof msg.code !== 'string' ||
			typeof msg.message !== 'string' ||
			!Number.isInteger(det.status)
		)
			throw new Error('shape');
		return pgrst(
			det.status,
			msg.code,
			msg.message,
			msg.details ?? null,
			msg.hint ?? null,
			det.headers ?? {}
		);
	} catch {
		return pgrst(
			500,
			'PGRST121',
			'Could not parse JSON in the "RAISE SQLSTATE \'PGRST\'" error',
			`Invalid JSON value for MESSAGE: '${e.message}'`,
			"MESSAGE must be a JSON object with obligatory keys: 'code', 'message' and optional keys: 'details', 'hint'."
		);
	}
}

/** Maps an error thrown by the database into PostgREST's response; other errors pass through. */
export function fromDbError(e: unknown, authed: boolean): unknown {
	if (e instanceof HttpError) return e;
	const err = e as PgError;
	if (!err || typeof err !== 'object' || typeof err.code !== 'string' || !err.code) return e;
	if (err.code === 'PGRST') return raisePgrst(err);
	const status = statusForSqlState(err.code, err.message, authed);
	const headers: Record<string, string> = status === 401 ? { [WWW_AUTH]: 'Bearer' } : {};
	return pgrst(status, err.code, err.message, err.detail ?? null, err.hint ?? null, headers);
}
