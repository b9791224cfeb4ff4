/**
 * Filters, logic trees and ordering as SQL. Column names are checked against the schema cache and
 * quoted; every value is a bind parameter left untyped, so Postgres reads it as the column's type
 * exactly as it reads PostgREST's literals.
 */
import type { Field } from './cursor';
import { notImplemented, pgrst, undefinedColumn } from './errors';
import { OPERATORS, type Filter, type LogicTree, type OrderTerm } from './parse';
import type { Column } from './schema';
import { ident, type Params } from './sql';

/** What filters need to know about the relation they apply to. */
export interface Scope {
	/** Name used in error messages (`column calls.x does not exist`). */
	name: string;
	/** SQL alias of the relation in the statement. */
	alias: string;
	columns: Map<string, Column>;
	/**
	 * Embedded resources of this level by output key, as `exists (…)` SQL bodies, for
	 * `embed=is.null` / `embed=not.is.null` filters.
	 */
	embedExists?: (key: string) => string | undefined;
}

/** `"t0"."col"` with an optional JSON path; the column must exist. */
export function fieldSql(scope: Scope, field: Field, params: Params): string {
	if (!scope.columns.has(field.name)) throw undefinedColumn(scope.name, field.name);
	let sql = `${ident(scope.alias)}.${ident(field.name)}`;
	for (const step of field.path) {
		const key = step.index ? `${params.add(step.key)}::int` : params.text(step.key);
		sql = `(${sql}${step.arrow}${key})`;
	}
	return sql;
}

/** Elements of a Postgres array literal such as `{a,"b,c"}`, for `eq(any).{…}`. */
function arrayElements(value: string): string[] {
	const v = value.trim();
	if (!v.startsWith('{') || !v.endsWith('}')) {
		throw pgrst(
			400,
			'PGRST100',
			`"failed to parse filter (${value})"`,
			'expecting an array literal {a,b,…}'
		);
	}
	const body = v.slice(1, -1);
	if (body.trim() === '') return [];
	const out: string[] = [];
	let i = 0;
	while (i <= body.length) {
		let item = '';
		if (body[i] === '"') {
			i++;
			while (i < body.length && body[i] !== '"') {
				if (body[i] === '\\') i++;
				item += body[i++] ?? '';
			}
			i++;
		} else {
			while (i < body.length && body[i] !== ',') item += body[i++];
			item = item.trim();
		}
		out.push(item);
		if (body[i] === ',') i++;
		else break;
	}
	return out;
}

const likePattern = (op: string, v: string) =>
	op === 'like' || op === 'ilike' ? v.replace(/\*/g, '%') : v;

const FTS_FUNCTION: Record<string, string> = {
	fts: 'to_tsquery',
	plfts: 'plainto_tsquery',
	phfts: 'phraseto_tsquery',
	wfts: 'websearch_to_tsquery'
};

function embedNullFilter(scope: Scope, filter: Filter): string | undefined {
	if (filter.field.path.length || scope.columns.has(filter.field.name)) return undefined;
	const exists = scope.embedExists?.(filter.field.name);
	if (exists === undefined) return undefined;
	const op = filter.operation;
	if (op.kind !== 'is' || (op.value !== 'null' && op.value !== 'not_null')) {
		throw pgrst(
			400,
			'PGRST120',
			`Bad operator on the '${filter.field.name}' embedded resource`,
			'Only is null or not is null filters are allowed on embedded resources'
		);
	}
	const notNull = filter.not !== (op.value === 'not_null');
	return notNull ? `exists (${exists})` : `not exists (${exists})`;
}

/** One filter as a boolean SQL expression. */
export function filterSql(scope: Scope, filter: Filter, params: Params): string {
	const embedded = embedNullFilter(scope, filter);
	if (embedded) return embedded;
	const lhs = fieldSql(scope, filter.field, params);
	const op = filter.operation;
	let sql: string;
	switch (op.kind) {
		case 'is':
			sql = `${lhs} is ${op.value === 'not_null' ? 'not null' : op.value}`;
			break;
		case 'in':
			sql = op.values.length
				? `${lhs} in (${op.values.map((v) => params.add(v)).join(', ')})`
				: 'false';
			break;
		case 'fts': {
			const column = scope.columns.get(filter.field.name)!;
			const cfg = op.config ? `${params.text(op.config)}::regconfig, ` : '';
			const doc =
				column.typname === 'tsvector' && !filter.field.path.length
					? lhs
					: `to_tsvector(${cfg}${lhs})`;
			sql = `${doc} @@ ${FTS_FUNCTION[op.op]}(${cfg}${params.text(op.value)})`;
			break;
		}
		case 'op': {
			const sqlOp = OPERATORS[op.op];
			if (op.quant) {
				const parts = arrayElements(op.value).map(
					(v) => `${lhs} ${sqlOp} ${params.add(likePattern(op.op, v))}`
				);
				if (!parts.length) sql = op.quant === 'any' ? 'false' : 'true';
				else sql = `(${parts.join(op.quant === 'any' ? ' or ' : ' and ')})`;
			} else sql = `${lhs} ${sqlOp} ${params.add(likePattern(op.op, op.value))}`;
			break;
		}
	}
	return filter.not ? `not (${sql})` : sql;
}

/** An `and`/`or` tree as SQL. */
export function logicSql(scope: Scope, tree: LogicTree, params: Params): string {
	if (tree.type === 'filter') return filterSql(scope, tree.filter, params);
	const parts = tree.children.map((c) => logicSql(scope, c, params));
	const sql = `(${parts.join(tree.op === 'and' ? ' and ' : ' or ')})`;
	return tree.not ? `not ${sql}` : sql;
}

/** One `order` term; related (`site(name)`) terms are resolved by the caller into `expr`. */
export function orderSql(expr: string, term: OrderTerm): string {
	let sql = expr;
	if (term.dir) sql += ` ${term.dir}`;
	if (term.nulls) sql += ` nulls ${term.nulls}`;
	return sql;
}

/** Casts the select list may use; anything else is refused rather than spliced. */
const CASTS = new Set([
	'text',
	'varchar',
	'char',
	'int',
	'int2',
	'int4',
	'int8',
	'integer',
	'smallint',
	'bigint',
	'real',
	'float4',
	'float8',
	'double precision',
	'numeric',
	'decimal',
	'bool',
	'boolean',
	'json',
	'jsonb',
	'uuid',
	'date',
	'time',
	'timetz',
	'timestamp',
	'timestamptz',
	'interval',
	'bytea',
	'money',
	'inet',
	'cidr',
	'tsvector',
	'oid',
	'name',
	'citext'
]);

/** A cast type from the select list, as trusted SQL text. */
export function castSql(cast: string): string {
	const t = cast.toLowerCase().replace(/\s+/g, ' ').trim();
	if (!CASTS.has(t))
		throw notImplemented(`the cast '::${cast}' (allowed: ${[...CASTS].join(', ')})`);
	return t;
}
