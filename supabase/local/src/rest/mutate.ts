/**
 * POST (insert, bulk insert, upsert), PATCH and DELETE on a table. The JSON body is one bind
 * parameter turned into rows by `json_to_recordset` with the columns' types from the schema cache;
 * the response is selected from the mutation's RETURNING rows like PostgREST's `pgrst_source`.
 */
import type { ApiRequest, ApiResponse } from '../http/types';
import { columnNotFound, invalidBody, notImplemented, pgrst, singularity } from './errors';
import { runStatement, toCount, withSchema, type RestContext, type ResultRow } from './exec';
import { relationOrThrow, refuseArgs } from './get';
import { contentRange, negotiate, parsePrefer, preferenceApplied, type Prefs } from './negotiate';
import { parseQuery, type QueryParams } from './parse';
import { attachQuery, Builder, conditions, levelSql, rootNode, wrapSql } from './read';
import type { Relation, SchemaCache } from './schema';
import { ident, qualified } from './sql';

type Row = Record<string, unknown>;

function checkSingle(n: number): void {
	if (n !== 1) throw singularity(n);
}

const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The request body as JSON; PostgREST's PGRST102 when it is empty or malformed. */
async function jsonBody(req: ApiRequest): Promise<unknown> {
	const type = (req.header('content-type') ?? 'application/json')
		.split(';')[0]
		.trim()
		.toLowerCase();
	if (type !== 'application/json' && type !== '*/*' && type !== '') {
		if (type === 'text/csv' || type === 'application/x-www-form-urlencoded')
			throw notImplemented(`a ${type} request body`);
		throw pgrst(415, 'PGRST107', `Content-Type not acceptable: ${type}`);
	}
	const body = await req.json();
	if (body === undefined) throw invalidBody('Empty or invalid json');
	return body;
}

function checkColumns(rel: Relation, cols: string[]): void {
	for (const c of cols) if (!rel.byName.has(c)) throw columnNotFound(rel.name, c);
}

/** `as _("a" integer, "b" text[])` for json_to_record(set). */
function recordDef(rel: Relation, cols: string[]): string {
	return `_(${cols.map((c) => `${ident(c)} ${rel.byName.get(c)!.type}`).join(', ')})`;
}

/** The representation (or nothing) selected from the mutated rows, wrapped into the result row. */
function resultSql(
	b: Builder,
	rel: Relation,
	q: QueryParams,
	prefs: Prefs,
	media: ReturnType<typeof negotiate>,
	target = qualified(rel.name)
): { returning: string; wrap: (mutation: string) => string } {
	if (prefs.return === 'representation') {
		const root = rootNode(b, rel.name, 'pgrst_source', rel.byName, rel.name, q.select);
		attachQuery(root, q, false);
		root.range = q.ranges.get('');
		const select = levelSql(b, root);
		return {
			returning: `returning ${target}.*`,
			wrap: (m) =>
				`with pgrst_source as (${m}) ${wrapSql(select, 'null::bigint', media.media, media.stripNulls)}`
		};
	}
	if (prefs.return === 'headers-only' && rel.pk.length) {
		const pk = rel.pk.map(ident).join(', ');
		return {
			returning: `returning ${rel.pk.map((c) => `${target}.${ident(c)}`).join(', ')}`,
			wrap: (m) =>
				`with pgrst_source as (${m}) select null::bigint as total, count(*) as n, json_agg(json_build_array(${pk}))::text as body from pgrst_source`
		};
	}
	// RETURNING 1 reads no column, so the table's SELECT policies are not involved (as in PostgREST).
	return {
		returning: 'returning 1',
		wrap: (m) =>
			`with pgrst_source as (${m}) select null::bigint as total, count(*) as n, null::text as body from pgrst_source`
	};
}

function insertRows(body: unknown, q: QueryParams): { rows: Row[]; cols: string[] } {
	const rows = Array.isArray(body) ? body : [body];
	if (!rows.every(isObject)) throw invalidBody('Empty or invalid json');
	if (q.columns) return { rows, cols: q.columns };
	const cols = rows.length ? Object.keys(rows[0]) : [];
	for (const r of rows) {
		const keys = Object.keys(r);
		if (keys.length !== cols.length || !keys.every((k) => cols.includes(k)))
			throw invalidBody('All object keys must match');
	}
	return { rows, cols };
}

/** The SELECT feeding the INSERT; with missing=default absent keys take the column default. */
function insertSource(
	b: Builder,
	rel: Relation,
	rows: Row[],
	cols: string[],
	prefs: Prefs
): string {
	const body = b.params.add(JSON.stringify(rows));
	const def = recordDef(rel, cols);
	const sparse = prefs.missing === 'default' && rows.some((r) => cols.some((c) => !(c in r)));
	if (!sparse) {
		return `select ${cols.map(ident).join(', ')} from json_to_recordset(${body}::json) as ${def}`;
	}
	const values = rows.map((r, i) => {
		const cells = cols.map((c) =>
			c in r
				? `(select _.${ident(c)} from json_to_record(${body}::json->${i}) as ${def})`
				: 'default'
		);
		return `(${cells.join(', ')})`;
	});
	return `values ${values.join(', ')}`;
}

function locationOf(rel: Relation, body: string | null, n: number): Record<string, string> {
	if (n !== 1 || !body) return {};
	const [values] = JSON.parse(body) as unknown[][];
	const qs = rel.pk.map(
		(c, i) => `${encodeURIComponent(c)}=eq.${encodeURIComponent(String(values[i]))}`
	);
	return { location: `/${rel.name}?${qs.join('&')}` };
}

/** POST: insert or upsert one or many rows. */
export async function postTable(
	req: ApiRequest,
	ctx: RestContext,
	name: string
): Promise<ApiResponse> {
	const q = parseQuery(req.url.searchParams);
	refuseArgs(q);
	const prefs = parsePrefer(req.headers.prefer);
	const media = negotiate(req.header('accept'));
	const body = await jsonBody(req);
	const { rows, cols } = insertRows(body, q);
	return withSchema(ctx.db, async (cache: SchemaCache) => {
		const rel = relationOrThrow(cache, name);
		checkColumns(rel, cols);
		if (q.onConflict) checkColumns(rel, q.onConflict);
		const conflictCols = q.onConflict ?? rel.pk;
		const resolution = conflictCols.length ? prefs.resolution : undefined;
		const b = new Builder(cache);
		const target = `${qualified(rel.name)}${cols.length ? ` (${cols.map(ident).join(', ')})` : ''}`;
		let mutation = `insert into ${target} ${cols.length ? insertSource(b, rel, rows, cols, prefs) : `select from json_array_elements(${b.params.add(JSON.stringify(rows))}::json)`}`;
		if (resolution) {
			const on = conflictCols.map(ident).join(', ');
			const set = cols.map((c) => `${ident(c)} = excluded.${ident(c)}`).join(', ');
			mutation +=
				resolution === 'ignore-duplicates' || !set
					? ` on conflict (${on}) do nothing`
					: ` on conflict (${on}) do update set ${set}`;
		}
		const out = resultSql(b, rel, q, prefs, media);
		const sql = out.wrap(`${mutation} ${out.returning}`);
		const single = prefs.return === 'representation' && media.media === 'object';
		const row = await runStatement(ctx, cache, sql, b.params.values, {
			check: single ? (r) => checkSingle(Number(r.n)) : undefined
		});
		const n = Number(row.n);
		const applied = { ...prefs, resolution };
		const headers: Record<string, string> = {
			'content-range': contentRange(1, 0, prefs.count ? n : undefined),
			...preferenceApplied(applied, ['resolution', 'missing', 'return', 'count', 'handling']),
			...ctx.headers
		};
		if (prefs.return === 'headers-only') Object.assign(headers, locationOf(rel, row.body, n));
		if (prefs.return !== 'representation') return { status: 201, headers, body: '' };
		return {
			status: 201,
			headers: { ...headers, 'content-type': media.contentType },
			body: row.body ?? ''
		};
	});
}

type Kind = 'update' | 'delete';

async function mutateFiltered(
	req: ApiRequest,
	ctx: RestContext,
	name: string,
	kind: Kind,
	body?: Row
): Promise<ApiResponse> {
	const q = parseQuery(req.url.searchParams);
	refuseArgs(q);
	const prefs = parsePrefer(req.headers.prefer);
	const media = negotiate(req.header('accept'));
	if (q.ranges.get(''))
		throw notImplemented(`limit/offset on ${kind === 'update' ? 'PATCH' : 'DELETE'}`);
	const cols = body ? (q.columns ?? Object.keys(body)) : [];
	return withSchema(ctx.db, async (cache) => {
		const rel = relationOrThrow(cache, name);
		checkColumns(rel, cols);
		const b = new Builder(cache);
		const target = rootNode(b, name, qualified(name), rel.byName, name, []);
		target.filters = q.filters.filter((f) => f.path.length === 0).map((f) => f.filter);
		target.logic = q.logic.filter((l) => l.path.length === 0).map((l) => l.tree);
		const conds = conditions(b, target);
		// Hosted Supabase loads pg-safeupdate: an UPDATE or DELETE must have a WHERE clause.
		if (!conds.length) {
			throw pgrst(400, '21000', `${kind.toUpperCase()} requires a WHERE clause`);
		}
		const alias = ident(target.scope.alias);
		const out = resultSql(b, rel, q, prefs, media, alias);
		const where = `where ${conds.join(' and ')}`;
		let mutation: string;
		if (kind === 'delete') mutation = `delete from ${qualified(name)} as ${alias} ${where}`;
		else if (!cols.length) mutation = `select * from ${qualified(name)} where false`;
		else {
			const set = cols.map((c) => `${ident(c)} = _.${ident(c)}`).join(', ');
			const src = `json_to_record(${b.params.add(JSON.stringify(body))}::json) as ${recordDef(rel, cols)}`;
			mutation = `update ${qualified(name)} as ${alias} set ${set} from ${src} ${where}`;
		}
		const sql = out.wrap(`${mutation} ${cols.length || kind === 'delete' ? out.returning : ''}`);
		const single = prefs.return === 'representation' && media.media === 'object';
		const max = prefs.handling === 'strict' ? prefs.maxAffected : undefined;
		const check = (r: ResultRow) => {
			const n = Number(r.n);
			if (single) checkSingle(n);
			if (max !== undefined && n > max) {
				throw pgrst(
					400,
					'PGRST124',
					'Query result exceeds max-affected preference constraint',
					`The query affects ${n} rows`
				);
			}
		};
		const row = await runStatement(ctx, cache, sql, b.params.values, {
			check: single || max !== undefined ? check : undefined
		});
		const n = Number(row.n);
		const total = prefs.count ? toCount(n) : undefined;
		const headers: Record<string, string> = {
			'content-range':
				kind === 'update' ? contentRange(0, n - 1, total) : contentRange(1, 0, total),
			...preferenceApplied(prefs, ['return', 'count', 'handling', 'maxAffected']),
			...ctx.headers
		};
		if (prefs.return !== 'representation') return { status: 204, headers, body: '' };
		return {
			status: 200,
			headers: { ...headers, 'content-type': media.contentType },
			body: row.body ?? ''
		};
	});
}

/** PATCH: update the filtered rows with the body's columns. */
export async function patchTable(
	req: ApiRequest,
	ctx: RestContext,
	name: string
): Promise<ApiResponse> {
	const body = await jsonBody(req);
	if (!isObject(body)) throw invalidBody('Empty or invalid json');
	return mutateFiltered(req, ctx, name, 'update', body);
}

/** DELETE: delete the filtered rows. */
export function deleteTable(req: ApiRequest, ctx: RestContext, name: string): Promise<ApiResponse> {
	return mutateFiltered(req, ctx, name, 'delete');
}
