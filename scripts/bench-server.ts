/**
 * `npm run bench:server [-- --articles N] [--warm N] [--runs N] [--only pages|rescore] [--build DIR] [--save-html DIR] [--json]`
 *
 * Server render times of the built dashboard (`npm run build` first; this builds
 * nothing) for one large story: stores N articles (default 1,000) through
 * `POST /api/articles` into a temp `SLANT_DB`, then times the overview, an
 * outlet page and an article page: the first request, then the median of the
 * warm ones. Times are wall-clock on localhost, so they include the transfer of
 * the HTML. Then times re-scoring the whole story after a settings change,
 * in-process, on 1 worker thread and on the default number (median of `--runs`).
 * Measures; never gates.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

const { values } = parseArgs({
	options: {
		articles: { type: 'string', default: '1000' },
		warm: { type: 'string', default: '20' },
		build: { type: 'string', default: 'build' },
		json: { type: 'boolean', default: false },
		/** Re-scoring runs per configuration. */
		runs: { type: 'string', default: '2' },
		/** Only the page timings, or only re-scoring. */
		only: { type: 'string' },
		/** Write each page's HTML to DIR/<page>.html, to see what makes it big. */
		'save-html': { type: 'string' }
	}
});
const N = Number(values.articles);
const WARM = Math.max(20, Number(values.warm));
const ENTRY = resolve(values.build, 'index.js');
const STORY = 'bench-1000';
const log = (s: string) => (values.json ? process.stderr : process.stdout).write(s + '\n');

if (!existsSync(ENTRY)) {
	console.error(`slant bench:server: expected a build at ${ENTRY}; run npm run build first`);
	process.exit(1);
}

// ------------------------------------------------------------------ corpus

const OUTLETS = ['Antiwar.com', 'American Age', 'Global Times', 'TASS', 'Reuters', 'The Guardian', 'Al Jazeera', 'Fox News', 'Le Monde', 'Xinhua', 'BBC News', 'Associated Press'];

function paragraphs(text: string): string[] {
	return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

/**
 * `n` distinct articles of realistic length: a seed article's paragraphs, rotated,
 * between two gold passages, under a numbered dateline. Outlets are skewed, as in
 * real coverage: a few outlets carry most of the articles.
 */
function benchArticles(n: number): { text: string; outlet: string; title: string }[] {
	const seeds = readdirSync('seeds')
		.filter((f) => f.endsWith('.txt'))
		.sort()
		.map((f) => paragraphs(readFileSync(join('seeds', f), 'utf8')));
	const passages = readFileSync('tests/gold/passages.dev.jsonl', 'utf8')
		.split('\n')
		.filter((l) => l.trim())
		.map((l) => (JSON.parse(l) as { text: string }).text);
	return Array.from({ length: n }, (_, i) => {
		const seed = seeds[i % seeds.length];
		const turn = Math.floor(i / seeds.length) % seed.length;
		// Whole seed articles, rotated, so that texts are of realistic length (about 600 words).
		const body = [...seed.slice(turn), ...seed.slice(0, turn)];
		const text = [`Dispatch ${i + 1}.`, passages[i % passages.length], ...body, passages[(i * 7 + 3) % passages.length]].join('\n\n');
		const outlet = OUTLETS[Math.floor(OUTLETS.length * ((i * 0.618) % 1) ** 1.6)];
		return { text, outlet, title: `${outlet}: report ${i + 1}` };
	});
}

// ------------------------------------------------------------------ server

async function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const a = srv.address();
			srv.close(() => done(typeof a === 'object' && a ? a.port : 0));
		});
		srv.on('error', fail);
	});
}

async function start(dbPath: string, env: Record<string, string> = {}) {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const proc = spawn(process.execPath, [ENTRY], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, SLANT_DB: dbPath, BODY_SIZE_LIMIT: '70M', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	proc.stdout.on('data', (d) => (output += d));
	proc.stderr.on('data', (d) => (output += d));
	for (const deadline = Date.now() + 120_000; ; ) {
		if (proc.exitCode !== null) throw new Error(`slant bench:server: server exited (${proc.exitCode}):\n${output}`);
		try {
			if ((await fetch(url + '/api/stories')).status < 500) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`slant bench:server: server did not start in 120 s:\n${output}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		url,
		output: () => output,
		stop: () => new Promise<void>((done) => (proc.exitCode !== null ? done() : (proc.once('exit', () => done()), proc.kill('SIGTERM'))))
	};
}

/** Wall-clock time of one GET, body read in full. */
async function time(url: string): Promise<{ ms: number; bytes: number; body: ArrayBuffer }> {
	const t0 = performance.now();
	const res = await fetch(url);
	const body = await res.arrayBuffer();
	const ms = performance.now() - t0;
	if (res.status !== 200) throw new Error(`slant bench:server: ${url} answered ${res.status}`);
	return { ms, bytes: body.byteLength, body };
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ------------------------------------------------------------------ run

/** Change the story's settings (a lexicon change) and time the re-scoring job it starts, polling its progress. */
async function timeRescore(url: string, n: number): Promise<{ articles: number; seconds: number }> {
	const settings = (await (await fetch(`${url}/api/stories/${STORY}/settings`)).json()) as { groups: unknown; lexicon: { disable: string[] } };
	settings.lexicon.disable = [`bench-toggle-${n}`];
	const t0 = performance.now();
	const res = await fetch(`${url}/api/stories/${STORY}/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) });
	if (res.status !== 202) throw new Error(`slant bench:server: settings answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
	let progress = (await res.json()) as { done: number; total: number; running: boolean };
	const total = progress.total;
	while (progress.running) {
		await new Promise((r) => setTimeout(r, 50));
		progress = (await (await fetch(`${url}/api/stories/${STORY}/rescore`)).json()) as typeof progress;
	}
	return { articles: total, seconds: (performance.now() - t0) / 1000 };
}

const dir = mkdtempSync(join(tmpdir(), 'slant-bench-server-'));
let server = await start(join(dir, 'slant.db'));
try {
	log(`slant bench:server: ${N} articles, ${WARM} warm requests per page, ${availableParallelism()} cores; timings are noisy when other work shares the machine.`);
	const articles = benchArticles(N);
	const t0 = performance.now();
	let firstId: string | null = null;
	for (let i = 0; i < articles.length; i += 500) {
		const res = await fetch(`${server.url}/api/articles`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ story: STORY, articles: articles.slice(i, i + 500) })
		});
		const out = (await res.json()) as { saved?: { id: string }[]; errors?: { reason: string }[] };
		if (!out.saved || out.saved.length !== Math.min(500, articles.length - i)) throw new Error(`slant bench:server: import failed: ${JSON.stringify(out).slice(0, 400)}`);
		firstId ??= out.saved[0]?.id ?? null;
	}
	const importS = (performance.now() - t0) / 1000;
	log(`stored ${N} articles via POST /api/articles in ${importS.toFixed(1)} s (${(N / importS).toFixed(1)} articles/s, analysed in the request)`);

	const pages: [name: string, path: string][] = values.only === 'rescore' ? [] : [
		['overview', `/?story=${STORY}`],
		// The same load function without the HTML: what reading and laying out the data costs.
		['overview data', `/__data.json?story=${STORY}`],
		['outlet', `/outlet/reuters?story=${STORY}`],
		...(firstId ? [['article', `/article/${firstId}`] as [string, string]] : [])
	];
	const results: Record<string, { firstMs: number; warmMedianMs: number; warmMinMs: number; warmMaxMs: number; htmlBytes: number }> = {};
	for (const [name, path] of pages) {
		const first = await time(server.url + path);
		if (values['save-html']) {
			mkdirSync(values['save-html'], { recursive: true });
			writeFileSync(join(values['save-html'], `${name}.html`), Buffer.from(first.body));
		}
		const warm: number[] = [];
		for (let i = 0; i < WARM; i++) warm.push((await time(server.url + path)).ms);
		results[name] = { firstMs: first.ms, warmMedianMs: median(warm), warmMinMs: Math.min(...warm), warmMaxMs: Math.max(...warm), htmlBytes: first.bytes };
		const r = results[name];
		log(
			`${name.padEnd(13)} ${path}\n  first ${r.firstMs.toFixed(0)} ms; warm median ${r.warmMedianMs.toFixed(0)} ms (min ${r.warmMinMs.toFixed(0)}, max ${r.warmMaxMs.toFixed(0)}, n=${WARM}); ${name.endsWith('data') ? 'JSON' : 'HTML'} ${(r.htmlBytes / 1024).toFixed(0)} KB` +
				(name === 'overview' ? ` — target < 300 ms warm: ${r.warmMedianMs < 300 ? 'met' : 'NOT met'}` : '')
		);
	}
	const rescore: Record<string, { articles: number; perSecond: number[]; medianPerSecond: number; threads: number }> = {};
	if (values.only !== 'pages') {
		const configs = [
			['in-process', { SLANT_RESCORE_WORKERS: '0' }],
			['1 worker', { SLANT_RESCORE_WORKERS: '1' }],
			['default workers', {}]
		] as const;
		let change = 0;
		// Configurations interleaved, run after run, so that load from other work on the machine spreads over all of them.
		for (let run = 0; run < Math.max(1, Number(values.runs)); run++) {
			for (const [label, env] of configs) {
				// A fresh server per run, so that its worker count applies.
				await server.stop();
				server = await start(join(dir, 'slant.db'), env);
				const r = await timeRescore(server.url, change++);
				const threads = Number(server.output().match(/on (\d+) worker threads/)?.[1] ?? 0);
				const cur = (rescore[label] ??= { articles: r.articles, perSecond: [], medianPerSecond: 0, threads });
				cur.perSecond.push(r.articles / r.seconds);
				cur.medianPerSecond = median(cur.perSecond);
				log(`re-score ${label.padEnd(15)} ${r.articles} articles in ${r.seconds.toFixed(1)} s: ${(r.articles / r.seconds).toFixed(1)} articles/s${threads ? ` (${threads} threads)` : ' (in-process)'}`);
			}
		}
		for (const [label, r] of Object.entries(rescore)) log(`re-score ${label.padEnd(15)} median ${r.medianPerSecond.toFixed(1)} articles/s over ${r.perSecond.length} runs`);
	}
	if (values.json) process.stdout.write(JSON.stringify({ articles: N, importSeconds: importS, pages: results, rescore }, null, 2) + '\n');
} finally {
	await server.stop();
	rmSync(dir, { recursive: true, force: true });
}
