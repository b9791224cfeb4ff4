/**
 * The shopper's calendar feed: looks a secret token up (service role, since the subscriber's phone
 * has no session), and writes their calls as events in their own locale and time zone.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { formatInZone, isTimeZone, parseTimestamp } from '$lib/i18n/datetime';
import { localName } from '$lib/i18n/names';
import { m } from '$lib/paraglide/messages';
import { hashFeedToken, isFeedToken } from './token';
import { writeCalendar, type IcsEvent } from './writer';

type Locale = 'en' | 'zh-CN';

/** The columns of a call the feed shows. */
export interface FeedCall {
	id: string;
	status: string;
	scheduled_at: string | null;
	window_start: string;
	window_end: string;
	created_at: string;
	updated_at: string;
	cancel_reason: string | null;
	site: { name: string; name_zh: string | null; time_zone: string } | null;
	line: { label: string; phone_number: string | null } | null;
}

export const FEED_CALL_COLUMNS =
	'id, status, scheduled_at, window_start, window_end, created_at, updated_at, cancel_reason, ' +
	'site:sites(name, name_zh, time_zone), line:lines(label, phone_number)';

/** How far back the feed reaches: recent calls stay visible for a few days after their window. */
export const FEED_PAST_DAYS = 3;

const CALL_MINUTES = 30;

/**
 * One call as an event. The UID is the call's id, so a reschedule updates the same event; the
 * SEQUENCE counts seconds since creation at the last update, which only ever grows.
 */
export function callEvent(call: FeedCall, locale: Locale, homeZone: string, origin: string) {
	const siteZone = call.site?.time_zone ?? homeZone;
	const site = call.site ? localName(call.site, locale) : m.nf_some_site({}, { locale });
	const windowStart = parseTimestamp(call.window_start);
	const windowEnd = parseTimestamp(call.window_end);
	const start = call.scheduled_at ? parseTimestamp(call.scheduled_at) : windowStart;
	// A planned call blocks half an hour from its start; an unplanned one its whole window.
	const end = call.scheduled_at ? new Date(start.getTime() + CALL_MINUTES * 60_000) : windowEnd;
	const updated = parseTimestamp(call.updated_at);
	const created = parseTimestamp(call.created_at);
	const time = (d: Date, zone: string) => formatInZone(d, zone, locale, 'datetime');
	const description = [
		m.nf_event_window(
			{
				start: time(windowStart, siteZone),
				end: formatInZone(windowEnd, siteZone, locale, 'time'),
				zone: siteZone
			},
			{ locale }
		),
		m.nf_event_planned({ time: time(start, homeZone), zone: homeZone }, { locale }),
		call.line?.phone_number
			? m.nf_event_number({ number: call.line.phone_number }, { locale })
			: '',
		call.status === 'cancelled' && call.cancel_reason
			? m.nf_event_cancelled({ reason: call.cancel_reason }, { locale })
			: '',
		m.nf_event_open({ url: `${origin}/shopper` }, { locale })
	].filter(Boolean);
	const event: IcsEvent = {
		uid: `${call.id}@clearcall`,
		sequence: Math.max(0, Math.floor((updated.getTime() - created.getTime()) / 1000)),
		stamp: updated,
		start,
		end,
		summary: call.line
			? m.nf_event_summary({ site, line: call.line.label }, { locale })
			: m.nf_event_summary_site({ site }, { locale }),
		description: description.join('\n'),
		location: call.line ? `${site} · ${call.line.label}` : site,
		status: call.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
		url: `${origin}/shopper`
	};
	return event;
}

/**
 * The ICS text for `token`, or null when no live feed has it (unknown and revoked look the same).
 * `admin` must be the service-role client: the token is the only credential here.
 */
export async function loadFeed(
	admin: SupabaseClient,
	token: string,
	origin: string,
	now = new Date()
): Promise<string | null> {
	if (!isFeedToken(token)) return null;
	const { data: feed, error: feedError } = await admin
		.from('calendar_feeds')
		.select('user_id')
		.eq('token_hash', hashFeedToken(token))
		.is('revoked_at', null)
		.maybeSingle<{ user_id: string }>();
	if (feedError) throw new Error(`calendar feed: ${feedError.message}`);
	if (!feed) return null;

	const { data: profile, error: profileError } = await admin
		.from('profiles')
		.select('locale, home_time_zone')
		.eq('id', feed.user_id)
		.maybeSingle<{ locale: string | null; home_time_zone: string | null }>();
	if (profileError) throw new Error(`calendar feed: ${profileError.message}`);
	const locale: Locale = profile?.locale === 'en' ? 'en' : 'zh-CN';

	const since = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000).toISOString();
	const { data: calls, error: callsError } = await admin
		.from('test_calls')
		.select(FEED_CALL_COLUMNS)
		.eq('shopper_id', feed.user_id)
		.gte('window_end', since)
		.order('window_start')
		.returns<FeedCall[]>();
	if (callsError) throw new Error(`calendar feed: ${callsError.message}`);

	// Without a home zone the first call's site zone is the best guess of where the shopper is.
	const fallbackZone = calls?.find((c) => c.site)?.site?.time_zone ?? 'UTC';
	const zone =
		profile?.home_time_zone && isTimeZone(profile.home_time_zone)
			? profile.home_time_zone
			: fallbackZone;
	return writeCalendar({
		name: m.nf_feed_calname({}, { locale }),
		timeZone: zone,
		refreshMinutes: 30,
		events: (calls ?? []).map((c) => callEvent(c, locale, zone, origin))
	});
}
