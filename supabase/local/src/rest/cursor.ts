/**
 * A small character cursor shared by the query-string parsers: PostgREST's field names, quoted
 * values and JSON paths, with errors reported as PGRST100 at the failing column.
 */
import { parseError } from './errors';

/** One step of a JSON path: `->key`, `->>key`, `->0`. */
export interface JsonStep {
	arrow: '->' | '->>';
	key: string;
	index: boolean;
}

/** A column reference with an optional JSON path (`data->a->>b`). */
export interface Field {
	name: string;
	path: JsonStep[];
}

const IDENT = /[\p{L}\p{N}_ $]/u;

/** Deepest nesting of embeddings or logic trees a query may use. */
export const MAX_DEPTH = 16;

export class Cursor {
	pos = 0;
	constructor(
		readonly s: string,
		readonly what: string
	) {}

	get eof(): boolean {
		return this.pos >= this.s.length;
	}
	peek(n = 0): string {
		return this.s[this.pos + n] ?? '';
	}
	startsWith(t: string): boolean {
		return this.s.startsWith(t, this.pos);
	}
	/** Consumes `t` when it comes next. */
	eat(t: string): boolean {
		if (!this.startsWith(t)) return false;
		this.pos += t.length;
		return true;
	}
	fail(expecting: string): never {
		const got = this.eof ? 'end of input' : `"${this.peek()}"`;
		throw parseError(this.what, this.s, this.pos, `unexpected ${got} expecting ${expecting}`);
	}
	expect(t: string): void {
		if (!this.eat(t)) this.fail(`"${t}"`);
	}
	skipSpaces(): void {
		while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
	}

	/** A double-quoted value; backslash escapes the next character. */
	quoted(): string {
		this.expect('"');
		let out = '';
		for (;;) {
			if (this.eof) this.fail('"\\"" closing the quoted value');
			const c = this.s[this.pos++];
			if (c === '"') return out;
			if (c === '\\') {
				if (this.eof) this.fail('an escaped character');
				out += this.s[this.pos++];
			} else out += c;
		}
	}

	/** Letters, digits, `_`, space and `$`, trimmed (PostgREST's pIdentifier). */
	identifier(): string {
		const start = this.pos;
		while (!this.eof && IDENT.test(this.peek())) this.pos++;
		if (this.pos === start) this.fail('letter or digit');
		return this.s.slice(start, this.pos).trim();
	}

	/** A field name: quoted, or identifiers joined by `-` (a `-` before `>` starts a JSON arrow). */
	fieldName(): string {
		this.skipSpaces();
		if (this.peek() === '"') return this.quoted();
		if (!IDENT.test(this.peek())) this.fail('field name (* or [a..z0..9_$])');
		let name = this.identifier();
		while (this.peek() === '-' && this.peek(1) !== '>') {
			this.pos++;
			name += '-' + this.identifier();
		}
		if (!name) this.fail('field name (* or [a..z0..9_$])');
		return name;
	}

	/** `->a->>b` after a field name; an all-digits key is an array index. */
	jsonPath(): JsonStep[] {
		const path: JsonStep[] = [];
		for (;;) {
			let arrow: JsonStep['arrow'];
			if (this.startsWith('->>')) arrow = '->>';
			else if (this.startsWith('->')) arrow = '->';
			else return path;
			this.pos += arrow.length;
			const m = /^-?\d+/.exec(this.s.slice(this.pos));
			const after = m ? this.s.slice(this.pos + m[0].length) : '';
			if (m && (after === '' || /^(->|::|\.|,|\))/.test(after))) {
				this.pos += m[0].length;
				path.push({ arrow, key: m[0], index: true });
			} else path.push({ arrow, key: this.fieldName(), index: false });
		}
	}

	/** A field name followed by an optional JSON path. */
	field(): Field {
		const name = this.fieldName();
		const path = this.jsonPath();
		this.skipSpaces();
		return { name, path };
	}
}
