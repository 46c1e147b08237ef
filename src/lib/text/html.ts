import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** What a saved web page yields: plain text only, and the metadata to prefill. */
export type ExtractedPage = {
	text: string;
	outlet: string | null;
	title: string | null;
	author: string | null;
	date: string | null;
	url: string | null;
};

// Elements whose content is never article text, and which must never reach storage.
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'TEMPLATE', 'CANVAS', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'HEAD']);
const BLOCK = new Set([
	'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'BLOCKQUOTE', 'PRE', 'FIGURE', 'FIGCAPTION',
	'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TD', 'TH', 'CAPTION', 'HR', 'ADDRESS', 'DETAILS', 'SUMMARY'
]);

type Node = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<Node> };

/**
 * The text of `root` with one blank line between blocks, whitespace inside a block
 * collapsed. Works on the DOM tree, so markup never survives as text.
 */
export function blockText(root: Node): string {
	const blocks: string[] = [];
	let line = '';
	const flush = () => {
		const t = line.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
		if (t) blocks.push(t);
		line = '';
	};
	const walk = (node: Node) => {
		if (node.nodeType === 3) {
			line += node.textContent ?? '';
			return;
		}
		if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
		const name = node.nodeName.toUpperCase();
		if (SKIP.has(name)) return;
		if (name === 'BR') {
			line += ' ';
			return;
		}
		const isBlock = BLOCK.has(name);
		if (isBlock) flush();
		for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
		if (isBlock) flush();
	};
	walk(root);
	flush();
	return blocks.join('\n\n');
}

function meta(document: Document, ...selectors: string[]): string | null {
	for (const sel of selectors) {
		const v = document.querySelector(sel)?.getAttribute('content')?.trim();
		if (v) return v;
	}
	return null;
}

function clean(value: string | null | undefined): string | null {
	const v = value?.replace(/\s+/g, ' ').trim();
	return v ? v.slice(0, 500) : null;
}

function httpUrl(value: string | null): string | null {
	if (!value) return null;
	try {
		const u = new URL(value);
		return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
	} catch {
		return null;
	}
}

/**
 * Extract the main text of a saved page with Readability, and its metadata from
 * `og:*`/`article:*` tags. Scripts, styles, frames, SVG and handlers are dropped
 * with their elements: only text leaves this function.
 */
export function extractPage(html: string): ExtractedPage {
	const { document } = parseHTML(html);
	const head = {
		outlet: meta(document, 'meta[property="og:site_name"]', 'meta[name="application-name"]'),
		title: meta(document, 'meta[property="og:title"]', 'meta[name="twitter:title"]'),
		author: meta(document, 'meta[name="author"]', 'meta[property="article:author"]'),
		date: meta(document, 'meta[property="article:published_time"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]'),
		url: meta(document, 'meta[property="og:url"]') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
		docTitle: document.querySelector('title')?.textContent ?? null
	};
	// Readability edits the document it reads; metadata is read first, above.
	let article: ReturnType<Readability<Node>['parse']> = null;
	try {
		article = new Readability<Node>(document as unknown as Document, { serializer: (el) => el as unknown as Node }).parse();
	} catch {
		article = null;
	}
	const body = article?.content ? blockText(article.content) : document.body ? blockText(document.body as unknown as Node) : '';
	// Readability often drops the page's <h1> as a duplicate of its title; the headline
	// is part of the article we score, so put it back when the text does not open with it.
	const title = clean(head.title ?? article?.title ?? head.docTitle);
	const first = body.slice(0, body.indexOf('\n\n') === -1 ? body.length : body.indexOf('\n\n'));
	const opensWithHeading = first.split(/\s+/).length <= 20 && !/[.!?]["”’]?$/.test(first);
	const text = title && body && !opensWithHeading ? `${title}\n\n${body}` : body;
	return {
		text,
		outlet: clean(article?.siteName ?? head.outlet),
		title,
		author: clean(article?.byline ?? head.author)?.replace(/^by\s+/i, '') ?? null,
		date: clean(article?.publishedTime ?? head.date),
		url: httpUrl(head.url)
	};
}
