/**
 * `npm run score -- [--format json|csv|ndjson] [--out FILE] PATH...`
 *
 * Scores files and folders (recursively .txt, .md, .html, .htm, .ndjson) on
 * worker threads (one per core by default; `--workers N`).
 * stdout carries only the output; progress and errors go to stderr. A file
 * that cannot be read becomes `{ id, source, error, errorCode }` and the rest
 * still scores; the exit code is 1 when any input failed.
 */
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { recordsToCsv } from '../src/lib/csv';
import type { AnalysisRecord } from '../src/lib/nlp/types';
import { defaultWorkers, scoreParallel, scoreParallelJson } from '../src/lib/server/score-pool';
import { readInputs } from './lib/inputs';

const USAGE = 'usage: npm run score -- [--format json|csv|ndjson] [--out FILE] [--workers N] PATH...';

async function main(): Promise<number> {
	let args;
	try {
		args = parseArgs({
			allowPositionals: true,
			options: {
				format: { type: 'string', default: 'json' },
				out: { type: 'string' },
				workers: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			}
		});
	} catch (e) {
		console.error(`slant score: ${(e as Error).message}\n${USAGE}`);
		return 2;
	}
	const { values, positionals } = args;
	if (values.help) {
		console.log(USAGE);
		return 0;
	}
	const format = values.format as string;
	if (!['json', 'csv', 'ndjson'].includes(format) || positionals.length === 0) {
		console.error(`slant score: expected --format json|csv|ndjson and at least one PATH\n${USAGE}`);
		return 2;
	}

	const workers = values.workers === undefined ? defaultWorkers() : Number(values.workers);
	if (!Number.isInteger(workers) || workers < 1) {
		console.error(`slant score: expected --workers to be a whole number ≥ 1, found "${values.workers}"`);
		return 2;
	}

	const out = values.out ? createWriteStream(values.out) : process.stdout;
	const write = (s: string) => out.write(s);
	// CSV rows are few numbers each; records are kept only for them, without their text and spans.
	const csvRecords: AnalysisRecord[] = [];
	let failed = 0;
	let done = 0;
	let first = true;

	const counted = (error: string | null) => {
		if (error) {
			failed++;
			console.error(error);
		}
		done++;
		if (done % 25 === 0) console.error(`slant score: ${done} scored…`);
	};

	if (format === 'csv') {
		for await (const rec of scoreParallel(readInputs(positionals), workers)) {
			// Failed inputs go to stderr and the exit code, not the table.
			if (!('error' in rec)) csvRecords.push(slim(rec));
			counted('error' in rec ? rec.error : null);
		}
	} else {
		// ndjson and JSON: each record arrives serialised by the thread that scored it.
		for await (const rec of scoreParallelJson(readInputs(positionals), workers)) {
			if (format === 'ndjson') write(rec.json + '\n');
			else {
				// Streamed as one array, so memory stays flat however many articles there are.
				write((first ? '[\n' : ',\n') + rec.json);
				first = false;
			}
			counted(rec.error);
		}
	}

	if (format === 'json') write(first ? '[]\n' : '\n]\n');
	if (format === 'csv') {
		const groups = [...new Set(csvRecords.flatMap((r) => r.quotes.groups.map((g) => g.id)))];
		write(recordsToCsv(csvRecords, groups) + '\r\n');
	}
	console.error(`slant score: ${done} input(s), ${failed} failed`);
	if (out !== process.stdout) (out as ReturnType<typeof createWriteStream>).end();
	return failed > 0 ? 1 : 0;
}

/** What the CSV needs of a record: drops the text and the spans, keeps every count. */
function slim(r: AnalysisRecord): AnalysisRecord {
	return { ...r, text: '', body: [], chrome: [], sentences: [] };
}

process.exitCode = await main();
