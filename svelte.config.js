import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// SvelteKit names the build after the time its config is loaded. Under Vite 8 the config is loaded
// more than once per build, which gave the server and the client different names and broke
// hydration; pinning one name per process (or per CI build) keeps them in step.
process.env.CLEARCALL_BUILD_ID ??= Date.now().toString();

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// SvelteKit's CSRF origin check is on by default; no trustedOrigins are added.
		// A build can be sent elsewhere so parallel e2e runs in one checkout do not overwrite each
		// other's `build/` (see playwright.config.ts); both default to SvelteKit's usual places.
		adapter: adapter({ out: process.env.CLEARCALL_BUILD_DIR ?? 'build' }),
		outDir: process.env.CLEARCALL_KIT_DIR ?? '.svelte-kit',
		version: { name: process.env.CLEARCALL_BUILD_ID }
	}
};

export default config;
