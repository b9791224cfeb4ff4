/**
 * A Vite plugin that runs the embedded stack inside `vite dev`, so `npm run dev` is the one command a
 * developer needs. It only acts on the dev server: `vite build` and vitest never start a stack.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';
import type { EmbeddedStack } from './local-stack';

const KEY = Symbol.for('clearcall.devStack');
type Holder = { [KEY]?: Promise<EmbeddedStack> };

/** Starts the stack before SvelteKit reads the environment, and prints URLs and demo logins. */
export function devStack(): Plugin {
	return {
		name: 'clearcall:dev-stack',
		apply: 'serve',
		// Runs before SvelteKit's own configureServer, which loads the env the app will see.
		enforce: 'pre',
		async configureServer(server: ViteDevServer) {
			// Loaded through tsx at run time rather than bundled into the Vite config, so the stack's
			// sources (and PGlite) are only touched when a dev server actually starts.
			const { tsImport } = await import('tsx/esm/api');
			const entry = pathToFileURL(path.join(server.config.root, 'scripts/local-stack.ts')).href;
			const { startEmbeddedStack, banner } = (await tsImport(
				entry,
				import.meta.url
			)) as typeof import('./local-stack');

			const port = server.config.server.port ?? 5173;
			// A config change restarts Vite in the same process; the stack (and PGlite) stays up.
			const holder = globalThis as Holder;
			holder[KEY] ??= startEmbeddedStack(`http://localhost:${port}`);
			const stack = await holder[KEY];
			if (stack.stack) process.env.PUBLIC_SUPABASE_URL = stack.supabaseUrl;

			const printUrls = server.printUrls.bind(server);
			server.printUrls = () => {
				printUrls();
				const appUrl = server.resolvedUrls?.local[0] ?? `http://localhost:${port}/`;
				server.config.logger.info(banner(appUrl, stack, true));
			};
			const stop = async () => {
				await stack.close();
				process.exit(0);
			};
			process.once('SIGINT', stop);
			process.once('SIGTERM', stop);
		}
	};
}
