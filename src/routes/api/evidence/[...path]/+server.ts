import { error, redirect } from '@sveltejs/kit';
import { openEvidence } from '$lib/server/evidence/open';
import type { RequestHandler } from './$types';

/**
 * Opens an evidence file for the signed-in user: 303 to a signed URL valid for a minute, after the
 * access is in the audit log (`evidence.play`, or `evidence.download` with `?download`); 401 when
 * signed out, 404 when the file is not there or not theirs to see.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (!locals.user) error(401, 'sign in first');
	const access = url.searchParams.has('download') ? 'download' : 'play';
	const outcome = await openEvidence(locals.supabase, params.path, access);
	if (outcome.status === 404) error(404, 'not found');
	redirect(303, outcome.location);
};
