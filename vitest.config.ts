import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['supabase/local/tests/**/*.spec.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
