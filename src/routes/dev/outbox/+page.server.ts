import { error } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { supabaseAdmin } from '$lib/server/supabase-admin';
import type { PageServerLoad } from './$types';

interface OutboxMessage {
	id: number;
	created_at: string;
	kind: string;
	recipient: string;
	subject: string;
	link: string | null;
}

/** The embedded stack "sends" mail to auth.outbox; in development this page shows it. */
export const load: PageServerLoad = async () => {
	// Recovery and invite links sign people in: outside `vite dev` this page does not exist.
	if (!dev) error(404, 'Not found');
	const { data, error: err } = await supabaseAdmin()
		.schema('auth')
		.from('outbox')
		.select('id, created_at, kind, recipient, subject, link')
		.order('id', { ascending: false })
		.limit(100)
		.returns<OutboxMessage[]>();
	if (err) error(500, `outbox: ${err.message}`);
	return { messages: data };
};
