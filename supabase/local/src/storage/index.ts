/**
 * `/storage/v1`: Supabase Storage's HTTP API for what storage-js 2.109 sends (buckets, objects, signed
 * URLs), with access decided by RLS on `storage.buckets` / `storage.objects` as the caller.
 */
import {
	json,
	type ApiRequest,
	type ApiResponse,
	type Handler,
	type StackContext
} from '../http/types';
import { bucketRoutes } from './buckets';
import { sweepTemp } from './disk';
import { errors } from './errors';
import { copy, move, removeMany, removeOne } from './mutate';
import { layout, splitBucketPath } from './paths';
import { findReadable, info, list, render, renderOptions, type Reader } from './read';
import { decodePath, optionalCaller, requireCaller } from './request';
import { getSigned, signMany, signOne, signUpload, uploadSigned } from './signed';
import { tusRoutes } from './tus';
import { upload } from './upload';

const swept = new Set<string>();

async function readerFor(req: ApiRequest, mode: 'auto' | 'authenticated'): Promise<Reader> {
	if (mode === 'authenticated') return { claims: await requireCaller(req) };
	const claims = await optionalCaller(req);
	return claims ? { claims } : { publicOnly: true };
}

async function download(
	req: ApiRequest,
	ctx: StackContext,
	rest: string,
	reader: Reader
): Promise<ApiResponse> {
	const { bucket, key } = splitBucketPath(rest);
	const row = await findReadable(ctx, bucket, key, reader);
	return render(ctx, row, renderOptions(req));
}

async function objectInfo(ctx: StackContext, rest: string, reader: Reader): Promise<ApiResponse> {
	const { bucket, key } = splitBucketPath(rest);
	return info(await findReadable(ctx, bucket, key, reader));
}

/** Routes `/object/...`; `p` is the decoded path after `/object/`. */
async function objectRoutes(
	req: ApiRequest,
	ctx: StackContext,
	p: string
): Promise<ApiResponse | null> {
	const m = req.method;
	const read = m === 'GET' || m === 'HEAD';
	const after = (prefix: string) => (p.startsWith(prefix) ? p.slice(prefix.length) : null);
	let rest: string | null;

	if (m === 'POST' && p === 'move') return move(req, ctx, await requireCaller(req));
	if (m === 'POST' && p === 'copy') return copy(req, ctx, await requireCaller(req));
	if (m === 'POST' && (rest = after('list/')) !== null)
		return list(req, ctx, await requireCaller(req), rest);
	if (after('list-v2/') !== null) throw errors.notSupported('list-v2');
	if ((rest = after('upload/sign/')) !== null) {
		const { bucket, key } = splitBucketPath(rest);
		if (m === 'POST') return signUpload(req, ctx, await requireCaller(req), bucket, key);
		if (m === 'PUT') return uploadSigned(req, ctx, bucket, key);
		return null;
	}
	if ((rest = after('sign/')) !== null) {
		const { bucket, key } = splitBucketPath(rest);
		if (m === 'POST' && !key) return signMany(req, ctx, await requireCaller(req), bucket);
		if (m === 'POST') return signOne(req, ctx, await requireCaller(req), bucket, key);
		if (read) return getSigned(req, ctx, bucket, key);
		return null;
	}
	if (m === 'GET' && (rest = after('info/public/')) !== null)
		return objectInfo(ctx, rest, { publicOnly: true });
	if (m === 'GET' && (rest = after('info/authenticated/')) !== null) {
		return objectInfo(ctx, rest, await readerFor(req, 'authenticated'));
	}
	if (m === 'GET' && (rest = after('info/')) !== null)
		return objectInfo(ctx, rest, await readerFor(req, 'auto'));
	if (read && (rest = after('public/')) !== null)
		return download(req, ctx, rest, { publicOnly: true });
	if (read && (rest = after('authenticated/')) !== null) {
		return download(req, ctx, rest, await readerFor(req, 'authenticated'));
	}

	const { bucket, key } = splitBucketPath(p);
	if (m === 'DELETE') {
		const claims = await requireCaller(req);
		return key ? removeOne(ctx, claims, bucket, key) : removeMany(req, ctx, claims, bucket);
	}
	if (read && key) return download(req, ctx, p, await readerFor(req, 'auto'));
	if (m === 'POST' || m === 'PUT') {
		const claims = await requireCaller(req);
		// PUT (storage-js `update`) replaces the object: storage-api treats it as an upsert.
		const upsert = m === 'PUT' || req.header('x-upsert') === 'true';
		return json(200, await upload(req, ctx, { bucket, key, upsert, claims }));
	}
	return null;
}

/** The `/storage/v1` service. */
export const storageHandler: Handler = async (req, ctx) => {
	const l = layout(ctx.config.dataDir);
	if (!swept.has(l.tmp)) {
		swept.add(l.tmp);
		await sweepTemp(l);
	}
	const path = decodePath(req.path);
	let out: ApiResponse | null = null;
	if (path === '/bucket' || path.startsWith('/bucket/')) {
		out = await bucketRoutes(req, ctx, req.path.slice('/bucket'.length));
	} else if (path.startsWith('/object/')) {
		out = await objectRoutes(req, ctx, path.slice('/object/'.length));
	} else if (path.startsWith('/render/')) {
		throw errors.notSupported('Image transformation');
	} else if (path === '/upload/resumable' || path.startsWith('/upload/resumable/')) {
		out = await tusRoutes(req, ctx, path.slice('/upload/resumable'.length));
	} else if (path.startsWith('/cdn/') || path.startsWith('/s3/')) {
		throw errors.notSupported(path.split('/')[1] === 'cdn' ? 'CDN cache purge' : path);
	}
	if (out) return out;
	return json(404, {
		statusCode: '404',
		error: 'Not Found',
		message: `Route ${req.method}:${req.path} not found`
	});
};
