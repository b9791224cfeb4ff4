/** What a notification says, per kind, with the call's time in the site's own zone. */
import { formatInZone, isTimeZone } from '$lib/i18n/datetime';
import { m } from '$lib/paraglide/messages';

export const NOTIFICATION_KINDS = [
	'assignment',
	'change',
	'cancelled',
	'reminder',
	'missed'
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A row of public.notifications; `payload` is what the database trigger recorded. */
export interface AppNotification {
	id: string;
	kind: NotificationKind;
	call_id: string | null;
	payload: {
		site_name?: string | null;
		site_time_zone?: string | null;
		time_zone?: string | null;
		scheduled_at?: string | null;
		window_start?: string | null;
		reason?: string | null;
	};
	created_at: string;
	read_at: string | null;
}

type Locale = 'en' | 'zh-CN';

const TEXT: Record<
	NotificationKind,
	(i: { site: string; time: string }, o: { locale: Locale }) => string
> = {
	assignment: m.nf_kind_assignment,
	change: m.nf_kind_change,
	cancelled: m.nf_kind_cancelled,
	reminder: m.nf_kind_reminder,
	missed: m.nf_kind_missed
};

/** The call's planned start (or window opening) in the site's zone, naming the zone. */
export function callTime(n: AppNotification, locale: Locale): string {
	const at = n.payload.scheduled_at ?? n.payload.window_start;
	const zone = [n.payload.site_time_zone, n.payload.time_zone].find(
		(z): z is string => !!z && isTimeZone(z)
	);
	if (!at || !zone) return '';
	return m.nf_site_time({ time: formatInZone(at, zone, locale), zone }, { locale });
}

/** The sentence shown for `n` in `locale`; unknown kinds fall back to the assignment wording. */
export function notificationText(n: AppNotification, locale: Locale): string {
	const site = n.payload.site_name || m.nf_some_site({}, { locale });
	const text = TEXT[n.kind] ?? TEXT.assignment;
	return text({ site, time: callTime(n, locale) }, { locale });
}
