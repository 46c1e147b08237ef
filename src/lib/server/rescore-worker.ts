import { parentPort, workerData } from 'node:worker_threads';
import { scoreRows, type ScoreInput, type ScoredRow } from './rescore-task';
import type { StorySettings } from './settings';

/**
 * A re-scoring worker thread: loads the analyzer (and its wink model) once, then
 * scores the batches it is sent. The server imports this module lazily only to
 * learn its URL, so that the build emits it as a chunk of its own.
 */

export type WorkerJob = { seq: number; batch: ScoreInput[]; settings: StorySettings };
export type WorkerDone = { seq: number; results: ScoredRow[] };

/** This module's URL: the built chunk in production, the `.ts` source under Vite dev and Vitest. */
export const WORKER_URL = import.meta.url;

// The flag keeps this module inert when imported by a thread that is not a re-scoring worker.
if (parentPort && (workerData as { isRescoreWorker?: boolean } | null)?.isRescoreWorker) {
	const port = parentPort;
	port.on('message', (job: WorkerJob) => port.postMessage({ seq: job.seq, results: scoreRows(job.batch, job.settings) } satisfies WorkerDone));
}
