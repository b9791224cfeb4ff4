/**
 * The read plan: the select tree with embedded resources resolved over foreign keys, the filters,
 * order and ranges attached to each level, and its SQL. To-one embeds are scalar subqueries giving an
 * object (or null), to-many ones `json_agg` arrays; `!inner` adds an `exists` to the parent.
 */
import { castSql, fieldSql, filterSql, logicSql, orderSql, type Scope } from './filters';
import { notEmbedded, notImplemented, pgrst } from './errors';
import type { Filter, LogicTree, OrderTerm, QueryParams, SelectItem } from './parse';
import { findRelationship, type Relationship } from './relationships';
import type { Column, SchemaCache } from './schema';
import { ident, qualified, Params } from './sql';

export interface ReadNode {
	scope: Scope;
	/** The relation in the schema cache, for embedding from this level (null for e.g. a scalar rpc). */
	relName: string | null;
	/** The FROM item, without alias. */
	from: string;
	key: string;
	items: SelectItem[];
	embeds: EmbedNode[];
	filters: Filter[];
	logic: LogicTree[];
	orderTerms: OrderTerm[];
	range?: { offset: number; limit?: number };
	compiled?: string[];
}

export interface EmbedNode extends ReadNode {
	rel: Relationship;
	parent: ReadNode;
	inner: boolean;
	spread: boolean;
	hidden: boolean;
	toOne: boolean;
	junctionAlias?: string;
}

/** Holds the parameters and alias counter of one statement. */
export class Builder {
	readonly params = new Params();
	#n = 0;
	constructor(readonly cache: SchemaCache) {}
	alias(prefix = 't'): string {
		return `${prefix}${this.#n++}`;
	}
}

/** The root node over a relation of the schema cache (or any FROM item with known columns). */
export function rootNode(
	b: Builder,
	name: string,
	from: string,
	columns: Map<string, Column>,
	relName: string | null,
	items: SelectItem[]
): ReadNode {
	const node: ReadNode = {
		scope: { name, alias: b.alias(), columns },
		relName,
		from,
		key: name,
		items,
		embeds: [],
		filters: [],
		logic: [],
		orderTerms: []
	};
	addEmbeds(b, node);
	return node;
}

function addEmbeds(b: Builder, node: ReadNode): void {
	node.scope.embedExists = (key) => {
		const child = node.embeds.find((e) => e.key === key);
		return child ? `select 1 ${fromWhere(b, child)}` : undefined;
	};
	for (const item of node.items) {
		if (item.type !== 'embed') continue;
		if (!node.relName) {
			throw pgrst(
				400,
				'PGRST200',
				`Could not find a relationship between '${node.scope.name}' and '${item.name}' in the schema cache`
			);
		}
		const rel = findRelationship(b.cache, node.relName, item.name, item.hint);
		const target = b.cache.relations.get(rel.target)!;
		const toOne = rel.cardinality === 'many-to-one' || rel.cardinality === 'one-to-one';
		if (item.spread && !toOne)
			throw notImplemented(`spreading the to-many embedding '...${item.name}'`);
		const child: EmbedNode = {
			scope: { name: rel.target, alias: b.alias(), columns: target.byName },
			relName: rel.target,
			from: qualified(rel.target),
			key: item.alias ?? item.name,
			items: item.items,
			embeds: [],
			filters: [],
			logic: [],
			orderTerms: [],
			rel,
			parent: node,
			inner: item.join === 'inner',
			spread: item.spread,
			hidden: item.items.length === 0,
			toOne,
			junctionAlias: rel.junction ? b.alias('j') : undefined
		};
		node.embeds.push(child);
		addEmbeds(b, child);
	}
}

function findNode(root: ReadNode, path: string[]): ReadNode {
	let node = root;
	for (let i = 0; i < path.length; i++) {
		const next: ReadNode | undefined =
			node.embeds.find((e) => e.key === path[i]) ??
			node.embeds.find((e) => e.rel.target === path[i]);
		if (!next) throw notEmbedded(path.slice(0, i + 1).join('.'));
		node = next;
	}
	return node;
}

/** Attaches the query's filters, logic trees, orders and ranges to the levels they name. */
export function attachQuery(root: ReadNode, q: QueryParams, rootFilters = true): void {
	for (const f of q.filters) {
		if (!rootFilters && f.path.length === 0) continue;
		findNode(root, f.path).filters.push(f.filter);
	}
	for (const l of q.logic) {
		if (!rootFilters && l.path.length === 0) continue;
		findNode(root, l.path).logic.push(l.tree);
	}
	for (const o of q.order) findNode(root, o.path).orderTerms.push(...o.terms);
	for (const [path, range] of q.ranges) {
		if (path === '') continue;
		findNode(root, path.split('.')).range = range;
	}
}

/** The WHERE conditions of a level: its filters, logic trees and its `!inner` embeds. */
export function conditions(b: Builder, node: ReadNode): string[] {
	if (node.compiled) return node.compiled;
	const conds = [
		...node.filters.map((f) => filterSql(node.scope, f, b.params)),
		...node.logic.map((t) => logicSql(node.scope, t, b.params))
	];
	for (const e of node.embeds) if (e.inner) conds.push(`exists (select 1 ${fromWhere(b, e)})`);
	node.compiled = conds;
	return conds;
}

function joinConditions(e: EmbedNode): string[] {
	const p = ident(e.parent.scope.alias);
	const t = ident(e.scope.alias);
	const j = e.rel.junction;
	if (j) {
		const ja = ident(e.junctionAlias!);
		return j.sourcePairs.map(([jc, pc]) => `${ja}.${ident(jc)} = ${p}.${ident(pc)}`);
	}
	return e.rel.pairs.map(([pc, tc]) => `${t}.${ident(tc)} = ${p}.${ident(pc)}`);
}

function fromClause(e: ReadNode): string {
	let sql = `from ${e.from} as ${ident(e.scope.alias)}`;
	const emb = e as EmbedNode;
	if (emb.rel?.junction) {
		const ja = ident(emb.junctionAlias!);
		const on = emb.rel.junction.destPairs
			.map(([jc, tc]) => `${ja}.${ident(jc)} = ${ident(e.scope.alias)}.${ident(tc)}`)
			.join(' and ');
		sql += ` inner join ${qualified(emb.rel.junction.table)} as ${ja} on ${on}`;
	}
	return sql;
}

/** `from … where …` of an embedded level, correlated to its parent row. */
function fromWhere(b: Builder, e: EmbedNode): string {
	const conds = [...joinConditions(e), ...conditions(b, e)];
	return `${fromClause(e)} where ${conds.join(' and ')}`;
}

function outputKey(item: Extract<SelectItem, { type: 'field' }>): string {
	if (item.alias) return item.alias;
	const last = item.field.path[item.field.path.length - 1];
	return last && !last.index ? last.key : item.field.name;
}

function selectList(b: Builder, node: ReadNode, laterals: string[]): string {
	const cols: string[] = [];
	let embedIndex = 0;
	for (const item of node.items) {
		if (item.type === 'star') cols.push(`${ident(node.scope.alias)}.*`);
		else if (item.type === 'field') {
			let expr = fieldSql(node.scope, item.field, b.params);
			if (item.cast) expr = `cast(${expr} as ${castSql(item.cast)})`;
			cols.push(`${expr} as ${ident(outputKey(item))}`);
		} else {
			const e = node.embeds[embedIndex++];
			if (e.hidden) continue;
			if (e.spread) {
				const s = ident(b.alias('s'));
				laterals.push(`left join lateral (${levelSql(b, e)}) as ${s} on true`);
				cols.push(`${s}.*`);
			} else cols.push(`${embedSql(b, e)} as ${ident(e.key)}`);
		}
	}
	// An empty list is valid SQL (`select from t`): each row becomes `{}`, as in PostgREST.
	return cols.join(', ');
}

function orderList(b: Builder, node: ReadNode): string[] {
	return node.orderTerms.map((term) => {
		if (!term.relation) return orderSql(fieldSql(node.scope, term.field, b.params), term);
		const e =
			node.embeds.find((x) => x.key === term.relation) ??
			node.embeds.find((x) => x.rel.target === term.relation);
		if (!e) throw notEmbedded(term.relation);
		if (!e.toOne) {
			throw pgrst(
				400,
				'PGRST118',
				`A related order on '${e.key}' is not possible`,
				`'${node.scope.name}' and '${e.rel.target}' do not form a many-to-one or one-to-one relationship`
			);
		}
		return orderSql(`(select ${fieldSql(e.scope, term.field, b.params)} ${fromWhere(b, e)})`, term);
	});
}

function rangeSql(b: Builder, range?: { offset: number; limit?: number }): string {
	let sql = '';
	if (range?.limit !== undefined) sql += ` limit ${b.params.add(range.limit)}`;
	if (range?.offset) sql += ` offset ${b.params.add(range.offset)}`;
	return sql;
}

/** The SELECT of one level (embedded levels are correlated to their parent). */
export function levelSql(b: Builder, node: ReadNode, extraConds: string[] = []): string {
	const laterals: string[] = [];
	const list = selectList(b, node, laterals);
	const emb = node as EmbedNode;
	const conds = [...(emb.rel ? joinConditions(emb) : []), ...conditions(b, node), ...extraConds];
	let sql = `select ${list} ${fromClause(node)}`;
	if (laterals.length) sql += ' ' + laterals.join(' ');
	if (conds.length) sql += ` where ${conds.join(' and ')}`;
	const order = orderList(b, node);
	if (order.length) sql += ` order by ${order.join(', ')}`;
	return sql + rangeSql(b, node.range);
}

function embedSql(b: Builder, e: EmbedNode): string {
	const a = ident(b.alias('e'));
	if (e.toOne) return `(select to_json(${a}) from (${levelSql(b, e)}) as ${a})`;
	return `coalesce((select json_agg(${a}) from (${levelSql(b, e)}) as ${a}), '[]')`;
}

/** `select count(*)` of the root level with its filters, ignoring order and range. */
export function countSql(b: Builder, root: ReadNode): string {
	const conds = conditions(b, root);
	return `(select count(*) ${fromClause(root)}${conds.length ? ` where ${conds.join(' and ')}` : ''})`;
}

export type Media = 'json' | 'object' | 'csv';

/**
 * The aggregate producing the response body from the rows of `_postgrest_t`, as PostgREST does.
 * `single` is for functions returning one row: the body is that object (or null), not an array.
 */
export function bodySql(media: Media, stripNulls: boolean, single = false): string {
	const row = stripNulls ? 'json_strip_nulls(to_json(_postgrest_t))' : '_postgrest_t';
	if (media === 'object') {
		const one = stripNulls
			? `json_strip_nulls(json_agg(_postgrest_t)->0)`
			: `json_agg(_postgrest_t)->0`;
		return `case when count(_postgrest_t) = 1 then (${one})::text end`;
	}
	if (media === 'csv') {
		return `coalesce((select string_agg(k, ',') from json_object_keys((array_agg(row_to_json(_postgrest_t)))[1]) as k), '')
			|| chr(10) || coalesce(string_agg(substring(_postgrest_t::text, 2, length(_postgrest_t::text) - 2), chr(10)), '')`;
	}
	if (single) return `coalesce(json_agg(${row})->0, 'null')::text`;
	return `coalesce(json_agg(${row}), '[]')::text`;
}

/** Wraps a level's SELECT into the one-row result: total, page count and body. */
export function wrapSql(
	inner: string,
	total: string,
	media: Media,
	stripNulls: boolean,
	single = false
): string {
	return `select ${total} as total, count(_postgrest_t) as n, ${bodySql(media, stripNulls, single)} as body from (${inner}) as _postgrest_t`;
}
