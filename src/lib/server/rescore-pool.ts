import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { scoreRows, type ScoreInput, type ScoredRow } from './rescore-task';
import type { WorkerDone, WorkerJob } from './rescore-worker';
import type { StorySettings } from './settings';

/** Scores batches of stored articles, on worker threads or in this thread. */
export type Scorer = {
	/** Threads scoring at once; the caller keeps about twice as many batches in flight. */
	parallel: number;
	isThreaded: boolean;
	/** Never rejects: a failed article comes back as `{ id, error }`. */
	score(batch: ScoreInput[], settings: StorySettings): Promise<ScoredRow[]>;
	close(): Promise<void>;
};

/** Each worker loads its own wink model (tens of MB), so more threads than this, in all jobs together, cost memory for little gain. */
export const MAX_RESCORE_WORKERS = 8;

/**
 * Worker threads for a job of `total` articles: `SLANT_RESCORE_WORKERS` when set
 * (0 scores in-process), else the available cores, capped, and no more than there are batches.
 */
export function rescoreWorkers(total: number, batchSize: number, env = process.env.SLANT_RESCORE_WORKERS): number {
	const asked = env === undefined || env === '' ? NaN : Number(env);
	const cores = Number.isInteger(asked) && asked >= 0 ? asked : Math.min(availableParallelism(), MAX_RESCORE_WORKERS);
	return Math.max(0, Math.min(cores, Math.ceil(total / batchSize)));
}

export function inProcessScorer(): Scorer {
	return {
		parallel: 1,
		isThreaded: false,
		async score(batch, settings) {
			return scoreRows(batch, settings);
		},
		async close() {}
	};
}

let hasWarned = false;

/** One pool for the process: jobs of several stories at once (after an upgrade) share its threads instead of multiplying them. */
let shared: { pool: ThreadPool; users: number } | null = null;

/** The built worker chunk, or null when running from source (Vite dev, Vitest), where a worker cannot load `.ts`. */
async function builtWorkerUrl(): Promise<URL | null> {
	const { WORKER_URL } = await import('./rescore-worker');
	const url = new URL(WORKER_URL);
	return url.protocol === 'file:' && url.pathname.endsWith('.js') && existsSync(url) ? url : null;
}

/** `workers` threads when the worker bundle exists and the job is worth them; else the in-process scorer, saying why once. */
export async function openScorer(workers: number): Promise<Scorer> {
	if (workers < 1) return inProcessScorer();
	const url = await builtWorkerUrl();
	if (!url) {
		if (!hasWarned) console.warn('slant: re-scoring in-process: no built worker bundle (running from source)');
		hasWarned = true;
		return inProcessScorer();
	}
	const mine = (shared ??= { pool: threadPool(url), users: 0 });
	mine.users++;
	mine.pool.grow(Math.min(workers, MAX_RESCORE_WORKERS));
	let isClosed = false;
	return {
		parallel: Math.min(workers, mine.pool.size()),
		isThreaded: true,
		score: (batch, settings) => mine.pool.score(batch, settings),
		async close() {
			if (isClosed) return;
			isClosed = true;
			if (--mine.users > 0) return;
			if (shared === mine) shared = null;
			await mine.pool.close();
		}
	};
}

type ThreadPool = {
	size(): number;
	/** Start threads until there are `n`. */
	grow(n: number): void;
	score(batch: ScoreInput[], settings: StorySettings): Promise<ScoredRow[]>;
	close(): Promise<void>;
};

function threadPool(url: URL): ThreadPool {
	type Slot = { worker: Worker; load: number; isBroken: boolean };
	type Pending = { slot: Slot; batch: ScoreInput[]; settings: StorySettings; resolve: (r: ScoredRow[]) => void };
	const pending = new Map<number, Pending>();
	let seq = 0;
	let isClosing = false;

	// A worker that dies takes its batches with it: score those here, so a job never stalls.
	const fail = (slot: Slot, why: string) => {
		if (slot.isBroken || isClosing) return;
		slot.isBroken = true;
		console.error(`slant: a re-scoring worker failed (${why}); scoring its batches in-process`);
		for (const [n, p] of pending) {
			if (p.slot !== slot) continue;
			pending.delete(n);
			p.resolve(scoreRows(p.batch, p.settings));
		}
	};
	const slots: Slot[] = [];
	const spawn = () => {
		const slot: Slot = { worker: new Worker(url, { workerData: { isRescoreWorker: true } }), load: 0, isBroken: false };
		slot.worker.on('message', (m: WorkerDone) => {
			const p = pending.get(m.seq);
			if (!p) return;
			pending.delete(m.seq);
			slot.load--;
			p.resolve(m.results);
		});
		slot.worker.on('error', (e) => fail(slot, e.message));
		slot.worker.on('exit', (code) => fail(slot, `exit code ${code}`));
		slots.push(slot);
	};
	return {
		size: () => slots.length,
		grow(n) {
			while (slots.length < n) spawn();
		},
		score(batch, settings) {
			const live = slots.filter((s) => !s.isBroken);
			if (!live.length) return Promise.resolve(scoreRows(batch, settings));
			// Least-loaded worker: articles differ in length, so round-robin would queue behind a long batch.
			const slot = live.reduce((a, b) => (b.load < a.load ? b : a));
			slot.load++;
			const n = seq++;
			return new Promise((resolve) => {
				pending.set(n, { slot, batch, settings, resolve });
				slot.worker.postMessage({ seq: n, batch, settings } satisfies WorkerJob);
			});
		},
		async close() {
			isClosing = true;
			await Promise.all(slots.map((s) => s.worker.terminate()));
		}
	};
}
