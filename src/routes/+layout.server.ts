import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, cookies }) => {
	return {
		session: locals.session,
		// Validated by the auth server in the hook (safeGetSession), so the universal load need not ask again.
		user: locals.user,
		// Only the Supabase auth cookies go to the universal load (it rebuilds the session during SSR);
		// other cookies, httpOnly ones included, stay out of the serialized page.
		cookies: cookies.getAll().filter((c) => c.name.startsWith('sb-')),
		locale: locals.locale
	};
};
