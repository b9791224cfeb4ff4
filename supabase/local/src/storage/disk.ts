/**
 * Object bytes on disk. A new version is streamed to a temp file (size counted and capped while it
 * arrives, MD5 computed for the ETag), fsynced, and only renamed into its bucket folder once the
 * database row is written; a failure at any step removes the temp file.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { errors } from './errors';
import { bucketDir, versionFile, type Layout } from './paths';

export interface TempFile {
	path: string;
	size: number;
	/** Quoted MD5 of the content, as S3 and storage-api report it. */
	eTag: string;
}

/**
 * Streams `source` into a new temp file; throws storage's 413 once more than `limit` bytes arrive.
 * On any failure the rest of the body is read and dropped rather than the socket being torn down,
 * so the client still receives the error response; the temp file is removed.
 */
export async function writeTemp(l: Layout, source: Readable, limit: number): Promise<TempFile> {
	await fs.mkdir(l.tmp, { recursive: true });
	const file = path.join(l.tmp, randomUUID());
	const handle = await fs.open(file, 'wx');
	const hash = createHash('md5');
	let size = 0;
	try {
		await new Promise<void>((resolve, reject) => {
			let failed = false;
			const fail = (e: unknown) => {
				if (failed) return;
				failed = true;
				reject(e);
				source.resume();
			};
			source.on('data', (chunk: Buffer) => {
				if (failed) return;
				size += chunk.length;
				if (size > limit) return fail(errors.tooLarge());
				hash.update(chunk);
				source.pause();
				handle.write(chunk).then(() => !failed && source.resume(), fail);
			});
			source.on('end', () => !failed && resolve());
			// A client that goes away mid-upload: 'error' (ECONNRESET) or 'close' without 'end'.
			const aborted = () => fail(errors.invalidRequest('The upload was aborted'));
			source.on('error', aborted);
			source.on('close', aborted);
		});
		await handle.sync();
		await handle.close();
	} catch (e) {
		await handle.close().catch(() => undefined);
		await fs.rm(file, { force: true });
		throw e;
	}
	return { path: file, size, eTag: `"${hash.digest('hex')}"` };
}

/** Copies an existing version into a temp file (for copy). */
export async function copyToTemp(l: Layout, from: string): Promise<string> {
	await fs.mkdir(l.tmp, { recursive: true });
	const file = path.join(l.tmp, randomUUID());
	await fs.copyFile(from, file);
	const handle = await fs.open(file, 'r+');
	await handle.sync().finally(() => handle.close());
	return file;
}

/** Renames a file into place (creating its folders) and fsyncs the folder so the rename is durable. */
export async function place(from: string, to: string): Promise<void> {
	const dir = path.dirname(to);
	await fs.mkdir(dir, { recursive: true });
	await fs.rename(from, to);
	const handle = await fs.open(dir, 'r');
	await handle
		.sync()
		.catch(() => undefined)
		.finally(() => handle.close());
}

/** Removes a file, then any folders it leaves empty up to (not including) `stopAt`. */
export async function removeFile(file: string, stopAt: string): Promise<void> {
	await fs.rm(file, { force: true });
	let dir = path.dirname(file);
	while (dir.startsWith(stopAt + path.sep)) {
		try {
			await fs.rmdir(dir);
		} catch {
			return; // not empty (or already gone): stop pruning
		}
		dir = path.dirname(dir);
	}
}

/** Removes one object version's file; never throws (the row is already gone or replaced). */
export async function dropVersion(l: Layout, bucket: string, key: string, version: string | null) {
	if (!version) return;
	try {
		await removeFile(versionFile(l, bucket, key, version), bucketDir(l, bucket));
	} catch {
		// a name or version that never had a file (rows written by SQL): nothing to remove
	}
}

export async function fileExists(file: string): Promise<boolean> {
	return fs.stat(file).then(
		(s) => s.isFile(),
		() => false
	);
}

export async function fileSize(file: string): Promise<number> {
	return (await fs.stat(file)).size;
}

/** The file's bytes, or the inclusive byte range `start..end`. */
export function readStream(file: string, start?: number, end?: number): Readable {
	return createReadStream(file, start === undefined ? undefined : { start, end });
}

/** Removes temp files left by a crash; young ones may belong to an upload in flight. */
export async function sweepTemp(l: Layout, olderThanMs = 3600_000): Promise<void> {
	const names = await fs.readdir(l.tmp).catch(() => [] as string[]);
	const cutoff = Date.now() - olderThanMs;
	for (const name of names) {
		const file = path.join(l.tmp, name);
		const stat = await fs.stat(file).catch(() => null);
		if (stat && stat.mtimeMs < cutoff) await fs.rm(file, { force: true });
	}
}
