import { describe, expect, it } from 'vitest';
import { Ledger, type CallFacts } from './ledger';
import { newShopperState, type LocalSpan } from './shoppers';
import { shopper } from './test-fixtures';
import { dayOf } from './tz';

const DAY = dayOf('2026-03-02');
const at = (hhmm: string, minutes = 15, day = DAY, siteIndex = 0): CallFacts => {
	const [h, m] = hhmm.split(':').map(Number);
	const startMs = Date.UTC(2026, 2, 2 + (day - DAY), h, m);
	return {
		siteIndex,
		vendorId: 'vendor-a',
		siteDay: day,
		startMs,
		endMs: startMs + minutes * 60_000
	};
};
/** Times are UTC and the shopper lives in UTC, so local = UTC here. */
const local = (c: CallFacts): LocalSpan => {
	const minute = new Date(c.startMs).getUTCHours() * 60 + new Date(c.startMs).getUTCMinutes();
	return { day: c.siteDay, minute, endMinute: minute + (c.endMs - c.startMs) / 60_000, lookup: 0 };
};

function setup(rules = { lockoutDays: 3, maxPerDay: 2 }) {
	const ledger = new Ledger(2, 2, DAY, DAY + 13, rules);
	const a = newShopperState(shopper('a', { timeZone: 'UTC' }), 0);
	const b = newShopperState(shopper('b', { timeZone: 'UTC', conflicts: ['vendor-b'] }), 1);
	const book = (s: typeof a, c: CallFacts, seq = 0) => ledger.book(s, c, c.siteDay, seq);
	const why = (s: typeof a, c: CallFacts) => ledger.exclusion(s, c, local(c));
	return { ledger, a, b, book, why };
}

describe('ledger', () => {
	it('lets calls run back to back but never overlap, however long an earlier call was', () => {
		const { a, book, why } = setup({ lockoutDays: 0, maxPerDay: 10 });
		book(a, at('10:00'));
		expect(why(a, at('10:14', 15, DAY, 1))).toBe('busy');
		expect(why(a, at('09:46', 15, DAY, 1))).toBe('busy');
		expect(why(a, at('10:15', 15, DAY, 1))).toBeNull();
		expect(why(a, at('09:45', 15, DAY, 1))).toBeNull();
		book(a, at('06:00', 240));
		book(a, at('08:00'));
		// The four-hour call from 06:00 still runs at 09:50, behind the later 08:00 start.
		expect(why(a, at('09:40', 10, DAY, 1))).toBe('busy');
		expect(why(a, at('09:45', 10, DAY, 1))).toBe('busy');
		expect(why(a, at('10:30', 10, DAY, 1))).toBeNull();
	});

	it('stops at the daily maximum for that day only', () => {
		const { a, book, why } = setup({ lockoutDays: 0, maxPerDay: 2 });
		book(a, at('09:00', 15, DAY, 0));
		book(a, at('11:00', 15, DAY, 1));
		expect(why(a, at('14:00', 15, DAY, 0))).toBe('daily_limit');
		expect(why(a, at('14:00', 15, DAY + 1, 0))).toBeNull();
	});

	it('keeps a shopper off the same site for the lockout days, before and after, and no other site', () => {
		const { a, book, why } = setup({ lockoutDays: 3, maxPerDay: 5 });
		book(a, at('09:00', 15, DAY + 5, 0));
		expect(why(a, at('09:00', 15, DAY + 7, 0))).toBe('lockout');
		expect(why(a, at('09:00', 15, DAY + 3, 0))).toBe('lockout');
		expect(why(a, at('09:00', 15, DAY + 8, 0))).toBeNull();
		expect(why(a, at('09:00', 15, DAY + 2, 0))).toBeNull();
		expect(why(a, at('12:00', 15, DAY + 5, 1))).toBeNull();
	});

	it('turns down a vendor the shopper has a conflict with before anything else', () => {
		const { b, why } = setup();
		expect(why(b, { ...at('09:00'), vendorId: 'vendor-b' })).toBe('conflict');
		expect(why(b, at('09:00'))).toBeNull();
	});

	it('prefers fewer calls, then the least recently used, then the seeded rank, and says which', () => {
		const { ledger, a, b, book } = setup({ lockoutDays: 0, maxPerDay: 5 });
		expect([b, a].sort(ledger.preferred)).toEqual([a, b]);
		expect(ledger.chosenBecause(a, b).text).toBe('seeded order among equals');
		book(a, at('09:00'), 1);
		expect([a, b].sort(ledger.preferred)).toEqual([b, a]);
		expect(ledger.chosenBecause(b, a)).toMatchObject({
			text: 'fewest calls so far (0)',
			key: 'schedule_why_fewest_calls',
			params: { count: 0 }
		});
		book(b, at('10:00'), 2);
		expect(ledger.chosenBecause(a, b).text).toBe('least recently assigned');
		expect(ledger.chosenBecause(a, undefined).key).toBe('schedule_why_only_candidate');
	});
});
