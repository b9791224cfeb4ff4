/**
 * Remove, move and copy. Each runs as the caller, so RLS decides as in Supabase: remove needs DELETE
 * (and SELECT, for the rows it returns), move needs SELECT and UPDATE, copy needs SELECT on the source
 * and INSERT (UPDATE too with `x-upsert`) on the destination. Files change only after the rows did.
 */
import type { Claims } from '../db/rls';
import { json, type ApiRequest, type ApiResponse, type StackContext } from '../http/types';
import { errors, StorageError } from './errors';
import { callerTx, OBJECT_COLUMNS, ownerOf, storageTx, type ObjectRow } from './db';
import { copyToTemp, fileExists, place, removeFile } from './disk';
import { removeVersions } from './buckets';
import { bucketDir, layout, mustBeValidBucketName, mustBeValidKey, versionFile } from './paths';
import { jsonBody, optionalStr, str } from './request';
import { canUpload, commitVersion } from './upload';

/** `DELETE /object/:bucket` with `{prefixes}`: deletes those names; answers the deleted rows. */
export async function removeMany(
	req: ApiRequest,
	ctx: StackContext,
	claims: Claims,
	bucket: string
) {
	mustBeValidBucketName(bucket);
	const body = await jsonBody(req);
	const names = body.prefixes;
	if (!Array.isArray(names) || names.length === 0 || names.some((n) => typeof n !== 'string')) {
		throw new StorageError(400, 'Bad Request', 'body/prefixes must NOT have fewer than 1 items');
	}
	const rows = await callerTx(ctx.db, claims, async (tx) => {
		const r = await tx.query<ObjectRow>(
			`delete from storage.objects where bucket_id = $1 and name = any($2::text[]) returning ${OBJECT_COLUMNS}`,
			[bucket, names]
		);
		return r.rows;
	});
	await removeVersions(ctx, bucket, rows);
	return json(200, rows);
}

/** `DELETE /object/:bucket/*key`. */
export async function removeOne(ctx: StackContext, claims: Claims, bucket: string, key: string) {
	mustBeValidBucketName(bucket);
	mustBeValidKey(key);
	const rows = await callerTx(ctx.db, claims, async (tx) => {
		const r = await tx.query<{ name: string; version: string | null }>(
			`delete from storage.objects where bucket_id = $1 and name = $2 returning name, version`,
			[bucket, key]
		);
		return r.rows;
	});
	if (rows.length === 0) throw errors.noSuchKey();
	await removeVersions(ctx, bucket, rows);
	return json(200, { message: 'Successfully deleted' });
}

interface Transfer {
	bucket: string;
	source: string;
	destBucket: string;
	dest: string;
}

async function transferBody(
	req: ApiRequest
): Promise<Transfer & { body: Record<string, unknown> }> {
	const body = await jsonBody(req);
	const t = {
		bucket: str(body, 'bucketId'),
		source: str(body, 'sourceKey'),
		dest: str(body, 'destinationKey'),
		destBucket: optionalStr(body, 'destinationBucket') ?? ''
	};
	t.destBucket ||= t.bucket;
	mustBeValidBucketName(t.bucket);
	mustBeValidBucketName(t.destBucket);
	mustBeValidKey(t.source);
	mustBeValidKey(t.dest);
	return { ...t, body };
}

/** `POST /object/move`: renames the row (same version) and then its file, in one transaction. */
export async function move(
	req: ApiRequest,
	ctx: StackContext,
	claims: Claims
): Promise<ApiResponse> {
	const t = await transferBody(req);
	const l = layout(ctx.config.dataDir);
	const { owner, owner_id } = ownerOf(claims);
	const state: { moved?: { from: string; to: string } } = {};
	try {
		const id = await storageTx(ctx.db, claims, async (tx, as) => {
			await as.caller();
			const src = await tx.query<{ id: string; version: string | null }>(
				`select id, version from storage.objects where bucket_id = $1 and name = $2`,
				[t.bucket, t.source]
			);
			if (!src.rows[0]) throw errors.noSuchKey();
			if (t.bucket === t.destBucket && t.source === t.dest) return src.rows[0].id;
			const u = await tx.query(
				`update storage.objects set bucket_id = $3, name = $4, owner = $5, owner_id = $6,
				   updated_at = now(), last_accessed_at = now()
				 where bucket_id = $1 and name = $2`,
				[t.bucket, t.source, t.destBucket, t.dest, owner, owner_id]
			);
			if (!u.rowCount) throw errors.noSuchKey();
			const version = src.rows[0].version;
			if (version) {
				const from = versionFile(l, t.bucket, t.source, version);
				const to = versionFile(l, t.destBucket, t.dest, version);
				if (await fileExists(from)) {
					await place(from, to);
					state.moved = { from, to };
				}
			}
			return src.rows[0].id;
		});
		// The file is gone from there already; this prunes the folders it left empty.
		if (state.moved)
			await removeFile(state.moved.from, bucketDir(l, t.bucket)).catch(() => undefined);
		return json(200, { message: 'Successfully moved', Id: id, Key: t.dest });
	} catch (e) {
		if (state.moved) await place(state.moved.to, state.moved.from).catch(() => undefined);
		throw e;
	}
}

/** `POST /object/copy`: a new version at the destination with the source's bytes. */
export async function copy(
	req: ApiRequest,
	ctx: StackContext,
	claims: Claims
): Promise<ApiResponse> {
	const t = await transferBody(req);
	const src = await callerTx(ctx.db, claims, async (tx) => {
		const r = await tx.query<ObjectRow>(
			`select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`,
			[t.bucket, t.source]
		);
		return r.rows[0];
	});
	if (!src?.version) throw errors.noSuchKey();
	const l = layout(ctx.config.dataDir);
	const from = versionFile(l, t.bucket, t.source, src.version);
	if (!(await fileExists(from))) throw errors.noSuchKey();
	const copyMetadata = t.body.copyMetadata !== false;
	const extra = (t.body.metadata ?? {}) as Record<string, unknown>;
	const metadata = copyMetadata ? src.metadata : { ...(src.metadata ?? {}), ...extra };
	let userMetadata = src.user_metadata;
	if (!copyMetadata) {
		const header = req.header('x-metadata');
		try {
			userMetadata = header ? JSON.parse(Buffer.from(header, 'base64').toString('utf8')) : null;
		} catch {
			userMetadata = null;
		}
	}
	const target = {
		bucket: t.destBucket,
		key: t.dest,
		upsert: req.header('x-upsert') === 'true',
		claims
	};
	await canUpload(ctx, target);
	const temp = await copyToTemp(l, from);
	const id = await commitVersion(ctx, target, temp, metadata, userMetadata);
	const row = await ctx.db.query<ObjectRow>(
		`select ${OBJECT_COLUMNS} from storage.objects where id = $1`,
		[id]
	);
	return json(200, { Id: id, Key: `${t.destBucket}/${t.dest}`, ...row.rows[0] });
}
