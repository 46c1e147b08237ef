import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, startServer, type Server } from './harness';

const skip = browserSkipReason();
let server: Server;
let browser: Browser;

beforeAll(async () => {
	// The app's own request limit sits below adapter-node's, so the app's check answers first.
	server = await startServer({ env: { BODY_SIZE_LIMIT: '8M', SLANT_MAX_REQUEST_BYTES: String(1024 * 1024) } });
	if (!skip) browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

const paragraphs = (topic: string) =>
	Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i}: officials said on Tuesday that the ${topic} talks would continue next week, and the minister told reporters the meeting was useful.</p>`).join('');

function page(outlet: string, title: string, topic: string, hostile = ''): string {
	return `<!doctype html><html><head><title>${title} | ${outlet}</title><meta property="og:site_name" content="${outlet}"><meta property="og:title" content="${title}">
<meta property="article:published_time" content="2025-03-04T08:00:00Z"><script>window.pwned = true</script></head>
<body><nav>Home · World</nav><article><h1>${title}</h1><p class="byline">By Ann Reporter</p>${paragraphs(topic)}${hostile}</article></body></html>`;
}

const HOSTILE = `<p>Read <a href="javascript:window.pwned=true">more</a>.</p><svg onload="window.pwned=true"><script>window.pwned=true</script></svg><img src=x onerror="window.pwned=true"><iframe src="javascript:window.pwned=true"></iframe>`;

test.skipIf(skip)('two HTML pages uploaded through the import page show up on the overview and open in the reader', async () => {
	const tab = await browser.newPage();
	await tab.goto(server.url + '/import');
	await tab.fill('input[name="story"]', 'harbour-strike-2025-03');
	await tab.setInputFiles('input[name="files"]', [
		{ name: 'north-gazette.html', mimeType: 'text/html', buffer: Buffer.from(page('North Gazette', 'Harbour strike talks resume', 'strike', HOSTILE)) },
		{ name: 'south-herald.html', mimeType: 'text/html', buffer: Buffer.from(page('South Herald', 'Dockers return to the table', 'harbour')) }
	]);
	await tab.click('button:has-text("Preview")');
	await tab.waitForSelector('text=Check the details');
	expect(await tab.inputValue('fieldset:has-text("north-gazette.html") input[name="outlet"]')).toBe('North Gazette');
	expect(await tab.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
	expect(await tab.locator('main script, main svg, main iframe, main [onerror], main a[href^="javascript:"]').count()).toBe(0);
	await tab.fill('fieldset:has-text("south-herald.html") input[name="author"]', 'Sam Editor');
	await tab.click('button:has-text("Save 2 articles")');
	await tab.waitForSelector('text=Saved 2 articles');
	const href = await tab.getAttribute('a[href^="/article/"]', 'href');

	await tab.goto(server.url + '/?story=harbour-strike-2025-03');
	const overview = await tab.textContent('body');
	expect(overview).toContain('North Gazette');
	expect(overview).toContain('South Herald');

	await tab.goto(server.url + href);
	expect(await tab.textContent('body')).toContain('Harbour strike talks resume');
	expect(await tab.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
	expect(await tab.locator('main script, main iframe, main [onerror], main [onload], main a[href^="javascript:"]').count()).toBe(0);
	await tab.screenshot({ path: 'test-results/import-reader.png', fullPage: true });
});

test('the JSON API saves a batch, reports the bad items by index and refuses a duplicate', async () => {
	const post = (articles: unknown[]) =>
		fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ story: 'api-check', articles }) });
	const text = 'Officials said on Tuesday that the talks would continue next week, and the minister told reporters the meeting was useful.';
	const first = await post([{ text, outlet: 'Wire' }, { text: '' }]);
	expect(first.status).toBe(207);
	const body = (await first.json()) as { saved: { id: string }[]; errors: { index: number; reason: string }[] };
	expect(body.errors).toMatchObject([{ index: 1 }]);
	const again = await post([{ text }]);
	expect(again.status).toBe(409);
	expect(((await again.json()) as { errors: { duplicateOf: string }[] }).errors[0].duplicateOf).toBe(body.saved[0].id);
});

test('a multipart upload without an Origin header is refused by the CSRF check', async () => {
	const form = new FormData();
	form.set('story', 'csrf-check');
	form.append('files', new Blob(['Officials said the talks would continue.']), 'a.txt');
	const res = await fetch(`${server.url}/api/articles`, { method: 'POST', body: form });
	expect(res.status).toBe(403);
});

test('a multipart upload from the same origin saves the files', async () => {
	const form = new FormData();
	form.set('story', 'multipart-check');
	form.append('files', new Blob(['Officials said on Tuesday that the talks would continue next week, and the minister told reporters it was useful.']), 'a.txt');
	form.append('files', new Blob(['%PDF-1.4']), 'b.pdf');
	const res = await fetch(`${server.url}/api/articles`, { method: 'POST', body: form, headers: { origin: server.url } });
	expect(res.status).toBe(207);
	expect(((await res.json()) as { errors: { filename: string }[] }).errors[0].filename).toBe('b.pdf');
});

test('the story exports as CSV with one row per article and as JSON with spans', async () => {
	const slug = 'china-russia-military-ties-2024-05';
	const csv = await (await fetch(`${server.url}/api/stories/${slug}/export.csv`)).text();
	expect(csv.split('\r\n')[0]).toMatch(/^id,story,outlet,title/);
	expect(csv.trim().split('\r\n')).toHaveLength(6);
	const json = (await (await fetch(`${server.url}/api/stories/${slug}/export.json`)).json()) as { records: { loaded: { hits: unknown[] } }[] };
	expect(json.records).toHaveLength(5);
	expect(json.records.some((r) => r.loaded.hits.length > 0)).toBe(true);
});

// The size tests come last: the server answers 413 without reading the body, which
// leaves the client's kept-alive connection unusable for the next request.
test('a request over the size limit is refused from its content-length', async () => {
	const big = 'x'.repeat(2 * 1024 * 1024);
	const res = await fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ story: 'big', articles: [{ text: big }] }) });
	expect(res.status).toBe(413);
	expect(((await res.json()) as { error: { reason: string } }).error.reason).toMatch(/at most 1\.0 MB/);
});

test('a request over the server body limit is refused as too large, not as bad JSON', async () => {
	const big = 'x'.repeat(9 * 1024 * 1024);
	const res = await fetch(`${server.url}/api/articles`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: new Blob([JSON.stringify({ story: 'big', articles: [{ text: big }] })]).stream(),
		duplex: 'half'
	} as RequestInit);
	expect(res.status).toBe(413);
});
