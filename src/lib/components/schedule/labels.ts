/** Localised labels for programme and call statuses (shown as text, never by colour alone). */
import { m } from '$lib/paraglide/messages';

export type CallStatus =
	'scheduled' | 'in_progress' | 'submitted' | 'reviewed' | 'closed' | 'cancelled' | 'missed';

export const PROGRAMME_STATUS: Record<'draft' | 'active' | 'closed', () => string> = {
	draft: m.sch_status_draft,
	active: m.sch_status_active,
	closed: m.sch_status_closed
};

export const CALL_STATUS: Record<CallStatus, () => string> = {
	scheduled: m.sch_call_scheduled,
	in_progress: m.sch_call_in_progress,
	submitted: m.sch_call_submitted,
	reviewed: m.sch_call_reviewed,
	closed: m.sch_call_closed,
	cancelled: m.sch_call_cancelled,
	missed: m.sch_call_missed
};

const messages = m as unknown as Record<string, ((p?: object) => string) | undefined>;

/** A planner sentence (message key + parameters) in the reader's language. */
export function sentence(s: { key: string; params?: Record<string, unknown> } | undefined | null) {
	if (!s) return '';
	return messages[s.key]?.(s.params ?? {}) ?? s.key;
}
