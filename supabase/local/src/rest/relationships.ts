/**
 * Resource embedding: finding the relationship between two relations over foreign keys, as PostgREST
 * does (many-to-one, one-to-many, one-to-one, many-to-many through a junction table), with `!hint`
 * disambiguation, PGRST200 when nothing matches and PGRST201 when more than one does.
 */
import { pgrst } from './errors';
import type { ForeignKey, Relation, SchemaCache } from './schema';

export interface Relationship {
	cardinality: 'many-to-one' | 'one-to-many' | 'one-to-one' | 'many-to-many';
	constraint: string;
	table: string;
	target: string;
	/** Pairs of (column of `table`, column of `target`) for direct relationships. */
	pairs: [string, string][];
	junction?: {
		table: string;
		source: ForeignKey;
		dest: ForeignKey;
		/** (junction column, `table` column) and (junction column, `target` column). */
		sourcePairs: [string, string][];
		destPairs: [string, string][];
	};
}

const sameSet = (a: string[], b: string[]) =>
	a.length === b.length && a.every((x) => b.includes(x));

function isUnique(rel: Relation | undefined, cols: string[]): boolean {
	return !!rel && rel.keys.some((k) => sameSet(k, cols));
}

function zip(a: string[], b: string[]): [string, string][] {
	return a.map((x, i) => [x, b[i]]);
}

const memo = new WeakMap<SchemaCache, Map<string, Relationship[]>>();

/** Every relationship from `table` to `target` (memoised per schema cache). */
export function relationshipsBetween(
	cache: SchemaCache,
	table: string,
	target: string
): Relationship[] {
	let byPair = memo.get(cache);
	if (!byPair) memo.set(cache, (byPair = new Map()));
	const key = `${table}\u0000${target}`;
	let found = byPair.get(key);
	if (!found) byPair.set(key, (found = computeRelationships(cache, table, target)));
	return found;
}

function computeRelationships(cache: SchemaCache, table: string, target: string): Relationship[] {
	const out: Relationship[] = [];
	for (const fk of cache.fks) {
		if (fk.table === table && fk.refTable === target) {
			const one = isUnique(cache.relations.get(table), fk.columns);
			out.push({
				cardinality: one ? 'one-to-one' : 'many-to-one',
				constraint: fk.name,
				table,
				target,
				pairs: zip(fk.columns, fk.refColumns)
			});
		}
		if (fk.table === target && fk.refTable === table) {
			const one = isUnique(cache.relations.get(target), fk.columns);
			out.push({
				cardinality: one ? 'one-to-one' : 'one-to-many',
				constraint: fk.name,
				table,
				target,
				pairs: zip(fk.refColumns, fk.columns)
			});
		}
	}
	// Many-to-many: a junction with one FK to each side, both part of a key of the junction.
	for (const j of cache.relations.values()) {
		if (j.name === table || j.name === target) continue;
		const jfks = cache.fks.filter((f) => f.table === j.name);
		for (const src of jfks) {
			if (src.refTable !== table) continue;
			for (const dst of jfks) {
				if (dst === src || dst.refTable !== target) continue;
				const keyed = j.keys.some((k) =>
					[...src.columns, ...dst.columns].every((c) => k.includes(c))
				);
				if (!keyed) continue;
				out.push({
					cardinality: 'many-to-many',
					constraint: j.name,
					table,
					target,
					pairs: [],
					junction: {
						table: j.name,
						source: src,
						dest: dst,
						sourcePairs: zip(src.columns, src.refColumns),
						destPairs: zip(dst.columns, dst.refColumns)
					}
				});
			}
		}
	}
	return out;
}

function matchesHint(r: Relationship, hint: string): boolean {
	if (r.junction) return r.junction.table === hint;
	if (r.constraint === hint) return true;
	// A column of either side names the relationship when the key has one column.
	return r.pairs.length === 1 && (r.pairs[0][0] === hint || r.pairs[0][1] === hint);
}

function describe(r: Relationship): Record<string, string> {
	const cols = (c: string[]) => `(${c.join(', ')})`;
	if (r.junction) {
		const j = r.junction;
		return {
			cardinality: r.cardinality,
			embedding: `${r.table} with ${r.target}`,
			relationship: `${j.table} using ${j.source.name}${cols(j.source.columns)} and ${j.dest.name}${cols(j.dest.columns)}`
		};
	}
	return {
		cardinality: r.cardinality,
		embedding: `${r.table} with ${r.target}`,
		relationship: `${r.constraint} using ${r.table}${cols(r.pairs.map((p) => p[0]))} and ${r.target}${cols(r.pairs.map((p) => p[1]))}`
	};
}

/**
 * Resolves `target!hint` from `table`. The target is a relation name, or (as in PostgREST) a foreign
 * key column or constraint name of `table`, which then means the many-to-one relationship.
 */
export function findRelationship(
	cache: SchemaCache,
	table: string,
	target: string,
	hint?: string
): Relationship {
	let candidates: Relationship[];
	if (cache.relations.has(target)) {
		candidates = relationshipsBetween(cache, table, target);
	} else {
		const fks = cache.fks.filter(
			(f) =>
				f.table === table &&
				(f.name === target || (f.columns.length === 1 && f.columns[0] === target))
		);
		candidates = fks.flatMap((f) =>
			relationshipsBetween(cache, table, f.refTable).filter(
				(r) => !r.junction && r.constraint === f.name && r.cardinality !== 'one-to-many'
			)
		);
	}
	if (hint) candidates = candidates.filter((r) => matchesHint(r, hint));
	// A self-reference hinted by its foreign key column means the row that column points to.
	if (hint && candidates.length > 1 && table === target) {
		const parent = candidates.filter(
			(r) => !r.junction && r.cardinality !== 'one-to-many' && r.pairs[0][0] === hint
		);
		if (parent.length === 1) candidates = parent;
	}
	if (candidates.length === 1) return candidates[0];
	if (candidates.length === 0) {
		throw pgrst(
			400,
			'PGRST200',
			`Could not find a relationship between '${table}' and '${target}' in the schema cache`,
			`Searched for a foreign key relationship between '${table}' and '${target}'${hint ? ` using the hint '${hint}'` : ''} in the schema 'public', but no matches were found.`
		);
	}
	const hints = candidates.map(
		(r) => `'${r.target}!${r.junction ? r.junction.table : r.constraint}'`
	);
	throw pgrst(
		300,
		'PGRST201',
		`Could not embed because more than one relationship was found for '${table}' and '${target}'`,
		candidates.map(describe),
		`Try changing '${target}' to one of the following: ${hints.join(', ')}. Find the desired relationship in the 'details' key.`
	);
}
