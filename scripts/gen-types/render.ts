/**
 * Writes a schema as the TypeScript `supabase gen types typescript` produces (postgres-meta's template),
 * so `createClient<Database>()` types every query the same way it would against a real project.
 */
import prettier from 'prettier';
import type { Column, PgFunction, Relation, SchemaInfo } from './introspect';
import { HELPERS } from './helpers';

const q = JSON.stringify;
const STRING_TYPES = new Set([
	'bytea',
	'bpchar',
	'varchar',
	'date',
	'text',
	'citext',
	'time',
	'timetz',
	'timestamp',
	'timestamptz',
	'uuid',
	'vector',
	'interval',
	'inet',
	'cidr',
	'macaddr',
	'name',
	'char'
]);
const NUMBER_TYPES = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid']);
const EMPTY = '[_ in never]: never';

/** The TypeScript type for a Postgres type, as postgres-meta maps it. */
function tsType(info: SchemaInfo, oid: number): string {
	const t = info.types.get(oid);
	if (!t) return 'unknown';
	if (t.elem) return `(${tsType(info, t.elem)})[]`;
	if (t.kind === 'd') return tsType(info, t.base);
	const local = t.schema === info.schema;
	if (t.kind === 'e') {
		return local
			? `Database[${q(t.schema)}]["Enums"][${q(t.name)}]`
			: t.enumValues.map((v) => q(v)).join(' | ');
	}
	if (t.kind === 'c') {
		const rel = info.relations.find((r) => r.oid === t.relid);
		if (!rel || !local) return 'unknown';
		if (rel.kind === 'c') return `Database[${q(t.schema)}]["CompositeTypes"][${q(rel.name)}]`;
		const group = rel.kind === 'v' || rel.kind === 'm' ? 'Views' : 'Tables';
		return `Database[${q(t.schema)}][${q(group)}][${q(rel.name)}]["Row"]`;
	}
	if (t.name === 'bool') return 'boolean';
	if (NUMBER_TYPES.has(t.name)) return 'number';
	if (STRING_TYPES.has(t.name)) return 'string';
	if (t.name === 'json' || t.name === 'jsonb') return 'Json';
	if (t.name === 'void') return 'undefined';
	if (t.name === 'record') return 'Record<string, unknown>';
	return 'unknown';
}

const nullable = (c: Column) => (c.nullable ? ' | null' : '');
const fixed = (c: Column) => c.identity === 'a' || c.generated === 's';

function rowType(info: SchemaInfo, rel: Relation): string {
	return `{
${rel.columns.map((c) => `${q(c.name)}: ${tsType(info, c.type)}${nullable(c)}`).join('\n')} }`;
}

function relationshipsOf(info: SchemaInfo, rel: Relation): string {
	const list = info.relationships
		.filter((r) => r.relation === rel.name)
		.sort(
			(a, b) =>
				a.foreignKeyName.localeCompare(b.foreignKeyName) ||
				a.referencedRelation.localeCompare(b.referencedRelation) ||
				q(a.referencedColumns).localeCompare(q(b.referencedColumns))
		)
		.map(
			(r) => `{
				foreignKeyName: ${q(r.foreignKeyName)}
				columns: ${q(r.columns)}
				isOneToOne: ${r.isOneToOne}
				referencedRelation: ${q(r.referencedRelation)}
				referencedColumns: ${q(r.referencedColumns)}
			}`
		);
	return `[${list.join(',\n')}]`;
}

function tableType(info: SchemaInfo, rel: Relation): string {
	const insert = rel.columns.map((c) => {
		if (fixed(c)) return `${q(c.name)}?: never`;
		const optional = c.nullable || c.identity !== '' || c.hasDefault;
		return `${q(c.name)}${optional ? '?' : ''}: ${tsType(info, c.type)}${nullable(c)}`;
	});
	const update = rel.columns.map((c) =>
		fixed(c) ? `${q(c.name)}?: never` : `${q(c.name)}?: ${tsType(info, c.type)}${nullable(c)}`
	);
	return `${q(rel.name)}: {
		Row: ${rowType(info, rel)}
		Insert: {
${insert.join('\n')} }
		Update: {
${update.join('\n')} }
		Relationships: ${relationshipsOf(info, rel)}
	}`;
}

function viewType(info: SchemaInfo, rel: Relation): string {
	const writable = rel.columns.map((c) =>
		c.updatable ? `${q(c.name)}?: ${tsType(info, c.type)} | null` : `${q(c.name)}?: never`
	);
	const writes = rel.updatable
		? `Insert: {
${writable.join('\n')} }\nUpdate: {
${writable.join('\n')} }\n`
		: '';
	return `${q(rel.name)}: {
		Row: ${rowType(info, rel)}
		${writes}Relationships: ${relationshipsOf(info, rel)}
	}`;
}

/** PostgREST calls a function by named arguments, or with one unnamed argument. */
function callable(fn: PgFunction): boolean {
	const inputs = fn.args.filter((a) => ['i', 'b', 'v'].includes(a.mode));
	return inputs.every((a) => a.name !== '') || inputs.length === 1;
}

function functionType(info: SchemaInfo, name: string, overloads: PgFunction[]): string {
	const args = overloads
		.map((fn) => {
			const inputs = fn.args.filter((a) => a.mode === 'i');
			if (inputs.length === 0) return 'never';
			const list = inputs.map(
				(a) => `${q(a.name)}${a.hasDefault ? '?' : ''}: ${tsType(info, a.type)}`
			);
			return `{
${list.join('\n')} }`;
		})
		.join(' | ');
	const fn = overloads[0];
	const tableColumns = fn.args.filter((a) => a.mode === 't');
	const returnRel = info.relations.find((r) => r.oid === info.types.get(fn.returnType)?.relid);
	let returns: string;
	if (tableColumns.length > 0) {
		returns = `{
${tableColumns.map((a) => `${q(a.name)}: ${tsType(info, a.type)}`).join('\n')} }`;
	} else if (returnRel && returnRel.kind !== 'c') {
		returns = rowType(info, returnRel);
	} else {
		returns = tsType(info, fn.returnType);
	}
	return `${q(name)}: { Args: ${args}\nReturns: ${returns}${fn.returnsSet ? '[]' : ''} }`;
}

function schemaType(info: SchemaInfo): string {
	const tables = info.relations.filter((r) => ['r', 'p', 'f'].includes(r.kind));
	const views = info.relations.filter((r) => r.kind === 'v' || r.kind === 'm');
	const composites = info.relations.filter((r) => r.kind === 'c');
	const enums = [...info.types.values()]
		.filter((t) => t.schema === info.schema && t.kind === 'e')
		.sort((a, b) => a.name.localeCompare(b.name));
	const byName = new Map<string, PgFunction[]>();
	for (const fn of info.functions.filter(callable)) {
		byName.set(fn.name, [...(byName.get(fn.name) ?? []), fn]);
	}
	const fnNames = [...byName.keys()].sort((a, b) => a.localeCompare(b));
	const block = (items: string[]) => (items.length ? items.join('\n') : EMPTY);
	return `${q(info.schema)}: {
		Tables: {
${block(tables.map((t) => tableType(info, t)))} }
		Views: {
${block(views.map((v) => viewType(info, v)))} }
		Functions: {
${block(fnNames.map((n) => functionType(info, n, byName.get(n)!)))} }
		Enums: {
${block(enums.map((e) => `${q(e.name)}: ${e.enumValues.map((v) => q(v)).join(' | ')}`))} }
		CompositeTypes: {
${block(
	composites.map(
		(c) =>
			`${q(c.name)}: {
${c.columns.map((a) => `${q(a.name)}: ${tsType(info, a.type)} | null`).join('\n')} }`
	)
)} }
	}`;
}

function constants(info: SchemaInfo): string {
	const enums = [...info.types.values()]
		.filter((t) => t.schema === info.schema && t.kind === 'e')
		.sort((a, b) => a.name.localeCompare(b.name))
		.map((e) => `${q(e.name)}: [${e.enumValues.map((v) => q(v)).join(', ')}]`);
	return `export const Constants = {
${q(info.schema)}: { Enums: {
${enums.join(',\n')} } } } as const`;
}

/** The whole `database.types.ts`, formatted as the Supabase CLI formats it. */
export async function renderTypes(info: SchemaInfo, postgrestVersion = '12'): Promise<string> {
	const source = `export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
	// Allows to automatically instantiate createClient with right options
	// instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
	__InternalSupabase: { PostgrestVersion: ${q(postgrestVersion)} }
	${schemaType(info)}
}

${HELPERS.replaceAll('__SCHEMA__', q(info.schema))}
${constants(info)}
`;
	return prettier.format(source, { parser: 'typescript', semi: false });
}
