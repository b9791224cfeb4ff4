/** The stack's HTTP server: CORS, body limits, caller resolution, and routing by service prefix. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { verifyJwt, type VerifyResult } from '../jwt';
import {
	HttpError,
	json,
	type ApiRequest,
	type Caller,
	type Handler,
	type StackContext
} from './types';

const CORS_HEADERS = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS',
	'access-control-allow-headers':
		'authorization, x-client-info, apikey, content-type, prefer, range, accept-profile, content-profile, x-upsert, cache-control, accept, x-supabase-api-version, x-retry-count, tus-resumable, upload-length, upload-metadata, upload-offset',
	// link and x-supabase-api-version: auth-js reads them for user paging and GoTrue's error codes;
	// location, upload-*, tus-resumable: a browser TUS client reads them (resumable uploads).
	'access-control-expose-headers':
		'content-range, content-location, content-length, content-type, range-unit, preference-applied, x-total-count, etag, link, x-supabase-api-version, location, upload-offset, upload-length, tus-resumable',
	'access-control-max-age': '86400'
};

/** Longest URL accepted (path and query string): longer gets 414; past 16 KB Node itself answers 431. */
const MAX_URL = 8 * 1024;

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
	const declared = Number(req.headers['content-length'] ?? 0);
	if (declared > limit)
		throw new HttpError(413, { message: 'Payload too large', statusCode: '413' });
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > limit) throw new HttpError(413, { message: 'Payload too large', statusCode: '413' });
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

function makeRequest(req: IncomingMessage, url: URL, path: string, ctx: StackContext): ApiRequest {
	let body: Promise<Buffer> | undefined;
	let caller: Promise<Caller> | undefined;
	const header = (name: string) => {
		const v = req.headers[name.toLowerCase()];
		return Array.isArray(v) ? v[0] : v;
	};
	const api: ApiRequest = {
		method: (req.method ?? 'GET').toUpperCase(),
		url,
		path,
		headers: req.headers,
		ip: req.socket.remoteAddress ?? '',
		raw: req,
		header,
		body: (limit = ctx.config.maxBodyBytes) => (body ??= readBody(req, limit)),
		async json() {
			const buf = await api.body();
			if (buf.length === 0) return undefined;
			try {
				return JSON.parse(buf.toString('utf8'));
			} catch {
				throw new HttpError(400, {
					code: 'PGRST102',
					message: 'Empty or invalid json',
					details: null,
					hint: null
				});
			}
		},
		caller: () => (caller ??= resolveCaller(header, url, ctx))
	};
	return api;
}

async function resolveCaller(
	header: (n: string) => string | undefined,
	url: URL,
	ctx: StackContext
): Promise<Caller> {
	const apikey = header('apikey') ?? url.searchParams.get('apikey') ?? undefined;
	const auth = header('authorization');
	const bearer =
		auth && /^bearer\s+/i.test(auth) ? auth.replace(/^bearer\s+/i, '').trim() : undefined;
	let key: VerifyResult | undefined;
	if (apikey) {
		key = await verifyJwt(apikey, ctx.config.jwtSecret);
		if (!key.ok) return { ok: false, status: 401, reason: 'bad_key', message: 'Invalid API key' };
	}
	const token = bearer || apikey;
	if (!token)
		return {
			ok: false,
			status: 401,
			reason: 'missing_key',
			message: 'No API key found in request'
		};
	// supabase-js sends the anon key as both apikey and bearer: one check answers both.
	const v = key && token === apikey ? key : await verifyJwt(token, ctx.config.jwtSecret);
	if (!v.ok) return { ok: false, status: 401, reason: v.reason, message: v.message };
	return { ok: true, claims: v.claims, token };
}

function send(
	res: ServerResponse,
	status: number,
	headers: Record<string, string>,
	body?: string | Uint8Array | Readable | null
) {
	if (res.headersSent) return res.end();
	res.writeHead(status, { ...CORS_HEADERS, ...headers });
	if (body instanceof Readable) {
		// pipeline ends the response, and destroys the stream when the client goes away.
		return pipeline(body, res).catch(() => undefined);
	}
	res.end(body ?? undefined);
}

export interface Routes {
	[prefix: string]: Handler;
}

/** Creates the server; `routes` maps a prefix such as `/auth/v1` to its service. */
export function createStackServer(ctx: StackContext, routes: Routes): Server {
	const prefixes = Object.keys(routes).sort((a, b) => b.length - a.length);
	const server = createServer(async (req, res) => {
		try {
			if ((req.url ?? '').length > MAX_URL) {
				const r = json(414, { message: 'URI too long' });
				return send(res, r.status, r.headers!, r.body);
			}
			const url = new URL(req.url ?? '/', 'http://localhost');
			if (req.method === 'OPTIONS') return send(res, 204, {});
			const prefix = prefixes.find((p) => url.pathname === p || url.pathname.startsWith(p + '/'));
			if (!prefix) {
				const r = json(404, { message: 'no route matched' });
				return send(res, r.status, r.headers!, r.body);
			}
			const api = makeRequest(req, url, url.pathname.slice(prefix.length) || '/', ctx);
			const out = await routes[prefix](api, ctx);
			if (req.method === 'HEAD' && out.body instanceof Readable) out.body.destroy();
			const body = req.method === 'HEAD' ? null : out.body;
			send(res, out.status, out.headers ?? {}, body);
		} catch (e) {
			if (e instanceof HttpError) {
				const r = json(e.status, e.body, e.headers);
				return send(res, r.status, r.headers!, r.body);
			}
			console.error('[supabase/local] unhandled error', e);
			const r = json(500, { message: 'internal error in the local stack' });
			send(res, r.status, r.headers!, r.body);
		}
	});
	server.headersTimeout = 30_000;
	server.requestTimeout = 120_000;
	return server;
}
