/**
 * Uploads one evidence file from the phone to the private `evidence` bucket, resumably.
 *
 * Path convention: `<organisation_id>/<call_id>/<client-uuid>.<ext>`, fixed when the file is picked.
 * The upload speaks TUS to `/storage/v1/upload/resumable` through tus-js-client, the client Supabase
 * documents, imported only when a file is actually sent so it does not weigh on the call screen's
 * first load. Its URL store (localStorage in the browser) remembers each unfinished upload under the
 * bucket, path and size, so calling again with the same path and file after going offline, a reload
 * or a killed tab asks the server how far it got and sends only the rest. The server commits the
 * object at the last byte (upsert, so a retry after an unseen success is harmless).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { UrlStorage } from 'tus-js-client';
import { EVIDENCE_BUCKET } from '../evidence-bucket';
import { supabasePublicEnv } from '../supabase-env';

/** The bucket evidence lives in (see the evidence-bucket migration). */
export { EVIDENCE_BUCKET };
/** Supabase's resumable endpoint takes 6 MB chunks. */
const CHUNK_BYTES = 6 * 1024 * 1024;

export interface UploadEvidenceOptions {
	supabase: SupabaseClient;
	/** Bucket-relative object path, `<organisation_id>/<call_id>/<uuid>.<ext>`. */
	path: string;
	file: Blob;
	/** Called as bytes reach the server (XHR upload progress), with the file's size. */
	onProgress?: (sent: number, total: number) => void;
	/** Aborting stops the transfer and rejects with an `AbortError`; a later call resumes. */
	signal?: AbortSignal;
	/** Defaults to `evidence`. */
	bucket?: string;
	/** Where unfinished uploads are remembered; defaults to tus-js-client's (localStorage). */
	urlStorage?: UrlStorage;
	/** The TUS endpoint; defaults to `<PUBLIC_SUPABASE_URL>/storage/v1/upload/resumable`. */
	endpoint?: string;
}

const abortError = () => new DOMException('The upload was aborted', 'AbortError');

/** The bytes to send: the Blob in a browser; tus-js-client on Node (tests) reads Buffers only. */
async function source(file: Blob): Promise<Blob | Buffer> {
	const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
	return typeof window === 'undefined' && NodeBuffer
		? NodeBuffer.from(await file.arrayBuffer())
		: file;
}

/**
 * Uploads `file` to `path` (replacing what is there) and resolves with the path once the object
 * exists; resumes an earlier, interrupted upload of the same path and size. Rejects with the
 * server's error, or with an `AbortError` when `signal` aborts.
 */
export async function uploadEvidence(opts: UploadEvidenceOptions): Promise<{ path: string }> {
	const { supabase, path, file, onProgress, signal } = opts;
	const bucket = opts.bucket ?? EVIDENCE_BUCKET;
	signal?.throwIfAborted();
	const [url, anonKey] = supabasePublicEnv();
	const [{ Upload }, input] = await Promise.all([import('tus-js-client'), source(file)]);
	signal?.throwIfAborted();

	return new Promise((resolve, reject) => {
		const upload = new Upload(input, {
			endpoint: opts.endpoint ?? `${url}/storage/v1/upload/resumable`,
			chunkSize: CHUNK_BYTES,
			retryDelays: [0, 1000, 3000, 5000, 10_000, 20_000],
			uploadDataDuringCreation: true,
			removeFingerprintOnSuccess: true,
			...(opts.urlStorage ? { urlStorage: opts.urlStorage } : {}),
			// One key per object and size: two evidence blobs never share an unfinished upload.
			fingerprint: async () => `evidence-upload:${bucket}:${path}:${file.size}`,
			headers: { apikey: anonKey, 'x-upsert': 'true' },
			metadata: {
				bucketName: bucket,
				objectName: path,
				contentType: file.type || 'application/octet-stream',
				cacheControl: '3600'
			},
			// The session may be refreshed during a long upload: every request takes the current token.
			onBeforeRequest: async (req) => {
				const { data } = await supabase.auth.getSession();
				req.setHeader('authorization', `Bearer ${data.session?.access_token ?? anonKey}`);
			},
			onProgress: (sent, total) => onProgress?.(sent, total),
			onSuccess: () => {
				signal?.removeEventListener('abort', stop);
				resolve({ path });
			},
			onError: (e) => {
				signal?.removeEventListener('abort', stop);
				reject(e);
			}
		});
		// Abort keeps the server's copy, so the next call resumes rather than starting over.
		const stop = () => {
			void upload.abort(false);
			reject(abortError());
		};
		signal?.addEventListener('abort', stop, { once: true });
		onProgress?.(0, file.size);
		upload
			.findPreviousUploads()
			.then((previous) => {
				if (signal?.aborted) return;
				if (previous.length > 0) upload.resumeFromPreviousUpload(previous[0]);
				upload.start();
			})
			.catch(reject);
	});
}
