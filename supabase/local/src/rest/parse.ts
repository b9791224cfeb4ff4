/**
 * PostgREST's query-string grammar: `select`, filters (`col=op.value`, `not.`, `in.()`, `is.`, fts),
 * `or`/`and` logic trees, `order`, `limit`/`offset` (also per embedded resource), `columns` and
 * `on_conflict`. Errors are PGRST100 with the failing column, as PostgREST reports them.
 */
import { Cursor, type Field } from './cursor';
import { parseError, pgrst } from './errors';

export type SelectItem =
	| { type: 'star' }
	| { type: 'field'; field: Field; alias?: string; cast?: string }
	| {
			type: 'embed';
			name: string;
			alias?: string;
			hint?: string;
			join?: 'inner' | 'left';
			spread: boolean;
			items: SelectItem[];
	  };

export type Operation =
	| { kind: 'op'; op: string; value: string; quant?: 'any' | 'all' }
	| { kind: 'in'; values: string[] }
	| { kind: 'is'; value: 'null' | 'true' | 'false' | 'unknown' }
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
export interface QueryParams {
	select: SelectItem[];
	filters: { path: string[]; filter: Filter }[];
	logic: { path: string[]; tree: LogicTree }[];
	order: { path: string[]; terms: OrderTerm[] }[];
	/** Keyed by the dotted embed path; '' is the top level. */
	ranges: Map<string, { offset: number; limit?: number }>;
	columns?: string[];
	onConflict?: string[];
	/** Keys without an operator: function arguments for GET /rpc. */
	args: [string, string][];
	/** The query string sorted by key, for Content-Location. */
	canonical: string;
}

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
const AGGREGATES = ['count', 'sum', 'avg', 'max', 'min'];
const MAX_DEPTH = 16;

const aggregatesRefused = () => pgrst(400, 'PGRST123', 'Use of aggregate functions is not allowed');

function atItemEnd(cur: Cursor): boolean {
	cur.skipSpaces();
	return cur.eof || cur.peek() === ',' || cur.peek() === ')';
}

function selectItem(cur: Cursor, depth: number): SelectItem {
	cur.skipSpaces();
	if (cur.eat('...')) {
		const name = cur.fieldName();
		const params = embedParams(cur);
		return { type: 'embed', name, ...params, spread: true, items: embedItems(cur, name, depth) };
	}
	if (cur.peek() === '*') {
		cur.pos++;
		if (!atItemEnd(cur)) cur.fail('")", "," or end of input');
		return { type: 'star' };
	}
	let alias: string | undefined;
	let name = cur.fieldName();
	if (cur.peek() === ':' && cur.peek(1) !== ':') {
		cur.pos++;
		alias = name;
		if (cur.eat('...')) cur.fail('field name (an alias cannot be given to a spread)');
		name = cur.fieldName();
	}
	if (cur.peek() === '!' || cur.peek() === '(') {
		const params = embedParams(cur);
		if (name === 'count' && cur.startsWith('()')) throw aggregatesRefused();
		return {
			type: 'embed',
			name,
			alias,
			...params,
			spread: false,
			items: embedItems(cur, name, depth)
		};
	}
	const path = cur.jsonPath();
	let cast: string | undefined;
	if (cur.eat('::')) cast = cur.identifier();
	if (cur.peek() === '.') {
		const m = /^\.(\w+)\(\)/.exec(cur.s.slice(cur.pos));
		if (m && AGGREGATES.includes(m[1])) throw aggregatesRefused();
	}
	if (!atItemEnd(cur))
		cur.fail('letter, digit, "-", "->>", "->", "::", "!", "(", ")", "," or end of input');
	return { type: 'field', field: { name, path }, alias, cast };
}

function embedParams(cur: Cursor): { hint?: string; join?: 'inner' | 'left' } {
	const out: { hint?: string; join?: 'inner' | 'left' } = {};
	for (let i = 0; i < 2 && cur.eat('!'); i++) {
		if (/^(inner|left)(?=[!(])/.test(cur.s.slice(cur.pos))) {
			out.join = cur.s.startsWith('inner', cur.pos) ? 'inner' : 'left';
			cur.pos += out.join.length;
		} else out.hint = cur.fieldName();
	}
	return out;
}

function embedItems(cur: Cursor, name: string, depth: number): SelectItem[] {
	if (depth >= MAX_DEPTH) cur.fail(`at most ${MAX_DEPTH} levels of embedding`);
	cur.expect('(');
	cur.skipSpaces();
	const items = cur.peek() === ')' ? [] : forest(cur, depth + 1);
	cur.expect(')');
	if (!atItemEnd(cur)) cur.fail(`")", "," or end of input after the '${name}' embedding`);
	return items;
}

function forest(cur: Cursor, depth: number): SelectItem[] {
	const items = [selectItem(cur, depth)];
	while (cur.eat(',')) items.push(selectItem(cur, depth));
	cur.skipSpaces();
	return items;
}

/** Parses `select=`; PostgREST's default is `*`. */
export function parseSelect(s: string): SelectItem[] {
	const cur = new Cursor(s, `select parameter`);
	const items = forest(cur, 0);
	if (!cur.eof) cur.fail('"," or end of input');
	return items;
}

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
		const m = /^(null|true|false|unknown)/i.exec(cur.s.slice(cur.pos));
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

/** Parses `columns=` and `on_conflict=`: field names separated by commas. */
export function parseColumns(what: string, value: string): string[] {
	const cur = new Cursor(value, `${what} parameter`);
	const cols = [cur.fieldName()];
	cur.skipSpaces();
	while (cur.eat(',')) {
		cols.push(cur.fieldName());
		cur.skipSpaces();
	}
	if (!cur.eof) cur.fail('"," or end of input');
	return cols;
}

function nonNegativeInt(key: string, value: string): number {
	if (!/^\d{1,15}$/.test(value.trim())) {
		throw parseError(`${key} parameter`, value, 0, `expecting a non-negative integer`);
	}
	return Number(value.trim());
}

function looksLikeFilter(value: string): boolean {
	const first = value.split('.')[0].replace(/\((any|all)\)$/, '');
	const dotted = value.split('.');
	if (first === 'not' && dotted.length > 1) return true;
	if (first === 'is' || first === 'in') return true;
	if (first in OPERATORS || FTS_OPERATORS.includes(first)) return true;
	return FTS_OPERATORS.includes(value.split('(')[0]) && value.includes('(');
}

const RESERVED_EMBEDDABLE = ['order', 'limit', 'offset', 'and', 'or'];
/** Query keys that belong to the gateway, not to PostgREST. */
const IGNORED = ['apikey'];

/** Classifies and parses every query parameter of a request. */
export function parseQuery(search: URLSearchParams): QueryParams {
	const q: QueryParams = {
		select: [{ type: 'star' }],
		filters: [],
		logic: [],
		order: [],
		ranges: new Map(),
		args: [],
		canonical: ''
	};
	const entries = [...search.entries()];
	q.canonical = new URLSearchParams(
		[...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
	).toString();
	for (const [key, value] of entries) {
		if (IGNORED.includes(key)) continue;
		if (key === 'select') {
			if (value !== '') q.select = parseSelect(value);
			continue;
		}
		if (key === 'columns') {
			q.columns = parseColumns('columns', value);
			continue;
		}
		if (key === 'on_conflict') {
			q.onConflict = parseColumns('on_conflict', value);
			continue;
		}
		if (value === '') continue;
		const last = key.split('.').pop()!;
		if (RESERVED_EMBEDDABLE.includes(last)) {
			const path = key.split('.').slice(0, -1);
			const pathKey = path.join('.');
			if (last === 'order') q.order.push(parseOrder(key, value));
			else if (last === 'and' || last === 'or') q.logic.push(parseLogic(key, value));
			else {
				const range = q.ranges.get(pathKey) ?? { offset: 0 };
				if (last === 'limit') range.limit = nonNegativeInt(key, value);
				else range.offset = nonNegativeInt(key, value);
				q.ranges.set(pathKey, range);
			}
			continue;
		}
		if (key.includes('.') || looksLikeFilter(value)) q.filters.push(parseFilter(key, value));
		else q.args.push([key, value]);
	}
	return q;
}
