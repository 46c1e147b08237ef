import { defineConfig } from 'vitest/config';

// End-to-end tests: a real server (built once in globalSetup) and real Chromium.
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		testTimeout: 60_000,
		hookTimeout: 180_000,
		fileParallelism: false,
		pool: 'forks'
	}
});
