/**
 * The Supabase URL and anon key, read at run time (`$env/dynamic/public`) so one build can be pointed
 * at the embedded stack or a real project without rebuilding.
 */
import { env } from '$env/dynamic/public';

/** `[url, anonKey]`; a missing value is a configuration error worth stopping for. */
export function supabasePublicEnv(): [url: string, anonKey: string] {
	const url = env.PUBLIC_SUPABASE_URL;
	const key = env.PUBLIC_SUPABASE_ANON_KEY;
	if (!url || !key)
		throw new Error('PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY must be set (see .env)');
	return [url, key];
}
