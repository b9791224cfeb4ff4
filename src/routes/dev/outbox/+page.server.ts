import { error } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { readOutbox } from '$lib/server/outbox';
import { supabaseAdmin } from '$lib/server/supabase-admin';
import type { PageServerLoad } from './$types';

export interface AppMail {
	id: number;
	created_at: string;
	recipient: string;
	subject: string;
	body: string;
	kind: string;
	sent_at: string | null;
}

/**
 * The embedded stack "sends" mail to its outbox; in development this page shows it, next to the
 * app's own e-mail queued in public.email_outbox (which only the service role may read).
 */
export const load: PageServerLoad = async () => {
	// Recovery and invite links sign people in: outside `vite dev` this page does not exist.
	if (!dev) error(404, 'Not found');
	try {
		const [messages, app] = await Promise.all([
			readOutbox(),
			supabaseAdmin()
				.from('email_outbox')
				.select('id, created_at, recipient, subject, body, kind, sent_at')
				.order('id', { ascending: false })
				.limit(100)
				.returns<AppMail[]>()
		]);
		if (app.error) throw new Error(`email_outbox: ${app.error.message}`);
		return { messages, appMail: app.data ?? [] };
	} catch (e) {
		error(502, (e as Error).message);
	}
};
