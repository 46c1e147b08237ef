/**
 * `npm run bench [-- --json] [--runs N] [--mb N]`
 *
 * Speed, as ratios measured in one process on one corpus: bare wink-nlp
 * (readDoc + iterating tokens), our full analyze(), each analyzer's share,
 * compromise on the same text, and batch scoring on 1 and on all workers.
 * Prints medians of N runs after a warm-up. Measures; never gates.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import nlpCompromise from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyze, buildContext } from '../src/lib/nlp/analyze';
import { detectBody, detectMeta } from '../src/lib/nlp/body';
import { readDoc } from '../src/lib/nlp/doc';
import { analyzeHedging } from '../src/lib/nlp/hedging';
import { detectLanguage } from '../src/lib/nlp/language';
import { analyzeLoaded } from '../src/lib/nlp/loaded';
import { analyzeQuotes, type GroupConfig } from '../src/lib/nlp/quotes';
import { scoreParallel } from '../src/lib/server/score-pool';
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

const wink = winkNLP(model);
let tokens = 0;
const winkMs = measure(() => {
	let n = 0;
	for (const t of docs) wink.readDoc(t).tokens().each(() => n++);
	tokens = n;
});

const analyzeMs = measure(() => {
	for (let i = 0; i < docs.length; i++) analyze({ id: String(i), text: docs[i] }, { groups });
});

// Per-stage timings, summed over the corpus, one run after warm-up (median over runs).
const stageNames = ['body', 'tokens', 'context', 'language', 'quotes', 'loaded', 'hedging'] as const;
const stageRuns: Record<(typeof stageNames)[number], number[]> = Object.fromEntries(stageNames.map((s) => [s, []])) as never;
for (let run = 0; run <= RUNS; run++) {
	const acc = Object.fromEntries(stageNames.map((s) => [s, 0])) as Record<(typeof stageNames)[number], number>;
	for (const text of docs) {
		let t = performance.now();
		const lap = (stage: (typeof stageNames)[number]) => {
			const now = performance.now();
			acc[stage] += now - t;
			t = now;
		};
		const split = detectBody(text);
		detectMeta(text, split);
		lap('body');
		const doc = readDoc(text);
		lap('tokens');
		const ctx = buildContext(text, split.body, doc);
		lap('context');
		detectLanguage(ctx.scored.map((b) => text.slice(b.start, b.end)).join('\n'));
		lap('language');
		const quotes = analyzeQuotes(ctx, groups);
		lap('quotes');
		analyzeLoaded(ctx, quotes);
		lap('loaded');
		analyzeHedging(ctx, quotes);
		lap('hedging');
	}
	if (run > 0) for (const s of stageNames) stageRuns[s].push(acc[s]);
}
const stageMs = Object.fromEntries(stageNames.map((s) => [s, median(stageRuns[s])])) as Record<(typeof stageNames)[number], number>;
const stageTotal = Object.values(stageMs).reduce((a, b) => a + b, 0);

let compromiseTerms = 0;
const compromiseMs = measure(() => {
	let n = 0;
	for (const t of docs) n += nlpCompromise(t).terms().length;
	compromiseTerms = n;
});

// ------------------------------------------------------------------ batch

async function batch(workers: number): Promise<number> {
	const inputs: ScoreInput[] = docs.map((text, i) => ({ id: String(i), text, meta: {}, groups }));
	const t0 = performance.now();
	let n = 0;
	for await (const rec of scoreParallel(inputs, workers)) if (!('error' in rec)) n++;
	return n / ((performance.now() - t0) / 1000);
}

const cores = availableParallelism();
const batch1 = await batch(1);
const batchN = cores > 1 ? await batch(cores) : batch1;

// ------------------------------------------------------------------ report

const perSec = (n: number, ms: number) => Math.round(n / (ms / 1000));
const winkTokensPerSec = perSec(tokens, winkMs);
const analyzeTokensPerSec = perSec(tokens, analyzeMs);
const ratio = Math.round((analyzeTokensPerSec / winkTokensPerSec) * 1000) / 1000;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

log(`slant bench: ${docs.length} articles, ${(totalBytes / 1024 / 1024).toFixed(2)} MB, ${tokens.toLocaleString('en')} wink tokens`);
log(`machine: ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; medians of ${RUNS} runs after warm-up`);
log('');
log(`bare wink-nlp readDoc + tokens  ${winkTokensPerSec.toLocaleString('en').padStart(12)} tokens/s   ${winkMs.toFixed(0)} ms`);
log(`slant analyze()                 ${analyzeTokensPerSec.toLocaleString('en').padStart(12)} tokens/s   ${analyzeMs.toFixed(0)} ms`);
log(`ratio analyze / wink            ${pct(ratio).padStart(12)}   (target ≥ 50 %)`);
log(`compromise (tokenise + tag)     ${perSec(tokens, compromiseMs).toLocaleString('en').padStart(12)} wink-tokens/s ${compromiseMs.toFixed(0)} ms (${compromiseTerms.toLocaleString('en')} terms); analyze is ${(compromiseMs / analyzeMs).toFixed(2)}× faster`);
log('');
log('share of analyze() time by stage:');
for (const s of stageNames) log(`  ${s.padEnd(10)} ${pct(stageMs[s] / stageTotal).padStart(8)}   ${stageMs[s].toFixed(0)} ms`);
log('');
log(`batch scoring: 1 worker ${batch1.toFixed(1)} articles/s; ${cores} workers ${batchN.toFixed(1)} articles/s; speed-up ${(batchN / batch1).toFixed(2)}× (includes worker start-up)`);

if (values.json) {
	console.log(
		JSON.stringify({
			winkTokensPerSec,
			analyzeTokensPerSec,
			ratio,
			batchArticlesPerSec: Math.round(batchN * 10) / 10,
			workers: cores,
			batchArticlesPerSec1: Math.round(batch1 * 10) / 10,
			compromiseTokensPerSec: perSec(tokens, compromiseMs),
			stageShare: Object.fromEntries(stageNames.map((s) => [s, Math.round((stageMs[s] / stageTotal) * 1000) / 1000])),
			articles: docs.length,
			megabytes: Math.round((totalBytes / 1024 / 1024) * 100) / 100,
			tokens,
			runs: RUNS
		})
	);
}
