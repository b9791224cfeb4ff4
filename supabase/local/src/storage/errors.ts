/**
 * Supabase Storage's error shape. Storage answers `{statusCode, error, message}` where `statusCode` is
 * a string naming the real condition ("404", "409", "413"…) while the HTTP status itself is 400 for
 * every client error and 500 for server errors: supabase-js and apps read `error.statusCode`, so the
 * local stack keeps that quirk rather than "fixing" it.
 */
import { HttpError } from '../http/types';
import type { PgError } from '../db/driver';

/** An error answered in storage's shape; `code` is storage's statusCode (the HTTP status is 400/500). */
export class StorageError extends HttpError {
	constructor(code: number, error: string, message: string) {
		super(code >= 500 ? 500 : 400, { statusCode: String(code), error, message });
	}
}

export const errors = {
	noSuchBucket: () => new StorageError(404, 'Bucket not found', 'Bucket not found'),
	noSuchKey: () => new StorageError(404, 'not_found', 'Object not found'),
	invalidKey: (key: string) => new StorageError(400, 'InvalidKey', `Invalid key: ${key}`),
	invalidBucketName: () => new StorageError(400, 'Invalid Input', 'Bucket name invalid'),
	duplicate: () => new StorageError(409, 'Duplicate', 'The resource already exists'),
	bucketNotEmpty: () =>
		new StorageError(409, 'InvalidRequest', 'The bucket you tried to delete is not empty'),
	accessDenied: (message: string) => new StorageError(403, 'Unauthorized', message),
	tooLarge: (entity = 'object') =>
		new StorageError(413, 'Payload too large', `The ${entity} exceeded the maximum allowed size`),
	invalidMime: (mime: string) =>
		new StorageError(415, 'invalid_mime_type', `mime type ${mime} is not supported`),
	invalidJwt: (message: string) => new StorageError(400, 'InvalidJWT', message),
	invalidSignature: () => new StorageError(400, 'InvalidSignature', 'Invalid signature'),
	invalidParameter: (message: string) => new StorageError(400, 'InvalidParameter', message),
	invalidRequest: (message: string) => new StorageError(400, 'InvalidRequest', message),
	noContent: () => new StorageError(400, 'InvalidRequest', 'No content provided'),
	notSupported: (what: string) =>
		new StorageError(400, 'NotSupported', `${what} is not supported by the local stack`),
	relatedNotFound: () =>
		new StorageError(404, 'InvalidRequest', 'The related resource does not exist')
};

/** Maps a Postgres error the way storage-api's DBError.fromDBError does; anything else is rethrown. */
export function fromDbError(e: unknown): unknown {
	const pg = e as PgError;
	switch (pg?.code) {
		case '42501':
			return errors.accessDenied(
				pg.message.includes('row-level security')
					? 'new row violates row-level security policy'
					: pg.message
			);
		case '23505':
			return errors.duplicate();
		case '23503':
			return errors.relatedNotFound();
		case '22P02':
			return errors.invalidParameter(
				pg.message || 'Invalid value format or type conversion failed'
			);
		default:
			return e;
	}
}
