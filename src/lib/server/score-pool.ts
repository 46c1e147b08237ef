import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalysisRecord, ErrorRecord } from '../nlp/types';
import { jsonRecord, type JsonRecord } from './json-record';
import type { ArticleInput, ScoredRow, StoredArticle, Task, TaskResult } from './score-task';
import type { WorkerData, WorkerDone, WorkerJob } from './score-worker';
import type { StorySettings } from './settings';

/**
 * The one pool of scoring threads, for the CLI (`npm run score`, `npm run bench`)
 * and for the server's story re-scoring. Each thread loads the wink model once.
 */

/** The CLI's default: one thread per core. */
export const defaultWorkers = (): number => Math.max(1, availableParallelism());

/** Runs a task in this thread; the analyzer (and its wink model) loads on first use. */
async function runHere<T extends Task>(task: T): Promise<TaskResult<T>> {
	const { runTask } = await import('./score-task');
	return runTask(task);
}

type WorkerEntry = { url: URL; workerData: WorkerData };

let hasWarned = false;

/**
 * How to start a scoring thread. Built (adapter-node), the worker is a `.js`
 * chunk that a thread loads as it is. From source (tsx for the CLI, Vite dev,
 * Vitest) it is a `.ts` file, which a thread can load only through
 * `worker-boot.js`. Null, with a warning once, when neither is there.
 */
async function workerEntry(): Promise<WorkerEntry | null> {
	const { WORKER_URL } = await import('./score-worker');
	const url = new URL(WORKER_URL);
	const isFile = url.protocol === 'file:' && existsSync(url);
	if (isFile && /\.m?js$/.test(url.pathname)) return { url, workerData: { isScoreWorker: true } };
	const boot = new URL('./worker-boot.js', import.meta.url);
	if (isFile && url.pathname.endsWith('.ts') && existsSync(boot)) return { url: boot, workerData: { isScoreWorker: true, entry: url.href } };
	if (!hasWarned) console.warn(`slant: scoring in this thread: cannot start a worker thread from ${url.href}`);
	hasWarned = true;
	return null;
}

/** Scoring threads fed least-loaded first. With no threads, tasks run in this thread. */
export type ThreadPool = {
	/** Live threads. */
	size(): number;
	/** Start threads until there are `n` (none when no worker entry was found). */
	grow(n: number): void;
	/** Never rejects: an article that fails comes back as an error record or row. */
	run<T extends Task>(task: T): Promise<TaskResult<T>>;
	close(): Promise<void>;
};

export async function openThreadPool(workers: number): Promise<ThreadPool> {
	const pool = threadPool(workers > 0 ? await workerEntry() : null);
	pool.grow(workers);
	return pool;
}

function threadPool(entry: WorkerEntry | null): ThreadPool {
	type Slot = { worker: Worker; load: number; isBroken: boolean; configs: Set<string> };
	type Pending = { slot: Slot; task: Task; resolve: (r: TaskResult | Promise<TaskResult>) => void };
	const pending = new Map<number, Pending>();
	const slots: Slot[] = [];
	let seq = 0;
	let isClosing = false;
	const live = () => slots.filter((s) => !s.isBroken);

	// A thread that dies takes its tasks with it: run those here, so a job never stalls.
	const fail = (slot: Slot, why: string) => {
		if (slot.isBroken || isClosing) return;
		slot.isBroken = true;
		console.error(`slant: a scoring worker failed (${why}); running its tasks in this thread`);
		for (const [n, p] of pending) {
			if (p.slot !== slot) continue;
			pending.delete(n);
			p.resolve(runHere(p.task));
		}
	};
	const spawn = ({ url, workerData }: WorkerEntry) => {
		const slot: Slot = { worker: new Worker(url, { workerData }), load: 0, isBroken: false, configs: new Set() };
		slot.worker.on('message', (m: WorkerDone) => {
			const p = pending.get(m.seq);
			if (!p) return;
			pending.delete(m.seq);
			slot.load--;
			p.resolve(m.result);
		});
		slot.worker.on('error', (e) => fail(slot, e.message));
		slot.worker.on('exit', (code) => fail(slot, `exit code ${code}`));
		slots.push(slot);
	};
	return {
		size: () => live().length,
		grow(n) {
			// Broken threads count: whatever broke one would likely break its replacement.
			while (entry && !isClosing && slots.length < n) spawn(entry);
		},
		run<T extends Task>(task: T): Promise<TaskResult<T>> {
			const threads = live();
			if (!threads.length) return runHere(task);
			// Least-loaded thread: articles differ in length, so round-robin would queue behind a long one.
			const slot = threads.reduce((a, b) => (b.load < a.load ? b : a));
			slot.load++;
			const n = seq++;
			return new Promise((resolve) => {
				pending.set(n, { slot, task, resolve: resolve as Pending['resolve'] });
				slot.worker.postMessage({ seq: n, task: withConfigKey(task, slot.configs) } satisfies WorkerJob);
			});
		},
		async close() {
			isClosing = true;
			await Promise.all(slots.map((s) => s.worker.terminate()));
		}
	};
}

const configKeys = new WeakMap<object, string>();
let nextConfigKey = 0;

/**
 * The task as sent to a thread: an article's group config travels once per
 * thread (`sent` holds the keys it has), then only its key. The task kept for
 * a retry in this thread is the original, config and all.
 */
function withConfigKey(task: Task, sent: Set<string>): Task {
	if (task.kind === 'rows' || !task.article.groups) return task;
	let key = configKeys.get(task.article.groups);
	if (!key) configKeys.set(task.article.groups, (key = `g${nextConfigKey++}`));
	if (!sent.has(key)) {
		sent.add(key);
		return { ...task, groupsKey: key };
	}
	return { ...task, article: { ...task.article, groups: undefined }, groupsKey: key };
}

// ------------------------------------------------------------------ CLI: ordered stream

/**
 * Score `inputs` on `workers` threads, yielding records in input order. At most
 * `workers × 4` inputs are in flight, so memory stays flat however long the
 * input stream is. An input that could not be read is yielded as it is.
 */
export function scoreParallel(inputs: Iterable<ArticleInput | ErrorRecord>, workers = defaultWorkers()): AsyncGenerator<AnalysisRecord | ErrorRecord> {
	return ordered(inputs, workers, (article) => ({ kind: 'record', article }), (input) => input);
}

/**
 * scoreParallel, with each record serialised to JSON by the thread that scored
 * it: for ndjson and JSON output, where parsing records back in this thread
 * only to serialise them again would make it the bottleneck.
 */
export function scoreParallelJson(inputs: Iterable<ArticleInput | ErrorRecord>, workers = defaultWorkers()): AsyncGenerator<JsonRecord> {
	return ordered(inputs, workers, (article) => ({ kind: 'json', article }), jsonRecord);
}

async function* ordered<T extends Task & { article: ArticleInput }>(
	inputs: Iterable<ArticleInput | ErrorRecord>,
	workers: number,
	toTask: (article: ArticleInput) => T,
	unread: (input: ErrorRecord) => TaskResult<T>
): AsyncGenerator<TaskResult<T>> {
	const pool = await openThreadPool(workers);
	const window = workers * 4;
	const inFlight: Promise<TaskResult<T>>[] = [];
	try {
		for (const input of inputs) {
			inFlight.push('error' in input ? Promise.resolve(unread(input)) : pool.run(toTask(input)));
			if (inFlight.length >= window) yield await inFlight.shift()!;
		}
		while (inFlight.length) yield await inFlight.shift()!;
	} finally {
		await pool.close();
	}
}

// ------------------------------------------------------------------ server: story re-scoring

/** Scores batches of stored articles, on worker threads or in this thread. */
export type Scorer = {
	/** Threads scoring at once; the caller keeps about twice as many batches in flight. */
	parallel: number;
	isThreaded: boolean;
	/** Never rejects: a failed article comes back as `{ id, error }`. */
	score(batch: StoredArticle[], settings: StorySettings): Promise<ScoredRow[]>;
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

/** One pool for the server process: jobs of several stories at once (after an upgrade) share its threads instead of multiplying them. */
let shared: { pool: Promise<ThreadPool>; users: number } | null = null;

/** A share of the process's pool, grown to `workers` threads (at most {@link MAX_RESCORE_WORKERS}); `workers` 0 scores in this thread. */
export async function openScorer(workers: number): Promise<Scorer> {
	if (workers < 1) return { parallel: 1, isThreaded: false, score: (batch, settings) => runHere({ kind: 'rows', batch, settings }), close: async () => {} };
	const mine = (shared ??= { pool: workerEntry().then(threadPool), users: 0 });
	mine.users++;
	const pool = await mine.pool;
	pool.grow(Math.min(workers, MAX_RESCORE_WORKERS));
	const threads = Math.min(workers, pool.size());
	let isClosed = false;
	return {
		parallel: Math.max(1, threads),
		isThreaded: threads > 0,
		score: (batch, settings) => pool.run({ kind: 'rows', batch, settings }),
		async close() {
			if (isClosed) return;
			isClosed = true;
			if (--mine.users > 0) return;
			if (shared === mine) shared = null;
			await pool.close();
		}
	};
}
