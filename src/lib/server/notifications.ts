/** The signed-in user's in-app notifications, read and marked through their own (RLS) client. */
import { fail } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { AppNotification } from '$lib/components/notifications/text';

const COLUMNS = 'id, kind, call_id, payload, created_at, read_at';

/** The newest `limit` notifications of the signed-in user. */
export async function listNotifications(
	client: SupabaseClient,
	limit = 50
): Promise<AppNotification[]> {
	const { data, error } = await client
		.from('notifications')
		.select(COLUMNS)
		.order('created_at', { ascending: false })
		.limit(limit)
		.returns<AppNotification[]>();
	if (error) throw new Error(`notifications: ${error.message}`);
	return data ?? [];
}

/** How many of the user's notifications are unread (0 when the table is not there yet). */
export async function unreadCount(client: SupabaseClient): Promise<number> {
	const { count, error } = await client
		.from('notifications')
		.select('id', { count: 'exact', head: true })
		.is('read_at', null);
	// The badge must never take a page down with it.
	if (error) return 0;
	return count ?? 0;
}

/** Marks one notification read (RLS limits this to the user's own). */
export async function markRead(client: SupabaseClient, id: string): Promise<void> {
	const { error } = await client
		.from('notifications')
		.update({ read_at: new Date().toISOString() })
		.eq('id', id)
		.is('read_at', null);
	if (error) throw new Error(`notifications: ${error.message}`);
}

/** Marks all of the user's unread notifications read. */
export async function markAllRead(client: SupabaseClient): Promise<void> {
	const { error } = await client
		.from('notifications')
		.update({ read_at: new Date().toISOString() })
		.is('read_at', null);
	if (error) throw new Error(`notifications: ${error.message}`);
}

/** The load of a notifications page: the list, newest first. */
export async function loadNotificationPage(locals: App.Locals) {
	return { notifications: await listNotifications(locals.supabase) };
}

/** The form actions of a notifications page: `?/read` (one, by `id`) and `?/readAll`. */
export const notificationActions = {
	read: async ({ locals, request }: { locals: App.Locals; request: Request }) => {
		const id = String((await request.formData()).get('id') ?? '');
		if (!/^[0-9a-f-]{36}$/i.test(id)) return fail(400, { error: 'id' });
		await markRead(locals.supabase, id);
		return { read: id };
	},
	readAll: async ({ locals }: { locals: App.Locals }) => {
		await markAllRead(locals.supabase);
		return { readAll: true };
	}
};
