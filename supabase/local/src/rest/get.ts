/** GET and HEAD on a table or view: one statement giving the total, the page count and the body. */
import type { ApiRequest, ApiResponse } from '../http/types';
import { pgrst, singularity, tableNotFound } from './errors';
import { inTransaction, queryResult, toCount, withSchema, type RestContext } from './exec';
import {
	contentRange,
	headerRange,
	negotiate,
	parsePrefer,
	preferenceApplied,
	topRange
} from './negotiate';
import { parseQuery, type QueryParams } from './parse';
import { attachQuery, Builder, countSql, levelSql, rootNode, wrapSql } from './read';
import type { Relation, SchemaCache } from './schema';
import { qualified } from './sql';

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
	throw pgrst(
		400,
		'PGRST100',
		`"failed to parse filter (${value})" (line 1, column 1)`,
		`'${key}=${value}' has no operator; expecting e.g. ${key}=eq.${value}`
	);
}

export async function getTable(
	req: ApiRequest,
	ctx: RestContext,
	name: string
): Promise<ApiResponse> {
	const q = parseQuery(req.url.searchParams);
	refuseArgs(q);
	const neg = negotiate(req.header('accept'));
	const prefs = parsePrefer(req.headers.prefer);
	const range = topRange(headerRange(req), q.ranges.get(''));
	return withSchema(ctx.db, async (cache) => {
		const rel = relationOrThrow(cache, name);
		const b = new Builder(cache);
		const root = rootNode(b, name, qualified(name), rel.byName, name, q.select);
		attachQuery(root, q);
		root.range = range;
		const total = prefs.count ? countSql(b, root) : 'null::bigint';
		const sql = wrapSql(levelSql(b, root), total, neg.media, neg.stripNulls);
		const row = await inTransaction(ctx, async (tx) => {
			const r = await queryResult(tx, sql, b.params.values);
			if (neg.media === 'object' && Number(r.n) !== 1) throw singularity(Number(r.n));
			return r;
		});
		return readResponse(row.body, Number(row.n), toCount(row.total), range.offset, {
			'content-type': neg.contentType,
			'content-location': `/${name}${q.canonical ? `?${q.canonical}` : ''}`,
			...preferenceApplied(prefs, ['count', 'handling']),
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
