import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, depends }) => {
	// Re-run when the auth state changes in this or another tab (see +layout.svelte).
	depends('supabase:auth');
	return {
		// Validated by the auth server in the hook (safeGetSession). Neither the session nor the auth
		// cookies are serialised into the page: server loads read data with locals.supabase, and the
		// browser client (created lazily) reads its session from the cookies itself.
		user: locals.user,
		locale: locals.locale
	};
};
