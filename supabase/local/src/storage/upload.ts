/**
 * Uploads (POST/PUT `/object/:bucket/*`, and PUT to a signed upload URL), in storage-api's order:
 * the bucket must exist; an RLS dry run as the caller refuses before any byte is read; the body is
 * streamed to a temp file against the bucket's size and MIME limits; then one transaction writes the
 * row as the caller and, as its last step, renames the file into place. A failure anywhere leaves
 * neither a row nor a file; the replaced version's file is removed only after the commit.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Claims } from '../db/rls';
import type { Tx } from '../db/driver';
import type { ApiRequest, StackContext } from '../http/types';
import { errors } from './errors';
import { findBucketAdmin, ownerOf, storageTx, testPermission } from './db';
import { dropVersion, place, removeFile, writeTemp } from './disk';
import { mimeAllowed, readIncoming } from './incoming';
import { bucketDir, layout, mustBeValidBucketName, mustBeValidKey, versionFile } from './paths';

/** Storage's default global upload limit (Supabase's free tier: 50 MB). */
export const GLOBAL_FILE_SIZE_LIMIT = 50 * 1024 * 1024;

export interface UploadTarget {
	bucket: string;
	key: string;
	upsert: boolean;
	claims: Claims;
}

interface NewRow {
	id: string;
	bucket: string;
	key: string;
	version: string;
	metadata: Record<string, unknown> | null;
	userMetadata: Record<string, unknown> | null;
	claims: Claims;
}

const jsonOrNull = (v: unknown) => (v == null ? null : JSON.stringify(v));

/** Inserts (or upserts) the object row as the current role; no RETURNING, as that would need SELECT. */
export async function writeObjectRow(tx: Tx, row: NewRow, upsert: boolean): Promise<void> {
	const { owner, owner_id } = ownerOf(row.claims);
	const conflict = upsert
		? `on conflict (bucket_id, name) do update set owner = excluded.owner, owner_id = excluded.owner_id,
		     metadata = excluded.metadata, user_metadata = excluded.user_metadata, version = excluded.version,
		     updated_at = now(), last_accessed_at = now()`
		: '';
	await tx.query(
		`insert into storage.objects (id, bucket_id, name, owner, owner_id, metadata, user_metadata, version)
		 values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8) ${conflict}`,
		[
			row.id,
			row.bucket,
			row.key,
			owner,
			owner_id,
			jsonOrNull(row.metadata),
			jsonOrNull(row.userMetadata),
			row.version
		]
	);
}

/** Storage-api's canUpload: would the caller be allowed to create (or upsert) this object? */
export function canUpload(ctx: StackContext, t: UploadTarget): Promise<void> {
	return testPermission(ctx.db, t.claims, (tx) =>
		writeObjectRow(
			tx,
			{ ...t, id: randomUUID(), version: randomUUID(), metadata: null, userMetadata: null },
			t.upsert
		)
	);
}

/** Handles one upload; returns storage's `{Id, Key}`. */
export async function upload(
	req: ApiRequest,
	ctx: StackContext,
	t: UploadTarget
): Promise<{ Id: string; Key: string }> {
	mustBeValidBucketName(t.bucket);
	mustBeValidKey(t.key);
	const bucket = await findBucketAdmin(ctx.db, t.bucket);
	if (!bucket) throw errors.noSuchBucket();
	await canUpload(ctx, t);

	const emptyFolder = t.key.endsWith('.emptyFolderPlaceholder');
	let limit = Math.min(bucket.file_size_limit ?? GLOBAL_FILE_SIZE_LIMIT, GLOBAL_FILE_SIZE_LIMIT);
	if (emptyFolder) limit = 0;
	const incoming = await readIncoming(req);
	try {
		if (incoming.declaredLength !== undefined && incoming.declaredLength > limit) {
			throw errors.tooLarge();
		}
		const allowed = bucket.allowed_mime_types;
		if (allowed && allowed.length > 0 && !emptyFolder && !mimeAllowed(incoming.mimeType, allowed)) {
			throw errors.invalidMime(incoming.mimeType);
		}
	} catch (e) {
		incoming.body.resume(); // let the client finish sending, so it reads our answer
		throw e;
	}

	const temp = await writeTemp(layout(ctx.config.dataDir), incoming.body, limit);
	const metadata = {
		eTag: temp.eTag,
		size: temp.size,
		mimetype: incoming.mimeType,
		cacheControl: incoming.cacheControl,
		lastModified: new Date().toISOString(),
		contentLength: temp.size,
		httpStatusCode: 200
	};
	const id = await commitVersion(ctx, t, temp.path, metadata, incoming.userMetadata ?? null);
	return { Id: id, Key: `${t.bucket}/${t.key}` };
}

/**
 * Makes a temp file the object's new version: one transaction writes the row as the caller (insert,
 * or upsert when `t.upsert`) and, as its last step, renames the file into place. On failure both the
 * temp file and any placed file are removed; on success the replaced version's file is. Returns the id.
 */
export async function commitVersion(
	ctx: StackContext,
	t: UploadTarget,
	tempPath: string,
	metadata: Record<string, unknown> | null,
	userMetadata: Record<string, unknown> | null
): Promise<string> {
	const l = layout(ctx.config.dataDir);
	const version = randomUUID();
	const finalFile = versionFile(l, t.bucket, t.key, version);
	let placed = false;
	try {
		const { id, previous } = await storageTx(ctx.db, t.claims, async (tx, as) => {
			// Writers of one key take turns, so each knows which version it replaces (a row lock
			// alone cannot cover a key that does not exist yet).
			await tx.query(`select pg_advisory_xact_lock(hashtext($1))`, [
				`storage:${t.bucket}/${t.key}`
			]);
			const prev = await tx.query<{ version: string | null }>(
				`select version from storage.objects where bucket_id = $1 and name = $2 for update`,
				[t.bucket, t.key]
			);
			await as.caller();
			await writeObjectRow(
				tx,
				{ ...t, id: randomUUID(), version, metadata, userMetadata },
				t.upsert
			);
			await as.admin();
			const got = await tx.query<{ id: string }>(
				`select id from storage.objects where bucket_id = $1 and name = $2`,
				[t.bucket, t.key]
			);
			await place(tempPath, finalFile);
			placed = true;
			return { id: got.rows[0].id, previous: prev.rows[0]?.version ?? null };
		});
		if (previous !== version) await dropVersion(l, t.bucket, t.key, previous);
		return id;
	} catch (e) {
		await fs.rm(tempPath, { force: true });
		if (placed) await removeFile(finalFile, bucketDir(l, t.bucket)).catch(() => undefined);
		throw e;
	}
}
