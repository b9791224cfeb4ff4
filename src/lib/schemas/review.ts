/**
 * Inputs of the review, findings and calibration server functions (src/lib/server/review). Error
 * messages are codes ('required', 'too_long', …) the screens localise.
 */
import { z } from 'zod';
import { answerValueSchema } from './scenario-answers';
import { idSchema } from './scenario-base';
import { evidenceRefSchema } from './submission';

const text = (max: number) =>
	z
		.string({ error: 'required' })
		.trim()
		.min(1, { error: 'required' })
		.max(max, { error: 'too_long' });

export const overrideSchema = z.strictObject({
	callId: z.uuid({ error: 'invalid' }),
	itemId: idSchema,
	value: answerValueSchema,
	reason: text(4000)
});
export const sendBackSchema = z.strictObject({
	callId: z.uuid({ error: 'invalid' }),
	comment: text(4000)
});
export const approveSchema = z.strictObject({ callId: z.uuid({ error: 'invalid' }) });

export const planSchema = z.strictObject({
	findingId: z.uuid({ error: 'invalid' }),
	actions: z
		.array(
			z.strictObject({
				title: text(500),
				owner: text(200),
				due_date: z.iso.date({ error: 'invalid' }),
				status: z.enum(['planned', 'in_progress', 'done']).default('planned'),
				evidence: z.array(evidenceRefSchema).max(20).default([])
			})
		)
		.min(1, { error: 'required' })
		.max(50, { error: 'too_many' })
});

export const disputeReasons = [
	'misheard',
	'wrong_standard',
	'not_applicable',
	'evidence_contradicts',
	'other'
] as const;
export const disputeSchema = z.strictObject({
	findingId: z.uuid({ error: 'invalid' }),
	callId: z.uuid({ error: 'invalid' }),
	reasonCode: z.enum(disputeReasons, { error: 'invalid' }),
	comment: text(4000),
	evidence: z.array(evidenceRefSchema).max(20).default([])
});

export const decisionSchema = z.strictObject({
	disputeId: z.uuid({ error: 'invalid' }),
	decision: z.enum(['accepted', 'partly_accepted', 'rejected'], { error: 'invalid' }),
	comment: text(4000),
	/** The answer to set; required for partly_accepted, defaults to the passing answer for accepted. */
	newValue: answerValueSchema.optional()
});

export const findingStatusSchema = z.strictObject({
	findingId: z.uuid({ error: 'invalid' }),
	status: z.enum(['open', 'in_remediation', 'closed', 'withdrawn'], { error: 'invalid' }),
	comment: z.string().trim().max(4000, { error: 'too_long' }).default('')
});

export const calibrationSessionSchema = z
	.strictObject({
		callId: z.uuid({ error: 'invalid' }),
		title: z.string().trim().max(200, { error: 'too_long' }).default(''),
		evaluators: z
			.array(z.uuid({ error: 'invalid' }))
			.min(2, { error: 'too_few' })
			.max(30),
		benchmark: z.uuid({ error: 'invalid' }),
		dueAt: z.iso.datetime({ offset: true, error: 'invalid' }).optional()
	})
	.refine((s) => !s.evaluators.includes(s.benchmark), {
		error: 'benchmark_is_evaluator',
		path: ['benchmark']
	});

export const calibrationAnswersSchema = z.strictObject({
	sessionId: z.uuid({ error: 'invalid' }),
	items: z.record(idSchema, answerValueSchema)
});

export const reviewQueueSchema = z.strictObject({
	status: z
		.array(z.enum(['submitted', 'in_progress', 'reviewed', 'closed']))
		.default(['submitted']),
	programmeId: z.uuid().optional(),
	siteId: z.uuid().optional(),
	scenarioId: z.uuid().optional(),
	from: z.iso.date().optional(),
	to: z.iso.date().optional(),
	limit: z.number().int().min(1).max(200).default(50)
});

/** Zod issues as `{ field: code }`, the first code per field. */
export function issueCodes(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const i of issues) out[i.path.map(String).join('.') || '_'] ??= i.message;
	return out;
}
