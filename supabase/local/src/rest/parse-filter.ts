/**
 * PostgREST's filter grammar: `col=op.value`, `not.`, `in.()`, `is.`, fts with a config, `(any)`/`(all)`,
 * `or=(…)`/`and=(…)` logic trees and `order=` terms.
 */
import { Cursor, MAX_DEPTH, type Field } from './cursor';
import { parseError } from './errors';

export type Operation =
	| { kind: 'op'; op: string; value: string; quant?: 'any' | 'all' }
	| { kind: 'in'; values: string[] }
	| { kind: 'is'; value: 'null' | 'not_null' | 'true' | 'false' | 'unknown' }
	| { kind: 'fts'; op: string; config?: string; value: string };

export interface Filter {
	field: Field;
	not: boolean;
	operation: Operation;
}

export type LogicTree =
	| { type: 'filter'; filter: Filter }
	| { type: 'expr'; not: boolean; op: 'and' | 'or'; children: LogicTree[] };

export interface OrderTerm {
	relation?: string;
	field: Field;
	dir?: 'asc' | 'desc';
	nulls?: 'first' | 'last';
}

/** Embedded-resource paths are the dotted prefixes of a key (`site.city.name` → ['site','city']). */
export const OPERATORS: Record<string, string> = {
	eq: '=',
	neq: '<>',
	gt: '>',
	gte: '>=',
	lt: '<',
	lte: '<=',
	like: 'like',
	ilike: 'ilike',
	match: '~',
	imatch: '~*',
	cs: '@>',
	cd: '<@',
	ov: '&&',
	sl: '<<',
	sr: '>>',
	nxr: '&<',
	nxl: '&>',
	adj: '-|-',
	isdistinct: 'is distinct from'
};
export const FTS_OPERATORS = ['fts', 'plfts', 'phfts', 'wfts'];
const QUANTIFIABLE = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'match', 'imatch'];

function listValues(cur: Cursor): string[] {
	cur.skipSpaces();
	cur.expect('(');
	const values: string[] = [];
	for (;;) {
		const start = cur.pos;
		if (cur.peek() === '"') {
			const v = cur.quoted();
			if (cur.peek() === ',' || cur.peek() === ')') {
				values.push(v);
			} else {
				cur.pos = start;
				values.push(untilListEnd(cur));
			}
		} else values.push(untilListEnd(cur));
		if (cur.eat(',')) continue;
		cur.expect(')');
		cur.skipSpaces();
		return values;
	}
}

function untilListEnd(cur: Cursor): string {
	const start = cur.pos;
	while (!cur.eof && cur.peek() !== ',' && cur.peek() !== ')') cur.pos++;
	return cur.s.slice(start, cur.pos);
}

/** A value inside or=(…): quoted, a `{…}` array literal, or up to the next `,`/`)`. */
function logicValue(cur: Cursor): string {
	const start = cur.pos;
	if (cur.peek() === '"') {
		const v = cur.quoted();
		if (cur.eof || cur.peek() === ',' || cur.peek() === ')') return v;
		cur.pos = start;
	}
	if (cur.peek() === '{') {
		const end = cur.s.indexOf('}', cur.pos);
		const inner = end < 0 ? '' : cur.s.slice(cur.pos + 1, end);
		if (end >= 0 && !inner.includes('{')) {
			cur.pos = end + 1;
			return cur.s.slice(start, cur.pos);
		}
	}
	return untilListEnd(cur);
}

const restOfInput = (cur: Cursor) => {
	const v = cur.s.slice(cur.pos);
	cur.pos = cur.s.length;
	return v;
};

function operation(cur: Cursor, value: (c: Cursor) => string): Operation {
	if (cur.eat('in.')) return { kind: 'in', values: listValues(cur) };
	if (cur.eat('is.')) {
		const m = /^(not_null|null|true|false|unknown)/i.exec(cur.s.slice(cur.pos));
		if (!m) cur.fail('null or trilean value (unknown, true, false)');
		cur.pos += m[0].length;
		return { kind: 'is', value: m[0].toLowerCase() as 'null' };
	}
	const fts = /^(fts|plfts|phfts|wfts)(\(([\p{L}\p{N}_ $]+)\))?\./u.exec(cur.s.slice(cur.pos));
	if (fts) {
		cur.pos += fts[0].length;
		return { kind: 'fts', op: fts[1], config: fts[3]?.trim(), value: value(cur) };
	}
	const m = /^([a-z]+)(\((any|all)\))?\./.exec(cur.s.slice(cur.pos));
	if (!m || !(m[1] in OPERATORS)) {
		const op = cur.s.slice(cur.pos).split('.')[0];
		throw parseError(
			cur.what,
			cur.s,
			cur.pos,
			op ? `unknown single value operator ${op}` : 'expecting operator (eq, gt, ...)'
		);
	}
	if (m[3] && !QUANTIFIABLE.includes(m[1]))
		cur.fail(`an operator that takes (any) or (all), not ${m[1]}`);
	cur.pos += m[0].length;
	return { kind: 'op', op: m[1], value: value(cur), quant: m[3] as 'any' | 'all' | undefined };
}

function opExpr(cur: Cursor, value: (c: Cursor) => string): { not: boolean; operation: Operation } {
	const not = cur.eat('not.');
	return { not, operation: operation(cur, value) };
}

/** Splits a filter key into its embed path and field (`site.name`, `data->>a`). */
function treePath(key: string): { path: string[]; field: Field } {
	const cur = new Cursor(key, 'tree path');
	const names = [cur.fieldName()];
	while (cur.eat('.')) names.push(cur.fieldName());
	const path = cur.jsonPath();
	if (!cur.eof) cur.fail('delimiter (.), "->" or end of input');
	const name = names.pop()!;
	return { path: names, field: { name, path } };
}

/** Parses one `key=value` filter. */
export function parseFilter(key: string, value: string): { path: string[]; filter: Filter } {
	const { path, field } = treePath(key);
	const cur = new Cursor(value, `filter`);
	const expr = opExpr(cur, restOfInput);
	if (!cur.eof) cur.fail('end of input');
	return { path, filter: { field, ...expr } };
}

function logicTree(cur: Cursor, depth: number): LogicTree {
	if (depth > MAX_DEPTH) cur.fail(`at most ${MAX_DEPTH} levels of nested and/or`);
	cur.skipSpaces();
	const m = /^(not\.)?(and|or)\(/.exec(cur.s.slice(cur.pos));
	if (m) {
		cur.pos += m[0].length - 1;
		return {
			type: 'expr',
			not: !!m[1],
			op: m[2] as 'and' | 'or',
			children: logicChildren(cur, depth)
		};
	}
	const field = cur.field();
	cur.expect('.');
	return { type: 'filter', filter: { field, ...opExpr(cur, logicValue) } };
}

function logicChildren(cur: Cursor, depth: number): LogicTree[] {
	cur.expect('(');
	const children = [logicTree(cur, depth + 1)];
	for (;;) {
		cur.skipSpaces();
		if (cur.eat(',')) children.push(logicTree(cur, depth + 1));
		else break;
	}
	cur.expect(')');
	cur.skipSpaces();
	return children;
}

/** Parses `or=(…)`/`and=(…)` (key may be `not.or`, `site.or`). */
export function parseLogic(key: string, value: string): { path: string[]; tree: LogicTree } {
	const parts = key.split('.');
	const op = parts.pop() as 'and' | 'or';
	const not = parts[parts.length - 1] === 'not';
	if (not) parts.pop();
	const cur = new Cursor(value, 'logic tree');
	const children = logicChildren(cur, 0);
	if (!cur.eof) cur.fail('end of input');
	return { path: parts, tree: { type: 'expr', not, op, children } };
}

/** Parses `order=a.desc.nullslast,site(name).asc`. */
export function parseOrder(key: string, value: string): { path: string[]; terms: OrderTerm[] } {
	const path = key.split('.').slice(0, -1);
	const cur = new Cursor(value, 'order');
	const terms: OrderTerm[] = [];
	do {
		cur.skipSpaces();
		const term: OrderTerm = { field: { name: '', path: [] } };
		const name = cur.fieldName();
		if (cur.eat('(')) {
			term.relation = name;
			term.field = cur.field();
			cur.expect(')');
		} else term.field = { name, path: cur.jsonPath() };
		if (cur.eat('.asc')) term.dir = 'asc';
		else if (cur.eat('.desc')) term.dir = 'desc';
		if (cur.eat('.nullsfirst')) term.nulls = 'first';
		else if (cur.eat('.nullslast')) term.nulls = 'last';
		cur.skipSpaces();
		if (!cur.eof && cur.peek() !== ',')
			cur.fail('"asc", "desc", "nullsfirst", "nullslast", "," or end of input');
		terms.push(term);
	} while (cur.eat(','));
	return { path, terms };
}
