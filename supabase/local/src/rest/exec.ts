/**
 * Running a planned request: as the caller in one transaction (RLS decides), with database errors
 * mapped to PostgREST's, and one re-plan when the schema changed under a stale cache.
 */
import type { Database, Tx } from '../db/driver';
import { asCaller, type Claims } from '../db/rls';
import { HttpError } from '../http/types';
import { fromDbError, pgrst } from './errors';
import { getSchema, refreshIfChanged, type SchemaCache } from './schema';

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

/** One transaction as the caller; GET on functions runs read-only as in PostgREST. */
export async function inTransaction<T>(
	ctx: RestContext,
	fn: (tx: Tx) => Promise<T>,
	readOnly = false
): Promise<T> {
	try {
		return await asCaller(ctx.db, ctx.claims, async (tx) => {
			if (readOnly) await tx.query(`select set_config('transaction_read_only', 'on', true)`);
			return fn(tx);
		});
	} catch (e) {
		throw fromDbError(e, ctx.authed);
	}
}

export interface ResultRow {
	total: string | number | null;
	n: string | number;
	body: string | null;
}

/** Runs the wrapped statement and reads its single result row. */
export async function queryResult(tx: Tx, sql: string, params: unknown[]): Promise<ResultRow> {
	const { rows } = await tx.query<ResultRow>(sql, params);
	const row = rows[0];
	if (!row) throw pgrst(500, 'PGRSTX00', 'The statement returned no result row');
	return row;
}

export const toCount = (v: string | number | null | undefined): number | undefined =>
	v === null || v === undefined ? undefined : Number(v);
