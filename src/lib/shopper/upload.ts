/**
 * Uploads one evidence file from the phone to the private `evidence` bucket.
 *
 * Path convention: `<organisation_id>/<call_id>/<client-uuid>.<ext>`, fixed when the file is picked,
 * so a retried upload goes to the same object and upsert makes the retry harmless.
 */
import type { SupabaseClient } from '@supabase/supabase-js';

/** The bucket evidence lives in (see the evidence-bucket migration). */
export const EVIDENCE_BUCKET = 'evidence';

export interface UploadEvidenceOptions {
	supabase: SupabaseClient;
	/** Bucket-relative object path, `<organisation_id>/<call_id>/<uuid>.<ext>`. */
	path: string;
	file: Blob;
	/** Called with the bytes the server holds so far and the file's size. */
	onProgress?: (sent: number, total: number) => void;
	signal?: AbortSignal;
	/** Defaults to `evidence`. */
	bucket?: string;
}

/**
 * Uploads `file` to `path` (replacing what is there) and resolves with the path once the object
 * exists. Rejects with the storage error, or with an `AbortError` when `signal` aborts.
 */
export async function uploadEvidence(opts: UploadEvidenceOptions): Promise<{ path: string }> {
	const { supabase, path, file, onProgress, signal } = opts;
	signal?.throwIfAborted();
	onProgress?.(0, file.size);
	const { error } = await supabase.storage
		.from(opts.bucket ?? EVIDENCE_BUCKET)
		.upload(path, file, { upsert: true, contentType: file.type || undefined });
	signal?.throwIfAborted();
	if (error) throw error;
	onProgress?.(file.size, file.size);
	return { path };
}
