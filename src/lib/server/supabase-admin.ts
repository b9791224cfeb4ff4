/**
 * The service-role client. It bypasses row-level security, so it lives only here (server-only by
 * path), is never put on `locals`, and is used only after the caller's own rights were checked.
 */
import { createClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { AppClient } from '$lib/tenancy';
import { env } from '$env/dynamic/private';
import { supabasePublicEnv } from '$lib/supabase-env';

let client: AppClient | undefined;

/** The process-wide service-role client (no session, no token refresh). */
export function supabaseAdmin(): AppClient {
	client ??= createClient<Database>(supabasePublicEnv()[0], serviceRoleKey(), {
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
