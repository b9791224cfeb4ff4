/** The answers an item can take, for the condition editor and the phone preview. */
import { m } from '$lib/paraglide/messages';
import { NA, auditResultCodes, type ChecklistItem } from '$lib/schemas/scenario';
import { AUDIT_CODE, local } from './labels';

export interface Choice {
	value: string | number;
	label: string;
}

/**
 * The finite list of answers of `item` (N/A included where allowed), or null for items answered
 * with free numbers or text.
 */
export function choicesOf(item: ChecklistItem): Choice[] | null {
	const na = item.allowNa ? [{ value: NA, label: m.sc_answer_na() }] : [];
	switch (item.type) {
		case 'yes_no_na':
		case 'marker_derived':
			return [
				{ value: 'yes', label: m.sc_answer_yes() },
				{ value: 'no', label: m.sc_answer_no() },
				...na
			];
		case 'single_choice':
			return [...item.options.map((o) => ({ value: o.id, label: local(o.label) || o.id })), ...na];
		case 'audit_result':
			return [...auditResultCodes.map((c) => ({ value: c, label: AUDIT_CODE[c]() })), ...na];
		case 'scale': {
			const span = item.max - item.min;
			if (!(span > 0 && span <= 20)) return na;
			return [
				...Array.from({ length: span + 1 }, (_, i) => ({
					value: item.min + i,
					label: String(item.min + i)
				})),
				...na
			];
		}
		default:
			return null;
	}
}

/** Free-typed condition values: numbers stay numbers, everything else is text. */
export function parseValues(text: string): (string | number)[] {
	return text
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean)
		.map((v) => (v !== '' && Number.isFinite(Number(v)) ? Number(v) : v));
}
