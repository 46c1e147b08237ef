import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleMeta } from '../nlp/types';

export type HtmlArticle = { text: string; meta: Pick<ArticleMeta, 'outlet' | 'title' | 'author' | 'date' | 'url'> };

const BLOCK = new Set([
	'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3',
	'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL'
]);
// Never text: whatever is inside these is code, styling or embedded content.
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'BUTTON', 'FORM', 'SELECT', 'TEXTAREA']);

type NodeLike = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<NodeLike> };

/** Plain text of a DOM subtree, with a blank line between block elements. */
function blockText(root: NodeLike): string {
	const parts: string[] = [];
	let line = '';
	const flush = () => {
		const t = line.replace(/[ \t\u00a0]+/g, ' ').trim();
		if (t) parts.push(t);
		line = '';
	};
	const visit = (node: NodeLike) => {
		if (node.nodeType === 3) {
			line += node.textContent ?? '';
			return;
		}
		if (node.nodeType !== 1 || SKIP.has(node.nodeName)) return;
		if (node.nodeName === 'BR') {
			line += '\n';
			return;
		}
		const isBlock = BLOCK.has(node.nodeName);
		if (isBlock) flush();
		for (let i = 0; i < node.childNodes.length; i++) visit(node.childNodes[i]);
		if (isBlock) flush();
	};
	visit(root);
	flush();
	return parts.join('\n\n');
}

function metaContent(doc: Document, ...selectors: string[]): string | null {
	for (const s of selectors) {
		const v = doc.querySelector(s)?.getAttribute('content')?.trim();
		if (v) return v;
	}
	return null;
}

/**
 * The article of a saved HTML page as plain text, with its metadata. Readability
 * picks the main content; only text leaves this function, never markup, so
 * scripts, handlers, iframes and `javascript:` links cannot survive.
 */
export function htmlToArticle(html: string): HtmlArticle {
	const { document } = parseHTML(html);
	const meta = {
		outlet: metaContent(document, 'meta[property="og:site_name"]', 'meta[name="application-name"]'),
		title: metaContent(document, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ?? (document.querySelector('title')?.textContent?.trim() || null),
		author: metaContent(document, 'meta[name="author"]', 'meta[property="article:author"]'),
		date: metaContent(document, 'meta[property="article:published_time"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]'),
		url: metaContent(document, 'meta[property="og:url"]') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null
	};
	const parsed = new Readability(document as unknown as Document, { serializer: (node: Node) => node }).parse();
	const content = parsed?.content as unknown as NodeLike | null | undefined;
	const body = content ? blockText(content) : blockText(document.body as unknown as NodeLike);
	// Readability's title often carries the site's suffix ("Talks end | Daily Wire"); a heading
	// inside the content is the article's own title and is already part of the text.
	const heading = (content as unknown as Element | null | undefined)?.querySelector?.('h1, h2')?.textContent?.trim();
	const title = (heading && body.startsWith(heading) ? heading : null) || parsed?.title?.trim() || meta.title;
	const text = title && !body.startsWith(title) ? `${title}\n\n${body}` : body;
	return {
		text,
		meta: {
			outlet: parsed?.siteName?.trim() || meta.outlet,
			title: title ?? null,
			author: parsed?.byline?.trim() || meta.author,
			date: parsed?.publishedTime?.trim() || meta.date,
			url: meta.url
		}
	};
}
