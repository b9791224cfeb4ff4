import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/signin');
};

export const actions: Actions = {
	// A POST (never a GET link), so another site cannot sign someone out with an <img>.
	default: async ({ locals }) => {
		// 'local' ends this browser's session only; the user's other devices stay signed in.
		await locals.supabase.auth.signOut({ scope: 'local' });
		redirect(303, '/signin');
	}
};
