/**
 * The browser's Supabase client, created on first use. Pages render from their server loads
 * (locals.supabase), so the browser needs a client only for a few things: the cross-tab auth
 * listener, the shopper outbox's uploads and small reads. Importing @supabase/ssr lazily keeps its
 * ~55 KB (gzip) off the first load of every page, the phone's call screen above all.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { supabasePublicEnv } from './supabase-env';

let client: Promise<SupabaseClient> | undefined;

/** The one browser client of this page (cookie session shared with the server). */
export function browserSupabase(): Promise<SupabaseClient> {
	client ??= import('@supabase/ssr').then(({ createBrowserClient }) =>
		createBrowserClient(...supabasePublicEnv(), {
			// Links from e-mails are handled on the server (/reset); the browser client must not consume
			// or clear their tokens on its own.
			auth: { detectSessionInUrl: false }
		})
	);
	return client;
}
