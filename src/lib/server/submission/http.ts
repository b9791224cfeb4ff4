/**
 * The request and response ends of the submission routes: a JSON body read with a size cap (413,
 * not a 500, for an oversized body; 400 for one that is not JSON) and an `Outcome` as a response.
 */
import type { Outcome } from './index';

/** The largest request body the submission routes read: every note at its limit fits. */
export const MAX_SUBMISSION_BYTES = 1024 * 1024;

const errorJson = (status: number, body: object) =>
	new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});

/** Reads `request`'s JSON body, or the error response to send instead. */
export async function readJsonBody(
	request: Request,
	limit = MAX_SUBMISSION_BYTES
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
	const tooLarge = {
		ok: false as const,
		response: errorJson(413, { message: `the body is larger than ${limit} bytes` })
	};
	if (Number(request.headers.get('content-length') ?? 0) > limit) return tooLarge;
	const chunks: Uint8Array[] = [];
	let size = 0;
	if (request.body) {
		const reader = request.body.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			// A missing or lying Content-Length must not let a huge body into memory.
			if (size > limit) {
				await reader.cancel();
				return tooLarge;
			}
			chunks.push(value);
		}
	}
	const text = new TextDecoder().decode(Buffer.concat(chunks));
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false, response: errorJson(400, { errors: { _: 'the body is not JSON' } }) };
	}
}

/** `outcome` as the JSON response the phone reads. */
export function outcomeResponse(outcome: Outcome): Response {
	return errorJson(outcome.status, outcome.body);
}

/** 401 for a request without a signed-in user. */
export const unauthenticated = () => errorJson(401, { message: 'sign in first' });
