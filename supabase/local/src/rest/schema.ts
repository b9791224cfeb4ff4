/**
 * The schema cache: tables, views, columns, keys, foreign keys and functions of the `public` schema,
 * read from pg_catalog in one query. It is reloaded when a cheap catalog fingerprint changes (checked
 * at most every CHECK_MS, and at once when a request names something the cache does not know).
 */
import type { Database } from '../db/driver';

export interface Column {
	name: string;
	/** format_type() text, e.g. `timestamp with time zone`, `text[]`; Postgres quotes names in it. */
	type: string;
	typname: string;
	typcategory: string;
	nullable: boolean;
	hasDefault: boolean;
	default: string | null;
	generated: boolean;
	description: string | null;
	enum: string[] | null;
}

export interface Relation {
	name: string;
	kind: 'r' | 'v' | 'm' | 'f' | 'p';
	description: string | null;
	columns: Column[];
	byName: Map<string, Column>;
	pk: string[];
	/** Primary key and unique constraints, each as its column list. */
	keys: string[][];
	insertable: boolean;
	updatable: boolean;
	deletable: boolean;
}

export interface ForeignKey {
	name: string;
	table: string;
	columns: string[];
	refTable: string;
	refColumns: string[];
}

export interface RoutineArg {
	name: string;
	type: string;
	hasDefault: boolean;
	variadic: boolean;
}

export interface Routine {
	name: string;
	args: RoutineArg[];
	returnType: string;
	returnsSet: boolean;
	/** void, a single scalar, a composite row (table type, OUT params or `returns table`), or a bare record. */
	returnKind: 'void' | 'scalar' | 'composite' | 'record';
	/** The public table whose row type the function returns, for embedding from its result. */
	returnTable: string | null;
	returnColumns: Column[];
	volatility: 'i' | 's' | 'v';
	description: string | null;
}

export interface SchemaCache {
	/** Increases with every load; part of statement texts so prepared statements follow the schema. */
	version: number;
	relations: Map<string, Relation>;
	fks: ForeignKey[];
	routines: Map<string, Routine[]>;
	fingerprint: string;
}

const NS = `'public'::regnamespace`;

const FINGERPRINT_SQL = `select concat_ws('/',
	(select sum(xmin::text::int8) || '.' || count(*) from pg_class where relnamespace = ${NS}),
	(select sum(a.xmin::text::int8) || '.' || count(*) from pg_attribute a join pg_class c on c.oid = a.attrelid
	  where c.relnamespace = ${NS} and a.attnum > 0),
	(select sum(xmin::text::int8) || '.' || count(*) from pg_constraint where connamespace = ${NS}),
	(select sum(xmin::text::int8) || '.' || count(*) from pg_proc where pronamespace = ${NS}),
	(select sum(xmin::text::int8) || '.' || count(*) from pg_type where typnamespace = ${NS})) as fp`;

const COLUMN_JSON = `json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
	'typname', t.typname, 'typcategory', t.typcategory, 'nullable', not a.attnotnull,
	'hasDefault', a.atthasdef or a.attidentity <> '', 'default', pg_get_expr(d.adbin, d.adrelid),
	'generated', a.attgenerated <> '', 'description', col_description(a.attrelid, a.attnum),
	'enum', case when t.typtype = 'e' then (select json_agg(e.enumlabel order by e.enumsortorder)
	  from pg_enum e where e.enumtypid = t.oid) end)`;

const columnsOf = (
	relid: string
) => `(select coalesce(json_agg(${COLUMN_JSON} order by a.attnum), '[]')
	from pg_attribute a join pg_type t on t.oid = a.atttypid
	left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
	where a.attrelid = ${relid} and a.attnum > 0 and not a.attisdropped)`;

const colNames = (rel: string, keys: string) => `(select json_agg(a.attname order by k.ord)
	from unnest(${keys}) with ordinality k(attnum, ord)
	join pg_attribute a on a.attrelid = ${rel} and a.attnum = k.attnum)`;

const LOAD_SQL = `select json_build_object(
	'relations', (select coalesce(json_agg(r), '[]') from (
		select c.relname as name, c.relkind as kind, obj_description(c.oid, 'pg_class') as description,
			${columnsOf('c.oid')} as columns,
			(select coalesce(json_agg(json_build_object('type', con.contype, 'columns', ${colNames('con.conrelid', 'con.conkey')})), '[]')
			  from pg_constraint con where con.conrelid = c.oid and con.contype in ('p', 'u')) as keys,
			pg_relation_is_updatable(c.oid, true) as mask
		from pg_class c where c.relnamespace = ${NS} and c.relkind in ('r', 'v', 'm', 'f', 'p')) r),
	'fks', (select coalesce(json_agg(json_build_object('name', con.conname, 'table', c1.relname,
			'columns', ${colNames('con.conrelid', 'con.conkey')}, 'refTable', c2.relname,
			'refColumns', ${colNames('con.confrelid', 'con.confkey')})), '[]')
		from pg_constraint con join pg_class c1 on c1.oid = con.conrelid join pg_class c2 on c2.oid = con.confrelid
		where con.contype = 'f' and c1.relnamespace = ${NS} and c2.relnamespace = ${NS}),
	'routines', (select coalesce(json_agg(p), '[]') from (
		select p.proname as name, p.provolatile as volatility, p.proretset as "returnsSet",
			obj_description(p.oid, 'pg_proc') as description, format_type(p.prorettype, null) as "returnType",
			rt.typtype as typtype, rt.typname as typname, p.pronargdefaults as ndefaults,
			p.provariadic <> 0 as variadic, coalesce(p.proargnames, '{}') as argnames,
			coalesce(p.proargmodes::text[], '{}') as argmodes,
			(select coalesce(json_agg(format_type(x.t, null) order by x.ord), '[]')
			  from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality x(t, ord)) as argtypes,
			(select rc.relname from pg_class rc where rc.oid = rt.typrelid and rc.relnamespace = ${NS}
			  and rc.relkind in ('r', 'v', 'm', 'f', 'p')) as "returnTable",
			case when rt.typtype = 'c' then ${columnsOf('rt.typrelid')} end as "returnColumns"
		from pg_proc p join pg_type rt on rt.oid = p.prorettype
		where p.pronamespace = ${NS} and p.prokind = 'f') p),
	'fingerprint', (${FINGERPRINT_SQL}))::text as cache`;

interface RawRoutine {
	name: string;
	volatility: 'i' | 's' | 'v';
	returnsSet: boolean;
	description: string | null;
	returnType: string;
	typtype: string;
	typname: string;
	ndefaults: number;
	variadic: boolean;
	argnames: string[];
	argmodes: string[];
	argtypes: string[];
	returnTable: string | null;
	returnColumns: Column[] | null;
}

function toRoutine(r: RawRoutine): Routine {
	const modes = r.argmodes.length ? r.argmodes : r.argtypes.map(() => 'i');
	const inputs: RoutineArg[] = [];
	const outputs: Column[] = [];
	modes.forEach((mode, i) => {
		const name = r.argnames[i] ?? '';
		const type = r.argtypes[i];
		if (mode === 'i' || mode === 'b' || mode === 'v')
			inputs.push({ name, type, hasDefault: false, variadic: mode === 'v' });
		if (mode === 'o' || mode === 'b' || mode === 't')
			outputs.push({
				name,
				type,
				typname: type,
				typcategory: '',
				nullable: true,
				hasDefault: false,
				default: null,
				generated: false,
				description: null,
				enum: null
			});
	});
	for (let i = inputs.length - r.ndefaults; i < inputs.length; i++) inputs[i].hasDefault = true;
	let returnKind: Routine['returnKind'] = 'scalar';
	let returnColumns: Column[] = [];
	if (r.typname === 'void') returnKind = 'void';
	else if (r.typtype === 'c') {
		returnKind = 'composite';
		returnColumns = r.returnColumns ?? [];
	} else if (r.typname === 'record') {
		returnKind = outputs.length ? 'composite' : 'record';
		returnColumns = outputs;
	}
	return {
		name: r.name,
		args: inputs,
		returnType: r.returnType,
		returnsSet: r.returnsSet,
		returnKind,
		returnTable: r.returnTable,
		returnColumns,
		volatility: r.volatility,
		description: r.description
	};
}

let loads = 0;

async function load(db: Database): Promise<SchemaCache> {
	const { rows } = await db.query<{ cache: string }>(LOAD_SQL);
	const raw = JSON.parse(rows[0].cache) as {
		relations: (Omit<
			Relation,
			'byName' | 'pk' | 'keys' | 'insertable' | 'updatable' | 'deletable'
		> & {
			keys: { type: 'p' | 'u'; columns: string[] }[];
			mask: number;
		})[];
		fks: ForeignKey[];
		routines: RawRoutine[];
		fingerprint: string;
	};
	const relations = new Map<string, Relation>();
	for (const r of raw.relations) {
		// pg_relation_is_updatable's bit mask: 8 insert, 4 update, 16 delete.
		relations.set(r.name, {
			name: r.name,
			kind: r.kind,
			description: r.description,
			columns: r.columns,
			byName: new Map(r.columns.map((c) => [c.name, c])),
			pk: r.keys.find((k) => k.type === 'p')?.columns ?? [],
			keys: r.keys.map((k) => k.columns),
			insertable: (r.mask & 8) !== 0,
			updatable: (r.mask & 4) !== 0,
			deletable: (r.mask & 16) !== 0
		});
	}
	const routines = new Map<string, Routine[]>();
	for (const r of raw.routines) {
		const list = routines.get(r.name) ?? [];
		list.push(toRoutine(r));
		routines.set(r.name, list);
	}
	return { version: ++loads, relations, fks: raw.fks, routines, fingerprint: raw.fingerprint };
}

/** How often (ms) a request may trigger a fingerprint check of the catalog. */
const CHECK_MS = 1000;

interface Holder {
	cache?: SchemaCache;
	loading?: Promise<SchemaCache>;
	checkedAt: number;
}

const holders = new WeakMap<Database, Holder>();

function holder(db: Database): Holder {
	let h = holders.get(db);
	if (!h) holders.set(db, (h = { checkedAt: 0 }));
	return h;
}

function reload(db: Database, h: Holder): Promise<SchemaCache> {
	h.loading ??= load(db)
		.then((c) => {
			h.cache = c;
			h.checkedAt = Date.now();
			return c;
		})
		.finally(() => (h.loading = undefined));
	return h.loading;
}

async function fingerprint(db: Database): Promise<string> {
	const { rows } = await db.query<{ fp: string }>(FINGERPRINT_SQL);
	return rows[0].fp;
}

/** The current schema cache, loading it on first use and re-checking the fingerprint now and then. */
export async function getSchema(db: Database): Promise<SchemaCache> {
	const h = holder(db);
	if (!h.cache) return h.loading ?? reload(db, h);
	if (Date.now() - h.checkedAt > CHECK_MS) return refreshIfChanged(db);
	return h.cache;
}

/**
 * Compares the catalog fingerprint and reloads when it moved. Returns whether the cache changed, so
 * a request that named something unknown can be planned again.
 */
export async function refreshIfChanged(db: Database): Promise<SchemaCache> {
	const h = holder(db);
	if (!h.cache) return reload(db, h);
	if (h.loading) return h.loading;
	const fp = await fingerprint(db);
	h.checkedAt = Date.now();
	if (fp === h.cache.fingerprint) return h.cache;
	return reload(db, h);
}

/** Drops and reloads the cache (PostgREST's `NOTIFY pgrst, 'reload schema'`). */
export function reloadSchema(db: Database): Promise<SchemaCache> {
	return reload(db, holder(db));
}
