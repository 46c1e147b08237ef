import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, startServer, type Server } from './harness';

const skip = browserSkipReason();
const STORY = 'china-russia-military-ties-2024-05';
let server: Server;
let browser: Browser;

beforeAll(async () => {
	server = await startServer();
	if (!skip) browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

type Export = { records: { id: string; loaded: { hits: { entry: string }[] } }[] };
const hitsOf = async (entry: string) => {
	const data = (await (await fetch(`${server.url}/api/stories/${STORY}/export.json`)).json()) as Export;
	return data.records.flatMap((r) => r.loaded.hits).filter((h) => h.entry === entry).length;
};

test.skipIf(skip)('disabling a lexicon entry on the settings page re-scores the story with a progress bar', async () => {
	const before = (await (await fetch(`${server.url}/api/stories/${STORY}/export.json`)).json()) as Export;
	const entry = before.records.flatMap((r) => r.loaded.hits)[0]?.entry;
	expect(entry).toBeTruthy();
	const tab = await browser.newPage();
	await tab.goto(`${server.url}/stories/${STORY}/settings`);
	await tab.fill('form[action="?/disable"] input[name="entry"]', entry);
	await tab.click('form[action="?/disable"] button');
	await tab.waitForSelector(`text=Disabled ${entry}`);
	expect(await tab.locator('progress').count()).toBe(1);
	await tab.waitForSelector('text=All 5 articles are scored with these settings.', { timeout: 30_000 });
	expect(await hitsOf(entry)).toBe(0);
});

test('settings saved as JSON through the API are exported back as saved', async () => {
	const url = `${server.url}/api/stories/${STORY}/settings`;
	const settings = (await (await fetch(url)).json()) as { groups: { groups: { label: string }[] }; lexicon: unknown };
	settings.groups.groups[0].label = 'Renamed group';
	const put = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) });
	expect(put.status).toBe(202);
	expect(((await (await fetch(url)).json()) as typeof settings).groups.groups[0].label).toBe('Renamed group');
});

test('re-scoring progress is readable from the API and ends with every article done', async () => {
	let progress = { done: 0, total: 1, running: true };
	for (let i = 0; i < 100 && progress.running; i++) {
		progress = await (await fetch(`${server.url}/api/stories/${STORY}/rescore`)).json();
		if (progress.running) await new Promise((r) => setTimeout(r, 200));
	}
	expect(progress).toEqual({ done: 5, total: 5, running: false });
});

test('invalid settings JSON is refused with the field named', async () => {
	const res = await fetch(`${server.url}/api/stories/${STORY}/settings`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ groups: { groups: [{ id: 'x', label: 'X', colour: 'red' }] } })
	});
	expect(res.status).toBe(400);
	expect(((await res.json()) as { error: { reason: string } }).error.reason).toMatch(/colour/);
});
