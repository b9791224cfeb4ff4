/** A submission's limits, without zod, so the phone can show them without loading the schemas. */
/** The longest general note, in characters. */
export const MAX_NOTE_LENGTH = 20_000;
/** The most evidence files one call may reference. */
export const MAX_EVIDENCE_FILES = 20;
/** The largest evidence file, in bytes (an hour of compressed audio fits). */
export const MAX_EVIDENCE_BYTES = 100 * 1024 * 1024;
/** The kinds of evidence file a shopper may attach: call audio or a screenshot. */
export const EVIDENCE_MIME_TYPES = [
	'audio/mpeg',
	'audio/mp4',
	'audio/aac',
	'audio/ogg',
	'audio/webm',
	'audio/wav',
	'image/png',
	'image/jpeg',
	'image/webp'
] as const;
