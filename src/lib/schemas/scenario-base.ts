/**
 * Building blocks shared by the scenario, checklist and answers schemas: ids, bilingual text, the
 * closed vocabularies (marker and timer kinds, severities, audit result codes, service-quality
 * categories) and the condition that both script branches and item visibility use.
 */
import { z } from 'zod';

/** Stable ids inside one scenario version: letters, digits, `_`, `-`, `.`; they key the answers. */
export const idSchema = z
	.string()
	.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'use 1–64 letters, digits, _, - or . (no spaces)');

const text = z.string().trim().max(2000);

/** Text in English and Simplified Chinese; drafts may fill only one, never neither. */
export const bilingualSchema = z
	.strictObject({ en: text.optional(), 'zh-CN': text.optional() })
	.refine((t) => Boolean(t.en) || Boolean(t['zh-CN']), {
		message: 'give the text in at least one language (en or zh-CN)'
	});
export type Bilingual = z.output<typeof bilingualSchema>;

export type Locale = 'en' | 'zh-CN';

/** The text in the wanted locale, falling back to the other one. */
export function localize(value: Bilingual, locale: Locale): string {
	const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
	return value[locale] || value[other] || '';
}

export const scenarioKinds = ['mystery_call', 'vendor_audit'] as const;
export type ScenarioKind = (typeof scenarioKinds)[number];

export const markerKinds = [
	'greeting',
	'verification_asked',
	'hold_start',
	'hold_end',
	'transfer',
	'disclosure',
	'custom'
] as const;
export const markerKindSchema = z.enum(markerKinds);
export type MarkerKind = (typeof markerKinds)[number];

export const timerKinds = ['time_to_answer', 'hold', 'talk'] as const;
export const timerKindSchema = z.enum(timerKinds);
export type TimerKind = (typeof timerKinds)[number];

export const severities = ['C', 'M', 'm'] as const;
export type Severity = (typeof severities)[number];

export const auditResultCodes = ['COM', 'MAJ', 'MIN', 'OBS'] as const;
export type AuditResultCode = (typeof auditResultCodes)[number];

/** The nine categories of the service-quality monitoring sheet, with their source names. */
export const serviceCategories = {
	opening: { en: 'Opening', 'zh-CN': '开场白' },
	voice: { en: 'Voice', 'zh-CN': '声音表现' },
	etiquette: { en: 'Etiquette', 'zh-CN': '礼仪' },
	judgement: { en: 'Judgement', 'zh-CN': '头脑' },
	accuracy: { en: 'Accuracy', 'zh-CN': '正确性' },
	conversation_skills: { en: 'Conversation skills', 'zh-CN': '对话技巧' },
	listening: { en: 'Listening', 'zh-CN': '倾听技巧' },
	overall_impression: { en: 'Overall impression', 'zh-CN': '总体印象' },
	script_adherence: { en: 'Script adherence', 'zh-CN': '业务模式' }
} as const;
export type ServiceCategory = keyof typeof serviceCategories;
export const serviceCategorySchema = z.enum(
	Object.keys(serviceCategories) as [ServiceCategory, ...ServiceCategory[]]
);

/** The answer written for "not applicable" on any item type that allows it. */
export const NA = 'na';

/**
 * A condition on the call so far: an item's answer is one of the listed values, a marker was or
 * was not tapped, or a script step was reached. Branches and visibility share it.
 */
export const conditionSchema = z.discriminatedUnion('kind', [
	z.strictObject({
		kind: z.literal('answer'),
		item: idSchema,
		in: z.array(z.union([z.string().min(1).max(200), z.number()])).min(1)
	}),
	z.strictObject({
		kind: z.literal('marker'),
		marker: idSchema,
		present: z.boolean().default(true)
	}),
	z.strictObject({ kind: z.literal('step'), step: idSchema })
]);
export type Condition = z.output<typeof conditionSchema>;

/**
 * Multiplier of an item's or section's points; 0 keeps it on the sheet without counting it. The
 * bounds keep sums and ratios of weighted points far from underflow and overflow.
 */
export const weightSchema = z
	.number()
	.min(0, 'weights cannot be negative')
	.max(1000, 'weights above 1000 are not supported')
	.refine((v) => !(v > 0 && v < 0.001), 'use 0 or a weight of at least 0.001')
	.default(1);

/** Points of a choice option or score band, bounded like weights. */
export const pointsSchema = z
	.number()
	.min(0, 'points cannot be negative')
	.max(1000, 'points above 1000 are not supported')
	.refine((v) => !(v > 0 && v < 0.001), 'use 0 or at least 0.001 points');
