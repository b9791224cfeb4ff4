import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';
import { devStack } from './scripts/dev-stack';
import { paraglideOptions } from './scripts/paraglide-options';

export default defineConfig({
	plugins: [devStack(), paraglideVitePlugin(paraglideOptions), sveltekit()]
});
