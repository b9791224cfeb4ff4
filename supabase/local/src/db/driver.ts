/**
 * One database interface over PGlite (embedded, single connection) and a server Postgres (pool).
 * Every caller goes through `transaction` or `query`; PGlite work is serialised by a queue so two
 * HTTP requests can never interleave statements inside one transaction.
 */
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { citext } from '@electric-sql/pglite/contrib/citext';

export interface QueryResult<T> {
	rows: T[];
	rowCount: number;
	fields: { name: string; dataTypeID: number }[];
}

export interface Tx {
	query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
	/** Runs several statements with no parameters (migrations). */
	exec(sql: string): Promise<void>;
}

export interface Database extends Tx {
	readonly backend: 'pglite' | 'postgres';
	transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

/** Postgres error fields, as both drivers report them. */
export interface PgError extends Error {
	code?: string;
	detail?: string;
	hint?: string;
}

// Both drivers hand back the same JS values: timestamps and dates as Postgres' own text (exact, no
// time-zone guessing), int8 and numeric as text when they may not fit a double (int8 as number when safe).
const TEXT_TYPES = [1082, 1083, 1114, 1184, 1266, 1186]; // date, time, timestamp, timestamptz, timetz, interval
const parseInt8 = (v: string) => {
	const n = Number(v);
	return Number.isSafeInteger(n) ? n : v;
};

/** A promise chain used as a mutex: each task starts after the previous one settled. */
class Queue {
	#tail: Promise<unknown> = Promise.resolve();
	run<T>(task: () => Promise<T>): Promise<T> {
		const next = this.#tail.then(task, task);
		this.#tail = next.catch(() => undefined);
		return next;
	}
}

class PgliteDatabase implements Database {
	readonly backend = 'pglite' as const;
	#queue = new Queue();
	constructor(private pglite: PGlite) {}

	#tx: Tx = {
		query: async <T>(sql: string, params: unknown[] = []) => {
			const r = await this.pglite.query<T>(sql, params);
			return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length, fields: r.fields };
		},
		exec: async (sql: string) => {
			await this.pglite.exec(sql);
		}
	};

	query<T = Record<string, unknown>>(sql: string, params?: unknown[]) {
		return this.#queue.run(() => this.#tx.query<T>(sql, params));
	}
	exec(sql: string) {
		return this.#queue.run(() => this.#tx.exec(sql));
	}
	transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
		return this.#queue.run(async () => {
			await this.pglite.exec('begin');
			try {
				const result = await fn(this.#tx);
				await this.pglite.exec('commit');
				return result;
			} catch (e) {
				await this.pglite.exec('rollback').catch(() => undefined);
				throw e;
			}
		});
	}
	async close() {
		await this.#queue.run(() => this.pglite.close());
	}
}

class PostgresDatabase implements Database {
	readonly backend = 'postgres' as const;
	constructor(private pool: pg.Pool) {}

	static #wrap(client: pg.Pool | pg.PoolClient): Tx {
		return {
			query: async <T>(sql: string, params: unknown[] = []) => {
				const r = await client.query(sql, params);
				return {
					rows: r.rows as T[],
					rowCount: r.rowCount ?? r.rows.length,
					fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }))
				};
			},
			exec: async (sql: string) => {
				await client.query(sql);
			}
		};
	}

	query<T = Record<string, unknown>>(sql: string, params?: unknown[]) {
		return PostgresDatabase.#wrap(this.pool).query<T>(sql, params);
	}
	exec(sql: string) {
		return PostgresDatabase.#wrap(this.pool).exec(sql);
	}
	async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
		const client = await this.pool.connect();
		try {
			await client.query('begin');
			const result = await fn(PostgresDatabase.#wrap(client));
			await client.query('commit');
			return result;
		} catch (e) {
			await client.query('rollback').catch(() => undefined);
			throw e;
		} finally {
			client.release();
		}
	}
	async close() {
		await this.pool.end();
	}
}

export interface OpenOptions {
	/** A server Postgres; when absent, PGlite is used. */
	databaseUrl?: string;
	/** PGlite data directory; `memory://` for a throw-away database. */
	dataDir?: string;
}

/** Opens the database the stack runs on. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
	if (opts.databaseUrl) {
		const types = {
			getTypeParser(oid: number, format?: 'text' | 'binary') {
				if (TEXT_TYPES.includes(oid)) return (v: string) => v;
				if (oid === 20) return parseInt8;
				return pg.types.getTypeParser(oid, format as 'text');
			}
		};
		const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10, types });
		// An idle client's error (server restart) must not crash the stack.
		pool.on('error', () => undefined);
		return new PostgresDatabase(pool);
	}
	const parsers: Record<number, (v: string) => unknown> = { 20: parseInt8 };
	for (const oid of TEXT_TYPES) parsers[oid] = (v) => v;
	const pglite = await PGlite.create({
		dataDir: opts.dataDir ?? 'memory://',
		extensions: { pgcrypto, citext },
		parsers
	});
	return new PgliteDatabase(pglite);
}
