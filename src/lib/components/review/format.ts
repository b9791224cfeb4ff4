/** Labels and number/date formats shared by the review, findings and calibration screens. */
import { m } from '$lib/paraglide/messages';
import { formatInZone } from '$lib/i18n/datetime';
import { CALL_STATUS } from '$lib/components/schedule/labels';
import type { Tone } from '$lib/components/StatusPill.svelte';

export { CALL_STATUS };

/** A score fraction (0..1) as a percentage; '—' when nothing counted. */
export function pct(value: number | string | null | undefined, locale: string): string {
	if (value === null || value === undefined || value === '') return '—';
	return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
		Number(value)
	);
}

/** A timestamp in the site's zone (UTC when the site is unknown, said so by the zone name). */
export function when(
	value: string | null | undefined,
	zone: string | null | undefined,
	locale: string,
	style: 'date' | 'datetime' = 'datetime'
): string {
	if (!value) return '—';
	// A date without a time (a due date) is a calendar day: show it as that day, in no zone.
	if (/^\d{4}-\d{2}-\d{2}$/.test(value))
		return formatInZone(`${value}T00:00:00Z`, 'UTC', locale, 'date');
	return formatInZone(value, zone || 'UTC', locale, style);
}

/** Milliseconds as m:ss. */
export function clock(ms: number | null | undefined): string {
	if (ms === null || ms === undefined) return '—';
	const s = Math.round(ms / 1000);
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export const FINDING_STATUS: Record<string, () => string> = {
	open: m.rv_finding_open,
	in_remediation: m.rv_finding_in_remediation,
	closed: m.rv_finding_closed,
	withdrawn: m.rv_finding_withdrawn
};
export const FINDING_TONE: Record<string, Tone> = {
	open: 'warning',
	in_remediation: 'info',
	closed: 'success',
	withdrawn: 'neutral'
};
export const SEVERITY_LABEL: Record<string, () => string> = {
	C: m.rv_severity_c,
	M: m.rv_severity_m,
	m: m.rv_severity_minor
};
export const DISPUTE_REASON: Record<string, () => string> = {
	misheard: m.rv_reason_misheard,
	wrong_standard: m.rv_reason_wrong_standard,
	not_applicable: m.rv_reason_not_applicable,
	evidence_contradicts: m.rv_reason_evidence_contradicts,
	other: m.rv_reason_other
};
export const DISPUTE_STATUS: Record<string, () => string> = {
	open: m.rv_dispute_open,
	accepted: m.rv_dispute_accepted,
	partly_accepted: m.rv_dispute_partly_accepted,
	rejected: m.rv_dispute_rejected
};
export const THREAD_KIND: Record<string, () => string> = {
	opened: m.rv_thread_opened,
	occurrence: m.rv_thread_occurrence,
	plan: m.rv_thread_plan,
	dispute: m.rv_thread_dispute,
	decision: m.rv_thread_decision,
	status: m.rv_thread_status,
	comment: m.rv_thread_comment,
	verification: m.rv_thread_verification
};

/** A bilingual `{en, zh-CN}` value in `locale`, falling back to the other language. */
export function text2(value: unknown, locale: string): string {
	if (!value || typeof value !== 'object') return typeof value === 'string' ? value : '';
	const v = value as Record<string, string | undefined>;
	return (locale.startsWith('zh') ? v['zh-CN'] || v.en : v.en || v['zh-CN']) ?? '';
}

/** True when a finding's due date has passed and it is still open or in remediation. */
export function overdue(f: { due_at: string; status: string }, today: string): boolean {
	return (f.status === 'open' || f.status === 'in_remediation') && f.due_at < today;
}

/** The columns of a finding the lists show. */
export interface FindingRow {
	id: string;
	severity: string;
	clauses: string[];
	criteria: unknown;
	status: string;
	occurrences: number;
	due_at: string;
	response_due_at: string;
	sites?: { name: string } | null;
}
