/** Picking an evidence file on the phone: the limits of submission.ts, a hash and a fixed path. */
import {
	EVIDENCE_MIME_TYPES,
	MAX_EVIDENCE_BYTES,
	MAX_EVIDENCE_FILES
} from '$lib/schemas/submission-limits';
import type { EvidenceRef } from '$lib/schemas/submission';
import type { LocalEvidence, RecordingPolicy } from '$lib/shopper/offline/types';

const EXT: Record<EvidenceRef['mime'], string> = {
	'audio/mpeg': 'mp3',
	'audio/mp4': 'm4a',
	'audio/aac': 'aac',
	'audio/ogg': 'ogg',
	'audio/webm': 'webm',
	'audio/wav': 'wav',
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/webp': 'webp'
};

/** The types the picker offers under `policy`: no audio where recording is not allowed. */
export function acceptedTypes(policy: RecordingPolicy): EvidenceRef['mime'][] {
	return EVIDENCE_MIME_TYPES.filter((t) => policy !== 'not_allowed' || t.startsWith('image/'));
}

export type PickProblem = 'type' | 'size' | 'many';

/** Why `file` cannot be attached, or null. */
export function checkFile(
	file: { type: string; size: number },
	policy: RecordingPolicy,
	count: number
): PickProblem | null {
	if (count >= MAX_EVIDENCE_FILES) return 'many';
	if (!(acceptedTypes(policy) as string[]).includes(file.type)) return 'type';
	if (file.size < 1 || file.size > MAX_EVIDENCE_BYTES) return 'size';
	return null;
}

/** Lowercase hex SHA-256 of `blob`, computed on the phone for the evidence reference. */
export async function sha256Hex(blob: Blob): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The local record of `file`, its bucket path fixed now so a resumed upload hits the same object. */
export async function describeFile(
	file: File,
	organisationId: string,
	callId: string
): Promise<LocalEvidence> {
	const id = crypto.randomUUID();
	const mime = file.type as EvidenceRef['mime'];
	return {
		id,
		name: file.name,
		mime,
		bytes: file.size,
		sha256: await sha256Hex(file),
		path: `${organisationId}/${callId}/${id}.${EXT[mime]}`,
		uploaded: false
	};
}
