import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { callBundle } from '$lib/server/call-bundle';
import { unauthenticated } from '$lib/server/submission/http';
import type { RequestHandler } from './$types';

/**
 * The signed-in shopper's call with its scenario version and recording rule, for the phone's
 * offline store: 200 with the bundle, 404 when the call is not theirs. Never cached by the browser
 * or the service worker (it is stored in IndexedDB and wiped on sign-out instead).
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) return unauthenticated();
	const headers = { 'cache-control': 'no-store' };
	if (!z.uuid().safeParse(params.id).success)
		return json({ message: 'no such call' }, { status: 404, headers });
	const bundle = await callBundle(locals.supabase, locals.user.id, params.id);
	if (!bundle) return json({ message: 'no such call' }, { status: 404, headers });
	return json(bundle, { headers });
};
