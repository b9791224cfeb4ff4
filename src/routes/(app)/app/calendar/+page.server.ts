import { fail } from '@sveltejs/kit';
import { dayOf, isoDay, toUtc, weekdayOf } from '$lib/domain/schedule/tz';
import { isoDateSchema } from '$lib/schemas/programme';
import { localDate, moveCall } from '$lib/components/schedule/time';
import { m } from '$lib/paraglide/messages';
import { callsBetween, peopleById } from '$lib/server/schedule/calls';
import { loose, must } from '$lib/server/schedule/db';
import { listSites } from '$lib/server/tenancy';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in user's home zone: the calendar's days are theirs. */
async function viewerZone(locals: App.Locals): Promise<string> {
	const { data } = await loose(locals.supabase)
		.from('profiles')
		.select('home_time_zone')
		.eq('id', locals.user!.id)
		.maybeSingle<{ home_time_zone: string | null }>();
	return data?.home_time_zone ?? 'UTC';
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const zone = await viewerZone(locals);
	const view = url.searchParams.get('view') === 'month' ? 'month' : 'week';
	const now = new Date().toISOString();
	const asked = url.searchParams.get('date') ?? '';
	const date = isoDateSchema.safeParse(asked).success ? asked : localDate(zone, now);
	const siteId = url.searchParams.get('site') || undefined;
	const shopperId = url.searchParams.get('shopper') || undefined;

	// Weeks start on Monday; a month shows the whole weeks that contain it.
	const day = dayOf(date);
	const monday = (d: number) => d - ((weekdayOf(d) + 6) % 7);
	const [year, month] = date.split('-').map(Number);
	const monthEnd = dayOf(isoDay(Math.floor(Date.UTC(year, month, 1) / 86_400_000))) - 1;
	const first = view === 'week' ? monday(day) : monday(dayOf(`${date.slice(0, 8)}01`));
	const weeks = view === 'week' ? 1 : Math.ceil((monthEnd - first + 1) / 7);
	const days = Array.from({ length: weeks * 7 }, (_, i) => isoDay(first + i));
	const from = new Date(toUtc(zone, first, 0)).toISOString();
	const to = new Date(toUtc(zone, first + weeks * 7, 0)).toISOString();

	const [calls, sites, shoppers] = await Promise.all([
		callsBetween(locals.supabase, from, to, { siteId, shopperId }),
		listSites(locals.supabase),
		loose(locals.supabase).from('memberships').select('user_id').eq('role', 'shopper')
	]);
	const shopperIds = must<{ user_id: string }[]>('shoppers', shoppers).map((s) => s.user_id);
	const people = await peopleById(locals.supabase, [
		...shopperIds,
		...calls.map((c) => c.shopper_id)
	]);
	return { zone, view, date, days, calls, sites, people, siteId, shopperId, now };
};

export const actions: Actions = {
	reschedule: async ({ locals, request }) => {
		const form = await request.formData();
		const callId = String(form.get('call_id') ?? '');
		const date = String(form.get('date') ?? '');
		if (!isoDateSchema.safeParse(date).success)
			return fail(400, { callId, moveError: m.sch_error_invalid() });
		const db = loose(locals.supabase);
		const { data: call } = await db
			.from('test_calls')
			.select('window_start, window_end, scheduled_at, site:sites(time_zone)')
			.eq('id', callId)
			.maybeSingle<{
				window_start: string;
				window_end: string;
				scheduled_at: string | null;
				site: { time_zone: string } | null;
			}>();
		if (!call) return fail(404, { callId, moveError: m.sch_error_move_denied({ message: '404' }) });
		const zone = await viewerZone(locals);
		const moved = moveCall(call, call.site?.time_zone ?? zone, zone, date);
		const { error } = await db.rpc('reschedule_call', {
			p_call_id: callId,
			p_window_start: moved.windowStart,
			p_window_end: moved.windowEnd,
			p_scheduled_at: moved.scheduledAt
		});
		if (error)
			return fail(400, { callId, moveError: m.sch_error_move_denied({ message: error.message }) });
		return { callId, moved: true };
	},
	cancel: async ({ locals, request }) => {
		const form = await request.formData();
		const callId = String(form.get('call_id') ?? '');
		const reason = String(form.get('reason') ?? '').trim();
		if (!reason) return fail(400, { callId, cancelError: m.sch_error_reason_required() });
		const { error } = await loose(locals.supabase).rpc('cancel_call', {
			p_call_id: callId,
			p_reason: reason
		});
		if (error)
			return fail(400, {
				callId,
				cancelError: m.sch_error_cancel_denied({ message: error.message })
			});
		return { callId, cancelled: true };
	}
};
