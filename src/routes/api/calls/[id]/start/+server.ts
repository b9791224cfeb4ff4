import { startCall } from '$lib/server/submission';
import { outcomeResponse, unauthenticated } from '$lib/server/submission/http';
import type { RequestHandler } from './$types';

/** Starts the signed-in shopper's call: 200 `{status}`, 404 when not theirs, 409 when too late. */
export const POST: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) return unauthenticated();
	return outcomeResponse(
		await startCall({ client: locals.supabase, userId: locals.user.id }, params.id)
	);
};
