/**
 * `/upload/resumable`: the subset of TUS 1.0.0 Supabase Storage serves, as tus-js-client uses it
 * (core protocol plus creation, creation-with-upload, termination; no defer-length, concatenation or
 * checksums). An upload lives under `<dataDir>/storage-tus/<id>/` (`info.json` + `data`) until its
 * last byte arrives; only then is it committed exactly like a simple upload (row written as the
 * caller, so RLS INSERT/UPSERT decides; file renamed into place as the transaction's last step), so a
 * half upload is never an object. The offset is the data file's size, so bytes a dropped PATCH did
 * deliver are kept and the client resumes after them. Only the user who created an upload may see or
 * continue it. Limits (bucket size and MIME) are checked when the upload is created.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Claims } from '../db/rls';
import type { ApiRequest, ApiResponse, StackContext } from '../http/types';
import { findBucketAdmin } from './db';
import { errors, StorageError } from './errors';
import { mimeAllowed } from './incoming';
import { mustBeValidBucketName, mustBeValidKey } from './paths';
import { requireCaller } from './request';
import { canUpload, commitVersion, GLOBAL_FILE_SIZE_LIMIT, type UploadTarget } from './upload';

const TUS = { 'tus-resumable': '1.0.0' };
/** How long an unfinished upload is kept (Supabase: 24 hours). */
export const TUS_EXPIRY_MS = 24 * 3600_000;
const ID = /^[0-9a-f-]{36}$/;

interface UploadInfo {
	bucket: string;
	key: string;
	length: number;
	contentType: string;
	cacheControl: string;
	upsert: boolean;
	/** The creating user's `sub` (or role, for keys without one). */
	owner: string;
	createdAt: number;
}

const tusRoot = (ctx: StackContext) => path.join(ctx.config.dataDir, 'storage-tus');
const dirOf = (ctx: StackContext, id: string) => path.join(tusRoot(ctx), id);
const ownerKey = (c: Claims) => String(c.sub ?? `role:${c.role}`);

/**
 * TUS errors carry storage's error body, the Tus-Resumable header and the real HTTP status (TUS
 * clients act on it: 404 starts over, 409 re-reads the offset, other 4xx are final).
 */
function tusError(e: StorageError | number, message?: string): StorageError {
	const err = typeof e === 'number' ? new StorageError(e, 'TusError', message ?? '') : e;
	const code = Number((err.body as { statusCode?: string }).statusCode);
	if (code >= 400 && code < 500) err.status = code;
	err.headers = { ...err.headers, ...TUS };
	return err;
}

/** Parses `Upload-Metadata: key base64,key base64`. */
export function parseMetadata(header: string | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const pair of (header ?? '').split(',')) {
		const [k, v] = pair.trim().split(' ');
		if (k) out[k] = v ? Buffer.from(v, 'base64').toString('utf8') : '';
	}
	return out;
}

async function loadInfo(ctx: StackContext, id: string, claims: Claims): Promise<UploadInfo> {
	if (!ID.test(id)) throw tusError(404, 'Upload not found');
	const text = await fs.readFile(path.join(dirOf(ctx, id), 'info.json'), 'utf8').catch(() => null);
	const info = text ? (JSON.parse(text) as UploadInfo) : null;
	// Someone else's upload is "not found", not "forbidden": ids are not to be probed.
	if (!info || info.owner !== ownerKey(claims) || Date.now() - info.createdAt > TUS_EXPIRY_MS) {
		throw tusError(404, 'Upload not found');
	}
	return info;
}

function md5OfFile(file: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const hash = createHash('md5');
		createReadStream(file)
			.on('data', (c) => hash.update(c))
			.on('end', () => resolve(`"${hash.digest('hex')}"`))
			.on('error', reject);
	});
}

const offsetOf = async (ctx: StackContext, id: string) =>
	(await fs.stat(path.join(dirOf(ctx, id), 'data')).catch(() => null))?.size ?? 0;

/** Appends `source` to `file`, at most `max` bytes; keeps whatever arrived if the client goes away. */
function append(file: string, source: Readable, max: number): Promise<void> {
	return fs.open(file, 'a').then(
		(handle) =>
			new Promise<void>((resolve, reject) => {
				let written = 0;
				let done = false;
				let pending: Promise<unknown> = Promise.resolve();
				const finish = (e?: unknown) => {
					if (done) return;
					done = true;
					source.resume();
					pending
						.catch(() => undefined)
						.then(() => handle.sync())
						.finally(() => handle.close())
						.then(() => (e ? reject(e) : resolve()), reject);
				};
				source.on('data', (chunk: Buffer) => {
					if (done) return;
					if (written + chunk.length > max) return finish(tusError(413, 'Upload-Length exceeded'));
					written += chunk.length;
					source.pause();
					pending = handle.write(chunk).then(() => !done && source.resume(), finish);
				});
				source.on('end', () => finish());
				source.on('error', () => finish(tusError(400, 'The upload was aborted')));
				source.on('close', () => finish(tusError(400, 'The upload was aborted')));
			})
	);
}

/** One PATCH at a time per upload: a client that reconnects waits for its dropped request to end. */
const busy = new Map<string, Promise<unknown>>();
async function exclusive<T>(id: string, fn: () => Promise<T>): Promise<T> {
	const before = busy.get(id) ?? Promise.resolve();
	const run = before.catch(() => undefined).then(fn);
	busy.set(id, run);
	try {
		return await run;
	} finally {
		if (busy.get(id) === run) busy.delete(id);
	}
}

/** Writes the body at `offset`; commits the object when the last byte is in. Returns the new offset. */
async function receive(
	req: ApiRequest,
	ctx: StackContext,
	id: string,
	info: UploadInfo,
	claims: Claims
): Promise<number> {
	if (!/^application\/offset\+octet-stream/i.test(req.header('content-type') ?? '')) {
		throw tusError(415, 'Content-Type must be application/offset+octet-stream');
	}
	const claimed = Number(req.header('upload-offset'));
	return exclusive(id, async () => {
		const offset = await offsetOf(ctx, id);
		if (!Number.isInteger(claimed) || claimed !== offset) {
			throw tusError(409, `Upload-Offset is ${offset}`);
		}
		const data = path.join(dirOf(ctx, id), 'data');
		await append(data, req.raw, info.length - offset);
		const now = await offsetOf(ctx, id);
		if (now === info.length) await finish(ctx, id, info, claims);
		return now;
	});
}

/** Commits a complete upload as the object, as the caller; the upload is gone either way. */
async function finish(ctx: StackContext, id: string, info: UploadInfo, claims: Claims) {
	const dir = dirOf(ctx, id);
	const data = path.join(dir, 'data');
	const target: UploadTarget = { bucket: info.bucket, key: info.key, upsert: info.upsert, claims };
	const metadata = {
		eTag: await md5OfFile(data),
		size: info.length,
		mimetype: info.contentType,
		cacheControl: info.cacheControl,
		lastModified: new Date().toISOString(),
		contentLength: info.length,
		httpStatusCode: 200
	};
	try {
		await commitVersion(ctx, target, data, metadata, null);
	} catch (e) {
		throw tusError(e instanceof StorageError ? e : errors.invalidRequest(String(e)));
	} finally {
		await fs.rm(dir, { recursive: true, force: true });
	}
}

/** Removes uploads older than the expiry; run now and then on create. */
async function sweep(ctx: StackContext) {
	const cutoff = Date.now() - TUS_EXPIRY_MS;
	for (const id of await fs.readdir(tusRoot(ctx)).catch(() => [] as string[])) {
		const stat = await fs.stat(path.join(tusRoot(ctx), id)).catch(() => null);
		if (stat && stat.mtimeMs < cutoff && !busy.has(id)) {
			await fs.rm(path.join(tusRoot(ctx), id), { recursive: true, force: true });
		}
	}
}

async function create(req: ApiRequest, ctx: StackContext, claims: Claims): Promise<ApiResponse> {
	if (req.header('upload-defer-length'))
		throw tusError(400, 'Upload-Defer-Length is not supported');
	const length = Number(req.header('upload-length'));
	if (!Number.isSafeInteger(length) || length < 0) throw tusError(400, 'Upload-Length required');
	const meta = parseMetadata(req.header('upload-metadata'));
	const bucketName = meta.bucketName;
	const key = meta.objectName;
	try {
		mustBeValidBucketName(bucketName);
		mustBeValidKey(key);
	} catch (e) {
		throw tusError(e as StorageError);
	}
	const bucket = await findBucketAdmin(ctx.db, bucketName);
	if (!bucket) throw tusError(errors.noSuchBucket());
	const limit = Math.min(bucket.file_size_limit ?? GLOBAL_FILE_SIZE_LIMIT, GLOBAL_FILE_SIZE_LIMIT);
	if (length > limit) throw tusError(errors.tooLarge());
	const contentType = meta.contentType || 'application/octet-stream';
	const allowed = bucket.allowed_mime_types;
	if (allowed?.length && !mimeAllowed(contentType, allowed)) {
		throw tusError(errors.invalidMime(contentType));
	}
	const upsert = req.header('x-upsert') === 'true';
	// storage-api refuses before any byte is stored when RLS would refuse the final object.
	await canUpload(ctx, { bucket: bucketName, key, upsert, claims }).catch((e) => {
		throw tusError(e);
	});

	await sweep(ctx);
	const id = randomUUID();
	const dir = dirOf(ctx, id);
	await fs.mkdir(dir, { recursive: true });
	const info: UploadInfo = {
		bucket: bucketName,
		key,
		length,
		contentType,
		cacheControl: meta.cacheControl ? `max-age=${meta.cacheControl}` : 'no-cache',
		upsert,
		owner: ownerKey(claims),
		createdAt: Date.now()
	};
	await fs.writeFile(path.join(dir, 'data'), '');
	await fs.writeFile(path.join(dir, 'info.json'), JSON.stringify(info));
	const headers: Record<string, string> = {
		...TUS,
		location: `/storage/v1/upload/resumable/${id}`
	};
	// creation-with-upload: the first bytes may come with the POST.
	const withData = /^application\/offset\+octet-stream/i.test(req.header('content-type') ?? '');
	if (withData || length === 0) {
		const offset = withData
			? await receive(withHeader(req, 'upload-offset', '0'), ctx, id, info, claims)
			: (await exclusive(id, () => finish(ctx, id, info, claims)), 0);
		headers['upload-offset'] = String(offset);
	}
	return { status: 201, headers, body: '' };
}

const withHeader = (req: ApiRequest, name: string, value: string): ApiRequest => ({
	...req,
	header: (n: string) => (n.toLowerCase() === name ? value : req.header(n))
});

/** Routes `/upload/resumable[/<id>]`; `rest` is what follows `/upload/resumable`. */
export async function tusRoutes(
	req: ApiRequest,
	ctx: StackContext,
	rest: string
): Promise<ApiResponse | null> {
	try {
		return await route(req, ctx, rest);
	} catch (e) {
		// Read and drop whatever body is left, so the client receives the answer.
		req.raw.resume();
		throw e;
	}
}

async function route(req: ApiRequest, ctx: StackContext, rest: string) {
	const claims = await requireCaller(req);
	if (req.header('tus-resumable') !== '1.0.0') {
		throw tusError(412, 'Tus-Resumable 1.0.0 required');
	}
	if (rest === '' || rest === '/') return req.method === 'POST' ? create(req, ctx, claims) : null;
	const id = rest.replace(/^\//, '');
	const info = await loadInfo(ctx, id, claims);
	if (req.method === 'HEAD') {
		return {
			status: 200,
			headers: {
				...TUS,
				'upload-offset': String(await offsetOf(ctx, id)),
				'upload-length': String(info.length),
				'cache-control': 'no-store'
			}
		};
	}
	if (req.method === 'PATCH') {
		const offset = await receive(req, ctx, id, info, claims);
		return { status: 204, headers: { ...TUS, 'upload-offset': String(offset) } };
	}
	if (req.method === 'DELETE') {
		await exclusive(id, () => fs.rm(dirOf(ctx, id), { recursive: true, force: true }));
		return { status: 204, headers: TUS };
	}
	return null;
}
