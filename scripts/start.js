#!/usr/bin/env node
// `npm start`: build the dashboard when the build is missing or older than the
// sources, then serve it (adapter-node honours PORT, default 3000, and HOST).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILD = 'build/index.js';

function newestMtime(path) {
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	let newest = st.mtimeMs;
	for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
	return newest;
}

const inputs = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'].filter(existsSync);
const isStale = !existsSync(BUILD) || Math.max(...inputs.map(newestMtime)) > statSync(BUILD).mtimeMs;
if (isStale) {
	console.error('slant: building the dashboard (first start or sources changed)…');
	execSync('npx vite build', { stdio: 'inherit' });
}
process.env.PORT ??= '3000';
// adapter-node refuses request bodies over 512 KB by default; uploads may be 5 MB a file.
process.env.BODY_SIZE_LIMIT ??= '70M';
console.error(`slant: serving on http://${process.env.HOST ?? 'localhost'}:${process.env.PORT}`);
await import('./../build/index.js');
