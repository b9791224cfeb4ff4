/** How an answer reads on the review screens. */
import { m } from '$lib/paraglide/messages';
import { choicesOf } from '$lib/components/scenario/answers';
import type { ChecklistItem } from '$lib/schemas/scenario';
import { clock } from './format';

/** `value` of `item` as the reader sees it (the choice's label, a duration as m:ss). */
export function answerLabel(item: ChecklistItem, value: unknown): string {
	if (value === null || value === undefined || value === '') return m.rv_no_answer();
	const choice = choicesOf(item)?.find((c) => String(c.value) === String(value));
	if (choice) return choice.label;
	if (item.type === 'duration' && typeof value === 'number') return clock(value);
	return String(value);
}
