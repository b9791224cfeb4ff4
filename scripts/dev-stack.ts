/**
 * A Vite plugin that runs the embedded stack inside `vite dev`, so `npm run dev` is the one command a
 * developer needs. It only starts a stack for a dev server: `vite build`, `vite preview`,
 * svelte-check and vitest never do.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConfigEnv, Plugin, UserConfig } from 'vite';
import type { EmbeddedStack, PreparedEnv } from './local-stack';

const KEY = Symbol.for('clearcall.devStack');
type Holder = { [KEY]?: Promise<EmbeddedStack> };
type LocalStackModule = typeof import('./local-stack');

/**
 * Loaded through tsx at run time rather than bundled into the Vite config, so the stack's sources
 * (and PGlite) are only touched when they are needed.
 */
async function loadLocalStack(root: string): Promise<LocalStackModule> {
	const { tsImport } = await import('tsx/esm/api');
	const entry = pathToFileURL(path.join(root, 'scripts/local-stack.ts')).href;
	return (await tsImport(entry, import.meta.url)) as LocalStackModule;
}

/** Settles the environment before SvelteKit reads it, starts the stack with the dev server. */
export function devStack(): Plugin {
	let mod: LocalStackModule | undefined;
	let prepared: PreparedEnv | undefined;
	let stack: EmbeddedStack | undefined;

	// SvelteKit reads the env for `$env/dynamic/*` while the config resolves (its own 'pre' config
	// hook), so the URL and keys go into process.env here, before it; nothing is started yet, because
	// tools such as svelte-check resolve this config too.
	async function prepare(config: UserConfig, env: ConfigEnv) {
		if (env.isPreview) return;
		mod = await loadLocalStack(config.root ?? process.cwd());
		prepared = await mod.prepareEnv();
	}

	async function stop() {
		await stack?.close();
		process.exit(0);
	}

	return {
		name: 'clearcall:dev-stack',
		apply: 'serve',
		enforce: 'pre',
		config: { order: 'pre', handler: prepare },
		async configureServer(server) {
			if (!mod || !prepared) return;
			const siteUrl = `http://localhost:${server.config.server.port ?? 5173}`;
			// A config change restarts Vite in the same process; the stack (and PGlite) stays up.
			const holder = globalThis as Holder;
			holder[KEY] ??= mod.startPrepared(prepared, siteUrl);
			stack = await holder[KEY];
			process.once('SIGINT', stop);
			process.once('SIGTERM', stop);

			const printUrls = server.printUrls.bind(server);
			server.printUrls = () => {
				printUrls();
				const appUrl = server.resolvedUrls?.local[0] ?? `${siteUrl}/`;
				if (stack && mod) server.config.logger.info(mod.banner(appUrl, stack, true));
			};
		}
	};
}
