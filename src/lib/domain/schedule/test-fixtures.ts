/**
 * Builders and independent checks for the planner's tests. Local times here come straight from
 * Intl.DateTimeFormat, not from tz.ts, so the tests do not grade the planner with its own maths.
 */
import {
	programmeSchema,
	shopperSchema,
	type Programme,
	type ProgrammeInput,
	type Shopper,
	type ShopperInput
} from '../../schemas/programme';
import { WEEKDAY_KEYS, parseRange, type WeeklyHours } from './hours';

const formatters = new Map<string, Intl.DateTimeFormat>();

export interface IntlLocal {
	/** YYYY-MM-DD */
	date: string;
	/** Minutes since local midnight. */
	minute: number;
	/** `mon`, `tue`, … */
	weekday: (typeof WEEKDAY_KEYS)[number];
}

/** The wall-clock date, time and weekday of an instant in `zone`, as the runtime's Intl says. */
export function intlLocal(zone: string, utcMs: number): IntlLocal {
	let f = formatters.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			weekday: 'short'
		});
		formatters.set(zone, f);
	}
	const p = Object.fromEntries(f.formatToParts(utcMs).map((x) => [x.type, x.value]));
	return {
		date: `${p.year}-${p.month}-${p.day}`,
		minute: Number(p.hour) * 60 + Number(p.minute),
		weekday: p.weekday.toLowerCase().slice(0, 3) as IntlLocal['weekday']
	};
}

/** Days between two YYYY-MM-DD dates (b − a). */
export function daysBetween(a: string, b: string): number {
	return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

/** One weekday's ranges in minutes, sorted, with overlapping or touching ranges joined. */
function merged(ranges: readonly string[]): { from: number; to: number }[] {
	const out: { from: number; to: number }[] = [];
	for (const r of ranges.map((x) => parseRange(x)!).sort((a, b) => a.from - b.from)) {
		const last = out[out.length - 1];
		if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
		else out.push({ ...r });
	}
	return out;
}

/**
 * True when a call of `minutes` starting at `startMs` lies inside `hours` in `zone`: it starts
 * inside a range of its local weekday and ends by that range's close on the same local date.
 */
export function insideHours(
	hours: WeeklyHours,
	zone: string,
	startMs: number,
	minutes: number
): boolean {
	const start = intlLocal(zone, startMs);
	const end = intlLocal(zone, startMs + minutes * 60_000);
	const endMinute = daysBetween(start.date, end.date) * 1440 + end.minute;
	return merged(hours[start.weekday] ?? []).some(
		(r) => r.from <= start.minute && endMinute <= r.to
	);
}

const WEEKDAYS_9_TO_5: WeeklyHours = {
	mon: ['09:00-17:00'],
	tue: ['09:00-17:00'],
	wed: ['09:00-17:00'],
	thu: ['09:00-17:00'],
	fri: ['09:00-17:00']
};

/** A parsed programme: one Shanghai site open 09:00–17:00 on weekdays unless overridden. */
export function programme(overrides: Partial<ProgrammeInput> = {}): Programme {
	return programmeSchema.parse({
		name: 'Test programme',
		clientId: 'client',
		vendorIds: ['vendor-a', 'vendor-b'],
		sites: [
			{
				siteId: 'site-sh',
				vendorId: 'vendor-a',
				timeZone: 'Asia/Shanghai',
				languages: ['zh'],
				hours: WEEKDAYS_9_TO_5,
				calls: 10
			}
		],
		scenarios: [{ scenarioId: 'service', share: 100 }],
		period: { start: '2026-03-02', end: '2026-03-13' },
		seed: 1,
		...overrides
	});
}

/** A site for `programme({ sites })`: Shanghai, zh, weekdays 09:00–17:00, 10 calls. */
export const site = (siteId: string, extra: Record<string, unknown> = {}) => ({
	siteId,
	vendorId: 'vendor-a',
	timeZone: 'Asia/Shanghai',
	languages: ['zh'],
	hours: WEEKDAYS_9_TO_5,
	calls: 10,
	...extra
});

/** A parsed shopper: Shanghai, speaks zh and en, available any time unless overridden. */
export function shopper(id: string, overrides: Partial<ShopperInput> = {}): Shopper {
	return shopperSchema.parse({
		shopperId: id,
		timeZone: 'Asia/Shanghai',
		languages: ['zh', 'en'],
		...overrides
	});
}

export { WEEKDAYS_9_TO_5 };
