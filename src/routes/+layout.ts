import { createBrowserClient, createServerClient, isBrowser } from '@supabase/ssr';
import { supabasePublicEnv } from '$lib/supabase-env';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ data, depends, fetch }) => {
	// Re-run when the auth state changes (see +layout.svelte).
	depends('supabase:auth');

	const supabase = isBrowser()
		? createBrowserClient(...supabasePublicEnv(), {
				global: { fetch },
				// Links from e-mails are handled on the server (/reset); the browser client must not
				// consume or clear their tokens on its own.
				auth: { detectSessionInUrl: false }
			})
		: createServerClient(...supabasePublicEnv(), {
				global: { fetch },
				cookies: { getAll: () => data.cookies }
			});

	// The session here is for convenience only (it is read from a cookie); anything that decides
	// access uses locals.safeGetSession() on the server.
	const {
		data: { session }
	} = await supabase.auth.getSession();

	return { ...data, session, supabase };
};
