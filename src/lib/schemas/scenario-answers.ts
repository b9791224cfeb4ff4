/**
 * What a shopper or auditor records against a scenario version: item answers keyed by item id,
 * notes, tapped markers (milliseconds from the start of the call) and timer readings (ms).
 * `answersSchema` checks the shape; `answersSchemaFor(content)` also checks every answer against
 * the scenario it belongs to.
 */
import { z } from 'zod';
import type { ScenarioContent } from './scenario';
import { idSchema, markerKindSchema, timerKinds } from './scenario-base';
import { acceptsAnswer, type ChecklistItem } from './scenario-checklist';

/** A string, a number, `'na'` for not applicable, or null for an answer that was cleared. */
export const answerValueSchema = z.union([z.string().max(20_000), z.number(), z.null()]);
export type AnswerValue = z.output<typeof answerValueSchema>;

const ms = z.number().int().min(0);

/** A tap on a marker button; custom markers carry the id of their definition. */
export const recordedMarkerSchema = z
	.strictObject({ kind: markerKindSchema, t: ms, id: idSchema.optional() })
	.refine((m) => m.kind !== 'custom' || m.id !== undefined, {
		message: 'a custom marker needs the id of its definition',
		path: ['id']
	});
export type RecordedMarker = z.output<typeof recordedMarkerSchema>;

export const answersSchema = z.strictObject({
	items: z.record(idSchema, answerValueSchema).default({}),
	notes: z.record(idSchema, z.string().max(20_000)).default({}),
	markers: z.array(recordedMarkerSchema).default([]),
	timings: z
		.strictObject({ time_to_answer: ms.optional(), hold: ms.optional(), talk: ms.optional() })
		.prefault({})
});
export type Answers = z.output<typeof answersSchema>;
export type AnswersInput = z.input<typeof answersSchema>;

/** Every item of a scenario by id. */
export function itemsById(content: ScenarioContent): Map<string, ChecklistItem> {
	return new Map(content.checklist.sections.flatMap((s) => s.items.map((i) => [i.id, i])));
}

/**
 * The answers schema bound to one scenario version: item ids must exist and each value must
 * suit its item, markers must be defined by the scenario and timers enabled in it.
 */
export function answersSchemaFor(content: ScenarioContent) {
	const items = itemsById(content);
	const markers = content.kind === 'mystery_call' ? content.markers : [];
	const timers = new Set<string>(content.kind === 'mystery_call' ? content.timers : []);
	return answersSchema.superRefine((answers, ctx) => {
		const report = (path: (string | number)[], message: string) =>
			ctx.addIssue({ code: 'custom', path, message });
		for (const [id, value] of Object.entries(answers.items)) {
			const item = items.get(id);
			if (!item) report(['items', id], `unknown item "${id}"`);
			else if (value !== null && !acceptsAnswer(item, value))
				report(['items', id], `${JSON.stringify(value)} is not a possible answer of this item`);
		}
		for (const id of Object.keys(answers.notes))
			if (!items.has(id)) report(['notes', id], `unknown item "${id}"`);
		answers.markers.forEach((m, i) => {
			const defined = markers.some(
				(d) => d.kind === m.kind && (m.id === undefined || m.id === d.id)
			);
			if (!defined)
				report(['markers', i], `marker ${m.id ?? m.kind} is not defined by the scenario`);
		});
		for (const timer of timerKinds)
			if (answers.timings[timer] !== undefined && !timers.has(timer))
				report(['timings', timer], `timer "${timer}" is not enabled for this scenario`);
	});
}
