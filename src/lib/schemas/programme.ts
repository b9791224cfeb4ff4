/**
 * A monitoring programme as the planner reads it: the client, the vendors, sites and lines in
 * scope, the scenario mix, the period, each site's calling windows in its own local time, the
 * sampling target and the rules shoppers are assigned by. Also the shoppers and their past calls,
 * which the planner takes alongside. Times of day are site-local (windows) or shopper-local
 * (availability), in the `{ "mon": ["09:00-17:00"] }` format profiles already store.
 */
import { z } from 'zod';
import { idSchema } from './scenario-base';
import { isTimeZone } from '../i18n/datetime';
import { parseRange, WEEKDAY_KEYS } from '../domain/schedule/hours';

const MAX_PERIOD_DAYS = 366;

/** A calendar date, `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date({ error: 'use a date as YYYY-MM-DD' });

/* Asking Intl costs tens of microseconds a time, and a programme names the same few zones for
   thousands of sites. */
const knownZones = new Map<string, boolean>();
const cachedIsTimeZone = (zone: string) => {
	let known = knownZones.get(zone);
	if (known === undefined && knownZones.size < 1000)
		knownZones.set(zone, (known = isTimeZone(zone)));
	return known ?? isTimeZone(zone);
};

export const timeZoneSchema = z
	.string()
	.refine(cachedIsTimeZone, { error: 'use an IANA time zone name, e.g. Asia/Shanghai' });

/** A BCP 47 language tag such as `zh`, `yue`, `en-IE`; matched on its first subtag. */
export const languageSchema = z
	.string()
	.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, { error: 'use a language tag, e.g. en or zh-CN' });

const rangeSchema = z.string().refine((r) => parseRange(r) !== undefined, {
	error: 'use HH:MM-HH:MM with the end after the start'
});

/** Local hours per weekday; a missing or empty day is closed (or unavailable). */
export const weeklyHoursSchema = z.strictObject(
	Object.fromEntries(
		WEEKDAY_KEYS.map((k) => [k, z.array(rangeSchema).max(12).optional()])
	) as Record<(typeof WEEKDAY_KEYS)[number], z.ZodOptional<z.ZodArray<typeof rangeSchema>>>
);

/**
 * Relative call volume for each hour of the day (index 0 = 00:00–01:00 local): peaks get more
 * calls, a 0 keeps calls out of that hour.
 */
export const hourWeightsSchema = z
	.array(z.number().min(0).max(1_000_000))
	.length(24, { error: 'give one weight for each of the 24 hours' })
	.refine((w) => w.some((x) => x > 0), { error: 'at least one hour needs a weight above 0' });

export const programmeLineSchema = z.strictObject({
	lineId: idSchema,
	/** Languages callers use on this line; empty means the site's languages apply. */
	languages: z.array(languageSchema).max(20).default([])
});

export const programmeSiteSchema = z.strictObject({
	siteId: idSchema,
	vendorId: idSchema,
	timeZone: timeZoneSchema,
	languages: z.array(languageSchema).max(20).default([]),
	/** Lines in scope; calls are shared evenly between them. None: calls go to the site. */
	lines: z.array(programmeLineSchema).max(200).default([]),
	/** Opening hours in the site's local time. */
	hours: weeklyHoursSchema,
	/** Local dates the site is closed or must not be called (holidays, migrations). */
	excludedDates: z.array(isoDateSchema).max(400).default([]),
	/** Overrides the programme's hour weights for this site. */
	hourWeights: hourWeightsSchema.optional(),
	/** Calls the site handles in the period, for the sample size; omitted = unknown (infinite). */
	callVolume: z.number().int().min(0).optional(),
	/** A fixed number of calls, overriding the sample size. */
	calls: z.number().int().min(0).max(100_000).optional()
});
export type ProgrammeSite = z.output<typeof programmeSiteSchema>;

export const scenarioShareSchema = z.strictObject({
	scenarioId: idSchema,
	/** Percentage of the programme's calls. */
	share: z.number().gt(0).max(100)
});

export const samplingTargetSchema = z.strictObject({
	confidence: z.number().min(0.5).max(0.999),
	margin: z.number().min(0.005).max(0.5),
	passRate: z.number().gt(0).lt(1).default(0.5)
});

type Path = (string | number)[];

export const programmeSchema = z
	.strictObject({
		schemaVersion: z.literal(1).default(1),
		name: z.string().trim().min(1).max(200),
		clientId: idSchema,
		vendorIds: z.array(idSchema).min(1).max(1000),
		sites: z.array(programmeSiteSchema).min(1).max(20_000),
		scenarios: z.array(scenarioShareSchema).min(1).max(50),
		period: z.strictObject({ start: isoDateSchema, end: isoDateSchema }),
		sampling: samplingTargetSchema.prefault({ confidence: 0.95, margin: 0.1 }),
		hourWeights: hourWeightsSchema.optional(),
		/** Minutes a call needs; it must start early enough to end inside the window. */
		callMinutes: z.number().int().min(1).max(240).default(15),
		/**
		 * The same shopper does not call the same site again within this many days: after a call on
		 * day D (site-local), the next one is on D + lockoutDays at the earliest. 0 = no rule.
		 */
		lockoutDays: z.number().int().min(0).max(365).default(7),
		/** Counted per day in the shopper's own time zone. */
		maxCallsPerShopperPerDay: z.number().int().min(1).max(100).default(5),
		seed: z.number().int().min(0).max(0xffffffff)
	})
	.superRefine((p, ctx) => {
		const report = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });
		const total = p.scenarios.reduce((sum, s) => sum + s.share, 0);
		if (Math.abs(total - 100) > 1e-6) {
			report(['scenarios'], `the scenario shares must add up to 100 % (they add up to ${total} %)`);
		}
		unique(
			p.scenarios.map((s, i) => [s.scenarioId, ['scenarios', i, 'scenarioId']]),
			'scenario',
			report
		);
		unique(
			p.vendorIds.map((v, i) => [v, ['vendorIds', i]]),
			'vendor',
			report
		);
		unique(
			p.sites.map((s, i) => [s.siteId, ['sites', i, 'siteId']]),
			'site',
			report
		);
		const vendors = new Set(p.vendorIds);
		p.sites.forEach((s, i) => {
			if (!vendors.has(s.vendorId)) {
				report(['sites', i, 'vendorId'], `vendor "${s.vendorId}" is not in the programme's scope`);
			}
			unique(
				s.lines.map((l, j) => [l.lineId, ['sites', i, 'lines', j, 'lineId']]),
				'line',
				report
			);
		});
		if (p.period.start > p.period.end)
			report(['period', 'end'], 'the period ends before it starts');
		const days = (Date.parse(p.period.end) - Date.parse(p.period.start)) / 86_400_000 + 1;
		if (days > MAX_PERIOD_DAYS)
			report(['period', 'end'], `a period is at most ${MAX_PERIOD_DAYS} days`);
	});
export type ProgrammeInput = z.input<typeof programmeSchema>;
export type Programme = z.output<typeof programmeSchema>;

function unique(entries: [string, Path][], what: string, report: (p: Path, m: string) => void) {
	const seen = new Set<string>();
	for (const [key, path] of entries) {
		if (seen.has(key)) report(path, `duplicate ${what} "${key}"`);
		seen.add(key);
	}
}

export const shopperSchema = z.strictObject({
	shopperId: idSchema,
	timeZone: timeZoneSchema,
	languages: z.array(languageSchema).min(1).max(20),
	/** Weekly availability in the shopper's time zone; omitted = any time. */
	availability: weeklyHoursSchema.optional(),
	/** Vendors this shopper must never call (a former employer, a relative works there). */
	conflicts: z.array(idSchema).max(1000).default([])
});
export type ShopperInput = z.input<typeof shopperSchema>;
export type Shopper = z.output<typeof shopperSchema>;

/** A call already made or scheduled outside this plan; it counts for lockout, limits and rotation. */
export const pastCallSchema = z.strictObject({
	shopperId: idSchema,
	siteId: idSchema,
	start: z.iso.datetime({ offset: true }),
	minutes: z.number().int().min(1).max(240).default(15)
});
export type PastCall = z.output<typeof pastCallSchema>;
