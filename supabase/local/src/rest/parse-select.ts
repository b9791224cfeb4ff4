/** PostgREST's `select=` grammar: fields, aliases, casts, JSON paths, embeddings with hints, spreads. */
import { Cursor, MAX_DEPTH, type Field } from './cursor';
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

const AGGREGATES = ['count', 'sum', 'avg', 'max', 'min'];

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
	if (countItems(items) > MAX_ITEMS) {
		throw parseError('select parameter', s, 0, `more than ${MAX_ITEMS} selected items`);
	}
	return items;
}

/** Postgres allows 1664 columns in a select list; refuse long before, as a client error. */
const MAX_ITEMS = 500;

function countItems(items: SelectItem[]): number {
	return items.reduce((n, i) => n + 1 + (i.type === 'embed' ? countItems(i.items) : 0), 0);
}
