import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, cookies }) => {
	return {
		// Validated by the auth server in the hook (safeGetSession), so the universal load need not ask
		// again. The session itself is not sent: the universal load rebuilds it from the cookies, and
		// serialising it would read its unvalidated `user` copy.
		user: locals.user,
		// Only the Supabase auth cookies go to the universal load (it rebuilds the session during SSR);
		// other cookies, httpOnly ones included, stay out of the serialized page.
		cookies: cookies.getAll().filter((c) => c.name.startsWith('sb-')),
		locale: locals.locale
	};
};
