/**
 * /rpc/<fn>: functions of the public schema called with named arguments — a JSON object body (POST)
 * or query parameters (GET/HEAD, in a read-only transaction). The arguments become one JSON
 * parameter typed by `json_to_record`. Results: a scalar, an array of scalars, an object, or
 * filterable/orderable rows for set-returning functions; void answers 204.
 */
import type { ApiRequest, ApiResponse } from '../http/types';
import { invalidBody, notImplemented, pgrst, singularity } from './errors';
import { runStatement, toCount, withSchema, type RestContext } from './exec';
import { closest, readResponse, refuseArgs } from './get';
import { headerRange, negotiate, parsePrefer, preferenceApplied, topRange } from './negotiate';
import { parseQuery, type QueryParams } from './parse';
import { attachQuery, Builder, countSql, levelSql, rootNode, wrapSql } from './read';
import type { Routine, SchemaCache } from './schema';
import { ident, qualified } from './sql';

function noFunction(cache: SchemaCache, name: string, keys: string[], post: boolean) {
	const prms = keys.length ? `(${keys.join(', ')})` : ' without parameters';
	const dets = keys.length
		? ` with parameter${keys.length > 1 ? 's' : ''} ${keys.join(', ')}`
		: ' without parameters';
	const similar = closest(name, cache.routines.keys());
	return pgrst(
		404,
		'PGRST202',
		`Could not find the function public.${name}${prms} in the schema cache`,
		`Searched for the function public.${name}${dets}${post ? ' or with a single unnamed json/jsonb parameter' : ''}, but no matches were found in the schema cache.`,
		similar && similar !== name ? `Perhaps you meant to call the function public.${similar}` : null
	);
}

const isJsonType = (t: string) => t === 'json' || t === 'jsonb';

/** Picks the overload whose named parameters fit the given keys, as PostgREST does. */
function chooseRoutine(
	cache: SchemaCache,
	name: string,
	keys: string[],
	post: boolean,
	singleObject: boolean
): { routine: Routine; whole: boolean } {
	const all = cache.routines.get(name) ?? [];
	const named = all.filter(
		(r) =>
			r.args.every((a) => a.name !== '') &&
			keys.every((k) => r.args.some((a) => a.name === k)) &&
			r.args.every((a) => a.hasDefault || keys.includes(a.name))
	);
	const wholeBody = all.filter(
		(r) =>
			post &&
			r.args.length === 1 &&
			isJsonType(r.args[0].type) &&
			(r.args[0].name === '' || singleObject)
	);
	const candidates =
		singleObject && wholeBody.length ? wholeBody : named.length ? named : wholeBody;
	if (candidates.length === 1)
		return { routine: candidates[0], whole: !named.includes(candidates[0]) };
	if (!candidates.length) throw noFunction(cache, name, keys, post);
	throw pgrst(
		300,
		'PGRST203',
		`Could not choose the best candidate function between: ${candidates
			.map((r) => `public.${name}(${r.args.map((a) => `${a.name} => ${a.type}`).join(', ')})`)
			.join(', ')}`,
		null,
		'Try renaming the parameters or the function itself in the database so function overloading can be resolved'
	);
}

/** The function call with its arguments read from one JSON parameter. */
function callSql(
	b: Builder,
	r: Routine,
	args: Record<string, unknown>,
	whole: boolean
): { from: string; call: string } {
	const fn = qualified(r.name);
	if (whole)
		return { from: '', call: `${fn}(${b.params.add(JSON.stringify(args))}::${r.args[0].type})` };
	const used = r.args.filter((a) => a.name in args);
	if (!used.length) return { from: '', call: `${fn}()` };
	const def = used.map((a) => `${ident(a.name)} ${a.type}`).join(', ');
	const from = `json_to_record(${b.params.add(JSON.stringify(args))}::json) as _a(${def})`;
	const named = used.map(
		(a) => `${a.variadic ? 'variadic ' : ''}${ident(a.name)} := _a.${ident(a.name)}`
	);
	return { from, call: `${fn}(${named.join(', ')})` };
}

async function rpcArgs(req: ApiRequest, q: QueryParams): Promise<Record<string, unknown>> {
	if (req.method !== 'POST') {
		const args: Record<string, unknown> = {};
		for (const [k, v] of q.args) {
			if (k in args)
				throw notImplemented(`repeating the function argument '${k}' in the query string`);
			args[k] = v;
		}
		return args;
	}
	const type = (req.header('content-type') ?? 'application/json')
		.split(';')[0]
		.trim()
		.toLowerCase();
	if (type && type !== 'application/json')
		throw notImplemented(`calling a function with a ${type} body`);
	const body = await req.json();
	if (body === undefined) return {};
	if (Array.isArray(body)) throw notImplemented('calling a function with a JSON array body');
	if (typeof body !== 'object' || body === null) throw invalidBody('Empty or invalid json');
	return body as Record<string, unknown>;
}

function refuseScalarShaping(q: QueryParams): void {
	if (q.filters.length || q.logic.length || q.order.length || q.ranges.size)
		throw notImplemented(
			'filtering, ordering or paging the result of a function returning scalars'
		);
	if (q.select.length !== 1 || q.select[0].type !== 'star')
		throw notImplemented('select= on the result of a function returning scalars');
}

/** POST, GET or HEAD on /rpc/<fn>. */
export async function callRpc(
	req: ApiRequest,
	ctx: RestContext,
	name: string
): Promise<ApiResponse> {
	const post = req.method === 'POST';
	const q = parseQuery(req.url.searchParams);
	if (post) refuseArgs(q);
	const prefs = parsePrefer(req.headers.prefer);
	const neg = negotiate(req.header('accept'));
	const args = await rpcArgs(req, q);
	const range = topRange(headerRange(req), q.ranges.get(''));
	return withSchema(ctx.db, async (cache) => {
		const { routine: r, whole } = chooseRoutine(
			cache,
			name,
			Object.keys(args),
			post,
			prefs.params === 'single-object'
		);
		const b = new Builder(cache);
		const { from, call } = callSql(b, r, args, whole);
		const lateral = from ? `from ${from} cross join lateral` : 'from';
		let sql: string;
		if (r.returnKind === 'void' || r.returnKind === 'scalar') {
			refuseScalarShaping(q);
			const src = r.returnsSet
				? `select pgrst_scalar ${lateral} ${call} as pgrst_scalar`
				: `select ${call} as pgrst_scalar${from ? ` from ${from}` : ''}`;
			const agg = r.returnsSet
				? `coalesce(json_agg(_postgrest_t.pgrst_scalar), '[]')`
				: `coalesce(json_agg(_postgrest_t.pgrst_scalar)->0, 'null')`;
			const body =
				neg.media === 'object' && r.returnsSet ? `(json_agg(_postgrest_t.pgrst_scalar)->0)` : agg;
			if (neg.media === 'csv') throw notImplemented('text/csv for a function returning scalars');
			sql = `select null::bigint as total, count(*) as n, ${body}::text as body from (${src}) as _postgrest_t`;
		} else if (r.returnKind === 'record') {
			throw notImplemented(
				`calling public.${name}, which returns an undescribed record (declare OUT parameters or RETURNS TABLE)`
			);
		} else {
			const columns = new Map(r.returnColumns.map((c) => [c.name, c]));
			const root = rootNode(b, name, 'pgrst_source', columns, r.returnTable, q.select);
			attachQuery(root, q);
			root.range = range;
			const total = prefs.count ? countSql(b, root) : 'null::bigint';
			const source = `select _f.* ${lateral} ${call} as _f`;
			const wrapped = wrapSql(levelSql(b, root), total, neg.media, neg.stripNulls, !r.returnsSet);
			sql = `with pgrst_source as (${source}) ${wrapped}`;
		}
		const single = (n: number) => {
			if (n !== 1) throw singularity(n);
		};
		// A POST may have written: a wrong row count must roll it back.
		const row = await runStatement(ctx, cache, sql, b.params.values, {
			readOnly: !post,
			check: post && neg.media === 'object' ? (r) => single(Number(r.n)) : undefined
		});
		if (neg.media === 'object') single(Number(row.n));
		const headers = { ...preferenceApplied(prefs, ['count', 'handling']), ...ctx.headers };
		if (r.returnKind === 'void')
			return { status: 204, headers: { ...headers, 'content-range': '0-0/*' }, body: '' };
		const res = readResponse(row.body, Number(row.n), toCount(row.total), range.offset, {
			...headers,
			'content-type': neg.contentType
		});
		return res;
	});
}
