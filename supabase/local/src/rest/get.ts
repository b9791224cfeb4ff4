/** GET and HEAD on a table or view: one statement giving the total, the page count and the body. */
import type { ApiRequest, ApiResponse } from '../http/types';
import { pgrst, singularity, tableNotFound } from './errors';
import { runStatement, toCount, withSchema, type RestContext } from './exec';
import {
	contentRange,
	headerRange,
	negotiate,
	parsePrefer,
	preferenceApplied,
	topRange,
	type Negotiated,
	type Prefs
} from './negotiate';
import { parseQuery, type QueryParams } from './parse';
import { attachQuery, Builder, countSql, levelSql, rootNode, wrapSql } from './read';
import type { Relation, SchemaCache } from './schema';
import { qualified, type Param } from './sql';

/** Letter-pair similarity (Dice), for "Perhaps you meant" hints. */
function similarity(a: string, b: string): number {
	const pairs = (s: string) =>
		new Set(Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2)));
	const pa = pairs(a.toLowerCase());
	const pb = pairs(b.toLowerCase());
	if (!pa.size || !pb.size) return a.toLowerCase() === b.toLowerCase() ? 1 : 0;
	let common = 0;
	for (const p of pa) if (pb.has(p)) common++;
	return (2 * common) / (pa.size + pb.size);
}

/** The closest name with a similarity of at least 0.75 (PostgREST's fuzzy hint threshold). */
export function closest(name: string, names: Iterable<string>): string | undefined {
	let best: string | undefined;
	let score = 0.75;
	for (const n of names) {
		const s = similarity(name, n);
		if (s >= score) [best, score] = [n, s];
	}
	return best;
}

/** The table or view called `name`, or PostgREST's 404 PGRST205. */
export function relationOrThrow(cache: SchemaCache, name: string): Relation {
	const rel = cache.relations.get(name);
	if (!rel) throw tableNotFound(name, closest(name, cache.relations.keys()));
	return rel;
}

/** Refuses query keys that are neither filters nor reserved: PostgREST would ignore them silently. */
export function refuseArgs(q: QueryParams): void {
	const [key, value] = q.args[0] ?? [];
	if (key === undefined) return;
	const op = /^([^.]+)\./.exec(value)?.[1];
	throw pgrst(
		400,
		'PGRST100',
		`"failed to parse filter (${value})" (line 1, column 1)`,
		op
			? `unknown single value operator ${op}`
			: `'${key}=${value}' has no operator; expecting e.g. ${key}=eq.${value}`
	);
}

export interface ReadRequest {
	q: QueryParams;
	neg: Negotiated;
	prefs: Prefs;
	range: { offset: number; limit?: number };
}

/** Parses what a GET on a table depends on: the query string and the Accept, Prefer, Range headers. */
export function readRequest(req: ApiRequest): ReadRequest {
	const q = parseQuery(req.url.searchParams);
	refuseArgs(q);
	return {
		q,
		neg: negotiate(req.header('accept')),
		prefs: parsePrefer(req.headers.prefer),
		range: topRange(headerRange(req), q.ranges.get(''))
	};
}

/** The one statement answering a GET on `name` (exported for the benchmark, which runs it directly). */
export function planRead(
	cache: SchemaCache,
	name: string,
	r: ReadRequest
): { sql: string; params: Param[] } {
	const rel = relationOrThrow(cache, name);
	const b = new Builder(cache);
	const root = rootNode(b, name, qualified(name), rel.byName, name, r.q.select);
	attachQuery(root, r.q);
	root.range = r.range;
	const total = r.prefs.count ? countSql(b, root) : 'null::bigint';
	return {
		sql: wrapSql(levelSql(b, root), total, r.neg.media, r.neg.stripNulls),
		params: b.params.values
	};
}

interface ReadPlan extends ReadRequest {
	sql: string;
	params: Param[];
}

// The statement of a GET depends only on the URL, a few headers and the schema: plans are reused.
const PLANS_MAX = 500;
const plans = new Map<string, ReadPlan>();

function cachedPlan(req: ApiRequest, cache: SchemaCache, name: string): ReadPlan {
	const prefer = req.headers.prefer;
	const key = [
		cache.version,
		req.method,
		name,
		req.url.search,
		req.header('accept') ?? '',
		Array.isArray(prefer) ? prefer.join(',') : (prefer ?? ''),
		req.header('range') ?? '',
		req.header('range-unit') ?? ''
	].join('\n');
	let plan = plans.get(key);
	if (!plan) {
		const r = readRequest(req);
		plan = { ...r, ...planRead(cache, name, r) };
		if (plans.size >= PLANS_MAX) plans.delete(plans.keys().next().value!);
		plans.set(key, plan);
	}
	return plan;
}

/** GET/HEAD on a table or view. */
export async function getTable(
	req: ApiRequest,
	ctx: RestContext,
	name: string
): Promise<ApiResponse> {
	return withSchema(ctx.db, async (cache) => {
		const r = cachedPlan(req, cache, name);
		const { sql, params } = r;
		const row = await runStatement(ctx, cache, sql, params);
		if (r.neg.media === 'object' && Number(row.n) !== 1) throw singularity(Number(row.n));
		return readResponse(row.body, Number(row.n), toCount(row.total), r.range.offset, {
			'content-type': r.neg.contentType,
			'content-location': `/${name}${r.q.canonical ? `?${r.q.canonical}` : ''}`,
			...preferenceApplied(r.prefs, ['count', 'handling']),
			...ctx.headers
		});
	});
}

/** Status and Content-Range of a read (tables and functions), 416 past the end as PostgREST does. */
export function readResponse(
	body: string | null,
	n: number,
	total: number | undefined,
	offset: number,
	headers: Record<string, string>
): ApiResponse {
	if (total !== undefined && offset > total) {
		const err = pgrst(
			416,
			'PGRST103',
			'Requested range not satisfiable',
			`An offset of ${offset} was requested, but there are only ${total} rows.`
		);
		return {
			status: 416,
			headers: {
				...headers,
				'content-type': 'application/json; charset=utf-8',
				'content-range': `*/${total}`
			},
			body: JSON.stringify(err.body)
		};
	}
	const status = total !== undefined && n < total ? 206 : 200;
	return {
		status,
		headers: { ...headers, 'content-range': contentRange(offset, offset + n - 1, total) },
		body: body ?? ''
	};
}
