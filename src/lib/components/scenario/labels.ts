/** Names of the scenario vocabularies (kinds, statuses, item types, markers…) in the reader's language. */
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import {
	localize,
	serviceCategories,
	type AuditResultCode,
	type Bilingual,
	type ItemType,
	type MarkerKind,
	type ScenarioKind,
	type ServiceCategory,
	type Severity,
	type TimerKind
} from '$lib/schemas/scenario';
import type { MarkerRule } from '$lib/schemas/scenario-checklist';

export type VersionStatus = 'draft' | 'published' | 'retired';
type Label = () => string;

export const KIND: Record<ScenarioKind, Label> = {
	mystery_call: m.sc_kind_mystery_call,
	vendor_audit: m.sc_kind_vendor_audit
};

export const STATUS: Record<VersionStatus, Label> = {
	draft: m.sc_status_draft,
	published: m.sc_status_published,
	retired: m.sc_status_retired
};

export const ITEM_TYPE: Record<ItemType, Label> = {
	yes_no_na: m.sc_type_yes_no_na,
	scale: m.sc_type_scale,
	single_choice: m.sc_type_single_choice,
	number: m.sc_type_number,
	duration: m.sc_type_duration,
	text: m.sc_type_text,
	marker_derived: m.sc_type_marker_derived,
	audit_result: m.sc_type_audit_result
};

export const MARKER_KIND: Record<MarkerKind, Label> = {
	greeting: m.sc_marker_greeting,
	verification_asked: m.sc_marker_verification_asked,
	hold_start: m.sc_marker_hold_start,
	hold_end: m.sc_marker_hold_end,
	transfer: m.sc_marker_transfer,
	disclosure: m.sc_marker_disclosure,
	custom: m.sc_marker_custom
};

export const TIMER: Record<TimerKind, Label> = {
	time_to_answer: m.sc_timer_time_to_answer,
	hold: m.sc_timer_hold,
	talk: m.sc_timer_talk
};

export const SEVERITY: Record<Severity, Label> = {
	C: m.sc_severity_critical,
	M: m.sc_severity_major,
	m: m.sc_severity_minor
};

export const AUDIT_CODE: Record<AuditResultCode, Label> = {
	COM: m.sc_audit_com,
	MAJ: m.sc_audit_maj,
	MIN: m.sc_audit_min,
	OBS: m.sc_audit_obs
};

export const RULE_KIND: Record<MarkerRule['kind'], Label> = {
	before: m.sc_rule_before,
	within: m.sc_rule_within,
	present: m.sc_rule_present,
	absent: m.sc_rule_absent,
	max_count: m.sc_rule_max_count,
	timer_max: m.sc_rule_timer_max
};

/** Text of a bilingual value in the reader's language, falling back to the other one. */
export function local(value: Bilingual | undefined): string {
	return value ? localize(value, getLocale()) : '';
}

/** A service-quality category's name in the reader's language. */
export function categoryLabel(category: ServiceCategory): string {
	return serviceCategories[category][getLocale()];
}
