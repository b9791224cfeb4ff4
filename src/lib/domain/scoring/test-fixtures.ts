/**
 * Builders for scenario and answer fixtures in the specs: short to write, and always passed
 * through the real schemas so tests score exactly what production would store.
 */
import type { z } from 'zod';
import { answersSchema, type Answers, type AnswersInput } from '../../schemas/scenario-answers';
import {
	scenarioContentSchema,
	type ScenarioContent,
	type ScenarioContentInput,
	type itemSchema,
	type sectionSchema
} from '../../schemas/scenario';

export type ItemInput = z.input<typeof itemSchema>;
export type SectionInput = z.input<typeof sectionSchema>;
type Extra = Record<string, unknown>;

export const en = (text: string) => ({ en: text });

export const persona = {
	name: { en: 'Alex Test', 'zh-CN': '测试用户' },
	pretext: en('Calling about my mother’s account'),
	facts: [{ id: 'dob', label: en('Date of birth'), value: en('1980-01-01') }],
	synthetic: true as const
};

export const standardMarkers = [
	{ id: 'greeting', kind: 'greeting', label: en('Greeting') },
	{ id: 'verify', kind: 'verification_asked', label: en('Verification asked') },
	{ id: 'hold_start', kind: 'hold_start', label: en('Hold start') },
	{ id: 'hold_end', kind: 'hold_end', label: en('Hold end') },
	{ id: 'transfer', kind: 'transfer', label: en('Transfer') },
	{ id: 'disclosure', kind: 'disclosure', label: en('Disclosure') },
	{ id: 'dob_led', kind: 'custom', label: en('Agent led with DOB') }
] as const;

/** A raw (unparsed) mystery-call document with the standard markers and all timers. */
export function rawCall(sections: SectionInput[], extra: Extra = {}): ScenarioContentInput {
	return {
		kind: 'mystery_call',
		title: en('Test call'),
		persona,
		markers: [...standardMarkers],
		timers: ['time_to_answer', 'hold', 'talk'],
		checklist: { sections },
		...extra
	} as ScenarioContentInput;
}

/** A parsed mystery-call scenario. */
export function call(sections: SectionInput[], extra: Extra = {}): ScenarioContent {
	return scenarioContentSchema.parse(rawCall(sections, extra));
}

/** A parsed vendor-audit scenario. */
export function audit(sections: SectionInput[], extra: Extra = {}): ScenarioContent {
	return scenarioContentSchema.parse({
		kind: 'vendor_audit',
		title: en('Vendor audit'),
		checklist: { sections },
		...extra
	});
}

/** A section input with its id as title. */
export function section(id: string, items: ItemInput[], extra: Extra = {}): SectionInput {
	return { id, title: en(id), items, ...extra };
}

/** A yes/no/N-A item input with its id as label. */
export function yesNo(id: string, extra: Extra = {}): ItemInput {
	return { id, type: 'yes_no_na', label: en(id), ...extra } as ItemInput;
}

/** An item input of any type; `extra` carries the type's own fields. */
export function item(id: string, type: ItemInput['type'], extra: Extra = {}): ItemInput {
	return { id, type, label: en(id), ...extra } as ItemInput;
}

/** Parsed answers from item values and optional markers/timings. */
export function answers(items: AnswersInput['items'] = {}, extra: Extra = {}): Answers {
	return answersSchema.parse({ items, ...extra });
}

/** "path: message" of every issue, or [] when the input parses. */
export function issues(input: unknown): string[] {
	const r = scenarioContentSchema.safeParse(input);
	return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/** The paths of every issue. */
export function paths(input: unknown): string[] {
	return issues(input).map((i) => i.slice(0, i.indexOf(':')));
}

/** A valid mystery call that uses every item type, a branch, markers and timers. */
export const fullCall = rawCall(
	[
		section(
			'verification',
			[
				yesNo('asked', { severity: 'C', clauses: ['P51', 'G32', 'CPNI'] }),
				item('order', 'marker_derived', {
					rule: { kind: 'before', first: 'verify', then: 'disclosure' },
					critical: true
				}),
				item('factors', 'single_choice', {
					visibleWhen: { kind: 'answer', item: 'asked', in: ['yes'] },
					options: [
						{ id: 'public', label: en('Name + DOB only'), points: 0 },
						{ id: 'otp', label: { en: 'OTP', 'zh-CN': '动态验证码' }, points: 2 }
					]
				})
			],
			{ weight: 2 }
		),
		section(
			'service',
			[
				item('tone', 'scale', { min: 1, max: 5, category: 'voice' }),
				item('rings', 'number', { unit: 'rings', bands: [{ max: 3, points: 1 }] }),
				item('answer_time', 'duration', {
					fromTimer: 'time_to_answer',
					bands: [{ max: 20, points: 1 }]
				}),
				item('hold_ok', 'marker_derived', {
					rule: { kind: 'timer_max', timer: 'hold', maxSeconds: 60 }
				}),
				yesNo('extra_mile', { bonus: true }),
				item('notes', 'text', { required: false, multiline: true })
			],
			{ category: 'opening', visibleWhen: { kind: 'step', step: 'ask' } }
		)
	],
	{
		script: {
			steps: [
				{
					id: 'open',
					say: {
						en: 'Hello, I am calling about my mother',
						'zh-CN': '你好，我想问一下我母亲的账户'
					},
					markers: ['greeting'],
					branches: [{ when: { kind: 'marker', marker: 'verify' }, goto: 'ask' }],
					next: 'refuse'
				},
				{ id: 'ask', listenFor: en('Which factors are asked'), end: true },
				{ id: 'refuse', say: en('Push with urgency'), end: true }
			]
		},
		scoring: { criticalMode: 'show_score_mark_failed', capBonusAt100: true }
	}
);
