/** The mystery-call script: persona, steps with branches, marker buttons and timers. */
import { z } from 'zod';
import { bilingualSchema, conditionSchema, idSchema, markerKindSchema } from './scenario-base';

/** Callers use made-up identities only; the designer must say so explicitly. */
export const personaSchema = z.strictObject({
	name: bilingualSchema,
	pretext: bilingualSchema,
	facts: z
		.array(z.strictObject({ id: idSchema, label: bilingualSchema, value: bilingualSchema }))
		.default([]),
	synthetic: z.literal(true, { message: 'personas must use synthetic identities only' })
});
export type Persona = z.output<typeof personaSchema>;

/** A button the shopper taps during the call; built-in kinds appear at most once. */
export const markerDefinitionSchema = z.strictObject({
	id: idSchema,
	kind: markerKindSchema,
	label: bilingualSchema
});
export type MarkerDefinition = z.output<typeof markerDefinitionSchema>;

/** Branches are tried in order; the first whose condition holds decides the next step. */
export const branchSchema = z.strictObject({ when: conditionSchema, goto: idSchema });

export const stepSchema = z
	.strictObject({
		id: idSchema,
		title: bilingualSchema.optional(),
		say: bilingualSchema.optional(),
		listenFor: bilingualSchema.optional(),
		/** Marker buttons to put forward on this step's screen. */
		markers: z.array(idSchema).default([]),
		branches: z.array(branchSchema).default([]),
		/** Where to go when no branch matches; the next step in order when omitted. */
		next: idSchema.optional(),
		end: z.boolean().default(false)
	})
	.refine((s) => s.say || s.listenFor, {
		message: 'a step needs something to say or to listen for',
		path: ['say']
	});
export type ScriptStep = z.output<typeof stepSchema>;
