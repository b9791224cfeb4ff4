/**
 * Reads what `supabase gen types typescript` reads (postgres-meta): the tables, views, columns, enums,
 * composite types, functions and foreign keys of one schema, straight from pg_catalog so it works the
 * same on PGlite and on a server Postgres.
 */
import type { Tx } from '../../supabase/local/src/db/driver';

export interface PgType {
	oid: number;
	name: string;
	schema: string;
	/** b base, c composite, d domain, e enum, p pseudo, r range, m multirange */
	kind: string;
	/** Element type of an array type, else 0. */
	elem: number;
	/** Base type of a domain, else 0. */
	base: number;
	/** The relation a composite type describes (a table's row type), else 0. */
	relid: number;
	enumValues: string[];
}

export interface Column {
	name: string;
	type: number;
	nullable: boolean;
	hasDefault: boolean;
	/** '' none, 'a' generated always as identity, 'd' by default */
	identity: string;
	/** '' none, 's' stored generated column */
	generated: string;
	updatable: boolean;
}

export interface Relation {
	oid: number;
	name: string;
	schema: string;
	/** r table, p partitioned table, f foreign table, v view, m materialized view, c composite type */
	kind: string;
	updatable: boolean;
	columns: Column[];
}

export interface Relationship {
	foreignKeyName: string;
	relation: string;
	columns: string[];
	isOneToOne: boolean;
	referencedRelation: string;
	referencedColumns: string[];
}

export interface FunctionArg {
	name: string;
	type: number;
	/** i in, o out, b inout, v variadic, t table column */
	mode: string;
	hasDefault: boolean;
}

export interface PgFunction {
	name: string;
	args: FunctionArg[];
	returnType: number;
	returnsSet: boolean;
}

export interface SchemaInfo {
	schema: string;
	types: Map<number, PgType>;
	relations: Relation[];
	relationships: Relationship[];
	functions: PgFunction[];
}

/** Reads one schema's API surface; everything comes back sorted, so the output is deterministic. */
export async function introspect(db: Tx, schema = 'public'): Promise<SchemaInfo> {
	const types = new Map<number, PgType>();
	const typeRows = await db.query<Omit<PgType, 'enumValues'> & { enum_values: string[] | null }>(
		`select t.oid::int as oid, t.typname as name, n.nspname as schema, t.typtype::text as kind,
		        case when t.typcategory = 'A' then t.typelem::int else 0 end as elem,
		        t.typbasetype::int as base, t.typrelid::int as relid,
		        (select array_agg(e.enumlabel::text order by e.enumsortorder)
		           from pg_enum e where e.enumtypid = t.oid) as enum_values
		   from pg_type t join pg_namespace n on n.oid = t.typnamespace`
	);
	for (const { enum_values, ...t } of typeRows.rows) {
		types.set(t.oid, { ...t, enumValues: enum_values ?? [] });
	}

	const rels = await db.query<Omit<Relation, 'columns' | 'schema'>>(
		`select c.oid::int as oid, c.relname as name, c.relkind::text as kind,
		        (pg_relation_is_updatable(c.oid, false) & 20) = 20 as updatable
		   from pg_class c join pg_namespace n on n.oid = c.relnamespace
		  where n.nspname = $1 and c.relkind in ('r', 'p', 'f', 'v', 'm', 'c')
		  order by c.relname`,
		[schema]
	);
	const cols = await db.query<Column & { relid: number }>(
		`select a.attrelid::int as relid, a.attname as name, a.atttypid::int as type,
		        not a.attnotnull as nullable, a.atthasdef as "hasDefault",
		        a.attidentity::text as identity, a.attgenerated::text as generated,
		        pg_column_is_updatable(a.attrelid, a.attnum, false) as updatable
		   from pg_attribute a
		   join pg_class c on c.oid = a.attrelid
		   join pg_namespace n on n.oid = c.relnamespace
		  where n.nspname = $1 and a.attnum > 0 and not a.attisdropped
		  order by a.attname`,
		[schema]
	);
	const relations: Relation[] = rels.rows.map((r) => ({
		...r,
		schema,
		columns: cols.rows
			.filter((c) => c.relid === r.oid)
			.map(({ relid: _relid, ...c }) => ({
				...c,
				identity: c.identity ?? '',
				generated: c.generated ?? ''
			}))
	}));

	const fks = await db.query<Relationship>(
		`select con.conname as "foreignKeyName", src.relname as relation,
		        array(select a.attname::text from unnest(con.conkey) with ordinality k(num, pos)
		                join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num
		               order by k.pos) as columns,
		        exists (select 1 from pg_index i
		                 where i.indrelid = con.conrelid and i.indisunique and i.indpred is null
		                   and i.indnkeyatts = cardinality(con.conkey)
		                   and (i.indkey::int2[])[0:i.indnkeyatts - 1] @> con.conkey
		                   and (i.indkey::int2[])[0:i.indnkeyatts - 1] <@ con.conkey) as "isOneToOne",
		        dst.relname as "referencedRelation",
		        array(select a.attname::text from unnest(con.confkey) with ordinality k(num, pos)
		                join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num
		               order by k.pos) as "referencedColumns"
		   from pg_constraint con
		   join pg_class src on src.oid = con.conrelid
		   join pg_namespace sn on sn.oid = src.relnamespace
		   join pg_class dst on dst.oid = con.confrelid
		   join pg_namespace dn on dn.oid = dst.relnamespace
		  where con.contype = 'f' and sn.nspname = $1 and dn.nspname = $1
		  order by src.relname, con.conname`,
		[schema]
	);

	const fns = await db.query<{
		name: string;
		arg_names: string[] | null;
		arg_modes: string[] | null;
		all_types: number[] | null;
		in_types: number[];
		n_defaults: number;
		return_type: number;
		returns_set: boolean;
	}>(
		`select p.proname as name, p.proargnames as arg_names, p.proargmodes::text[] as arg_modes,
		        p.proallargtypes::int[] as all_types, p.proargtypes::int[] as in_types,
		        p.pronargdefaults::int as n_defaults, p.prorettype::int as return_type,
		        p.proretset as returns_set
		   from pg_proc p join pg_namespace n on n.oid = p.pronamespace
		  where n.nspname = $1 and p.prokind = 'f'
		    and p.prorettype not in ('trigger'::regtype, 'event_trigger'::regtype)
		  order by p.proname, p.oid`,
		[schema]
	);
	const functions: PgFunction[] = fns.rows.map((f) => {
		const allTypes = f.all_types ?? f.in_types;
		const modes = f.arg_modes ?? allTypes.map(() => 'i');
		const names = f.arg_names ?? allTypes.map(() => '');
		const inputs = modes.filter((m) => m === 'i' || m === 'b' || m === 'v').length;
		let inputIndex = 0;
		const args = allTypes.map((type, i) => {
			const input = modes[i] === 'i' || modes[i] === 'b' || modes[i] === 'v';
			const hasDefault = input && inputIndex++ >= inputs - f.n_defaults;
			return { name: names[i] ?? '', type, mode: modes[i], hasDefault };
		});
		return { name: f.name, args, returnType: f.return_type, returnsSet: f.returns_set };
	});

	return { schema, types, relations, relationships: fks.rows, functions };
}
