import { error } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { readOutbox } from '$lib/server/outbox';
import type { PageServerLoad } from './$types';

/** The embedded stack "sends" mail to its outbox; in development this page shows it. */
export const load: PageServerLoad = async () => {
	// Recovery and invite links sign people in: outside `vite dev` this page does not exist.
	if (!dev) error(404, 'Not found');
	try {
		return { messages: await readOutbox() };
	} catch (e) {
		error(502, (e as Error).message);
	}
};
