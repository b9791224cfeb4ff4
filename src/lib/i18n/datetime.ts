/**
 * One way to show dates and times: always in an explicit IANA time zone (the relevant site's) and an
 * explicit locale, so a call made at 09:00 in Shanghai reads 09:00 for everyone who looks at it.
 */
export type DateStyle = 'date' | 'time' | 'datetime' | 'weekdayTime';

const STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
	date: { dateStyle: 'medium' },
	time: { timeStyle: 'short' },
	datetime: { dateStyle: 'medium', timeStyle: 'short' },
	weekdayTime: { weekday: 'short', hour: '2-digit', minute: '2-digit' }
};

const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * Parses what Postgres and PostgREST return for timestamptz: ISO 8601, or Postgres text
 * (`2026-03-01 09:30:00+08`), whose space separator and hour-only offset `Date` does not accept.
 */
export function parseTimestamp(value: string | number | Date): Date {
	if (value instanceof Date) return value;
	if (typeof value === 'number') return new Date(value);
	const iso = value
		.trim()
		.replace(' ', 'T')
		.replace(/([+-]\d{2})$/, '$1:00');
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) throw new RangeError(`Not a timestamp: ${value}`);
	return d;
}

/** True when the runtime knows the IANA zone name. */
export function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/**
 * Formats `value` in `timeZone` for `locale`. An unknown zone is an error, not a silent fallback to
 * the server's zone, because a wrong local time in an audit record is worse than none.
 */
export function formatInZone(
	value: string | number | Date,
	timeZone: string,
	locale: string,
	style: DateStyle = 'datetime'
): string {
	const key = `${locale}|${timeZone}|${style}`;
	let fmt = cache.get(key);
	if (!fmt) {
		fmt = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone });
		cache.set(key, fmt);
	}
	return fmt.format(parseTimestamp(value));
}
