/**
 * One database interface over PGlite (embedded, single connection) and a server Postgres (pool).
 * Every caller goes through `transaction` or `query`; PGlite work is serialised by a queue so two
 * HTTP requests can never interleave statements inside one transaction.
 */
import pg from 'pg';
import { PGlite, parse as pgliteParse, protocol } from '@electric-sql/pglite';
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

/** One statement of a batch; `prepare` keeps it prepared (by its text) for the next batches. */
export interface Statement {
	sql: string;
	params?: (string | number | null)[];
	prepare?: boolean;
}

export type BatchResults = QueryResult<Record<string, unknown>>[];

export interface Database extends Tx {
	readonly backend: 'pglite' | 'postgres';
	transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
	/**
	 * Runs statements back to back in one transaction, committed when all succeed and `check` (given
	 * the results) does not throw. PGlite pipelines them in one protocol round trip; a server
	 * Postgres runs them on one pooled client.
	 */
	batch(statements: Statement[], check?: (results: BatchResults) => void): Promise<BatchResults>;
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

const wire = protocol.serialize;
/** Most statements PGlite keeps prepared for batches; the least recently used are closed. */
const MAX_PREPARED = 256;

function concatBytes(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

class PgliteDatabase implements Database {
	readonly backend = 'pglite' as const;
	#queue = new Queue();
	#prepared = new Map<string, string>();
	#toClose: string[] = [];
	#names = 0;
	constructor(private pglite: PGlite) {}

	/** Parse/Bind/Execute messages for one statement, reusing or creating its prepared name. */
	#messages(st: Statement, created: string[]): Uint8Array[] {
		const out: Uint8Array[] = [];
		let name = '';
		if (st.prepare) {
			name = this.#prepared.get(st.sql) ?? '';
			if (name) {
				this.#prepared.delete(st.sql);
				this.#prepared.set(st.sql, name);
			} else {
				name = `b${this.#names++}`;
				this.#prepared.set(st.sql, name);
				created.push(st.sql);
				out.push(wire.parse({ name, text: st.sql, types: [] }));
			}
		} else out.push(wire.parse({ text: st.sql, types: [] }));
		const values = (st.params ?? []).map((v) => (v === null ? null : String(v)));
		out.push(
			wire.bind({ statement: name, values }),
			wire.describe({ type: 'P' }),
			wire.execute({})
		);
		return out;
	}

	batch(statements: Statement[], check?: (results: BatchResults) => void): Promise<BatchResults> {
		return this.#queue.run(async () => {
			try {
				return await this.#pipeline(statements, check);
			} catch (e) {
				// Someone ran DEALLOCATE ALL: prepare everything again, once.
				if ((e as PgError).code !== '26000') throw e;
				this.#prepared.clear();
				this.#toClose = [];
				return this.#pipeline(statements, check);
			}
		});
	}

	/**
	 * One protocol round trip. `execProtocolStream` hands back parsed messages without first copying
	 * the raw reply twice, as `execProtocol` does. `syncToFs: false` skips a no-op: the data directory
	 * (NodeFS) and `memory://` write through and their syncToFs does nothing, but calling it costs
	 * PGlite's sync mutex on every request (kill -9 durability: tests/durability.spec.ts).
	 */
	async #roundTrip(bytes: Uint8Array): Promise<BatchResults> {
		const messages = await this.pglite.execProtocolStream(bytes, { syncToFs: false });
		return pgliteParse.parseResults(messages, this.pglite.parsers) as BatchResults;
	}

	/** Ends the explicit transaction of a checked batch (a simple-protocol COMMIT or ROLLBACK). */
	#end(command: 'commit' | 'rollback'): Promise<BatchResults> {
		return this.#roundTrip(wire.query(command));
	}

	async #pipeline(
		statements: Statement[],
		check?: (results: BatchResults) => void
	): Promise<BatchResults> {
		const created: string[] = [];
		const parts = this.#toClose.splice(0).map((name) => wire.close({ type: 'S', name }));
		if (check) parts.push(...this.#messages({ sql: 'begin' }, created));
		for (const st of statements) parts.push(...this.#messages(st, created));
		while (this.#prepared.size > MAX_PREPARED) {
			const [sql, name] = this.#prepared.entries().next().value!;
			this.#prepared.delete(sql);
			this.#toClose.push(name);
		}
		parts.push(wire.sync());
		let results: BatchResults;
		try {
			results = await this.#roundTrip(concatBytes(parts));
		} catch (e) {
			// A statement prepared in a failed batch may or may not exist: forget and close it.
			for (const sql of created) {
				this.#toClose.push(this.#prepared.get(sql)!);
				this.#prepared.delete(sql);
			}
			if (check) await this.#end('rollback').catch(() => undefined);
			throw e;
		}
		if (check) results.shift();
		if (!check) return results;
		try {
			check(results);
		} catch (e) {
			await this.#end('rollback');
			throw e;
		}
		await this.#end('commit');
		return results;
	}

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
	// Statement names by text: pg prepares a name once per connection. Past the bound, new texts run
	// unnamed, so no connection ever holds more than 4 × MAX_PREPARED statements.
	static #names = new Map<string, string>();

	static #named(sql: string): string | undefined {
		let name = PostgresDatabase.#names.get(sql);
		if (!name && PostgresDatabase.#names.size < MAX_PREPARED * 4) {
			name = `b${PostgresDatabase.#names.size}`;
			PostgresDatabase.#names.set(sql, name);
		}
		return name;
	}

	async batch(
		statements: Statement[],
		check?: (results: BatchResults) => void
	): Promise<BatchResults> {
		const client = await this.pool.connect();
		try {
			await client.query('begin');
			const results: BatchResults = [];
			for (const st of statements) {
				const name = st.prepare ? PostgresDatabase.#named(st.sql) : undefined;
				const r = await client.query({ name, text: st.sql, values: st.params ?? [] });
				results.push({
					rows: r.rows,
					rowCount: r.rowCount ?? r.rows.length,
					fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }))
				});
			}
			check?.(results);
			await client.query('commit');
			return results;
		} catch (e) {
			await client.query('rollback').catch(() => undefined);
			throw e;
		} finally {
			client.release();
		}
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
