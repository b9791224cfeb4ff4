/**
 * `/bucket` routes. Every read and write of `storage.buckets` runs as the caller, so with Supabase's
 * default (RLS on, no policies) only the service role manages buckets, exactly as on a real project.
 */
import fs from 'node:fs/promises';
import type { Claims } from '../db/rls';
import { json, type ApiRequest, type ApiResponse, type StackContext } from '../http/types';
import { errors, StorageError } from './errors';
import { BUCKET_COLUMNS, callerTx, ownerOf, storageTx, type BucketRow } from './db';
import { dropVersion } from './disk';
import { bucketDir, layout, mustBeValidBucketName } from './paths';
import { decodePath, jsonBody, requireCaller } from './request';
import { GLOBAL_FILE_SIZE_LIMIT } from './upload';

const MIME_RULE = /^([a-zA-Z0-9\-+.]+)\/([a-zA-Z0-9\-+.]+)(;\s*charset=[a-zA-Z0-9-]+)?$|\*$/;

/** `file_size_limit` as a number of bytes (storage accepts 1000 or '1MB'); undefined = unchanged. */
function parseSizeLimit(v: unknown): number | null | undefined {
	if (v === undefined) return undefined;
	if (v === null) return null;
	let bytes: number;
	if (typeof v === 'number' && Number.isInteger(v) && v >= 0) bytes = v;
	else if (typeof v === 'string' && /^[0-9]+(\.[0-9]+)?(gb|mb|kb|b)$/i.test(v)) {
		const [, n, unit] = /^([0-9.]+)([a-z]+)$/i.exec(v)!;
		const scale = { gb: 1e9, mb: 1e6, kb: 1e3, b: 1 }[unit.toLowerCase() as 'b'];
		bytes = Math.round(+parseFloat(n).toPrecision(3) * scale);
	} else {
		throw new StorageError(
			400,
			'InvalidRequest',
			'Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B'
		);
	}
	if (bytes > GLOBAL_FILE_SIZE_LIMIT) throw errors.tooLarge();
	return bytes;
}

function parseMimeTypes(v: unknown): string[] | null | undefined {
	if (v === undefined || v === null) return v;
	if (!Array.isArray(v) || v.some((m) => typeof m !== 'string')) {
		throw new StorageError(400, 'Bad Request', 'body/allowed_mime_types must be array');
	}
	const list = (v as string[]).filter((m) => m);
	for (const m of list) if (m.length > 1000 || !MIME_RULE.test(m)) throw errors.invalidMime(m);
	return list;
}

function parseBool(v: unknown, name: string): boolean | undefined {
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'boolean')
		throw new StorageError(400, 'Bad Request', `body/${name} must be boolean`);
	return v;
}

const SORT_COLUMNS = ['id', 'name', 'created_at', 'updated_at'];

async function list(req: ApiRequest, ctx: StackContext, claims: Claims): Promise<ApiResponse> {
	const q = req.url.searchParams;
	const sort = SORT_COLUMNS.includes(q.get('sortColumn') ?? '') ? q.get('sortColumn')! : 'name';
	const order = q.get('sortOrder')?.toLowerCase() === 'desc' ? 'desc' : 'asc';
	const limit = Math.max(0, Math.min(Number(q.get('limit') ?? 1000) || 1000, 10000));
	const offset = Math.max(0, Number(q.get('offset') ?? 0) || 0);
	const search = q.get('search') ?? '';
	const rows = await callerTx(ctx.db, claims, async (tx) => {
		const r = await tx.query<BucketRow>(
			`select ${BUCKET_COLUMNS} from storage.buckets
			 where $1 = '' or name ilike '%' || replace(replace(replace($1, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
			 order by ${sort} ${order} limit $2 offset $3`,
			[search, limit, offset]
		);
		return r.rows;
	});
	return json(200, rows.map(present));
}

/** Storage-api adds the bucket type; the local stack has only standard buckets. */
const present = (b: BucketRow) => ({ ...b, type: 'STANDARD' });

async function get(ctx: StackContext, claims: Claims, id: string): Promise<ApiResponse> {
	const row = await callerTx(ctx.db, claims, async (tx) => {
		const r = await tx.query<BucketRow>(
			`select ${BUCKET_COLUMNS} from storage.buckets where id = $1`,
			[id]
		);
		return r.rows[0];
	});
	if (!row) throw errors.noSuchBucket();
	return json(200, present(row));
}

async function create(req: ApiRequest, ctx: StackContext, claims: Claims): Promise<ApiResponse> {
	const body = await jsonBody(req);
	const name = body.name ?? body.id;
	if (typeof name !== 'string') {
		throw new StorageError(400, 'Bad Request', "body must have required property 'name'");
	}
	const id = typeof body.id === 'string' && body.id ? body.id : name;
	mustBeValidBucketName(id);
	mustBeValidBucketName(name);
	const isPublic = parseBool(body.public, 'public') ?? false;
	const sizeLimit = parseSizeLimit(body.file_size_limit) ?? null;
	const mimes = parseMimeTypes(body.allowed_mime_types) ?? null;
	const { owner, owner_id } = ownerOf(claims);
	await callerTx(ctx.db, claims, (tx) =>
		tx.query(
			`insert into storage.buckets (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types)
			 values ($1, $2, $3, $4, $5, $6, $7)`,
			[id, name, owner, owner_id, isPublic, sizeLimit, mimes]
		)
	);
	return json(200, { name });
}

async function update(
	req: ApiRequest,
	ctx: StackContext,
	claims: Claims,
	id: string
): Promise<ApiResponse> {
	mustBeValidBucketName(id);
	const body = await jsonBody(req);
	const isPublic = parseBool(body.public, 'public');
	const sizeLimit = parseSizeLimit(body.file_size_limit);
	const mimes = parseMimeTypes(body.allowed_mime_types);
	const updated = await callerTx(ctx.db, claims, async (tx) => {
		const r = await tx.query(
			`update storage.buckets set
			   public = case when $2 then $3 else public end,
			   file_size_limit = case when $4 then $5::bigint else file_size_limit end,
			   allowed_mime_types = case when $6 then $7::text[] else allowed_mime_types end,
			   updated_at = now()
			 where id = $1`,
			[
				id,
				isPublic !== undefined,
				isPublic ?? false,
				sizeLimit !== undefined,
				sizeLimit ?? null,
				mimes !== undefined,
				mimes ?? null
			]
		);
		return r.rowCount;
	});
	if (!updated) throw errors.noSuchBucket();
	return json(200, { message: 'Successfully updated' });
}

async function empty(ctx: StackContext, claims: Claims, id: string): Promise<ApiResponse> {
	mustBeValidBucketName(id);
	const removed = await callerTx(ctx.db, claims, async (tx) => {
		const b = await tx.query(`select id from storage.buckets where id = $1`, [id]);
		if (!b.rows[0]) throw errors.noSuchBucket();
		const visible = await tx.query<{ id: string; name: string }>(
			`select id, name from storage.objects where bucket_id = $1`,
			[id]
		);
		const deleted = await tx.query<{ id: string; name: string; version: string | null }>(
			`delete from storage.objects where bucket_id = $1 and id = any($2::uuid[]) returning id, name, version`,
			[id, visible.rows.map((r) => r.id)]
		);
		if (deleted.rows.length !== visible.rows.length) {
			const gone = new Set(deleted.rows.map((r) => r.id));
			const left = visible.rows.filter((r) => !gone.has(r.id)).map((r) => r.name);
			throw errors.accessDenied(
				`Cannot delete: ${left.join(' ,')}, you may have SELECT but not DELETE permissions`
			);
		}
		return deleted.rows;
	});
	await removeVersions(ctx, id, removed);
	return json(200, { message: 'Successfully emptied' });
}

/** Removes the files of deleted rows (after their transaction committed). */
export async function removeVersions(
	ctx: StackContext,
	bucket: string,
	rows: { name: string; version: string | null }[]
): Promise<void> {
	const l = layout(ctx.config.dataDir);
	for (const r of rows) await dropVersion(l, bucket, r.name, r.version);
}

async function remove(ctx: StackContext, claims: Claims, id: string): Promise<ApiResponse> {
	mustBeValidBucketName(id);
	await storageTx(ctx.db, claims, async (tx, as) => {
		const b = await tx.query(`select id from storage.buckets where id = $1 for update`, [id]);
		if (!b.rows[0]) throw errors.noSuchBucket();
		const n = await tx.query<{ n: number }>(
			`select count(*)::int as n from storage.objects where bucket_id = $1`,
			[id]
		);
		if (n.rows[0].n > 0) throw errors.bucketNotEmpty();
		await as.caller();
		const d = await tx.query(`delete from storage.buckets where id = $1`, [id]);
		if (!d.rowCount) throw errors.noSuchBucket();
	});
	await fs.rm(bucketDir(layout(ctx.config.dataDir), id), { recursive: true, force: true });
	return json(200, { message: 'Successfully deleted' });
}

/** Routes `/bucket...`; `rest` is the path after `/bucket` (e.g. '', '/avatars', '/avatars/empty'). */
export async function bucketRoutes(
	req: ApiRequest,
	ctx: StackContext,
	rest: string
): Promise<ApiResponse | null> {
	const parts = decodePath(rest).split('/').filter(Boolean);
	const m = req.method;
	if (parts.length === 0 && (m === 'GET' || m === 'POST')) {
		const claims = await requireCaller(req);
		return m === 'GET' ? list(req, ctx, claims) : create(req, ctx, claims);
	}
	if (parts.length === 1) {
		if (m === 'GET') return get(ctx, await requireCaller(req), parts[0]);
		if (m === 'PUT') return update(req, ctx, await requireCaller(req), parts[0]);
		if (m === 'DELETE') return remove(ctx, await requireCaller(req), parts[0]);
	}
	if (parts.length === 2 && parts[1] === 'empty' && m === 'POST') {
		return empty(ctx, await requireCaller(req), parts[0]);
	}
	return null;
}
