/**
 * `npm run bench [-- --json] [--runs N] [--mb N]`
 *
 * Speed, as ratios measured in one process on one corpus: bare wink-nlp
 * (readDoc + iterating tokens, with its default pipe and with the sbd + pos
 * pipe analyze() uses), our full analyze(), the share of each of its stages,
 * compromise on the same text, and batch scoring on 1 and on all workers.
 * Prints medians of N runs after a warm-up; wink and analyze() take turns in
 * each run and their ratios are medians of same-run pairs. Measures; never gates.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import nlpCompromise from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyze, analyzeStaged, STAGES, type Stage, type StageRunner } from '../src/lib/nlp/analyze';
import { WINK_PIPE } from '../src/lib/nlp/doc';
import type { GroupConfig } from '../src/lib/nlp/quotes';
import { scoreParallelJson } from '../src/lib/server/score-pool';
import { ownTexts } from './lib/corpus';
import type { ScoreInput } from './lib/inputs';

const { values } = parseArgs({
	options: { json: { type: 'boolean', default: false }, runs: { type: 'string', default: '5' }, mb: { type: 'string', default: '2' } }
});
const RUNS = Math.max(5, Number(values.runs));
const log = (s: string) => (values.json ? process.stderr : process.stdout).write(s + '\n');

// ------------------------------------------------------------------ corpus

/** The seeds and our gold passages, repeated until the corpus reaches `mb` megabytes. */
function corpus(mb: number): string[] {
	const base = ownTexts();
	const out: string[] = [];
	let bytes = 0;
	for (let i = 0; bytes < mb * 1024 * 1024; i++) {
		const t = base[i % base.length];
		out.push(t);
		bytes += Buffer.byteLength(t);
	}
	return out;
}

const docs = corpus(Number(values.mb));
const totalBytes = docs.reduce((n, t) => n + Buffer.byteLength(t), 0);
const groupsPath = 'seeds/groups/china-russia-military-ties-2024-05.json';
const groups = existsSync(groupsPath) ? (JSON.parse(readFileSync(groupsPath, 'utf8')) as GroupConfig) : undefined;

// ------------------------------------------------------------------ timing

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(fn: () => void): number {
	const t0 = performance.now();
	fn();
	return performance.now() - t0;
}

/** Warm up once, then the median of RUNS timed runs, in ms. */
function measure(fn: () => void): number {
	fn();
	return median(Array.from({ length: RUNS }, () => time(fn)));
}

/**
 * Warm each up once, then RUNS rounds that time every contender in turn, so that
 * load from other processes falls on all of them alike. Returns each round's ms.
 */
function measureRounds(fns: (() => void)[]): number[][] {
	for (const fn of fns) fn();
	return Array.from({ length: RUNS }, () => fns.map(time));
}

const wink = winkNLP(model);
// The same with only the annotations analyze() asks wink for: how much of analyze() is ours.
const winkLean = winkNLP(model, WINK_PIPE);
let tokens = 0;
const rounds = measureRounds([
	() => {
		let n = 0;
		for (const t of docs) wink.readDoc(t).tokens().each(() => n++);
		tokens = n;
	},
	() => {
		for (const t of docs) winkLean.readDoc(t).tokens().each(() => 0);
	},
	() => {
		for (let i = 0; i < docs.length; i++) analyze({ id: String(i), text: docs[i] }, { groups });
	}
]);
const [winkMs, winkLeanMs, analyzeMs] = [0, 1, 2].map((k) => median(rounds.map((r) => r[k])));
// Speed ratios as medians of same-round pairs, which load from other processes disturbs least.
const analyzeRatio = median(rounds.map(([w, , a]) => w / a));
const leanRatio = median(rounds.map(([, l, a]) => l / a));

// Per-stage timings, summed over the corpus, from analyze()'s own stages through its
// timing hook, so the bench times exactly what analyze() runs (median over runs).
const stageRuns: Record<Stage, number[]> = Object.fromEntries(STAGES.map((s) => [s, []])) as never;
for (let run = 0; run <= RUNS; run++) {
	const acc = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
	const timed: StageRunner = (stage, fn) => {
		const t0 = performance.now();
		const out = fn();
		acc[stage] += performance.now() - t0;
		return out;
	};
	for (let i = 0; i < docs.length; i++) analyzeStaged({ id: String(i), text: docs[i] }, { groups }, timed);
	if (run > 0) for (const s of STAGES) stageRuns[s].push(acc[s]);
}
const stageMs = Object.fromEntries(STAGES.map((s) => [s, median(stageRuns[s])])) as Record<Stage, number>;
const stageTotal = Object.values(stageMs).reduce((a, b) => a + b, 0);

let compromiseTerms = 0;
const compromiseMs = measure(() => {
	let n = 0;
	for (const t of docs) n += nlpCompromise(t).terms().length;
	compromiseTerms = n;
});

// ------------------------------------------------------------------ batch

type BatchRun = { perSec: number; steadyPerSec: number; startupMs: number };

/**
 * `npm run score --format ndjson`'s path (scoreParallelJson) over the corpus. A thread's start-up
 * (tsx compiling the analyzer, the wink model, the lexicons) takes seconds, as
 * long as scoring a few thousand articles, so the run is reported whole and
 * from the first record out, when every thread has started.
 */
async function batch(workers: number): Promise<BatchRun> {
	const inputs: ScoreInput[] = docs.map((text, i) => ({ id: String(i), text, meta: {}, groups }));
	const t0 = performance.now();
	let first = 0;
	let n = 0;
	for await (const rec of scoreParallelJson(inputs, workers)) {
		if (n === 0) first = performance.now();
		if (!rec.error) n++;
	}
	const end = performance.now();
	return { perSec: n / ((end - t0) / 1000), steadyPerSec: (n - 1) / ((end - first) / 1000), startupMs: first - t0 };
}

const cores = availableParallelism();
const batch1 = await batch(1);
const batchN = cores > 1 ? await batch(cores) : batch1;

// ------------------------------------------------------------------ report

const perSec = (n: number, ms: number) => Math.round(n / (ms / 1000));
const winkTokensPerSec = perSec(tokens, winkMs);
const analyzeTokensPerSec = perSec(tokens, analyzeMs);
const ratio = Math.round(analyzeRatio * 1000) / 1000;
const winkLeanTokensPerSec = perSec(tokens, winkLeanMs);
const ratioLean = Math.round(leanRatio * 1000) / 1000;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

log(`slant bench: ${docs.length} articles, ${(totalBytes / 1024 / 1024).toFixed(2)} MB, ${tokens.toLocaleString('en')} wink tokens`);
log(`machine: ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; medians of ${RUNS} runs after warm-up`);
log('');
log(`bare wink-nlp readDoc + tokens  ${winkTokensPerSec.toLocaleString('en').padStart(12)} tokens/s   ${winkMs.toFixed(0)} ms`);
log(`slant analyze()                 ${analyzeTokensPerSec.toLocaleString('en').padStart(12)} tokens/s   ${analyzeMs.toFixed(0)} ms`);
log(`ratio analyze / wink            ${pct(ratio).padStart(12)}   (target ≥ 50 %)`);
log(`wink-nlp with ${WINK_PIPE.join(' + ').padEnd(10)}      ${winkLeanTokensPerSec.toLocaleString('en').padStart(12)} tokens/s   ${winkLeanMs.toFixed(0)} ms (the annotations analyze() runs); analyze is ${pct(ratioLean)} of it`);
log(`compromise (tokenise + tag)     ${perSec(tokens, compromiseMs).toLocaleString('en').padStart(12)} wink-tokens/s ${compromiseMs.toFixed(0)} ms (${compromiseTerms.toLocaleString('en')} terms); analyze is ${(compromiseMs / analyzeMs).toFixed(2)}× faster`);
log('');
log('share of analyze() time by stage:');
for (const s of STAGES) log(`  ${s.padEnd(10)} ${pct(stageMs[s] / stageTotal).padStart(8)}   ${stageMs[s].toFixed(0)} ms`);
log('');
log(
	`batch scoring after start-up: 1 worker ${batch1.steadyPerSec.toFixed(1)} articles/s; ${cores} workers ${batchN.steadyPerSec.toFixed(1)} articles/s; speed-up ${(batchN.steadyPerSec / batch1.steadyPerSec).toFixed(2)}×`
);
log(
	`  whole runs, start-up included: ${batch1.perSec.toFixed(1)} and ${batchN.perSec.toFixed(1)} articles/s (first record after ${batch1.startupMs.toFixed(0)} and ${batchN.startupMs.toFixed(0)} ms)`
);

if (values.json) {
	console.log(
		JSON.stringify({
			winkTokensPerSec,
			analyzeTokensPerSec,
			ratio,
			winkLeanTokensPerSec,
			ratioLean,
			batchArticlesPerSec: Math.round(batchN.steadyPerSec * 10) / 10,
			workers: cores,
			batchArticlesPerSec1: Math.round(batch1.steadyPerSec * 10) / 10,
			batchWithStartupPerSec: [batch1, batchN].map((b) => Math.round(b.perSec * 10) / 10),
			batchStartupMs: [batch1, batchN].map((b) => Math.round(b.startupMs)),
			compromiseTokensPerSec: perSec(tokens, compromiseMs),
			stageShare: Object.fromEntries(STAGES.map((s) => [s, Math.round((stageMs[s] / stageTotal) * 1000) / 1000])),
			articles: docs.length,
			megabytes: Math.round((totalBytes / 1024 / 1024) * 100) / 100,
			tokens,
			runs: RUNS
		})
	);
}
