/**
 * `npm run bench:batch [-- --articles N] [--interval S] [--keep] [--json]`
 *
 * Batch scoring at scale. Writes N articles (default 50,000: the seeds and our
 * gold passages, cycled, each with its own id) as one ndjson file in a temp
 * folder, then runs `scripts/score.ts --format ndjson --out FILE` on it, as
 * `npm run score` does, with 1 worker and with one per core. Every S seconds
 * (default 2) it samples the resident memory of the scoring process tree.
 * Prints articles/s, the speed-up and the memory samples. Linux only: it reads
 * `ps`. Measures; never gates, and is not part of `npm test`.
 */
import { spawn, execFileSync } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ownTexts } from './lib/corpus';

const { values } = parseArgs({
	options: {
		articles: { type: 'string', default: '50000' },
		interval: { type: 'string', default: '2' },
		keep: { type: 'boolean', default: false },
		json: { type: 'boolean', default: false }
	}
});
const ARTICLES = Number(values.articles);
const INTERVAL_MS = Number(values.interval) * 1000;
if (!Number.isInteger(ARTICLES) || ARTICLES < 1 || !(INTERVAL_MS > 0)) {
	console.error(`slant bench:batch: expected --articles to be a whole number ≥ 1 and --interval a number of seconds > 0, found "${values.articles}" and "${values.interval}"`);
	process.exit(2);
}
const log = (s: string) => (values.json ? process.stderr : process.stdout).write(s + '\n');
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');

/** Writes the input line by line, so the generator's own memory stays small too. */
function writeInput(path: string): number {
	const texts = ownTexts();
	const fd = openSync(path, 'w');
	try {
		for (let i = 0; i < ARTICLES; i++) writeSync(fd, JSON.stringify({ id: `batch-${String(i).padStart(6, '0')}`, text: texts[i % texts.length] }) + '\n');
	} finally {
		closeSync(fd);
	}
	return statSync(path).size;
}

/** Resident memory of `root` and all its descendants, in MB, from one `ps` snapshot. */
function treeRssMb(root: number): number {
	const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
		.trim()
		.split('\n')
		.map((l) => l.trim().split(/\s+/).map(Number));
	const tree = new Set([root]);
	// ps lists parents before children only by accident; repeat until no process joins.
	for (let grew = true; grew; ) {
		grew = false;
		for (const [pid, ppid] of rows) {
			if (!tree.has(ppid) || tree.has(pid)) continue;
			tree.add(pid);
			grew = true;
		}
	}
	return rows.filter(([pid]) => tree.has(pid)).reduce((kb, [, , rss]) => kb + rss, 0) / 1024;
}

async function countLines(path: string): Promise<number> {
	let n = 0;
	for await (const chunk of createReadStream(path)) for (const byte of chunk as Buffer) if (byte === 10) n++;
	return n;
}

type Sample = { seconds: number; done: number; rssMb: number };
type Peaks = { startup: number; first: number; middle: number; last: number; max: number };
type Run = { workers: number; seconds: number; perSecond: number; startupSeconds: number; perSecondAfterStartup: number; exitCode: number | null; lines: number; samples: Sample[]; peakMb: Peaks };

async function run(workers: number, input: string, output: string): Promise<Run> {
	const t0 = performance.now();
	const child = spawn(process.execPath, [TSX_CLI, 'scripts/score.ts', '--format', 'ndjson', '--workers', String(workers), '--out', output, input], { stdio: ['ignore', 'ignore', 'pipe'] });
	let done = 0;
	let firstAt = NaN;
	let firstDone = 0;
	let rest = '';
	child.stderr.setEncoding('utf8').on('data', (d: string) => {
		rest += d;
		const lines = rest.split('\n');
		rest = lines.pop()!;
		for (const l of lines) {
			const m = /^slant score: (\d+) scored/.exec(l);
			if (!m) {
				if (!l.startsWith('slant score:')) process.stderr.write(l + '\n');
				continue;
			}
			done = Number(m[1]);
			// The CLI reports every 25 articles; the first report marks the end of start-up.
			if (Number.isNaN(firstAt)) [firstAt, firstDone] = [(performance.now() - t0) / 1000, done];
		}
	});
	const samples: Sample[] = [];
	const sample = () => {
		try {
			samples.push({ seconds: (performance.now() - t0) / 1000, done, rssMb: treeRssMb(child.pid!) });
		} catch {
			// The process ended between the tick and ps.
		}
	};
	const timer = setInterval(sample, INTERVAL_MS);
	sample();
	const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
	clearInterval(timer);
	const seconds = (performance.now() - t0) / 1000;
	// Peaks while the threads start (no article out yet), then by thirds of the articles: flat memory means the thirds stay close.
	const peak = (keep: (s: Sample) => boolean) => Math.max(0, ...samples.filter(keep).map((s) => s.rssMb));
	const third = (k: number) => peak((s) => s.done > 0 && s.done > (k * ARTICLES) / 3 && s.done <= ((k + 1) * ARTICLES) / 3);
	const peakMb = { startup: peak((s) => s.done === 0), first: third(0), middle: third(1), last: third(2), max: peak(() => true) };
	const perSecondAfterStartup = (ARTICLES - firstDone) / (seconds - firstAt);
	return { workers, seconds, perSecond: ARTICLES / seconds, startupSeconds: firstAt, perSecondAfterStartup, exitCode, lines: await countLines(output), samples, peakMb };
}

const dir = mkdtempSync(join(tmpdir(), 'slant-bench-batch-'));
const input = join(dir, 'articles.ndjson');
const cores = availableParallelism();
try {
	const bytes = writeInput(input);
	const load0 = loadavg()[0];
	log(`slant bench:batch: ${ARTICLES.toLocaleString('en')} articles, ${(bytes / 1024 / 1024).toFixed(1)} MB of ndjson (seeds and gold passages, cycled) in ${dir}`);
	log(`machine: ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; load average ${load0.toFixed(2)} before the runs`);
	const runs: Run[] = [];
	for (const workers of cores > 1 ? [1, cores] : [1]) {
		const r = await run(workers, input, join(dir, `out-${workers}.ndjson`));
		runs.push(r);
		const ok = r.exitCode === 0 && r.lines === ARTICLES ? 'ok' : `FAILED: exit ${r.exitCode}, ${r.lines} lines`;
		log('');
		log(`${workers} worker(s): ${r.seconds.toFixed(1)} s, ${r.perSecond.toFixed(1)} articles/s (${ok}); first articles out after ${r.startupSeconds.toFixed(1)} s, ${r.perSecondAfterStartup.toFixed(1)} articles/s from then on`);
		log(`  peak RSS of the process tree, MB: start-up ${r.peakMb.startup.toFixed(0)}; articles in the first third ${r.peakMb.first.toFixed(0)}, middle ${r.peakMb.middle.toFixed(0)}, last ${r.peakMb.last.toFixed(0)}; max ${r.peakMb.max.toFixed(0)}`);
		log(`  samples (s, articles done, RSS MB): ${r.samples.map((s) => `${s.seconds.toFixed(0)}/${s.done}/${s.rssMb.toFixed(0)}`).join(' ')}`);
	}
	log('');
	if (runs.length > 1) log(`speed-up, ${cores} workers over 1: ${(runs[1].perSecond / runs[0].perSecond).toFixed(2)}× (${(runs[1].perSecondAfterStartup / runs[0].perSecondAfterStartup).toFixed(2)}× after start-up)`);
	log(`load average ${loadavg()[0].toFixed(2)} after the runs (other jobs on the machine slow both runs and blur the speed-up)`);
	if (values.json) console.log(JSON.stringify({ articles: ARTICLES, inputBytes: bytes, cores, runs }));
	if (runs.some((r) => r.exitCode !== 0 || r.lines !== ARTICLES)) process.exitCode = 1;
} finally {
	if (values.keep) log(`kept ${dir}`);
	else rmSync(dir, { recursive: true, force: true });
}
