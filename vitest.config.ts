import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: [
			'src/**/*.spec.ts',
			'supabase/local/tests/**/*.spec.ts',
			'tests/rls/**/*.spec.ts',
			'tests/unit/**/*.spec.ts'
		],
		setupFiles: ['tests/setup/websocket.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
