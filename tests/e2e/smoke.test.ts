import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, startServer, type Server } from './harness';

const skip = browserSkipReason();
let server: Server;
let browser: Browser;

beforeAll(async () => {
	if (skip) return;
	server = await startServer();
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

test.skipIf(skip)('the overview lists the five seed articles with outlet, title and word count', async () => {
	const page = await browser.newPage();
	await page.goto(server.url + '/');
	const text = await page.textContent('body');
	for (const outlet of ['Antiwar.com', 'American Age', 'The Times On Ru', 'Financial Times (republished)', 'Caravanserai']) {
		expect(text).toContain(outlet);
	}
	await page.screenshot({ path: 'test-results/smoke-overview.png', fullPage: true });
});
