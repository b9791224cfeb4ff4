/**
 * What leaves the phone: the draft as a `SubmissionInput`, every note masked by the shared PII
 * masker except the findings the shopper undid.
 */
import { maskPii, type MaskResult } from '../../domain/pii';
import type { MysteryCallContent } from '../../schemas/scenario';
import type { EvidenceRef, SubmissionInput } from '../../schemas/submission';
import { draftAnswers } from './answers';
import type { CallDraft } from './types';

/** The general note's key in `piiKeep`; item notes use their item id. */
export const GENERAL_NOTE = '';

/** `text` masked, keeping what the shopper undid for note `key`. */
export function maskNote(d: CallDraft, key: string, text: string): MaskResult {
	return maskPii(text, { keep: d.piiKeep[key] ?? [] });
}

/** The submission body for `d`, timers read at the hang-up (or `now`). */
export function toSubmission(
	content: MysteryCallContent,
	d: CallDraft,
	now: number
): SubmissionInput {
	const answers = draftAnswers(content, d, now);
	const itemNotes = Object.fromEntries(
		Object.entries(d.itemNotes)
			.filter(([, text]) => text.trim() !== '')
			.map(([id, text]) => [id, maskNote(d, id, text).text])
	);
	const evidence: EvidenceRef[] = d.evidence
		.filter((e) => e.uploaded)
		.map(({ path, sha256, bytes, mime }) => ({ path, sha256, bytes, mime }));
	return {
		callId: d.callId,
		idempotencyKey: d.idempotencyKey,
		answers: answers.items,
		itemNotes,
		markers: answers.markers,
		timings: answers.timings,
		notes: maskNote(d, GENERAL_NOTE, d.notes).text,
		evidence,
		clientVersion: d.clientVersion
	};
}
