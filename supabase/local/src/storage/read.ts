/**
 * Reading objects: download (authenticated, public, signed), HEAD, info and list. As in storage-api,
 * a public bucket's objects are read without RLS; a private bucket's only through the caller's
 * SELECT policies on `storage.objects`.
 */
import type { Claims } from '../db/rls';
import { json, type ApiRequest, type ApiResponse, type StackContext } from '../http/types';
import { errors, StorageError } from './errors';
import { callerTx, findBucketAdmin, OBJECT_COLUMNS, type ObjectRow } from './db';
import { fileExists, fileSize, readStream } from './disk';
import { layout, mustBeValidBucketName, mustBeValidKey, versionFile } from './paths';
import { jsonBody } from './request';

/** Who reads: a caller (RLS unless the bucket is public), or nobody (public buckets only). */
export type Reader = { claims: Claims } | { claims?: undefined; publicOnly: true };

async function findObjectAdmin(ctx: StackContext, bucket: string, key: string) {
	const r = await ctx.db.query<ObjectRow>(
		`select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`,
		[bucket, key]
	);
	return r.rows[0];
}

/** The object row a reader may see, or storage's not-found errors. */
export async function findReadable(
	ctx: StackContext,
	bucket: string,
	key: string,
	reader: Reader
): Promise<ObjectRow> {
	mustBeValidBucketName(bucket);
	mustBeValidKey(key);
	const b = await findBucketAdmin(ctx.db, bucket);
	if (!b || (!reader.claims && !b.public)) throw errors.noSuchBucket();
	let row: ObjectRow | undefined;
	if (b.public || !reader.claims) row = await findObjectAdmin(ctx, bucket, key);
	else {
		row = await callerTx(ctx.db, reader.claims, async (tx) => {
			const r = await tx.query<ObjectRow>(
				`select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`,
				[bucket, key]
			);
			return r.rows[0];
		});
	}
	if (!row) throw errors.noSuchKey();
	return row;
}

/** Row lookup for a signed URL: the signature already proved access. */
export async function findSigned(
	ctx: StackContext,
	bucket: string,
	key: string
): Promise<ObjectRow> {
	mustBeValidBucketName(bucket);
	mustBeValidKey(key);
	const row = await findObjectAdmin(ctx, bucket, key);
	if (!row) throw errors.noSuchKey();
	return row;
}

const meta = (row: ObjectRow) =>
	(row.metadata ?? {}) as Record<string, string | number | undefined>;

/** Storage never serves HTML as HTML from its origin. */
const contentType = (m: string | undefined) =>
	m?.includes('text/html') ? 'text/plain' : (m ?? 'application/octet-stream');

function headers(row: ObjectRow): Record<string, string> {
	const m = meta(row);
	const h: Record<string, string> = { 'content-type': contentType(m.mimetype as string) };
	if (m.size !== undefined) h['content-length'] = String(m.size);
	if (m.eTag) h.etag = String(m.eTag);
	h['last-modified'] = new Date(String(m.lastModified ?? row.updated_at)).toUTCString();
	return h;
}

export interface RenderOptions {
	/** `?download` / `?download=name`: served as an attachment. */
	download?: string | null;
	/** For signed URLs: the token's expiry replaces Cache-Control. */
	expires?: Date;
	head?: boolean;
	/** The request's `Range` header (one range is served; several are answered in full). */
	range?: string;
	/** The request's `If-None-Match`: a matching ETag answers 304. */
	ifNoneMatch?: string;
}

/** The render options a download request carries in its query and headers. */
export function renderOptions(req: ApiRequest): RenderOptions {
	return {
		download: req.url.searchParams.get('download'),
		head: req.method === 'HEAD',
		range: req.header('range'),
		ifNoneMatch: req.header('if-none-match')
	};
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` against `size`; null = serve it all, 'bad' = unsatisfiable. */
function parseRange(header: string | undefined, size: number): [number, number] | null | 'bad' {
	const m = header && /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!m || (m[1] === '' && m[2] === '')) return null;
	let start: number;
	let end: number;
	if (m[1] === '') {
		start = Math.max(0, size - Number(m[2]));
		end = size - 1;
	} else {
		start = Number(m[1]);
		end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
	}
	return start > end || start >= size ? 'bad' : [start, end];
}

/** The object's bytes (or, for HEAD, only its headers) as storage-api renders them. */
export async function render(
	ctx: StackContext,
	row: ObjectRow,
	opts: RenderOptions = {}
): Promise<ApiResponse> {
	const h = headers(row);
	if (opts.expires) h.expires = opts.expires.toUTCString();
	else h['cache-control'] = String(meta(row).cacheControl ?? 'no-cache');
	if (opts.download === '') h['content-disposition'] = 'attachment;';
	else if (opts.download) {
		const name = encodeURIComponent(opts.download);
		h['content-disposition'] = `attachment; filename=${name}; filename*=UTF-8''${name};`;
	}
	const file = row.version
		? versionFile(layout(ctx.config.dataDir), row.bucket_id, row.name, row.version)
		: '';
	if (!file || !(await fileExists(file))) {
		const notFound = {
			statusCode: '404',
			error: 'Not found',
			message: 'The resource was not found'
		};
		return json(400, notFound, { 'cache-control': 'no-store' });
	}
	if (opts.ifNoneMatch && h.etag && opts.ifNoneMatch === h.etag) {
		const keep = ['etag', 'cache-control', 'expires'];
		const headers304 = Object.fromEntries(Object.entries(h).filter(([k]) => keep.includes(k)));
		return { status: 304, headers: headers304 };
	}
	const size = await fileSize(file);
	h['accept-ranges'] = 'bytes';
	h['content-length'] = String(size);
	const range = parseRange(opts.range, size);
	if (range === 'bad') {
		return { status: 416, headers: { 'content-range': `bytes */${size}` }, body: null };
	}
	if (range) {
		const [start, end] = range;
		h['content-range'] = `bytes ${start}-${end}/${size}`;
		h['content-length'] = String(end - start + 1);
		return { status: 206, headers: h, body: opts.head ? null : readStream(file, start, end) };
	}
	return { status: 200, headers: h, body: opts.head ? null : readStream(file) };
}

/** `GET /object/info/...`: the object's description as storage-api's InfoRenderer gives it. */
export function info(row: ObjectRow): ApiResponse {
	const m = meta(row);
	return json(200, {
		id: row.id,
		name: row.name,
		version: row.version,
		bucket_id: row.bucket_id,
		size: m.size ?? null,
		content_type: m.mimetype ?? null,
		cache_control: m.cacheControl ?? null,
		etag: m.eTag ?? null,
		metadata: row.user_metadata,
		last_modified: row.updated_at,
		created_at: row.created_at
	});
}

const LIST_SORT = ['name', 'updated_at', 'created_at', 'last_accessed_at'];
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/**
 * `POST /object/list/:bucket`: one folder level, as storage's `search()` answers: sub-folders first
 * (name only, other fields null), then the files at this level; limit/offset over both; all as the
 * caller, so RLS hides what the caller may not select.
 */
export async function list(req: ApiRequest, ctx: StackContext, claims: Claims, bucket: string) {
	mustBeValidBucketName(bucket);
	const body = await jsonBody(req);
	let prefix = typeof body.prefix === 'string' ? body.prefix : '';
	if (prefix && !prefix.endsWith('/')) prefix += '/';
	const search = typeof body.search === 'string' ? body.search : '';
	const limit =
		Number.isInteger(body.limit) && (body.limit as number) > 0 ? (body.limit as number) : 100;
	const offset =
		Number.isInteger(body.offset) && (body.offset as number) >= 0 ? (body.offset as number) : 0;
	const sortBy = (body.sortBy ?? {}) as { column?: string; order?: string };
	if (sortBy.column !== undefined && !LIST_SORT.includes(sortBy.column)) {
		throw new StorageError(
			400,
			'Bad Request',
			'body/sortBy/column must be equal to one of the allowed values'
		);
	}
	const column = sortBy.column ?? 'name';
	const order = String(sortBy.order ?? 'asc').toLowerCase() === 'desc' ? 'desc' : 'asc';
	const level = prefix.split('/').length;
	const rows = await callerTx(ctx.db, claims, async (tx) => {
		const r = await tx.query(
			`with visible as (
			   select id, updated_at, created_at, last_accessed_at, metadata, string_to_array(name, '/') as tokens
			   from storage.objects where bucket_id = $1 and name ilike $2 || '%'
			 ), entries as (
			   select 0 as kind, row_number() over (order by tokens[$3] ${order}) as ord, tokens[$3] as name,
			          null::uuid as id, null::timestamptz as updated_at, null::timestamptz as created_at,
			          null::timestamptz as last_accessed_at, null::jsonb as metadata
			   from visible where array_length(tokens, 1) > $3 group by tokens[$3]
			   union all
			   select 1, row_number() over (order by ${column === 'name' ? 'tokens[$3]' : column} ${order}, tokens[$3]),
			          tokens[$3], id, updated_at, created_at, last_accessed_at, metadata
			   from visible where array_length(tokens, 1) = $3
			 )
			 select name, id, to_json(updated_at) #>> '{}' as updated_at, to_json(created_at) #>> '{}' as created_at,
			        to_json(last_accessed_at) #>> '{}' as last_accessed_at, metadata
			 from entries order by kind, ord limit $4 offset $5`,
			[bucket, likeEscape(prefix) + likeEscape(search), level, limit, offset]
		);
		return r.rows;
	});
	return json(200, rows);
}
