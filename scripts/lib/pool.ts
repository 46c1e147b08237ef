import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalysisRecord, ErrorRecord } from '../../src/lib/nlp/types';
import type { ScoreInput } from './inputs';
import type { Done, Job } from './score-worker';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./score-worker.ts', import.meta.url).href;

export const defaultWorkers = (): number => Math.max(1, availableParallelism());

/**
 * Score `inputs` on `workers` threads (one wink model each), yielding records
 * in input order. At most `workers × 4` inputs are in flight, so memory stays
 * flat however long the input stream is.
 */
export async function* scoreParallel(inputs: Iterable<ScoreInput>, workers = defaultWorkers()): AsyncGenerator<AnalysisRecord | ErrorRecord> {
	const pool = Array.from({ length: workers }, () => new Worker(BOOT, { workerData: { entry: ENTRY } }));
	const window = workers * 4;
	const ready = new Map<number, AnalysisRecord | ErrorRecord>();
	let wake: (() => void) | null = null;
	let failure: Error | null = null;
	const load = pool.map(() => 0);
	pool.forEach((w, i) => {
		w.on('message', (m: Done) => {
			load[i]--;
			ready.set(m.seq, m.record);
			wake?.();
		});
		w.on('error', (e) => {
			failure = e;
			wake?.();
		});
	});
	const it = inputs[Symbol.iterator]();
	let sent = 0;
	let next = 0;
	let exhausted = false;
	try {
		for (;;) {
			while (!exhausted && sent - next < window) {
				const r = it.next();
				if (r.done) exhausted = true;
				else {
					// Least-loaded worker: articles differ in length, so round-robin would queue behind a long one.
					const i = load.indexOf(Math.min(...load));
					load[i]++;
					pool[i].postMessage({ seq: sent++, input: r.value } satisfies Job);
				}
			}
			if (exhausted && next === sent) return;
			while (!ready.has(next)) {
				if (failure) throw failure;
				await new Promise<void>((resolve) => (wake = resolve));
				wake = null;
			}
			const rec = ready.get(next)!;
			ready.delete(next++);
			yield rec;
		}
	} finally {
		await Promise.all(pool.map((w) => w.terminate()));
	}
}
