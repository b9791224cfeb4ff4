/**
 * The content of one scenario version, stored as jsonb and frozen once published. Parse with
 * `scenarioContentSchema` (defaults filled, unknown keys rejected, cross-field rules checked) and
 * store the parsed output, so every reader sees the same normalised document.
 */
import { z } from 'zod';
import { bilingualSchema, timerKindSchema } from './scenario-base';
import { sectionSchema } from './scenario-checklist';
import { checkScenario } from './scenario-refine';
import { markerDefinitionSchema, personaSchema, stepSchema } from './scenario-script';

/**
 * How a scenario turns answers into a score. Defaults: a failed critical item zeroes and flags the
 * call (the reference doc's default); bonus points may lift a score above 100 %; vendor-audit
 * results earn COM 1, OBS 1, MIN ½, MAJ 0 of an item's points.
 */
export const scoringSettingsSchema = z.strictObject({
	criticalMode: z.enum(['zero_and_flag', 'show_score_mark_failed']).default('zero_and_flag'),
	capBonusAt100: z.boolean().default(false),
	auditPoints: z
		.strictObject({
			COM: z.number().min(0).max(1).default(1),
			OBS: z.number().min(0).max(1).default(1),
			MIN: z.number().min(0).max(1).default(0.5),
			MAJ: z.number().min(0).max(1).default(0)
		})
		.prefault({})
});
export type ScoringSettings = z.output<typeof scoringSettingsSchema>;

const common = {
	schemaVersion: z.literal(1).default(1),
	title: bilingualSchema,
	description: bilingualSchema.optional(),
	checklist: z.strictObject({ sections: z.array(sectionSchema).default([]) }).prefault({}),
	scoring: scoringSettingsSchema.prefault({})
};

const mysteryCallSchema = z.strictObject({
	...common,
	kind: z.literal('mystery_call'),
	persona: personaSchema,
	script: z.strictObject({ steps: z.array(stepSchema).default([]) }).prefault({}),
	markers: z.array(markerDefinitionSchema).default([]),
	timers: z.array(timerKindSchema).default([])
});

const vendorAuditSchema = z.strictObject({
	...common,
	kind: z.literal('vendor_audit'),
	auditMode: z.enum(['site_visit', 'questionnaire']).default('site_visit')
});

/** Field shapes only; `scenarioContentSchema` adds the cross-field rules. */
export const scenarioShapeSchema = z.discriminatedUnion('kind', [
	mysteryCallSchema,
	vendorAuditSchema
]);
export type ScenarioContent = z.output<typeof scenarioShapeSchema>;
export type ScenarioContentInput = z.input<typeof scenarioShapeSchema>;

export const scenarioContentSchema = scenarioShapeSchema.superRefine(checkScenario);
export type MysteryCallContent = Extract<ScenarioContent, { kind: 'mystery_call' }>;

export * from './scenario-base';
export * from './scenario-checklist';
export * from './scenario-script';
