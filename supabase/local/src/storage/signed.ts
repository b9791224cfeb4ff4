/**
 * Signed URLs. A token is an HS256 JWT signed with the project's JWT secret holding the object's
 * `bucket/key` as `url` (and, for uploads, the owner and upsert flag), exactly what storage-api issues.
 * Signing checks the caller's RLS; using the URL needs no API key.
 */
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Claims } from '../db/rls';
import { json, type ApiRequest, type ApiResponse, type StackContext } from '../http/types';
import { errors, StorageError } from './errors';
import { callerTx, findBucketAdmin } from './db';
import { findSigned, render, renderOptions } from './read';
import { mustBeValidBucketName, mustBeValidKey } from './paths';
import { jsonBody } from './request';
import { canUpload, upload } from './upload';

/** Storage-api's default lifetime of a signed upload URL. */
const UPLOAD_URL_SECONDS = 2 * 60 * 60;

const key = (ctx: StackContext) => new TextEncoder().encode(ctx.config.jwtSecret);

async function sign(ctx: StackContext, payload: Record<string, unknown>, seconds: number) {
	const now = Math.floor(Date.now() / 1000);
	return new SignJWT(payload)
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setIssuedAt(now)
		.setExpirationTime(now + seconds)
		.sign(key(ctx));
}

/** Verifies a URL token for `bucket/key`; storage's InvalidJWT / InvalidSignature otherwise. */
async function verify(ctx: StackContext, token: string | null, url: string) {
	if (!token)
		throw new StorageError(400, 'Bad Request', "querystring must have required property 'token'");
	let payload: Record<string, unknown>;
	try {
		payload = (await jwtVerify(token, key(ctx), { algorithms: ['HS256'] })).payload;
	} catch (e) {
		if (e instanceof joseErrors.JWTExpired) throw errors.invalidJwt('jwt expired');
		if (e instanceof joseErrors.JWSSignatureVerificationFailed)
			throw errors.invalidJwt('invalid signature');
		throw errors.invalidJwt('jwt malformed');
	}
	if (payload.url !== url) throw errors.invalidSignature();
	return payload as { url: string; exp: number; owner?: string; upsert?: boolean };
}

function expiresIn(body: Record<string, unknown>): number {
	const v = body.expiresIn;
	if (typeof v !== 'number' || !Number.isFinite(v) || v < 1) {
		throw new StorageError(400, 'Bad Request', 'body/expiresIn must be >= 1');
	}
	return Math.floor(v);
}

/** Names among `names` that the caller may select in `bucket`. */
async function visibleNames(ctx: StackContext, claims: Claims, bucket: string, names: string[]) {
	return callerTx(ctx.db, claims, async (tx) => {
		const r = await tx.query<{ name: string }>(
			`select name from storage.objects where bucket_id = $1 and name = any($2::text[])`,
			[bucket, names]
		);
		return new Set(r.rows.map((x) => x.name));
	});
}

/** `POST /object/sign/:bucket/*key`. */
export async function signOne(
	req: ApiRequest,
	ctx: StackContext,
	claims: Claims,
	bucket: string,
	k: string
) {
	mustBeValidBucketName(bucket);
	mustBeValidKey(k);
	const body = await jsonBody(req);
	const seconds = expiresIn(body);
	if (body.transform && Object.keys(body.transform as object).length > 0) {
		throw errors.notSupported('Image transformation');
	}
	if (!(await visibleNames(ctx, claims, bucket, [k])).has(k)) throw errors.noSuchKey();
	const url = `${bucket}/${k}`;
	const token = await sign(ctx, { url }, seconds);
	return json(200, { signedURL: `/object/sign/${url}?token=${token}` });
}

/** `POST /object/sign/:bucket` with `{expiresIn, paths}`: one entry per path, with an error if unseen. */
export async function signMany(req: ApiRequest, ctx: StackContext, claims: Claims, bucket: string) {
	mustBeValidBucketName(bucket);
	const body = await jsonBody(req);
	const seconds = expiresIn(body);
	const paths = body.paths;
	if (!Array.isArray(paths) || paths.length === 0 || paths.some((p) => typeof p !== 'string')) {
		throw new StorageError(400, 'Bad Request', 'body/paths must NOT have fewer than 1 items');
	}
	const seen = await visibleNames(ctx, claims, bucket, paths as string[]);
	const out = await Promise.all(
		(paths as string[]).map(async (path) => {
			if (!seen.has(path)) {
				return {
					error: 'Either the object does not exist or you do not have access to it',
					path,
					signedURL: null
				};
			}
			const token = await sign(ctx, { url: `${bucket}/${path}` }, seconds);
			return { error: null, path, signedURL: `/object/sign/${bucket}/${path}?token=${token}` };
		})
	);
	return json(200, out);
}

/** `GET /object/sign/:bucket/*key?token=`: no API key needed, the token is the permission. */
export async function getSigned(req: ApiRequest, ctx: StackContext, bucket: string, k: string) {
	const p = await verify(ctx, req.url.searchParams.get('token'), `${bucket}/${k}`);
	const row = await findSigned(ctx, bucket, k);
	return render(ctx, row, { ...renderOptions(req), expires: new Date(p.exp * 1000) });
}

/** `POST /object/upload/sign/:bucket/*key`: checks the caller could upload, then issues a token. */
export async function signUpload(
	req: ApiRequest,
	ctx: StackContext,
	claims: Claims,
	bucket: string,
	k: string
) {
	mustBeValidBucketName(bucket);
	mustBeValidKey(k);
	if (!(await findBucketAdmin(ctx.db, bucket))) throw errors.noSuchBucket();
	const upsert = req.header('x-upsert') === 'true';
	await canUpload(ctx, { bucket, key: k, upsert, claims });
	const url = `${bucket}/${k}`;
	const owner = typeof claims.sub === 'string' ? claims.sub : undefined;
	const token = await sign(ctx, { owner, url, upsert }, UPLOAD_URL_SECONDS);
	return json(200, { url: `/object/upload/sign/${url}?token=${token}`, token });
}

/** `PUT /object/upload/sign/:bucket/*key?token=`: the upload runs with the signer's ownership. */
export async function uploadSigned(
	req: ApiRequest,
	ctx: StackContext,
	bucket: string,
	k: string
): Promise<ApiResponse> {
	const p = await verify(ctx, req.url.searchParams.get('token'), `${bucket}/${k}`);
	const claims: Claims = { role: 'service_role', ...(p.owner ? { sub: p.owner } : {}) };
	const out = await upload(req, ctx, { bucket, key: k, upsert: Boolean(p.upsert), claims });
	return json(200, { Key: out.Key });
}
