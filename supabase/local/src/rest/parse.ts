/**
 * The query string of a request, classified as PostgREST does: `select`, filters, `or`/`and`, `order`,
 * `limit`/`offset` (also per embedded resource), `columns`, `on_conflict`, and function arguments.
 */
import { Cursor } from './cursor';
import { parseError, rangeError } from './errors';
import { FTS_OPERATORS, OPERATORS, parseFilter, parseLogic, parseOrder } from './parse-filter';
import type { Filter, LogicTree, OrderTerm } from './parse-filter';
import { parseSelect, type SelectItem } from './parse-select';

export type { Filter, LogicTree, Operation, OrderTerm } from './parse-filter';
export { OPERATORS } from './parse-filter';
export type { SelectItem } from './parse-select';

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
	const v = value.trim();
	if (/^-\d+$/.test(v) && key.endsWith('limit'))
		throw rangeError('Limit should be greater than or equal to zero.');
	if (!/^\d{1,15}$/.test(v)) {
		throw parseError(`${key} parameter`, value, 0, `expecting a non-negative integer`);
	}
	return Number(v);
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
