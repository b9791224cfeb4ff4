/**
 * The service-role client. It bypasses row-level security, so it lives only here (server-only by
 * path), is never put on `locals`, and is used only after the caller's own rights were checked.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { env } from '$env/dynamic/private';
import { supabasePublicEnv } from '$lib/supabase-env';

let client: SupabaseClient | undefined;

/** The process-wide service-role client (no session, no token refresh). */
export function supabaseAdmin(): SupabaseClient {
	client ??= createClient(supabasePublicEnv()[0], serviceRoleKey(), {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
	return client;
}

/** The service-role key; only for server code that calls the stack directly (see outbox.ts). */
export function serviceRoleKey(): string {
	const key = env.SUPABASE_SERVICE_ROLE_KEY;
	if (!key) throw new Error('SUPABASE_SERVICE_ROLE_KEY is not set');
	return key;
}
