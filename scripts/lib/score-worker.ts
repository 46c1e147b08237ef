/** One scoring worker: loads the wink model once, then analyses whatever it is sent. */
import { parentPort } from 'node:worker_threads';
import { analyze } from '../../src/lib/nlp/analyze';
import type { AnalysisRecord, ErrorRecord } from '../../src/lib/nlp/types';
import type { ScoreInput } from './inputs';

export type Job = { seq: number; input: ScoreInput };
export type Done = { seq: number; record: AnalysisRecord | ErrorRecord };

export function scoreOne(input: ScoreInput): AnalysisRecord | ErrorRecord {
	if ('error' in input) return input;
	try {
		return analyze({ id: input.id, text: input.text, meta: input.meta }, { groups: input.groups });
	} catch (e) {
		// analyze() is not supposed to throw; if it does, this input fails, not the batch.
		return { id: input.id, source: input.meta.source ?? null, error: `slant: analysis of "${input.id}" failed: ${(e as Error).message}`, errorCode: 'invalid' };
	}
}

parentPort?.on('message', (job: Job) => {
	parentPort!.postMessage({ seq: job.seq, record: scoreOne(job.input) } satisfies Done);
});
