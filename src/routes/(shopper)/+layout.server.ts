import { error } from '@sveltejs/kit';
import { requireArea } from '$lib/server/guard';
import { unreadCount } from '$lib/server/notifications';
import type { OwnProfile } from '$lib/tenancy';
import type { LayoutServerLoad } from './$types';

// Shoppers only; the hook enforces the same rule for actions and endpoints.
export const load: LayoutServerLoad = async ({ locals, url, depends }) => {
	const { user, roles } = await requireArea(locals, url, 'shopper');
	depends('app:profile', 'app:notifications');
	const { data: profile, error: err } = await locals.supabase
		.from('profiles')
		.select('id, email, display_name, phone, languages, home_time_zone, availability')
		.eq('id', user.id)
		.single<OwnProfile>();
	if (err) error(500, `profile: ${err.message}`);
	return { roles, profile, unread: await unreadCount(locals.supabase) };
};
