/**
 * Checklist sections and items. Every item type shares the base fields (label, weight, clauses,
 * severity, critical, bonus, category, visibility); the type adds how it is answered and scored.
 * Cross-field rules (unique ids, references, cycles) live in scenario-refine.ts.
 */
import { z } from 'zod';
import { isClauseCode } from '../domain/clauses';
import {
	bilingualSchema,
	conditionSchema,
	idSchema,
	pointsSchema,
	serviceCategorySchema,
	severities,
	timerKindSchema,
	weightSchema
} from './scenario-base';

const clauseCodeSchema = z
	.string()
	.refine(isClauseCode, { message: 'unknown clause code: pick one from the clause catalogue' });

const itemBase = {
	id: idSchema,
	label: bilingualSchema,
	help: bilingualSchema.optional(),
	weight: weightSchema,
	clauses: z.array(clauseCodeSchema).default([]),
	severity: z.enum(severities).optional(),
	/** Overrides the severity default (C ⇒ critical); a failed critical item fails the call. */
	critical: z.boolean().optional(),
	/** Adds to earned points without adding to possible points. */
	bonus: z.boolean().default(false),
	/** Service-quality category; falls back to the section's. */
	category: serviceCategorySchema.optional(),
	visibleWhen: conditionSchema.optional(),
	required: z.boolean().default(true),
	allowNa: z.boolean().default(true)
};

/** A score band: the first band whose inclusive [min, max] holds the value gives its points. */
const bandSchema = z.strictObject({
	min: z.number().optional(),
	max: z.number().optional(),
	points: pointsSchema
});

/** Marker ids refer to the scenario's marker definitions; seconds are compared with ms / 1000. */
export const markerRuleSchema = z.discriminatedUnion('kind', [
	z.strictObject({
		kind: z.literal('before'),
		first: idSchema,
		then: idSchema,
		/** When `then` was never tapped the order cannot have been broken, so it passes by default. */
		whenAbsent: z.enum(['pass', 'fail', 'na']).default('pass')
	}),
	z.strictObject({
		kind: z.literal('within'),
		from: idSchema,
		to: idSchema,
		maxSeconds: z.number().min(0),
		whenAbsent: z.enum(['pass', 'fail', 'na']).default('na')
	}),
	z.strictObject({ kind: z.literal('present'), marker: idSchema }),
	z.strictObject({ kind: z.literal('absent'), marker: idSchema }),
	z.strictObject({ kind: z.literal('max_count'), marker: idSchema, max: z.number().int().min(0) }),
	z.strictObject({
		kind: z.literal('timer_max'),
		timer: timerKindSchema,
		maxSeconds: z.number().min(0)
	})
]);
export type MarkerRule = z.output<typeof markerRuleSchema>;

export const itemSchema = z.discriminatedUnion('type', [
	z.strictObject({
		...itemBase,
		type: z.literal('yes_no_na'),
		/** Which answer earns the points, so items may be phrased either way. */
		passAnswer: z.enum(['yes', 'no']).default('yes')
	}),
	z.strictObject({
		...itemBase,
		type: z.literal('scale'),
		min: z.number().int(),
		max: z.number().int()
	}),
	z.strictObject({
		...itemBase,
		type: z.literal('single_choice'),
		options: z
			.array(z.strictObject({ id: idSchema, label: bilingualSchema, points: pointsSchema }))
			.min(1)
	}),
	z.strictObject({
		...itemBase,
		type: z.literal('number'),
		unit: z.string().max(20).optional(),
		min: z.number().optional(),
		max: z.number().optional(),
		bands: z.array(bandSchema).default([])
	}),
	z.strictObject({
		...itemBase,
		type: z.literal('duration'),
		/** Pre-fills the answer (in seconds) from a call timer. */
		fromTimer: timerKindSchema.optional(),
		bands: z.array(bandSchema).default([])
	}),
	z.strictObject({ ...itemBase, type: z.literal('text'), multiline: z.boolean().default(false) }),
	z.strictObject({ ...itemBase, type: z.literal('marker_derived'), rule: markerRuleSchema }),
	z.strictObject({ ...itemBase, type: z.literal('audit_result') })
]);
export type ChecklistItem = z.output<typeof itemSchema>;
export type ItemType = ChecklistItem['type'];

export const sectionSchema = z.strictObject({
	id: idSchema,
	title: bilingualSchema,
	weight: weightSchema,
	category: serviceCategorySchema.optional(),
	visibleWhen: conditionSchema.optional(),
	items: z.array(itemSchema).default([])
});
export type ChecklistSection = z.output<typeof sectionSchema>;

export { acceptsAnswer, isCritical, isScorable } from './scenario-items';
