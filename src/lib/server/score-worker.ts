import { parentPort, workerData } from 'node:worker_threads';
import type { GroupConfig } from '../nlp/quotes';
import type { Task, TaskResult } from './score-task';

/**
 * A scoring worker thread: loads the analyzer (and its wink model) once, then
 * runs the tasks it is sent. The pool imports this module lazily only to learn
 * its URL, so that the server build emits it as a chunk of its own.
 */

export type WorkerJob = { seq: number; task: Task };
export type WorkerDone = { seq: number; result: TaskResult };
/** `entry` is this module's URL when `worker-boot.js` has to load it through tsx. */
export type WorkerData = { isScoreWorker: true; entry?: string };

/** This module's URL: the built chunk in production, the `.ts` source under tsx, Vite dev and Vitest. */
export const WORKER_URL = import.meta.url;

// The flag keeps this module inert in any thread that is not a scoring worker.
if (parentPort && (workerData as WorkerData | null)?.isScoreWorker) {
	const port = parentPort;
	// Imported here and not at the top: the thread that imports this module for its URL should not load a wink model for it.
	const { runTask } = await import('./score-task');
	// A story's group config is sent once per thread and then named by its key: cloning it with every article, and
	// compiling each clone anew, cost more than scoring a short article.
	const configs = new Map<string, GroupConfig>();
	port.on('message', (job: WorkerJob) => {
		const task = job.task;
		if (task.kind !== 'rows' && task.groupsKey) {
			if (task.article.groups) configs.set(task.groupsKey, task.article.groups);
			else task.article.groups = configs.get(task.groupsKey);
		}
		port.postMessage({ seq: job.seq, result: runTask(task) } satisfies WorkerDone);
	});
}
