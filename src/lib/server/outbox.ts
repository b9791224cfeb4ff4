/** The embedded stack's mail outbox (GET /auth/v1/outbox, service role); development only. */
import { supabasePublicEnv } from '$lib/supabase-env';
import { serviceRoleKey } from './supabase-admin';

export interface OutboxMessage {
	id: number;
	created_at: string;
	kind: string;
	recipient: string;
	subject: string;
	link: string | null;
}

/** The newest messages first. Throws when the stack has no outbox (e.g. a real Supabase project). */
export async function readOutbox(limit = 100): Promise<OutboxMessage[]> {
	const [url] = supabasePublicEnv();
	const key = serviceRoleKey();
	const res = await fetch(`${url}/auth/v1/outbox?limit=${limit}`, {
		headers: { apikey: key, authorization: `Bearer ${key}` }
	});
	if (!res.ok) throw new Error(`outbox: HTTP ${res.status}`);
	return res.json();
}
