/**
 * What an item accepts and how it counts, without zod, for the scoring engine and the phone (see
 * scenario-constants.ts for why); scenario-checklist.ts re-exports these.
 */
import type { ChecklistItem } from './scenario-checklist';
import { NA, auditResultCodes } from './scenario-constants';

/** Whether an item can earn points at all (text, and number/duration without bands, cannot). */
export function isScorable(item: ChecklistItem): boolean {
	if (item.type === 'text') return false;
	if (item.type === 'number' || item.type === 'duration') return item.bands.length > 0;
	return true;
}

/** Critical when flagged so, otherwise when its severity is C; only scorable items can fail. */
export function isCritical(item: ChecklistItem): boolean {
	return isScorable(item) && (item.critical ?? item.severity === 'C');
}

/** Whether `value` is a well-formed answer for this item (`'na'` only where N/A is allowed). */
export function acceptsAnswer(item: ChecklistItem, value: unknown): boolean {
	if (value === NA && item.type !== 'text') return item.allowNa;
	switch (item.type) {
		case 'yes_no_na':
		case 'marker_derived':
			return value === 'yes' || value === 'no';
		case 'scale':
			return typeof value === 'number' && value >= item.min && value <= item.max;
		case 'single_choice':
			return item.options.some((o) => o.id === value);
		case 'number':
			return (
				typeof value === 'number' &&
				Number.isFinite(value) &&
				(item.min === undefined || value >= item.min) &&
				(item.max === undefined || value <= item.max)
			);
		case 'duration':
			return typeof value === 'number' && Number.isFinite(value) && value >= 0;
		case 'text':
			return typeof value === 'string';
		case 'audit_result':
			return (auditResultCodes as readonly unknown[]).includes(value);
	}
}
