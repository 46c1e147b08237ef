import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchBrowser, startServer, type Server } from './harness';

/**
 * The overview of a 1,000-article story in Chromium, measured with the
 * performance API: first render, hovering and focusing a mark, sorting a
 * 1,000-row table, and the JavaScript it ships. Reports; never gates (the
 * machine is shared, so timings are noisy). Figures go to the log and to
 * `test-results/perf.json`.
 */

const skip = browserSkipReason();
const STORY = 'perf-1000';
const N = 1000;
const OUTLETS = ['Antiwar.com', 'American Age', 'Global Times', 'TASS', 'Reuters', 'The Guardian', 'Al Jazeera', 'Fox News', 'Le Monde', 'Xinhua', 'BBC News', 'Associated Press'];

/** `n` distinct articles from the seeds and the gold passages, over twelve outlets. */
function articles(n: number): { text: string; outlet: string; title: string }[] {
	const seeds = readdirSync('seeds')
		.filter((f) => f.endsWith('.txt'))
		.sort()
		.map((f) => readFileSync(join('seeds', f), 'utf8'));
	const passages = readFileSync('tests/gold/passages.dev.jsonl', 'utf8')
		.split('\n')
		.filter((l) => l.trim())
		.map((l) => (JSON.parse(l) as { text: string }).text);
	return Array.from({ length: n }, (_, i) => {
		const outlet = OUTLETS[(i * 7) % OUTLETS.length];
		return { text: [`Dispatch ${i + 1}.`, passages[i % passages.length], seeds[i % seeds.length]].join('\n\n'), outlet, title: `${outlet}: report ${i + 1}` };
	});
}

let server: Server;
let browser: Browser;
let serverLog = '';
const figures: Record<string, unknown> = {};

beforeAll(async () => {
	if (skip) return;
	// As `npm start` sets it: adapter-node refuses bodies over 512 KB by default.
	server = await startServer({ env: { BODY_SIZE_LIMIT: '70M' } });
	server.proc.stdout?.on('data', (d) => (serverLog += d));
	server.proc.stderr?.on('data', (d) => (serverLog += d));
	browser = await launchBrowser();
	const all = articles(N);
	for (let i = 0; i < all.length; i += 500) {
		const res = await fetch(`${server.url}/api/articles`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ story: STORY, articles: all.slice(i, i + 500) })
		});
		expect(res.status, await res.clone().text().then((t) => t.slice(0, 300))).toBe(201);
	}
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (Object.keys(figures).length) {
		mkdirSync('test-results', { recursive: true });
		writeFileSync('test-results/perf.json', JSON.stringify(figures, null, 2) + '\n');
	}
});

/** Time from a DOM event dispatched in the page to the frame after it (rAF, then a task), in ms. Synthetic events: Event Timing ignores them. */
async function timeInPage(page: Page, selector: string, action: 'focus' | 'hover' | 'click'): Promise<number> {
	return page.evaluate(
		async ({ selector, action }) => {
			const el = document.querySelector<HTMLElement>(selector);
			if (!el) throw new Error(`no ${selector}`);
			const t0 = performance.now();
			if (action === 'focus') el.focus();
			else if (action === 'hover') {
				el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
				el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
			} else el.click();
			await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r)));
			return performance.now() - t0;
		},
		{ selector, action }
	);
}

type EventEntry = { name: string; duration: number; processingMs: number; startTime: number };

// Collects Event Timing entries (input events of 16 ms or more, to the next paint) from the first moment of each page.
const OBSERVE_EVENTS = `window.__events = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__events.push({ name: e.name, duration: e.duration, processingMs: e.processingEnd - e.processingStart, startTime: e.startTime }); })
	.observe({ type: 'event', durationThreshold: 16, buffered: true });`;

/** Real input through Chromium's pipeline, timed by Event Timing: the longest entry of the given names after the action, and the longest handler time. */
async function timeInput(page: Page, names: string[], act: () => Promise<void>): Promise<{ eventMs: number | null; processingMs: number | null; roundTripMs: number }> {
	const since = await page.evaluate(() => performance.now());
	const t0 = Date.now();
	await act();
	const roundTripMs = Date.now() - t0;
	// Entries arrive after the next paint.
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200))));
	const entries = (await page.evaluate(() => (window as unknown as { __events: EventEntry[] }).__events)).filter((e) => e.startTime >= since && names.includes(e.name));
	// The longest entry spans to the next paint; the handlers may have run in another entry of the same interaction (click after pointerdown).
	const longest = entries.sort((a, b) => b.duration - a.duration)[0];
	return { eventMs: longest?.duration ?? null, processingMs: entries.length ? Math.max(...entries.map((e) => e.processingMs)) : null, roundTripMs };
}

describe.skipIf(skip)(`the overview of a ${N.toLocaleString('en')}-article story (measured, not gated)`, () => {
	test('first render, HTML size and transferred JavaScript', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const res = await page.goto(`${server.url}/?story=${STORY}`, { waitUntil: 'load' });
		expect(res?.status()).toBe(200);
		const nav = await page.evaluate(() => {
			const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
			const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
			const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => new URL(r.name).pathname.endsWith('.js'));
			return {
				ttfbMs: n.responseStart - n.startTime,
				responseEndMs: n.responseEnd - n.startTime,
				firstContentfulPaintMs: fcp,
				domContentLoadedMs: n.domContentLoadedEventEnd - n.startTime,
				loadMs: n.loadEventEnd - n.startTime,
				htmlTransferBytes: n.transferSize,
				htmlBytes: n.decodedBodySize,
				js: js.map((r) => ({ url: new URL(r.name).pathname, transferBytes: r.transferSize, encodedBytes: r.encodedBodySize }))
			};
		});
		// The size as gzip gives it, whatever encoding the server chose for the browser.
		let gzipBytes = 0;
		for (const j of nav.js) gzipBytes += gzipSync(Buffer.from(await (await fetch(server.url + j.url)).arrayBuffer())).byteLength;
		const jsTransfer = nav.js.reduce((n, j) => n + j.transferBytes, 0);
		figures.firstRender = { ...nav, js: undefined, jsFiles: nav.js.length, jsTransferBytes: jsTransfer, jsGzipBytes: gzipBytes };
		console.log(
			[
				`perf: overview of ${N} articles`,
				`  TTFB ${nav.ttfbMs.toFixed(0)} ms, HTML received ${nav.responseEndMs.toFixed(0)} ms, first contentful paint ${nav.firstContentfulPaintMs?.toFixed(0)} ms, DOMContentLoaded ${nav.domContentLoadedMs.toFixed(0)} ms, load ${nav.loadMs.toFixed(0)} ms`,
				`  HTML ${(nav.htmlBytes / 1024).toFixed(0)} KB (${(nav.htmlTransferBytes / 1024).toFixed(0)} KB transferred)`,
				`  JS: ${nav.js.length} files, ${(jsTransfer / 1024).toFixed(1)} KB transferred, ${(gzipBytes / 1024).toFixed(1)} KB gzipped (budget 150 KB)`
			].join('\n')
		);
		expect(nav.js.length).toBeGreaterThan(0);
		expect(gzipBytes).toBeGreaterThan(0);
		await context.close();
	});

	test('hovering and focusing a mark on a chart of 1,000 dots, and sorting the article table', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		await context.addInitScript(OBSERVE_EVENTS);
		const page = await context.newPage();
		await page.goto(`${server.url}/?story=${STORY}`, { waitUntil: 'load' });
		// A large story draws every article as a dot, and makes each outlet's average the focusable mark.
		const dots = await page.locator('#chart-narratorPer1000 svg use').count();
		expect(dots).toBe(N);
		const marks = await page.locator('#chart-narratorPer1000 a.mark').count();
		expect(marks).toBeGreaterThan(0);
		const mark = `#chart-narratorPer1000 a.mark:nth-of-type(${Math.ceil(marks / 2)})`;
		const sortButton = 'section[aria-labelledby="all-h"] thead th:nth-child(3) button';
		const rows = await page.locator('section[aria-labelledby="all-h"] tbody tr').count();
		expect(rows).toBeGreaterThan(0);
		const inPage = {
			focusMs: await timeInPage(page, mark, 'focus'),
			hoverMs: await timeInPage(page, mark, 'hover'),
			sortMs: await timeInPage(page, sortButton, 'click'),
			reverseMs: await timeInPage(page, sortButton, 'click')
		};
		const input = {
			hover: await timeInput(page, ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'pointermove', 'mousemove'], () => page.hover(mark, { force: true })),
			sort: await timeInput(page, ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click'], () => page.click(sortButton, { force: true })),
			reverse: await timeInput(page, ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click'], () => page.click(sortButton, { force: true }))
		};
		figures.interaction = { dots, marks, rows, inPage, input };
		const ev = (t: { eventMs: number | null; processingMs: number | null; roundTripMs: number }) =>
			t.eventMs === null ? `no Event Timing entry ≥ 16 ms (round trip ${t.roundTripMs} ms)` : `Event Timing ${t.eventMs.toFixed(0)} ms (handlers ${t.processingMs?.toFixed(0)} ms)`;
		console.log(
			[
				`perf: interactions with ${dots} dots and ${marks} focusable marks per chart, and a ${rows}-row table`,
				`  focus a mark (tooltip): ${inPage.focusMs.toFixed(0)} ms to the next frame`,
				`  hover a mark (tooltip): ${inPage.hoverMs.toFixed(0)} ms to the next frame; real pointer: ${ev(input.hover)}`,
				`  sort the table by words: ${inPage.sortMs.toFixed(0)} ms, reverse ${inPage.reverseMs.toFixed(0)} ms to the next frame; real clicks: ${ev(input.sort)}; ${ev(input.reverse)}`
			].join('\n')
		);
		expect(inPage.focusMs).toBeGreaterThan(0);
		expect(inPage.sortMs).toBeGreaterThan(0);
		expect(input.sort.roundTripMs).toBeGreaterThan(0);
		await context.close();
	});

	test('re-scoring the story runs on worker threads in the built server', async () => {
		const settings = (await (await fetch(`${server.url}/api/stories/${STORY}/settings`)).json()) as { lexicon: { disable: string[] } };
		settings.lexicon.disable = ['perf-test-change'];
		const t0 = Date.now();
		const res = await fetch(`${server.url}/api/stories/${STORY}/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) });
		expect(res.status).toBe(202);
		let progress = (await res.json()) as { done: number; total: number; running: boolean };
		const total = progress.total;
		while (progress.running) {
			await new Promise((r) => setTimeout(r, 100));
			progress = (await (await fetch(`${server.url}/api/stories/${STORY}/rescore`)).json()) as typeof progress;
		}
		const seconds = (Date.now() - t0) / 1000;
		const threads = /on (\d+) worker threads/.exec(serverLog)?.[1] ?? null;
		figures.rescore = { articles: total, seconds, perSecond: total / seconds, threads };
		console.log(`perf: re-scored ${total} articles in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)} articles/s) on ${threads ?? 'no'} worker threads`);
		expect(total).toBe(N);
		expect(threads, serverLog.slice(-2000)).not.toBeNull();
	});
});
