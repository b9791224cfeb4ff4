import { requireArea } from '$lib/server/guard';
import { unreadCount } from '$lib/server/notifications';
import type { LayoutServerLoad } from './$types';

// Officers and admins only; the hook enforces the same rule for actions and endpoints.
export const load: LayoutServerLoad = async ({ locals, url, depends }) => {
	depends('app:notifications');
	const { user, memberships, roles } = await requireArea(locals, url, 'app');
	return {
		email: user.email ?? '',
		memberships,
		roles,
		unread: await unreadCount(locals.supabase)
	};
};
