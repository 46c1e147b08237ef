import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or null. Under CI=true a missing Chromium is a failure, not a skip. */
export function browserSkipReason(): string | null {
	if (existsSync(CHROMIUM)) return null;
	const reason = `Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`;
	if (process.env.CI === 'true') throw new Error(`slant e2e: ${reason}; CI must run browser tests`);
	console.warn(`slant e2e: skipping browser tests: ${reason}`);
	return reason;
}

export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic'
		]
	});
}

export type Server = {
	url: string;
	port: number;
	/** Folder holding this server's database; removed by `stop()`. */
	dataDir: string;
	proc: ChildProcess;
	/** Graceful stop (SIGTERM) and clean-up of `dataDir`. */
	stop(): Promise<void>;
	/** SIGKILL, leaving `dataDir` in place (for crash tests). */
	kill(): Promise<void>;
};

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			srv.close(() => resolve(port));
		});
		srv.on('error', reject);
	});
}

/**
 * Start the built server (`build/index.js`) on a free port with its own
 * database folder. Pass `dataDir` to restart on an existing database.
 */
export async function startServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<Server> {
	const port = await freePort();
	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'slant-e2e-'));
	const proc = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			SLANT_DB: join(dataDir, 'slant.db'),
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	proc.stdout?.on('data', (d) => (log += d));
	proc.stderr?.on('data', (d) => (log += d));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (proc.exitCode !== null) throw new Error(`slant e2e: server exited (${proc.exitCode}):\n${log}`);
		try {
			const res = await fetch(url + '/');
			if (res.status < 500) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`slant e2e: server did not start within 60 s:\n${log}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	const exited = () => new Promise<void>((r) => (proc.exitCode !== null || proc.signalCode !== null ? r() : proc.once('exit', () => r())));
	return {
		url,
		port,
		dataDir,
		proc,
		async stop() {
			proc.kill('SIGTERM');
			await exited();
			rmSync(dataDir, { recursive: true, force: true });
		},
		async kill() {
			proc.kill('SIGKILL');
			await exited();
		}
	};
}
