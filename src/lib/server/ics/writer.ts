/**
 * A small RFC 5545 writer for the shoppers' calendar feed: just VCALENDAR and VEVENT, which is all a
 * read-only subscription needs. Times are written in UTC (`…Z`) and the calendar names the
 * shopper's zone in X-WR-TIMEZONE: phones convert UTC instants exactly, whereas a hand-made
 * VTIMEZONE has to reproduce every daylight-saving rule, and Google Calendar ignores its rules
 * anyway and goes by the TZID name. UTC cannot be misread; X-WR-TIMEZONE sets the display zone
 * where the client honours it (Apple, Google, Outlook).
 */

export type EventStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

export interface IcsEvent {
	/** Globally unique and stable for the life of the thing it describes. */
	uid: string;
	/** Bumped whenever the event changes, so clients replace their copy. */
	sequence: number;
	/** When this version of the event was last revised (RFC 5545 §3.8.7.2, no METHOD). */
	stamp: Date;
	start: Date;
	end: Date;
	summary: string;
	description?: string;
	location?: string;
	status: EventStatus;
	url?: string;
}

export interface IcsCalendar {
	/** Shown by clients as the subscribed calendar's name. */
	name: string;
	/** IANA zone the subscriber lives in (X-WR-TIMEZONE). */
	timeZone: string;
	/** Suggested refresh interval in minutes. */
	refreshMinutes?: number;
	events: IcsEvent[];
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** Escapes a TEXT value: backslash, semicolon, comma, and line breaks as `\n` (§3.3.11). */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line into lines of at most 75 octets (§3.1), each continuation starting with
 * a space. It splits between code points, never inside a UTF-8 sequence, so Chinese text (3 octets
 * a character) survives clients that decode each physical line on its own.
 */
export function foldLine(line: string): string {
	if (encoder.encode(line).length <= MAX_OCTETS) return line;
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	// The first line may hold 75 octets; continuations 74 after their leading space.
	let limit = MAX_OCTETS;
	for (const char of line) {
		const size = encoder.encode(char).length;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
			limit = MAX_OCTETS - 1;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join(`${CRLF} `);
}

/** `20260301T013000Z`: a UTC DATE-TIME (§3.3.5, form #2). */
export function formatUtc(date: Date): string {
	return date
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

function property(name: string, value: string): string {
	return foldLine(`${name}:${value}`);
}

function eventLines(event: IcsEvent): string[] {
	const lines = [
		'BEGIN:VEVENT',
		property('UID', event.uid),
		property('SEQUENCE', String(Math.max(0, Math.floor(event.sequence)))),
		property('DTSTAMP', formatUtc(event.stamp)),
		property('LAST-MODIFIED', formatUtc(event.stamp)),
		property('DTSTART', formatUtc(event.start)),
		property('DTEND', formatUtc(event.end)),
		property('SUMMARY', escapeText(event.summary)),
		property('STATUS', event.status),
		// A test call blocks the shopper's time.
		property('TRANSP', event.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE')
	];
	if (event.description) lines.push(property('DESCRIPTION', escapeText(event.description)));
	if (event.location) lines.push(property('LOCATION', escapeText(event.location)));
	if (event.url) lines.push(property('URL', event.url));
	lines.push('END:VEVENT');
	return lines;
}

/** The whole calendar as an iCalendar object: CRLF line endings, folded, ending in CRLF. */
export function writeCalendar(calendar: IcsCalendar): string {
	const refresh = calendar.refreshMinutes ?? 60;
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Clearcall//Shopper calendar//EN',
		'CALSCALE:GREGORIAN',
		property('X-WR-CALNAME', escapeText(calendar.name)),
		property('X-WR-TIMEZONE', calendar.timeZone),
		property('REFRESH-INTERVAL;VALUE=DURATION', `PT${refresh}M`),
		property('X-PUBLISHED-TTL', `PT${refresh}M`),
		...calendar.events.flatMap(eventLines),
		'END:VCALENDAR'
	];
	return lines.join(CRLF) + CRLF;
}
