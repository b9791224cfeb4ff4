/**
 * The programme wizard's state, as the form holds it (text as typed), and its translation into the
 * `programmeSchema` input. Validation is the schema's own, on the client and again on the server;
 * each issue is routed to the step that owns its field, so a step shows only its own errors.
 */
import type { ProgrammeInput } from '$lib/schemas/programme';
import { WEEKDAY_KEYS, type WeekdayKey } from '$lib/domain/schedule/hours';
import { sampleSize } from '$lib/domain/sampling';
import { programmeIssues, type Issues } from './wizard-issues';

export { fieldKey, type Issues } from './wizard-issues';

export const STEPS = [
	'client',
	'scope',
	'scenarios',
	'period',
	'sampling',
	'rules',
	'review'
] as const;
export type Step = (typeof STEPS)[number];

export interface SiteOption {
	id: string;
	vendor_id: string;
	time_zone: string;
	languages: string[];
}
export interface LineOption {
	id: string;
	site_id: string;
	client_id: string;
	languages: string[];
}

export interface WizardState {
	name: string;
	clientId: string;
	vendorIds: string[];
	siteIds: string[];
	/** site id → selected line ids */
	lineIds: Record<string, string[]>;
	/** scenario id → share as typed; a scenario is in the mix when it has an entry */
	shares: Record<string, string>;
	start: string;
	end: string;
	/** site id → weekday → ranges as typed, comma-separated */
	hours: Record<string, Partial<Record<WeekdayKey, string>>>;
	/** site id → dates as typed, comma-separated */
	excluded: Record<string, string>;
	hourWeights: string;
	/** percent, e.g. "95" */
	confidence: string;
	/** percentage points, e.g. "10" */
	margin: string;
	/** site id → call volume as typed */
	volume: Record<string, string>;
	lockoutDays: string;
	maxPerDay: string;
	callMinutes: string;
	seed: number;
}

export const DEFAULT_HOURS: Partial<Record<WeekdayKey, string>> = Object.fromEntries(
	WEEKDAY_KEYS.filter((d) => d !== 'sat' && d !== 'sun').map((d) => [d, '09:00-18:00'])
);

/** A fresh wizard starting on `today`. */
export function emptyState(today: string, seed: number): WizardState {
	return {
		name: '',
		clientId: '',
		vendorIds: [],
		siteIds: [],
		lineIds: {},
		shares: {},
		start: today,
		end: today,
		hours: {},
		excluded: {},
		hourWeights: '',
		confidence: '95',
		margin: '10',
		volume: {},
		lockoutDays: '7',
		maxPerDay: '5',
		callMinutes: '15',
		seed
	};
}

const list = (value: string | undefined) =>
	(value ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);

/** Number inputs bind numbers, text inputs strings: both read as trimmed text. */
const text = (value: unknown) =>
	value === undefined || value === null ? '' : String(value).trim();

/** Text → number, or the text itself so the schema names it as not a number. */
const num = (value: unknown) => {
	const t = text(value);
	return t === '' || Number.isNaN(Number(t)) ? t : Number(t);
};

/** The schema input the state stands for (sites in the order chosen). */
export function toDefinition(state: WizardState, sites: SiteOption[], lines: LineOption[]) {
	const byId = new Map(sites.map((s) => [s.id, s]));
	const linesById = new Map(lines.map((l) => [l.id, l]));
	return {
		schemaVersion: 1,
		name: state.name,
		clientId: state.clientId,
		vendorIds: state.vendorIds,
		sites: state.siteIds
			.filter((id) => byId.has(id))
			.map((id) => {
				const site = byId.get(id)!;
				const hours = state.hours[id] ?? DEFAULT_HOURS;
				const volume = text(state.volume[id]);
				return {
					siteId: id,
					vendorId: site.vendor_id,
					timeZone: site.time_zone,
					languages: site.languages,
					lines: (state.lineIds[id] ?? [])
						.filter((l) => linesById.has(l))
						.map((l) => ({ lineId: l, languages: linesById.get(l)!.languages })),
					hours: Object.fromEntries(
						WEEKDAY_KEYS.map((d) => [d, list(hours[d])]).filter(([, r]) => r.length)
					),
					excludedDates: list(state.excluded[id]),
					...(volume ? { callVolume: num(volume) } : {})
				};
			}),
		scenarios: Object.entries(state.shares).map(([scenarioId, share]) => ({
			scenarioId,
			share: num(share)
		})),
		period: { start: state.start, end: state.end },
		sampling: { confidence: Number(state.confidence) / 100, margin: Number(state.margin) / 100 },
		...(text(state.hourWeights) ? { hourWeights: list(state.hourWeights).map(num) } : {}),
		callMinutes: num(state.callMinutes),
		lockoutDays: num(state.lockoutDays),
		maxCallsPerShopperPerDay: num(state.maxPerDay),
		seed: state.seed
	} as unknown as ProgrammeInput;
}

const SITE_FIELD_STEP: Record<string, Step> = {
	hours: 'period',
	excludedDates: 'period',
	hourWeights: 'period',
	callVolume: 'sampling',
	calls: 'sampling'
};
const TOP_FIELD_STEP: Record<string, Step> = {
	name: 'client',
	clientId: 'client',
	vendorIds: 'scope',
	sites: 'scope',
	scenarios: 'scenarios',
	period: 'period',
	hourWeights: 'period',
	sampling: 'sampling',
	lockoutDays: 'rules',
	maxCallsPerShopperPerDay: 'rules',
	callMinutes: 'rules',
	seed: 'review'
};

/** The step that owns an issue at `path`. */
export function stepOf(path: readonly PropertyKey[]): Step {
	if (path[0] === 'sites' && typeof path[2] === 'string' && SITE_FIELD_STEP[path[2]])
		return SITE_FIELD_STEP[path[2]];
	return TOP_FIELD_STEP[String(path[0])] ?? 'review';
}

/** Every issue of `definition` in the reader's language, by field key (first message per field). */
export const validateDefinition = programmeIssues;

/** The issues a step owns. */
export function issuesOf(issues: Issues, step: Step): Issues {
	return Object.fromEntries(
		Object.entries(issues).filter(([key]) => stepOf(key.split('.').map(segment)) === step)
	);
}

const segment = (s: string) => (/^\d+$/.test(s) ? Number(s) : s);

/** The first step with an issue, or undefined. */
export function firstStepWithIssues(issues: Issues): Step | undefined {
	return STEPS.find((s) => Object.keys(issuesOf(issues, s)).length > 0);
}

/** Calls each chosen site needs for the target, live from the sampling planner. */
export function callsPerSite(state: WizardState): { siteId: string; calls: number | null }[] {
	const confidence = Number(state.confidence) / 100;
	const margin = Number(state.margin) / 100;
	return state.siteIds.map((siteId) => {
		const raw = text(state.volume[siteId]);
		const volume = raw ? Number(raw) : undefined;
		try {
			if (volume !== undefined && !(Number.isInteger(volume) && volume >= 0)) throw new Error();
			return { siteId, calls: sampleSize({ confidence, margin }, volume).calls };
		} catch {
			return { siteId, calls: null };
		}
	});
}
