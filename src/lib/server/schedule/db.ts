/**
 * The scheduling tables through the caller's own client, so RLS and the lifecycle trigger decide.
 * Typed loosely until `npm run gen:types` includes the scheduling migrations.
 */
import { error } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = SupabaseClient<any, 'public', any>;

/** The caller's client without the generated table types. */
export const loose = (client: unknown): Loose => client as Loose;

/** The data of a read, or an error page: a failed read never looks like "nothing here". */
export function must<T>(
	what: string,
	result: { data: unknown; error: { message: string } | null }
): T {
	if (result.error) error(500, `${what}: ${result.error.message}`);
	return result.data as T;
}
