/**
 * The closed vocabularies of scenarios (marker and timer kinds, severities, audit result codes,
 * service-quality categories) and `localize`, without zod: the phone's call screen and the scoring
 * engine need these values, and importing them from the schema modules would ship zod with them.
 * scenario-base.ts re-exports everything here next to the schemas built on it.
 */
export type Locale = 'en' | 'zh-CN';

/** The text in the wanted locale, falling back to the other one. */
export function localize(value: Partial<Record<Locale, string>>, locale: Locale): string {
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
export type MarkerKind = (typeof markerKinds)[number];

export const timerKinds = ['time_to_answer', 'hold', 'talk'] as const;
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

/** The answer written for "not applicable" on any item type that allows it. */
export const NA = 'na';
