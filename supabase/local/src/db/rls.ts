/**
 * Runs work as the caller, the way PostgREST and Supabase Storage do: one transaction, the role taken
 * from the JWT (`set local role`), and the claims in `request.jwt.claims` so `auth.uid()` and RLS
 * policies see them.
 */
import type { Database, Tx } from './driver';

export type DbRole = 'anon' | 'authenticated' | 'service_role';

export interface Claims {
	role: DbRole;
	sub?: string;
	[key: string]: unknown;
}

const ROLES: readonly DbRole[] = ['anon', 'authenticated', 'service_role'];

/** The one statement that makes the caller current: role and claims as transaction-local settings. */
export function callerStatement(claims: Claims): { sql: string; params: string[] } {
	// The role is one of three fixed names, never text from the request.
	if (!ROLES.includes(claims.role)) throw new Error(`unknown role ${String(claims.role)}`);
	return {
		sql: `select set_config('role', $1, true), set_config('request.jwt.claims', $2, true),
		        set_config('request.jwt.claim.sub', $3, true), set_config('request.jwt.claim.role', $1, true)`,
		params: [claims.role, JSON.stringify(claims), claims.sub ?? '']
	};
}

export async function setCaller(tx: Tx, claims: Claims): Promise<void> {
	const { sql, params } = callerStatement(claims);
	await tx.query(sql, params);
}

/** One transaction as the caller; rolls back on any error. */
export function asCaller<T>(db: Database, claims: Claims, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return db.transaction(async (tx) => {
		await setCaller(tx, claims);
		return fn(tx);
	});
}
