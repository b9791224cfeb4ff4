/**
 * What the markers and timers of a call establish: when each defined marker was tapped, how long
 * each timer ran, and the verdict of each marker rule. Everything is derived from sorted copies,
 * so the order markers arrive in never changes a result.
 */
import type { Answers } from '../../schemas/scenario-answers';
import type { ScenarioContent, TimerKind } from '../../schemas/scenario';
import type { MarkerRule } from '../../schemas/scenario-checklist';

export type Verdict = 'yes' | 'no' | 'na';

export interface CallFacts {
	/** Times (ms, ascending) at which the marker definition with this id was tapped. */
	times(markerId: string): number[];
	/** The timer's reading in seconds, or undefined when it is not known. */
	seconds(timer: TimerKind): number | undefined;
}

/** Builds the marker and timer facts of one call. */
export function callFacts(content: ScenarioContent, answers: Answers): CallFacts {
	const defs = content.kind === 'mystery_call' ? content.markers : [];
	const recorded = [...answers.markers].sort(
		(a, b) => a.t - b.t || compare(a.kind, b.kind) || compare(a.id ?? '', b.id ?? '')
	);
	const timesById = new Map<string, number[]>(
		defs.map((d) => [
			d.id,
			recorded
				.filter((m) =>
					d.kind === 'custom'
						? m.kind === 'custom' && m.id === d.id
						: m.kind === d.kind && (m.id === undefined || m.id === d.id)
				)
				.map((m) => m.t)
		])
	);
	return {
		times: (id) => timesById.get(id) ?? [],
		seconds: (timer) => {
			const ms = answers.timings[timer];
			if (ms !== undefined) return ms / 1000;
			return timer === 'hold' ? holdSeconds(recorded) : undefined;
		}
	};
}

/** Code-unit order: unlike localeCompare it is the same on every device. */
export function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Hold time from hold_start/hold_end pairs when no hold timer was read; a start without an end is
 * left out because its length is unknown. Undefined when no hold was marked at all.
 */
function holdSeconds(recorded: Answers['markers']): number | undefined {
	let total = 0;
	let start: number | undefined;
	let any = false;
	for (const m of recorded) {
		if (m.kind === 'hold_start' && start === undefined) start = m.t;
		if (m.kind === 'hold_end' && start !== undefined) {
			total += m.t - start;
			start = undefined;
			any = true;
		}
	}
	return any ? total / 1000 : undefined;
}

/** Judges a marker rule: 'yes' = pass, 'no' = fail, 'na' = nothing to judge. */
export function evaluateRule(rule: MarkerRule, facts: CallFacts): Verdict {
	const pass = (ok: boolean): Verdict => (ok ? 'yes' : 'no');
	const absent = { pass: 'yes', fail: 'no', na: 'na' } as const;
	switch (rule.kind) {
		case 'before': {
			const first = facts.times(rule.first)[0];
			const then = facts.times(rule.then)[0];
			if (then === undefined) return absent[rule.whenAbsent];
			return pass(first !== undefined && first < then);
		}
		case 'within': {
			const from = facts.times(rule.from)[0];
			const to = from === undefined ? undefined : facts.times(rule.to).find((t) => t >= from);
			if (from === undefined || to === undefined) return absent[rule.whenAbsent];
			return pass((to - from) / 1000 <= rule.maxSeconds);
		}
		case 'present':
			return pass(facts.times(rule.marker).length > 0);
		case 'absent':
			return pass(facts.times(rule.marker).length === 0);
		case 'max_count':
			return pass(facts.times(rule.marker).length <= rule.max);
		case 'timer_max': {
			const seconds = facts.seconds(rule.timer);
			return seconds === undefined ? 'na' : pass(seconds <= rule.maxSeconds);
		}
	}
}
