import { expect, test } from 'vitest';
import { extractPage } from '$lib/text/html';
import { draftsFromFiles } from '$lib/server/import';
import { file, LIMITS } from './helpers';

const body = (n: number) =>
	Array.from({ length: n }, (_, i) => `<p>Paragraph ${i}: officials said on Tuesday that the talks would continue next week, and the minister told reporters the meeting was useful.</p>`).join('\n');

const page = (inner: string, head = '') => `<!doctype html><html><head><title>Talks go on | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet"><meta property="og:title" content="Talks go on">
<meta property="article:published_time" content="2024-05-16T09:00:00Z"><meta name="author" content="Lois Lane">${head}</head>
<body><nav><a href="/">Home</a></nav><article><h1>Talks go on</h1>${inner}</article><footer>© Daily Planet</footer></body></html>`;

test('the metadata of a saved page prefills outlet, title, author and date', () => {
	expect(extractPage(page(body(5)))).toMatchObject({ outlet: 'Daily Planet', title: 'Talks go on', author: 'Lois Lane', date: '2024-05-16T09:00:00Z' });
});

test('the main text keeps one blank line between paragraphs', () => {
	const { text } = extractPage(page(body(5)));
	expect(text).toContain('Paragraph 0: officials');
	expect(text).toMatch(/useful\.\n\nParagraph 1:/);
});

const HOSTILE = [
	['a script', '<script>window.pwned = 1; alert("x")</script>', /pwned|alert|<script/i],
	['an inline handler', '<p onclick="alert(1)">Click</p><img src=x onerror="alert(2)">', /onerror|onclick|alert/i],
	['a javascript: link', '<p>See <a href="javascript:alert(3)">this link</a>.</p>', /javascript:|alert/i],
	['an SVG with handlers', '<svg onload="alert(4)"><script>alert(5)</script><a xlink:href="javascript:alert(6)"><text>svgtext</text></a></svg>', /alert|onload|svgtext|<svg/i],
	['an iframe', '<iframe src="https://evil.test/" srcdoc="<script>alert(7)</script>">iframe body</iframe>', /evil|alert|iframe/i],
	['a style', '<style>body{background:url(javascript:alert(8))}</style>', /background|alert/i]
] as const;

test.each(HOSTILE)('a page with %s leaves nothing executable in the stored text', (_label, hostile, forbidden) => {
	const { text } = extractPage(page(body(3) + hostile + body(3)));
	expect(text).not.toMatch(forbidden);
	expect(text).toContain('Paragraph 0');
});

test('escaped markup in a page stays inert text, never becomes elements', () => {
	const { text } = extractPage(page(body(3) + '<p>&lt;img src=x onerror=alert(1)&gt; was typed by a reader</p>'));
	expect(text).toContain('<img src=x onerror=alert(1)> was typed by a reader');
});

test('a page URL that is not http or https is dropped', () => {
	expect(extractPage(page(body(5), '<meta property="og:url" content="javascript:alert(1)">')).url).toBeNull();
});

test('an uploaded HTML page is stored as its extracted text, with no tags', async () => {
	const { drafts } = await draftsFromFiles([file('talks.html', page(body(4) + '<script>alert(1)</script>'))], LIMITS);
	expect(drafts[0].text).not.toMatch(/<[a-z]/i);
	expect(drafts[0].outlet).toBe('Daily Planet');
});

test('an HTML page with no text is refused as empty', async () => {
	const { errors } = await draftsFromFiles([file('blank.html', '<html><body><script>alert(1)</script></body></html>')], LIMITS);
	expect(errors[0]).toMatchObject({ filename: 'blank.html', code: 'empty' });
});
