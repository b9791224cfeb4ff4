import { submitCall } from '$lib/server/submission';
import { outcomeResponse, readJsonBody, unauthenticated } from '$lib/server/submission/http';
import { supabaseAdmin } from '$lib/server/supabase-admin';
import type { RequestHandler } from './$types';

/**
 * Submits the signed-in shopper's call: 200 `{status, overall, critical_failed}`, 400
 * `{errors: {path: message}}`, 404 for a call that is not theirs, 409 when another device's
 * version is already on the server, 413 for an oversized body.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	if (!locals.user) return unauthenticated();
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const caller = { client: locals.supabase, userId: locals.user.id };
	return outcomeResponse(await submitCall(caller, supabaseAdmin(), params.id, body.value));
};
