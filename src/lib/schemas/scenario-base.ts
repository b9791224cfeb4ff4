/**
 * Building blocks shared by the scenario, checklist and answers schemas: ids, bilingual text, the
 * closed vocabularies (marker and timer kinds, severities, audit result codes, service-quality
 * categories) and the condition that both script branches and item visibility use.
 */
import { z } from 'zod';
import {
	markerKinds,
	serviceCategories,
	timerKinds,
	type ServiceCategory
} from './scenario-constants';

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

export {
	NA,
	auditResultCodes,
	localize,
	markerKinds,
	scenarioKinds,
	serviceCategories,
	severities,
	timerKinds
} from './scenario-constants';
export type {
	AuditResultCode,
	Locale,
	MarkerKind,
	ScenarioKind,
	ServiceCategory,
	Severity,
	TimerKind
} from './scenario-constants';

export const markerKindSchema = z.enum(markerKinds);
export const timerKindSchema = z.enum(timerKinds);
export const serviceCategorySchema = z.enum(
	Object.keys(serviceCategories) as [ServiceCategory, ...ServiceCategory[]]
);

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
