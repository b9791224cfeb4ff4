/**
 * Database access for storage. Like storage-api, a request's reads and writes of `storage.objects` and
 * `storage.buckets` run as the caller so RLS decides; bookkeeping (the bucket's limits, the version a
 * write replaces) runs as the stack's own superuser inside the same transaction.
 */
import type { Database, Tx } from '../db/driver';
import { setCaller, type Claims } from '../db/rls';
import { fromDbError } from './errors';

export interface RoleSwitch {
	/** Switches the transaction to the caller's role and claims. */
	caller(): Promise<void>;
	/** Switches back to the stack's own role (bypasses RLS). */
	admin(): Promise<void>;
}

/** One transaction starting as admin; Postgres errors come out in storage's shape. */
export async function storageTx<T>(
	db: Database,
	claims: Claims,
	fn: (tx: Tx, as: RoleSwitch) => Promise<T>
): Promise<T> {
	try {
		return await db.transaction((tx) =>
			fn(tx, {
				caller: () => setCaller(tx, claims),
				admin: async () => {
					await tx.query(`select set_config('role', 'none', true)`);
				}
			})
		);
	} catch (e) {
		throw fromDbError(e);
	}
}

/** One transaction entirely as the caller. */
export function callerTx<T>(db: Database, claims: Claims, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return storageTx(db, claims, async (tx, as) => {
		await as.caller();
		return fn(tx);
	});
}

const ROLLBACK = Symbol('rollback');

/** Runs `fn` as the caller and rolls it back: storage-api's testPermission (an RLS dry run). */
export async function testPermission(
	db: Database,
	claims: Claims,
	fn: (tx: Tx) => Promise<unknown>
): Promise<void> {
	try {
		await callerTx(db, claims, async (tx) => {
			await fn(tx);
			throw ROLLBACK;
		});
	} catch (e) {
		if (e !== ROLLBACK) throw e;
	}
}

export interface BucketRow {
	id: string;
	name: string;
	owner: string | null;
	public: boolean;
	file_size_limit: number | null;
	allowed_mime_types: string[] | null;
	created_at: string;
	updated_at: string;
}

/** A timestamptz as storage-api returns it (ISO 8601, e.g. `2021-02-17T04:43:32.770206+00:00`). */
const iso = (col: string) => `to_json(${col}) #>> '{}' as ${col}`;

export const BUCKET_COLUMNS = `id, name, owner, public, file_size_limit, allowed_mime_types, ${iso('created_at')}, ${iso('updated_at')}`;

/** The bucket as the stack sees it (no RLS), or undefined. */
export async function findBucketAdmin(db: Database, id: string): Promise<BucketRow | undefined> {
	const r = await db.query<BucketRow>(
		`select ${BUCKET_COLUMNS} from storage.buckets where id = $1`,
		[id]
	);
	return r.rows[0];
}

export interface ObjectRow {
	id: string;
	bucket_id: string;
	name: string;
	owner: string | null;
	owner_id: string | null;
	version: string | null;
	metadata: Record<string, unknown> | null;
	user_metadata: Record<string, unknown> | null;
	created_at: string;
	updated_at: string;
	last_accessed_at: string;
}

export const OBJECT_COLUMNS = `id, bucket_id, name, owner, owner_id, version, metadata, user_metadata, ${iso('created_at')}, ${iso('updated_at')}, ${iso('last_accessed_at')}`;

/** Storage keeps the JWT subject as owner; `owner` is a uuid column, `owner_id` keeps any text. */
export function ownerOf(claims: Claims): { owner: string | null; owner_id: string | null } {
	const sub = typeof claims.sub === 'string' && claims.sub ? claims.sub : null;
	const isUuid =
		sub !== null && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(sub);
	return { owner: isUuid ? sub : null, owner_id: sub };
}
