/** Day bounds in the shopper's own zone, so "today" is their today wherever the sites are. */
import { localDate } from '$lib/components/schedule/time';
import { dayOf, toUtc } from '$lib/domain/schedule/tz';

/** [start, end) in UTC of `days` whole local days in `zone`, starting `offset` days from today. */
export function localDays(zone: string, now: string, offset: number, days: number) {
	const today = dayOf(localDate(zone, now));
	return {
		from: new Date(toUtc(zone, today + offset, 0)).toISOString(),
		to: new Date(toUtc(zone, today + offset + days, 0)).toISOString()
	};
}

/** The shopper's zone, or UTC until they set one. */
export const zoneOf = (profile: { home_time_zone: string | null }) =>
	profile.home_time_zone ?? 'UTC';
