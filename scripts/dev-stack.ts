/**
 * A Vite plugin that runs the embedded stack inside `vite dev`, so `npm run dev` is the one command a
 * developer needs. It only acts on the dev server: `vite build`, `vite preview` and vitest never
 * start a stack.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConfigEnv, Plugin, UserConfig } from 'vite';
import type { EmbeddedStack } from './local-stack';

const KEY = Symbol.for('clearcall.devStack');
type Holder = { [KEY]?: Promise<EmbeddedStack> };
type LocalStackModule = typeof import('./local-stack');

/**
 * Loaded through tsx at run time rather than bundled into the Vite config, so the stack's sources
 * (and PGlite) are only touched when a dev server actually starts.
 */
async function loadLocalStack(root: string): Promise<LocalStackModule> {
	const { tsImport } = await import('tsx/esm/api');
	const entry = pathToFileURL(path.join(root, 'scripts/local-stack.ts')).href;
	return (await tsImport(entry, import.meta.url)) as LocalStackModule;
}

/** Starts the stack before SvelteKit reads the environment, and prints URLs and demo logins. */
export function devStack(): Plugin {
	let stack: EmbeddedStack | undefined;
	let mod: LocalStackModule | undefined;

	async function start(config: UserConfig, env: ConfigEnv) {
		if (env.isPreview) return;
		mod = await loadLocalStack(config.root ?? process.cwd());
		// A config change restarts Vite in the same process; the stack (and PGlite) stays up.
		const holder = globalThis as Holder;
		holder[KEY] ??= mod.startEmbeddedStack(`http://localhost:${config.server?.port ?? 5173}`);
		stack = await holder[KEY];
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	}

	async function stop() {
		await stack?.close();
		process.exit(0);
	}

	return {
		name: 'clearcall:dev-stack',
		apply: 'serve',
		enforce: 'pre',
		// The `config` hook, ordered before SvelteKit's own (also 'pre'): SvelteKit reads the env for
		// `$env/dynamic/*` while resolving the config, so the stack's URL must be in process.env first.
		config: { order: 'pre', handler: start },
		configureServer(server) {
			const printUrls = server.printUrls.bind(server);
			server.printUrls = () => {
				printUrls();
				const appUrl = server.resolvedUrls?.local[0] ?? 'http://localhost:5173/';
				if (stack && mod) server.config.logger.info(mod.banner(appUrl, stack, true));
			};
		}
	};
}
