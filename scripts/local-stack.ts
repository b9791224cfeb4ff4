/**
 * Starts the embedded Supabase-compatible stack next to the app (dev server and `npm start`), unless
 * `.env` points PUBLIC_SUPABASE_URL at another project, and exports the keys to process.env so
 * SvelteKit's `$env/dynamic/*` sees the same values the stack signs with.
 */
import { configFromEnv, ensureEnvFile } from '../supabase/local/src/config';
import type { LocalStack } from '../supabase/local/src/index';
import { demoLoginLines } from './demo-accounts';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '0.0.0.0']);

/** True when a Supabase URL names this machine, i.e. the embedded stack should serve it. */
export function isLocalSupabaseUrl(url: string): boolean {
	try {
		return LOCAL_HOSTS.has(new URL(url).hostname);
	} catch {
		return false;
	}
}

export interface EmbeddedStack {
	/** The Supabase URL the app talks to (the embedded stack's, or the remote project's). */
	supabaseUrl: string;
	/** Set when the embedded stack runs in this process. */
	stack?: LocalStack;
	close(): Promise<void>;
}

/**
 * Reads (and on first run writes) `.env`, starts the embedded stack when the URL is local, and copies
 * the resulting environment into process.env (values already in process.env win).
 */
export async function startEmbeddedStack(siteUrl: string): Promise<EmbeddedStack> {
	// A run on a random port (SUPABASE_LOCAL_PORT=0, as e2e does) must not write port 0 into .env.
	const env = await ensureEnvFile(undefined, Number(process.env.SUPABASE_LOCAL_PORT) || 54321);
	for (const [k, v] of Object.entries(env)) process.env[k] ??= v;
	const url = env.PUBLIC_SUPABASE_URL;
	if (!isLocalSupabaseUrl(url)) return { supabaseUrl: url, close: async () => {} };

	const { startStack } = await import('../supabase/local/src/index');
	const port = Number(env.SUPABASE_LOCAL_PORT ?? (new URL(url).port || 54321));
	const stack = await startStack(configFromEnv(env, { port, siteUrl }));
	// The stack may have been given port 0; the app must use the port it actually got.
	process.env.PUBLIC_SUPABASE_URL = stack.url;
	return { supabaseUrl: stack.url, stack, close: () => stack.close() };
}

/** The lines printed after start: where things are and how to sign in. */
export function banner(appUrl: string, s: EmbeddedStack, dev = false): string {
	const backend = s.stack ? `embedded stack (${s.stack.db.backend})` : 'remote Supabase project';
	return [
		'',
		`  Clearcall      ${appUrl}`,
		`  Supabase       ${s.supabaseUrl}  ${backend}`,
		s.stack && dev ? `  Outbox         ${appUrl.replace(/\/$/, '')}/dev/outbox` : '',
		'',
		'  Demo logins',
		...demoLoginLines().map((l) => `    ${l}`),
		''
	]
		.filter((l, i, all) => l !== '' || all[i - 1] !== '')
		.join('\n');
}
