/**
 * Building SQL text safely: identifiers are always double-quoted (and were checked against the
 * schema cache before they get here), values are always bind parameters.
 */

/** Quotes an identifier the way Postgres' quote_ident does for any name. */
export function ident(name: string): string {
	return '"' + name.replace(/"/g, '""') + '"';
}

/** `"public"."name"`. */
export function qualified(name: string): string {
	return `"public".${ident(name)}`;
}

/** A bind parameter: sent as text, read by Postgres as the type the statement gives it. */
export type Param = string | number | null;

/** Collects bind parameters while a statement is being built. */
export class Params {
	readonly values: Param[] = [];
	/** Adds a value and returns its placeholder (`$n`). */
	add(value: Param): string {
		this.values.push(value);
		return `$${this.values.length}`;
	}
	/** A text placeholder (`$n::text`), for places where Postgres cannot infer a type. */
	text(value: string): string {
		return `${this.add(value)}::text`;
	}
}
