/**
 * Running a planned request: as the caller in one transaction (RLS decides), with database errors
 * mapped to PostgREST's, and one re-plan when the schema changed under a stale cache.
 */
import type { BatchResults, Database, Statement } from '../db/driver';
import { callerStatement, type Claims } from '../db/rls';
import { HttpError } from '../http/types';
import { fromDbError, pgrst } from './errors';
import { getSchema, refreshIfChanged, type SchemaCache } from './schema';
import type { Param } from './sql';

export interface RestContext {
	db: Database;
	claims: Claims;
	/** False for the anon role: PostgREST answers 401 rather than 403 to its permission errors. */
	authed: boolean;
	/** Response headers every answer carries (Content-Profile). */
	headers: Record<string, string>;
}

/** Codes meaning "the cache may not know this yet": planning or the database named something unknown. */
const MISS_CODES = new Set([
	'PGRST200',
	'PGRST202',
	'PGRST204',
	'PGRST205',
	'42703',
	'42P01',
	'42883'
]);

function isMiss(e: unknown): boolean {
	if (!(e instanceof HttpError)) return false;
	const code = (e.body as { code?: string })?.code;
	return !!code && MISS_CODES.has(code);
}

/**
 * Plans and runs a request against the schema cache; when it fails on something unknown and the
 * catalog changed since the cache was read, plans and runs it once more on a fresh cache.
 */
export async function withSchema<T>(
	db: Database,
	attempt: (cache: SchemaCache) => Promise<T>
): Promise<T> {
	const cache = await getSchema(db);
	try {
		return await attempt(cache);
	} catch (e) {
		if (!isMiss(e)) throw e;
		const fresh = await refreshIfChanged(db);
		if (fresh === cache) throw e;
		return attempt(fresh);
	}
}

export interface ResultRow {
	total: string | number | null;
	n: string | number;
	body: string | null;
}

const READ_ONLY = `select set_config('transaction_read_only', 'on', true)`;

export interface RunOptions {
	/** GET on functions runs read-only, as in PostgREST. */
	readOnly?: boolean;
	/** Decides from the result row whether the transaction may commit (throw to roll back). */
	check?: (row: ResultRow) => void;
}

function resultRow(results: BatchResults): ResultRow {
	const row = results[results.length - 1]?.rows[0] as unknown as ResultRow | undefined;
	if (!row) throw pgrst(500, 'PGRSTX00', 'The statement returned no result row');
	return row;
}

/**
 * Runs one statement as the caller in one transaction: the caller's role and claims, then the
 * statement, in a single batch (one round trip on PGlite), with prepared statements keyed by text.
 */
export async function runStatement(
	ctx: RestContext,
	cache: SchemaCache,
	sql: string,
	params: Param[],
	opts: RunOptions = {}
): Promise<ResultRow> {
	const statements: Statement[] = [{ ...callerStatement(ctx.claims), prepare: true }];
	if (opts.readOnly) statements.push({ sql: READ_ONLY, prepare: true });
	// The schema version in the text: after a reload the statement is prepared afresh.
	statements.push({ sql: `/* schema ${cache.version} */ ${sql}`, params, prepare: true });
	const check = opts.check;
	try {
		return resultRow(await ctx.db.batch(statements, check && ((r) => check(resultRow(r)))));
	} catch (e) {
		throw fromDbError(e, ctx.authed);
	}
}

/** Rows of a caller-scoped catalog query (OpenAPI privileges). */
export async function callerRows<T>(ctx: RestContext, sql: string): Promise<T[]> {
	try {
		const results = await ctx.db.batch([
			{ ...callerStatement(ctx.claims), prepare: true },
			{ sql, prepare: true }
		]);
		return results[1].rows as T[];
	} catch (e) {
		throw fromDbError(e, ctx.authed);
	}
}

/** A count column as a number (bigint may arrive as text). */
export const toCount = (v: string | number | null | undefined): number | undefined =>
	v === null || v === undefined ? undefined : Number(v);
