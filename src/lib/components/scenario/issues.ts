/**
 * Validation of scenario content in the reader's language, through the shared schema-message
 * localiser: the patterns below translate the scenario schemas' own messages.
 */
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { localiseWith, zodLocaleOptions, type MessagePatterns } from '$lib/i18n/schema-messages';
import { scenarioContentSchema, type ScenarioContent } from '$lib/schemas/scenario';
import { fieldErrors, importScenarioJson, type FieldError } from '$lib/schemas/scenario-import';

const WHAT: Record<string, () => string> = {
	'section id': m.sc_what_section,
	'item id': m.sc_what_item,
	'marker id': m.sc_what_marker,
	'built-in marker kind (only custom markers may repeat)': m.sc_what_marker_kind,
	timer: m.sc_what_timer,
	'persona fact id': m.sc_what_fact,
	'step id': m.sc_what_step,
	'option id': m.sc_what_option
};

/** English message of the schemas → the same message in the current locale. */
const PATTERNS: MessagePatterns = [
	[/^use 1–64 letters, digits/, () => m.sc_err_id()],
	[/^give the text in at least one language/, () => m.sc_err_bilingual()],
	[/^weights cannot be negative$/, () => m.sc_err_weight_negative()],
	[/^weights above 1000/, () => m.sc_err_weight_max()],
	[/^use 0 or a weight of at least/, () => m.sc_err_weight_min()],
	[/^points cannot be negative$/, () => m.sc_err_points_negative()],
	[/^points above 1000/, () => m.sc_err_points_max()],
	[/^use 0 or at least 0\.001 points$/, () => m.sc_err_points_min()],
	[/^unknown clause code/, () => m.sc_err_clause()],
	[/^personas must use synthetic identities only$/, () => m.sc_err_synthetic()],
	[/^a step needs something to say or to listen for$/, () => m.sc_err_step_empty()],
	[
		/^duplicate (.+) "(.*)"$/s,
		(what, key) => m.sc_err_duplicate({ what: WHAT[what]?.() ?? what, key })
	],
	[/^unknown marker "(.*)"$/s, (id) => m.sc_err_unknown_marker({ id })],
	[/^unknown step "(.*)"$/s, (id) => m.sc_err_unknown_step({ id })],
	[/^unknown item "(.*)"$/s, (id) => m.sc_err_unknown_item({ id })],
	[
		/^"(.*)" is not a possible answer of item "(.*)"$/s,
		(value, item) => m.sc_err_not_answer({ value, item })
	],
	[/^a final step cannot name a next step$/, () => m.sc_err_final_next()],
	[/^only an item that earns points can be critical$/, () => m.sc_err_critical_unscorable()],
	[/^a critical item cannot also be a bonus item$/, () => m.sc_err_critical_bonus()],
	[/^marker-derived items need/, () => m.sc_err_marker_kind()],
	[/^audit results \(COM\/MAJ\/MIN\/OBS\) belong/, () => m.sc_err_audit_kind()],
	[/^the scale maximum must be above its minimum$/, () => m.sc_err_scale()],
	[/^the maximum must not be below the minimum$/, () => m.sc_err_minmax()],
	[/^a band maximum must not be below its minimum$/, () => m.sc_err_band()],
	[/^"na" is reserved/, () => m.sc_err_na_reserved()],
	[/^timer "(.*)" is not enabled for this scenario$/s, (timer) => m.sc_err_timer({ timer })],
	[/^visibility conditions form a cycle: (.*)$/s, (loop) => m.sc_err_cycle({ loop })],
	[/^not valid JSON: (.*)$/s, (detail) => m.sc_err_json({ detail })]
];

/** One schema message in the current locale; messages it does not know pass through. */
export const localiseMessage = (message: string): string => localiseWith(PATTERNS, message);

const localised = (errors: FieldError[]): FieldError[] =>
	errors.map((e) => ({ ...e, message: localiseMessage(e.message) }));

export type Checked = { ok: true; content: ScenarioContent } | { ok: false; errors: FieldError[] };

/** Validates draft content with `scenarioContentSchema`; errors carry paths and local text. */
export function checkContent(value: unknown): Checked {
	const result = scenarioContentSchema.safeParse(value, zodLocaleOptions());
	return result.success
		? { ok: true, content: result.data }
		: { ok: false, errors: localised(fieldErrors(result.error)) };
}

/**
 * Reads exported JSON with `importScenarioJson`; its errors are re-read in the current locale
 * (the same parse with a locale error map yields the same issues at the same paths).
 */
export function checkImport(text: string): Checked {
	const result = importScenarioJson(text);
	if (result.ok || getLocale() === 'en')
		return result.ok ? result : { ok: false, errors: localised(result.errors) };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { ok: false, errors: localised(result.errors) };
	}
	return checkContent(value);
}

/** Client errors first, then the server's for paths the client does not flag. */
export function mergeErrors(client: FieldError[], server: FieldError[]): FieldError[] {
	const seen = new Set(client.map((e) => e.at));
	return [...client, ...server.filter((e) => !seen.has(e.at))];
}

/** The first message per path. */
export function firstByPath(errors: FieldError[]): Map<string, string> {
	const out = new Map<string, string>();
	for (const e of errors) if (!out.has(e.at)) out.set(e.at, e.message);
	return out;
}
