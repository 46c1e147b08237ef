import { expect, test } from 'vitest';
import { extractPage } from '../../../src/lib/text/html';

const PAGE = `<html><head><title>Talks end | Daily Wire</title>
<meta property="og:site_name" content="Daily Wire"><meta property="article:published_time" content="2024-05-17T10:00:00Z">
<meta name="author" content="Jane Roe"><script>window.pwned = 1</script><style>p{color:red}</style></head>
<body><nav><a href="/">Home</a> <a href="javascript:alert(1)">World</a></nav>
<article><h1>Talks end without a deal</h1>
<p>The two delegations left Geneva on Friday without agreeing a text, officials said. <b>Negotiators</b> will meet again next month.</p>
<p onclick="alert(1)">“We made progress,” the lead negotiator told reporters, adding that gaps remain on verification.</p>
<svg onload="alert(1)"><text>svg text</text></svg><iframe src="https://example.invalid/"></iframe>
<p>Observers said the mood was calmer than at the last round in March, when talks broke down after a day.</p></article>
<footer>© 2024 Daily Wire. All rights reserved.</footer></body></html>`;

test('keeps the article paragraphs apart, in order', () => {
	const { text } = extractPage(PAGE);
	const paragraphs = text.split('\n\n');
	expect(paragraphs[0]).toBe('Talks end without a deal');
	expect(paragraphs).toContain('“We made progress,” the lead negotiator told reporters, adding that gaps remain on verification.');
	expect(text.indexOf('left Geneva')).toBeLessThan(text.indexOf('Observers said'));
});

test('leaves no script, style, handler, svg, iframe or javascript: link behind', () => {
	const { text } = extractPage(PAGE);
	for (const bad of ['pwned', 'color:red', 'alert', 'svg text', 'iframe', 'javascript:', '<']) expect(text).not.toContain(bad);
});

test('reads site name, author and published time from the page metadata', () => {
	const meta = extractPage(PAGE);
	expect(meta.outlet).toBe('Daily Wire');
	expect(meta.author).toBe('Jane Roe');
	expect(meta.date).toBe('2024-05-17T10:00:00Z');
});
