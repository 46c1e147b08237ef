import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { OVERVIEW_METRICS } from '../../src/lib/charts/metrics';
import { browserSkipReason, launchBrowser, startServer, type Server } from './harness';

const skip = browserSkipReason();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ARTICLE = '000_48ec3a1b8ee53d86';
const PAGES: [name: string, path: string][] = [
	['overview', '/'],
	['article', `/article/${ARTICLE}`],
	['outlet', '/outlet/antiwar'],
	['compare', '/compare'],
	['methods', '/methods']
];

let server: Server;
let browser: Browser;

beforeAll(async () => {
	if (skip) return;
	mkdirSync('test-results', { recursive: true });
	server = await startServer();
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

async function open(path: string, width = 1280, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const res = await page.goto(server.url + path, { waitUntil: 'networkidle' });
	expect(res?.status(), `${path} status`).toBe(200);
	expect(errors, `${path} page errors`).toEqual([]);
	return page;
}

/** Serious and critical axe violations, as "rule: target" lines. */
async function axeViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ content: AXE });
	const result = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
		return axe.run(document, { resultTypes: ['violations'] });
	});
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

describe.skipIf(skip)('every dashboard page', () => {
	for (const [name, path] of PAGES) {
		test(`${name} loads, passes axe with no serious or critical violations, and is screenshotted at 1280 and 390 px`, async () => {
			for (const width of [1280, 390]) {
				const page = await open(path, width);
				expect(await page.locator('h1').count()).toBe(1);
				// No horizontal scrolling of the page itself on a phone.
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				expect(overflow, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(1);
				await page.screenshot({ path: `test-results/dashboard-${name}-${width}.png`, fullPage: true });
				if (width === 1280) expect(await axeViolations(page)).toEqual([]);
				await page.context().close();
			}
		});
	}

	test('pages render their charts and numbers without JavaScript', async () => {
		const page = await open('/', 1280, false);
		expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(9);
		expect(await page.locator('a.mark').count()).toBeGreaterThan(0);
		expect(await page.locator('table.data').count()).toBeGreaterThan(0);
		const reader = await open(`/article/${ARTICLE}?layer=quotes`, 1280, false);
		expect(await reader.locator('.reader.show-quotes').count()).toBe(1);
		expect(await reader.locator('.reader.show-loaded').count()).toBe(0);
		await reader.context().close();
		await page.context().close();
	});
});

describe.skipIf(skip)('charts', () => {
	test('every chart is an image with a title and a description', async () => {
		const page = await open('/');
		const charts = await page.locator('svg[role="img"]').evaluateAll((svgs) =>
			svgs.map((s) => ({ title: s.querySelector('title')?.textContent ?? '', desc: s.querySelector('desc')?.textContent ?? '', labelled: s.getAttribute('aria-labelledby') ?? '' }))
		);
		// One per overview metric, the quote stack and the scatter.
		expect(charts.length).toBe(OVERVIEW_METRICS.length + 2);
		for (const c of charts) {
			expect(c.title.length).toBeGreaterThan(5);
			expect(c.desc.length).toBeGreaterThan(5);
			expect(c.labelled.split(' ')).toHaveLength(2);
		}
		await page.context().close();
	});

	test('clicking a chart mark opens the reader with the layer on and the first highlight focused in view', async () => {
		const page = await open('/');
		const mark = page.locator('#chart-narratorPer1000 a.mark').first();
		const href = await mark.getAttribute('href');
		expect(href).toMatch(/^\/article\/[^?]+\?layer=loaded#loaded-1$/);
		await mark.click();
		await page.waitForURL(/\/article\//);
		await page.waitForFunction(() => document.activeElement?.id === 'loaded-1', null, { timeout: 5000 });
		const inView = () =>
			page.evaluate(() => {
				const box = document.getElementById('loaded-1')!.getBoundingClientRect();
				return box.top >= 0 && box.bottom <= window.innerHeight;
			});
		await expect.poll(inView).toBe(true);
		const state = await page.evaluate(() => {
			const el = document.getElementById('loaded-1')!;
			return {
				tag: el.tagName,
				isLoadedOn: !!document.querySelector('.reader.show-loaded'),
				tip: document.querySelector('.reader [role="tooltip"]')?.textContent ?? ''
			};
		});
		expect(state).toMatchObject({ tag: 'MARK', isLoadedOn: true });
		expect(state.tip).toMatch(/Loaded term/);
		await page.context().close();
	});

	test('hover and focus show the same tooltip on a chart mark', async () => {
		const page = await open('/');
		const mark = page.locator('#chart-quotes-by-group a.mark').first();
		await mark.focus();
		await expect.poll(() => mark.locator('.tip').isVisible()).toBe(true);
		await page.mouse.move(0, 0);
		await mark.blur();
		await mark.hover();
		expect(await mark.locator('.tip').isVisible()).toBe(true);
		await page.context().close();
	});

	test('keyboard alone reaches every chart mark on the overview', async () => {
		const page = await open('/');
		const total = await page.locator('a.mark').count();
		const focusables = await page.locator('a[href], button, select, input, summary, [tabindex="0"]').count();
		const reached = new Set<string>();
		for (let i = 0; i < focusables + 5; i++) {
			await page.keyboard.press('Tab');
			const id = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				if (!el?.classList.contains('mark')) return null;
				return `${el.closest('figure')?.id}|${el.getAttribute('href')}|${el.getAttribute('aria-label')}`;
			});
			if (id) reached.add(id);
		}
		expect(total).toBeGreaterThan(20);
		expect(reached.size).toBe(total);
		await page.context().close();
	});

	test('a chart downloads as SVG and as PNG', async () => {
		const page = await open('/');
		const fig = page.locator('#chart-scatter');
		const [svg] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: /^SVG/ }).click()]);
		expect(svg.suggestedFilename()).toMatch(/\.svg$/);
		const text = readFileSync(await svg.path(), 'utf8');
		expect(text).toContain('<svg');
		expect(text).toContain('Loaded terms per 1,000 words');
		const [png] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: /^PNG/ }).click()]);
		expect(png.suggestedFilename()).toMatch(/\.png$/);
		expect(readFileSync(await png.path()).subarray(1, 4).toString()).toBe('PNG');
		await page.context().close();
	});
});

describe.skipIf(skip)('the reader', () => {
	test('layer toggles switch highlights and their focusability, and update the URL', async () => {
		const page = await open(`/article/${ARTICLE}`);
		expect(await page.locator('.reader.show-loaded').count()).toBe(1);
		const loadedMarks = await page.locator('mark.loaded.first').count();
		await page.getByRole('checkbox', { name: /Loaded terms/ }).uncheck();
		expect(await page.locator('.reader.show-loaded').count()).toBe(0);
		expect(await page.locator('mark.loaded[tabindex="0"]').count()).toBe(0);
		expect(page.url()).not.toContain('layer=loaded');
		expect(page.url()).toContain('layer=quotes');
		await page.getByRole('checkbox', { name: /Loaded terms/ }).check();
		expect(await page.locator('mark.loaded[tabindex="0"]').count()).toBe(loadedMarks);
		await page.context().close();
	});

	test('keyboard alone reaches every highlight, and each explains itself on focus', async () => {
		const page = await open(`/article/${ARTICLE}`);
		const total = await page.locator('.reader [tabindex="0"]').count();
		const reached = new Set<string>();
		const focusables = await page.locator('a[href], button, select, input, summary, [tabindex="0"]').count();
		for (let i = 0; i < focusables + 5; i++) {
			await page.keyboard.press('Tab');
			const got = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				if (!el?.matches('.reader mark')) return null;
				return { id: el.id, tip: document.querySelector('.reader [role="tooltip"]')?.textContent ?? '' };
			});
			if (got) {
				reached.add(got.id);
				expect(got.tip.length, `tooltip for ${got.id}`).toBeGreaterThan(3);
			}
		}
		expect(reached.size).toBe(total);
		await page.context().close();
	});

	test('page chrome is greyed and labelled as not counted', async () => {
		const page = await open(`/article/${ARTICLE}`);
		expect(await page.locator('.reader .chrome').count()).toBeGreaterThan(0);
		expect(await page.locator('.reader .chrome-tag').first().textContent()).toBe('not counted');
		await page.context().close();
	});

	test('a score in the side panel selects its layer and targets the first instance', async () => {
		const page = await open(`/article/${ARTICLE}?layer=hedges`);
		await page.locator('.scores a[href*="#quote-1"]').first().click();
		await page.waitForURL(/layer=quotes#quote-1/);
		await page.waitForFunction(() => document.activeElement?.id === 'quote-1', null, { timeout: 5000 });
		expect(await page.locator('.reader.show-quotes').count()).toBe(1);
		await page.context().close();
	});

	test('an unknown article is a 404', async () => {
		const res = await fetch(server.url + '/article/nope');
		expect(res.status).toBe(404);
	});
});
