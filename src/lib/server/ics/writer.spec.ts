import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, formatUtc, writeCalendar, type IcsEvent } from './writer';

const octets = (s: string) => new TextEncoder().encode(s).length;

const event = (over: Partial<IcsEvent> = {}): IcsEvent => ({
	uid: 'call-1@clearcall',
	sequence: 0,
	stamp: new Date('2026-03-01T00:00:00Z'),
	start: new Date('2026-03-02T01:30:00Z'),
	end: new Date('2026-03-02T03:00:00Z'),
	summary: 'Test call',
	status: 'CONFIRMED',
	...over
});

function parse(text: string) {
	const comp = new ICAL.Component(ICAL.parse(text));
	return { comp, events: comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('escapeText', () => {
	it('escapes backslashes, semicolons, commas and every kind of line break', () => {
		expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
	});
	it('leaves colons and quotes alone, as TEXT allows them', () => {
		expect(escapeText('09:00 "x"')).toBe('09:00 "x"');
	});
});

describe('foldLine', () => {
	it('leaves a line of exactly 75 octets unfolded', () => {
		const line = 'X'.repeat(75);
		expect(foldLine(line)).toBe(line);
	});

	it('folds ASCII at 75 octets with a leading space on each continuation', () => {
		const folded = foldLine('A'.repeat(200));
		const lines = folded.split('\r\n');
		expect(lines.map(octets)).toEqual([75, 75, 52]);
		expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
	});

	it('never splits a Chinese character: every physical line is valid UTF-8 within 75 octets', () => {
		const text = 'SUMMARY:' + '测试电话：上海客服中心，个人信息保护；'.repeat(8);
		const lines = foldLine(text).split('\r\n');
		expect(lines.length).toBeGreaterThan(3);
		for (const line of lines) {
			expect(octets(line)).toBeLessThanOrEqual(75);
			// Re-encoding the decoded line gives the same octets only when no sequence was cut.
			const bytes = new TextEncoder().encode(line);
			expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(line);
		}
		// Unfolding (drop CRLF + one space) restores the original.
		expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(text);
	});

	it('keeps astral characters (surrogate pairs) whole', () => {
		const lines = foldLine('X:' + '😀'.repeat(40)).split('\r\n');
		for (const line of lines) expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
	});
});

describe('writeCalendar', () => {
	it('formats UTC date-times without separators or milliseconds', () => {
		expect(formatUtc(new Date('2026-03-02T01:30:05.123Z'))).toBe('20260302T013005Z');
	});

	it('ends every line with CRLF and has no bare LF', () => {
		const text = writeCalendar({
			name: 'Calls',
			timeZone: 'Asia/Shanghai',
			events: [event({ description: 'line one\nline two' })]
		});
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		expect(text.split('\r\n').every((l) => octets(l) <= 75)).toBe(true);
	});

	it('round-trips through ical.js with the zone, UID, sequence and escaped text intact', () => {
		const summary = '电话测试, 上海; 客服\\热线';
		const description = '窗口：09:00–11:00（Asia/Shanghai）\n第二行，'.repeat(4);
		const text = writeCalendar({
			name: '我的测试电话',
			timeZone: 'Asia/Shanghai',
			events: [event({ summary, description, sequence: 3, location: 'Line A, Shanghai' })]
		});
		const { comp, events } = parse(text);
		expect(comp.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Shanghai');
		expect(comp.getFirstPropertyValue('x-wr-calname')).toBe('我的测试电话');
		const [ev] = events;
		expect(ev.uid).toBe('call-1@clearcall');
		expect(ev.sequence).toBe(3);
		expect(ev.summary).toBe(summary);
		expect(ev.description).toBe(description);
		expect(ev.location).toBe('Line A, Shanghai');
		expect(ev.startDate.toJSDate().toISOString()).toBe('2026-03-02T01:30:00.000Z');
		expect(ev.endDate.toJSDate().toISOString()).toBe('2026-03-02T03:00:00.000Z');
		expect(ev.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-03-01T00:00:00Z');
	});

	it('marks a cancelled call CANCELLED and transparent, a live one CONFIRMED and opaque', () => {
		const text = writeCalendar({
			name: 'Calls',
			timeZone: 'Europe/London',
			events: [event(), event({ uid: 'call-2@clearcall', status: 'CANCELLED', sequence: 2 })]
		});
		const { events } = parse(text);
		const status = events.map((e) => [
			e.uid,
			e.component.getFirstPropertyValue('status'),
			e.component.getFirstPropertyValue('transp')
		]);
		expect(status).toEqual([
			['call-1@clearcall', 'CONFIRMED', 'OPAQUE'],
			['call-2@clearcall', 'CANCELLED', 'TRANSPARENT']
		]);
	});

	it('writes an empty but valid calendar when there is nothing to show', () => {
		const { events, comp } = parse(writeCalendar({ name: 'Calls', timeZone: 'UTC', events: [] }));
		expect(events).toEqual([]);
		expect(comp.getFirstPropertyValue('version')).toBe('2.0');
	});
});
