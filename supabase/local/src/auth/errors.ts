/**
 * GoTrue's two error shapes. `AuthError` is its HTTPError: `{code: <status>, error_code, msg}`, or
 * `{code: <error_code>, message}` when the client asks for API version 2024-01-01 (supabase-js does).
 * `OAuthError` is `{error, error_description}` with status 400, used by a few /token failures.
 */
import { HttpError, json, type ApiRequest, type ApiResponse } from '../http/types';

export const API_VERSION_HEADER = 'x-supabase-api-version';
const API_2024 = '2024-01-01';

export class AuthError extends Error {
	constructor(
		public status: number,
		public code: string,
		message: string,
		/** Extra top-level fields, e.g. `weak_password`. */
		public extra: Record<string, unknown> = {},
		public headers: Record<string, string> = {}
	) {
		super(message);
	}
}

export class OAuthError extends Error {
	constructor(
		public error: string,
		public description: string
	) {
		super(description);
	}
}

export const badRequest = (code: string, msg: string) => new AuthError(400, code, msg);
export const forbidden = (code: string, msg: string) => new AuthError(403, code, msg);
export const notFound = (code: string, msg: string) => new AuthError(404, code, msg);
export const unprocessable = (code: string, msg: string) => new AuthError(422, code, msg);
export const internal = (msg: string) => new AuthError(500, 'unexpected_failure', msg);

/** GoTrue's 429 for a throttled endpoint, with when to come back. */
export function rateLimited(retryAfterSeconds: number): AuthError {
	return new AuthError(
		429,
		'over_request_rate_limit',
		'Request rate limit reached',
		{},
		{
			'retry-after': String(retryAfterSeconds)
		}
	);
}

/** GoTrue's weak-password error: 422 with the reasons supabase-js surfaces as AuthWeakPasswordError. */
export function weakPassword(msg: string, reasons: string[]): AuthError {
	return new AuthError(422, 'weak_password', msg, { weak_password: { reasons } });
}

/** True when the request opted into GoTrue's 2024-01-01 error shape. */
function wantsApi2024(req: ApiRequest): boolean {
	const v = req.header(API_VERSION_HEADER);
	return !!v && /^\d{4}-\d{2}-\d{2}$/.test(v) && v >= API_2024;
}

/** Turns anything a handler threw into GoTrue's response; unknown errors become its 500. */
export function errorResponse(e: unknown, req: ApiRequest): ApiResponse {
	const v2024 = wantsApi2024(req);
	const versionHeader: Record<string, string> = v2024 ? { [API_VERSION_HEADER]: API_2024 } : {};
	if (e instanceof OAuthError) {
		const body = e.description
			? { error: e.error, error_description: e.description }
			: { error: e.error };
		return json(400, body, versionHeader);
	}
	let err: AuthError;
	if (e instanceof AuthError) err = e;
	else if (e instanceof HttpError && e.status < 500) {
		// The shared server's own refusals (body too large, ...) keep their status.
		const msg = e.message || 'Bad request';
		err = new AuthError(
			e.status,
			e.status === 413 ? 'request_too_large' : 'validation_failed',
			msg
		);
	} else {
		console.error('[supabase/local auth] unexpected error', e);
		err = internal('Unexpected failure, please check server logs for more information');
	}
	const body = v2024
		? { code: err.code, message: err.message, ...err.extra }
		: { code: err.status, error_code: err.code, msg: err.message, ...err.extra };
	return json(err.status, body, { ...versionHeader, ...err.headers });
}
