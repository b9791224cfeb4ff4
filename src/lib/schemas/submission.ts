/**
 * What the phone sends when a shopper submits a call, checked the same way on the phone and on the
 * server. `submissionSchema` checks the shape; `answersOfSubmission` turns it into the `Answers`
 * that `answersSchemaFor(content)` checks against the call's scenario version and the engine scores.
 */
import { z } from 'zod';
import {
	answersSchema,
	answerValueSchema,
	recordedMarkerSchema,
	type Answers
} from './scenario-answers';
import { idSchema } from './scenario-base';
import {
	EVIDENCE_MIME_TYPES,
	MAX_EVIDENCE_BYTES,
	MAX_EVIDENCE_FILES,
	MAX_NOTE_LENGTH
} from './submission-limits';

export {
	EVIDENCE_MIME_TYPES,
	MAX_EVIDENCE_BYTES,
	MAX_EVIDENCE_FILES,
	MAX_NOTE_LENGTH
} from './submission-limits';

const ms = z.number().int().min(0);

/** A file already uploaded to the `evidence` bucket; the path is relative to the bucket. */
export const evidenceRefSchema = z.strictObject({
	path: z
		.string()
		.min(1)
		.max(512)
		.regex(/^[\w-]+(\/[\w.-]+)*$/, 'a path inside the evidence bucket')
		.refine((p) => !p.split('/').some((part) => part === '..' || part === '.'), {
			message: 'a path inside the evidence bucket'
		}),
	sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256'),
	bytes: z.number().int().min(1).max(MAX_EVIDENCE_BYTES),
	mime: z.enum(EVIDENCE_MIME_TYPES)
});
export type EvidenceRef = z.output<typeof evidenceRefSchema>;

export const submissionSchema = z.strictObject({
	callId: z.uuid(),
	/** Made on the phone once per call and sent with every retry. */
	idempotencyKey: z.uuid(),
	/** Item answers by item id. */
	answers: z.record(idSchema, answerValueSchema).default({}),
	/** Per-item notes by item id. */
	itemNotes: z.record(idSchema, z.string().max(MAX_NOTE_LENGTH)).default({}),
	markers: z.array(recordedMarkerSchema).max(1000).default([]),
	timings: z
		.strictObject({ time_to_answer: ms.optional(), hold: ms.optional(), talk: ms.optional() })
		.prefault({}),
	/** The general note, masked on the phone; the server masks whatever it still finds. */
	notes: z.string().max(MAX_NOTE_LENGTH).default(''),
	evidence: z.array(evidenceRefSchema).max(MAX_EVIDENCE_FILES).default([]),
	/** The phone's edit counter, rising with every change. */
	clientVersion: z.number().int().min(0).max(2_147_483_647),
	/** The phone's preview score; accepted so old clients parse, never stored or trusted. */
	clientScore: z.unknown().optional(),
	/** Who answered (name or staff id), optional; audit staff read it, vendors see a pseudonym. */
	agent: z.string().trim().max(200).optional()
});
export type Submission = z.output<typeof submissionSchema>;
export type SubmissionInput = z.input<typeof submissionSchema>;

/** The answers a submission records, in the shape the scenario schema and the engine take. */
export function answersOfSubmission(s: Submission): Answers {
	return answersSchema.parse({
		items: s.answers,
		notes: s.itemNotes,
		markers: s.markers,
		timings: s.timings
	});
}

/**
 * Zod issues as `{ "answers.q1": message }`, the first message per path; the phone shows them
 * beside the field. `prefix` maps an issue of the answers schema back to the submission's field.
 */
export function fieldErrors(
	issues: readonly z.core.$ZodIssue[],
	prefix: (path: PropertyKey[]) => PropertyKey[] = (p) => p
): Record<string, string> {
	const out: Record<string, string> = {};
	for (const issue of issues) {
		const key = prefix(issue.path).map(String).join('.') || '_';
		out[key] ??= issue.message;
	}
	return out;
}

/** Where an issue of `answersSchemaFor` lives in the submission the phone sent. */
export function submissionPath(path: PropertyKey[]): PropertyKey[] {
	const [head, ...rest] = path;
	if (head === 'items') return ['answers', ...rest];
	if (head === 'notes') return ['itemNotes', ...rest];
	return path;
}
