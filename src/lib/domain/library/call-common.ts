/**
 * Pieces the pretext and payment calls share: the opening step, the call-handling section (the
 * recording notice plus informational timings) and reference items by number.
 */
import {
	item,
	pick,
	refItem,
	section,
	step,
	t,
	type ItemInput,
	type SectionInput,
	type StepInput
} from './build';
import { CALL_PREFIX, callRows } from './call-items';

/** Reference call items by number, as yes/no/N-A unless `extra` says otherwise. */
export function callItems(numbers: number[], extra: Record<string, unknown> = {}): ItemInput[] {
	return pick(callRows, numbers).map((r) => refItem(CALL_PREFIX, r, 'yes_no_na', extra));
}

/** A reference call item whose answer comes from the call's markers. */
export function markerItem(
	n: number,
	rule: unknown,
	extra: Record<string, unknown> = {}
): ItemInput {
	const [ref] = pick(callRows, [n]);
	return refItem(CALL_PREFIX, ref, 'marker_derived', { rule, ...extra });
}

/**
 * A critical item that passes only when the shopper never tapped `marker`: the pretext calls use
 * it for "nothing was disclosed" and "nothing was changed", which no caller of theirs may obtain.
 */
export function neverTapped(
	id: string,
	label: ReturnType<typeof t>,
	marker: string,
	clauses: string[]
): ItemInput {
	return item(id, 'marker_derived', label, {
		weight: 3,
		severity: 'C',
		clauses,
		rule: { kind: 'absent', marker }
	});
}

/** The first step of every call: dial, time the answer, note the greeting and notice. */
export function openingStep(): StepInput {
	return step('open', t('Call the line', '拨打热线'), {
		listenFor: t(
			'How long it takes to answer; the greeting; the recording notice before anything else.',
			'接听用时；问候语；在其他内容之前告知录音。'
		),
		markers: ['greeting']
	});
}

/**
 * The recording notice and the answer and talk times. The times have no score bands: a pretext
 * call is judged on privacy, but the report still shows how long the line took.
 */
export function callHandling(prefix: string): SectionInput {
	return section('call', t('Call handling', '通话处理'), [
		...callItems([1]),
		item(`${prefix}_answer_time`, 'duration', t('Time to answer', '接听用时'), {
			fromTimer: 'time_to_answer',
			required: false
		}),
		item(`${prefix}_talk_time`, 'duration', t('Talk time', '通话时长'), {
			fromTimer: 'talk',
			required: false
		})
	]);
}
