/**
 * /rest/v1 — PostgREST's behaviour for the subset supabase-js uses: reads with embedding and filters,
 * inserts, upserts, updates, deletes, rpc, and the OpenAPI root. Every request runs as its caller in
 * one transaction so row-level security decides.
 */
import type { ApiRequest, ApiResponse, Handler, StackContext } from '../http/types';
import { callerError, notImplemented, pgrst } from './errors';
import type { RestContext } from './exec';
import { getTable } from './get';
import { deleteTable, patchTable, postTable } from './mutate';
import { checkProfile } from './negotiate';
import { openApi } from './openapi';
import { callRpc } from './rpc';

export { reloadSchema } from './schema';

const invalidPath = () => pgrst(404, 'PGRST125', 'Invalid path specified in request URL');

function segments(path: string): string[] {
	try {
		return path
			.split('/')
			.filter(Boolean)
			.map((s) => decodeURIComponent(s));
	} catch {
		throw invalidPath();
	}
}

function bearer(req: ApiRequest): string | undefined {
	const auth = req.header('authorization');
	if (auth && /^bearer\s+/i.test(auth)) return auth.replace(/^bearer\s+/i, '').trim();
	return req.header('apikey');
}

const unsupportedMethod = (method: string) =>
	pgrst(405, 'PGRST117', `Unsupported HTTP method: ${method}`);

/** A known length spares the client chunked decoding (and HEAD reports the length GET would send). */
function withLength(res: ApiResponse): ApiResponse {
	// No Content-Length on 204 (RFC 9110 forbids it).
	if (typeof res.body === 'string' && res.status !== 204) {
		res.headers = { ...res.headers, 'content-length': String(Buffer.byteLength(res.body)) };
	}
	return res;
}

export const restHandler: Handler = async (req, stack) => withLength(await route(req, stack));

async function route(req: ApiRequest, stack: StackContext): Promise<ApiResponse> {
	const caller = await req.caller();
	if (!caller.ok) throw callerError(caller, bearer(req));
	const ctx: RestContext = {
		db: stack.db,
		claims: caller.claims,
		authed: caller.claims.role !== 'anon',
		headers: checkProfile(req)
	};
	const parts = segments(req.path);
	const method = req.method;
	if (parts.length === 0) {
		if (method === 'GET' || method === 'HEAD') return openApi(req, ctx);
		throw unsupportedMethod(method);
	}
	if (parts[0] === 'rpc' && parts.length === 2) {
		if (method === 'GET' || method === 'HEAD' || method === 'POST')
			return callRpc(req, ctx, parts[1]);
		throw pgrst(405, 'PGRST101', `Cannot use the ${method} method on RPC`);
	}
	if (parts.length !== 1) throw invalidPath();
	const table = parts[0];
	switch (method) {
		case 'GET':
		case 'HEAD':
			return getTable(req, ctx, table);
		case 'POST':
			return postTable(req, ctx, table);
		case 'PATCH':
			return patchTable(req, ctx, table);
		case 'DELETE':
			return deleteTable(req, ctx, table);
		case 'PUT':
			throw notImplemented(
				'PUT (single-row upsert); use POST with Prefer: resolution=merge-duplicates'
			);
		default:
			throw unsupportedMethod(method);
	}
}
