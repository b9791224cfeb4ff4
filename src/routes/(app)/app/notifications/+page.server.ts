import { loadNotificationPage, notificationActions } from '$lib/server/notifications';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, depends }) => {
	depends('app:notifications');
	return loadNotificationPage(locals);
};

export const actions: Actions = notificationActions;
