/**
 * Reads an upload the two ways storage-js sends one: multipart form-data (a Blob or File: the fields
 * `cacheControl` and `metadata` come before the file part) or a raw body (Buffer, string, stream:
 * `content-type`, `cache-control` and a base64 JSON `x-metadata` header).
 */
import busboy from 'busboy';
import type { Readable } from 'node:stream';
import type { ApiRequest } from '../http/types';
import { errors } from './errors';

export interface Incoming {
	/** The file's bytes; must be consumed. */
	body: Readable;
	mimeType: string;
	cacheControl: string;
	userMetadata?: Record<string, unknown>;
	/** Declared length of a raw body, when the client sent one. */
	declaredLength?: number;
}

const MAX_METADATA = 1024 * 1024;

function parseMetadata(text: string | undefined): Record<string, unknown> | undefined {
	if (!text) return undefined;
	if (Buffer.byteLength(text) > MAX_METADATA) throw errors.tooLarge('user_metadata');
	try {
		const v = JSON.parse(text);
		return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
	} catch {
		return undefined; // storage-api ignores unparsable metadata
	}
}

/** Resolves once the file's bytes can be read (for multipart: when the file part starts). */
export function readIncoming(req: ApiRequest): Promise<Incoming> {
	const contentType = req.header('content-type') ?? '';
	if (!/^multipart\/form-data/i.test(contentType)) {
		const encoded = req.header('x-metadata');
		const declared = req.header('content-length');
		return Promise.resolve({
			body: req.raw,
			mimeType: contentType || 'application/octet-stream',
			cacheControl: req.header('cache-control') ?? 'no-cache',
			userMetadata: encoded
				? parseMetadata(Buffer.from(encoded, 'base64').toString('utf8'))
				: undefined,
			declaredLength: declared === undefined ? undefined : Number(declared)
		});
	}
	return new Promise((resolve, reject) => {
		let parser: busboy.Busboy;
		try {
			parser = busboy({
				headers: req.headers,
				limits: { files: 1, fields: 10, fieldSize: MAX_METADATA + 1 }
			});
		} catch {
			return reject(errors.noContent());
		}
		const fields: Record<string, string> = {};
		let gotFile = false;
		parser.on('field', (name, value) => {
			fields[name] = value;
		});
		parser.on('file', (_name, stream, info) => {
			if (gotFile) return stream.resume();
			gotFile = true;
			try {
				const cacheTime = fields.cacheControl;
				resolve({
					body: stream,
					mimeType: fields.contentType || info.mimeType || 'application/octet-stream',
					cacheControl: cacheTime ? `max-age=${cacheTime}` : 'no-cache',
					userMetadata: parseMetadata(fields.metadata ?? fields.userMetadata)
				});
			} catch (e) {
				stream.resume();
				reject(e);
			}
		});
		parser.on('error', () => reject(errors.noContent()));
		parser.on('close', () => {
			if (!gotFile) reject(errors.noContent());
		});
		req.raw.pipe(parser);
	});
}

/** Whether `mimeType` is one of `allowed` (`image/*` style wildcards included), as storage-api decides. */
export function mimeAllowed(mimeType: string, allowed: string[]): boolean {
	const [type, sub] = mimeType.split(';')[0].trim().toLowerCase().split('/');
	if (!type || !sub) return false;
	return allowed.some((a) => {
		const [aType, aSub] = a.split(';')[0].trim().toLowerCase().split('/');
		return aType === type && (aSub === '*' || aSub === sub);
	});
}
