/**
 * The programme wizard's validation in the reader's language: `programmeSchema`'s own messages by
 * pattern, zod's built-in ones from its locale (the shared schema-message localiser), and each
 * issue's field named in words instead of its path.
 */
import { m } from '$lib/paraglide/messages';
import { programmeSchema, type Programme } from '$lib/schemas/programme';
import { localiseWith, zodLocaleOptions, type MessagePatterns } from '$lib/i18n/schema-messages';

const WHAT: Record<string, () => string> = {
	scenario: m.sch_what_scenario,
	vendor: m.sch_what_vendor,
	site: m.sch_what_site,
	line: m.sch_what_line
};

const PATTERNS: MessagePatterns = [
	[/^use a date as YYYY-MM-DD$/, () => m.sch_err_date()],
	[/^use an IANA time zone name/, () => m.sch_err_time_zone()],
	[/^use a language tag/, () => m.sch_err_language()],
	[/^use HH:MM-HH:MM/, () => m.sch_err_range()],
	[/^give one weight for each of the 24 hours$/, () => m.sch_err_weights_24()],
	[/^at least one hour needs a weight above 0$/, () => m.sch_err_weights_zero()],
	[/^use 1–64 letters, digits/, () => m.sc_err_id()],
	[
		/^the scenario shares must add up to 100 % \(they add up to (.*) %\)$/s,
		(total) => m.sch_err_share_sum({ total })
	],
	[
		/^duplicate (\w+) "(.*)"$/s,
		(what, key) => m.sch_err_duplicate({ what: WHAT[what]?.() ?? what, key })
	],
	[
		/^vendor "(.*)" is not in the programme's scope$/s,
		(vendor) => m.sch_err_vendor_scope({ vendor })
	],
	[/^the period ends before it starts$/, () => m.sch_err_period_order()],
	[/^a period is at most (\d+) days$/, (days) => m.sch_err_period_long({ days })]
];

/** One `programmeSchema` message in the current locale; unknown ones pass through. */
export const localiseProgrammeMessage = (message: string): string =>
	localiseWith(PATTERNS, message);

/** A field's key in the form: the issue path joined with dots (`sites.0.hours.mon.1`). */
export const fieldKey = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Field key → localised message, the first per field. */
export type Issues = Record<string, string>;

/**
 * Every issue of `definition` in the current locale, by field key; the client and the server's
 * create action both validate through here, so both speak the reader's language.
 */
export function programmeIssues(definition: unknown): Issues {
	const checked = checkProgramme(definition);
	return checked.ok ? {} : checked.issues;
}

/** Parses `definition` with `programmeSchema`; a failure carries its issues in the current locale. */
export function checkProgramme(
	definition: unknown
): { ok: true; programme: Programme } | { ok: false; issues: Issues } {
	const result = programmeSchema.safeParse(definition, zodLocaleOptions());
	if (result.success) return { ok: true, programme: result.data };
	const issues: Issues = {};
	for (const issue of result.error.issues)
		issues[fieldKey(issue.path)] ??= localiseProgrammeMessage(issue.message);
	return { ok: false, issues };
}

const TOP: Record<string, () => string> = {
	name: m.sch_field_name,
	clientId: m.sch_field_client,
	vendorIds: m.sch_field_vendors,
	sites: m.sch_field_sites,
	scenarios: m.sch_step_scenarios,
	period: m.sch_step_period,
	'period.start': m.sch_field_start,
	'period.end': m.sch_field_end,
	hourWeights: m.sch_field_hour_weights,
	sampling: m.sch_step_sampling,
	'sampling.confidence': m.sch_field_confidence,
	'sampling.margin': m.sch_field_margin,
	callMinutes: m.sch_field_call_minutes,
	lockoutDays: m.sch_field_lockout,
	maxCallsPerShopperPerDay: m.sch_field_max_per_day,
	seed: m.sch_field_seed
};

const SITE: Record<string, () => string> = {
	siteId: m.sch_field_id,
	vendorId: m.sch_field_vendor,
	timeZone: m.sch_field_time_zone,
	languages: m.sch_field_languages,
	lines: m.sch_field_lines,
	hours: m.sch_field_opening_hours,
	excludedDates: m.sch_field_excluded,
	hourWeights: m.sch_field_hour_weights,
	callVolume: m.sch_field_volume,
	calls: m.sch_col_calls
};

/** The field a key stands for, in words (`sites.0.timeZone` → "Site 1: Time zone"). */
export function fieldLabel(key: string): string {
	const [head, index, field] = key.split('.');
	const n = Number(index) + 1;
	if (head === 'sites' && index !== undefined && !Number.isNaN(n))
		return m.sch_field_site_n({ n, field: (SITE[field] ?? m.sch_field_sites)() });
	if (head === 'scenarios' && index !== undefined && !Number.isNaN(n))
		return m.sch_field_scenario_n({
			n,
			field: field === 'share' ? m.sch_field_share() : m.sch_col_scenario()
		});
	const label = TOP[key] ?? TOP[key.split('.').slice(0, 2).join('.')] ?? TOP[head];
	return label ? label() : key;
}

/** An issue as one sentence that names its field. */
export const describeIssue = (key: string, message: string): string =>
	m.sch_issue({ field: fieldLabel(key), message });
