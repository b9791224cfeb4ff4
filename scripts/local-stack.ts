/**
 * Starts the embedded Supabase-compatible stack next to the app (dev server and `npm start`), unless
 * `.env` points PUBLIC_SUPABASE_URL at another project, and exports the keys to process.env so
 * SvelteKit's `$env/dynamic/*` sees the same values the stack signs with.
 */
import { createServer, type AddressInfo } from 'node:net';
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

export interface PreparedEnv {
	/** The merged environment (process.env over `.env`). */
	env: Record<string, string>;
	/** The Supabase URL the app will use. */
	supabaseUrl: string;
	/** The port the embedded stack must listen on, or null when the URL is a remote project. */
	localPort: number | null;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}

/**
 * Reads (and on first run writes) `.env`, settles the stack's port (a free one for
 * SUPABASE_LOCAL_PORT=0) and puts the resulting URL and keys in process.env (values already there
 * win), without starting anything, so a framework can read its environment before the stack is up.
 */
export async function prepareEnv(): Promise<PreparedEnv> {
	// A run on a random port (SUPABASE_LOCAL_PORT=0, as e2e does) must not write port 0 into .env.
	const env = await ensureEnvFile(undefined, Number(process.env.SUPABASE_LOCAL_PORT) || 54321);
	for (const [k, v] of Object.entries(env)) process.env[k] ??= v;
	const url = env.PUBLIC_SUPABASE_URL;
	if (!isLocalSupabaseUrl(url)) return { env, supabaseUrl: url, localPort: null };

	let port = Number(env.SUPABASE_LOCAL_PORT ?? (new URL(url).port || 54321));
	if (port === 0) port = await freePort();
	const supabaseUrl = `http://127.0.0.1:${port}`;
	process.env.SUPABASE_LOCAL_PORT = String(port);
	process.env.PUBLIC_SUPABASE_URL = supabaseUrl;
	return { env: { ...env, SUPABASE_LOCAL_PORT: String(port) }, supabaseUrl, localPort: port };
}

/** Starts the embedded stack when `prepared` says the URL is local; `siteUrl` is where links point. */
export async function startPrepared(
	prepared: PreparedEnv,
	siteUrl: string
): Promise<EmbeddedStack> {
	if (prepared.localPort === null)
		return { supabaseUrl: prepared.supabaseUrl, close: async () => {} };
	const { startStack } = await import('../supabase/local/src/index');
	const stack = await startStack(
		configFromEnv(prepared.env, { port: prepared.localPort, siteUrl })
	);
	// The demo review data, once per database (also after `npm run db:reset`, which only seeds SQL);
	// see the script for why it is not a seed file. CLEARCALL_DEMO_DATA=off leaves it out.
	if (process.env.CLEARCALL_DEMO_DATA !== 'off') {
		const { seedReviewDemo } = await import('./seed-review-demo');
		await seedReviewDemo(stack).catch((e: Error) =>
			console.error(`demo review data not added: ${e.message}`)
		);
	}
	return { supabaseUrl: stack.url, stack, close: () => stack.close() };
}

/** prepareEnv() then startPrepared(): what `npm start` does. */
export async function startEmbeddedStack(siteUrl: string): Promise<EmbeddedStack> {
	return startPrepared(await prepareEnv(), siteUrl);
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
