import { execSync } from 'node:child_process';

// Build once for the whole e2e run; each test file then starts its own server on the build.
export default function setup(): void {
	if (process.env.SLANT_E2E_SKIP_BUILD === '1') return;
	execSync('npx vite build', { stdio: ['ignore', 'ignore', 'inherit'] });
}
