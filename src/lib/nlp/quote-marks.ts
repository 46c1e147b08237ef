import type { Span } from './types';

/**
 * Quote-mark extraction: one linear pass per block over the characters, with
 * a stack of open marks. Knows straight, curly, single, low-9 and guillemet
 * marks, tells single quotes from apostrophes, and never lets a quote run past
 * its block (paragraph).
 */

/** A quoted span found by its marks, before any attribution. */
export type MarkedQuote = Span & {
	/** The opening mark as written. */
	mark: string;
	family: Family;
	/** No closing mark: the span ends at the block's end. */
	isUnclosed: boolean;
	/** Number of enclosing quotes. */
	depth: number;
	/** Index of the enclosing quote in the returned array, or -1. */
	parent: number;
	/** Index of the block (in the blocks passed in). */
	block: number;
	/** Offset of the opening mark (the span starts after it). */
	markStart: number;
	/** Offset just past the closing mark, or the block's end when unclosed. */
	markEnd: number;
};

type Family = 'double' | 'single' | 'guillemet';

type Open = { at: number; mark: string; family: Family; depth: number };

// Deeper nesting is matched but not reported: no real text nests this deep, and capping keeps the output linear.
const MAX_REPORTED_DEPTH = 8;
// A closing mark looks this far down the stack for its opener, so 10,000 stray openers cost linear time.
const MATCH_WINDOW = 4;
const MAX_STACK = 64;
const MARKS = new Set(['"', "'", '“', '”', '‘', '’', '„', '‚', '«', '»', '‹', '›']);
// Every mark is ' " or in U+00AB…U+203A.
const CANDIDATE = /["'\u00ab-\u203a]/g;

const isLetterOrDigit = (c: string) => /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string) => c === '' || /\s/u.test(c);
// Characters after which a quote can open: start, space, brackets, dashes, other quotes.
const isOpenContext = (c: string) => c === '' || /[\s([{\u2014\u2013\-/“‘"'«„‚‹:]/u.test(c);

/** ’90s, ’n’, ’em, ’tis, ’cause: apostrophes at a word's start, never quote openers. */
function isLeadingApostrophe(text: string, i: number): boolean {
	const rest = text.slice(i + 1, i + 7).toLowerCase();
	return /^(?:\d0s|\d\ds?\b|n[’']|em\b|tis\b|twas\b|cause\b|til\b|round\b)/.test(rest);
}

/** Finds every quoted span in `blocks` (sorted, disjoint spans of `text`), in text order. */
export function findMarkedQuotes(text: string, blocks: readonly Span[]): MarkedQuote[] {
	const out: MarkedQuote[] = [];
	for (let b = 0; b < blocks.length; b++) scanBlock(text, blocks[b], b, out);
	return out;
}

function scanBlock(text: string, block: Span, blockIndex: number, out: MarkedQuote[]): void {
	const stack: Open[] = [];
	const found: MarkedQuote[] = [];

	const findOpen = (accept: (o: Open) => boolean): number => {
		for (let k = stack.length - 1; k >= 0 && k >= stack.length - MATCH_WINDOW; k--) if (accept(stack[k])) return k;
		return -1;
	};
	const push = (at: number, mark: string, family: Family) => {
		if (stack.length >= MAX_STACK) return;
		stack.push({ at, mark, family, depth: stack.length });
	};
	const close = (k: number, at: number, length: number) => {
		const o = stack[k];
		// Openers above the match were never closed; inside a closed quote they are stray marks.
		stack.length = k;
		emit(o, at, at + length, false);
	};
	const emit = (o: Open, end: number, markEnd: number, isUnclosed: boolean) => {
		if (o.depth >= MAX_REPORTED_DEPTH) return;
		let start = o.at + o.mark.length;
		let stop = end;
		while (start < stop && isSpace(text[start])) start++;
		while (stop > start && isSpace(text[stop - 1])) stop--;
		if (stop <= start) return;
		found.push({
			start,
			end: stop,
			mark: o.mark,
			family: o.family,
			isUnclosed,
			depth: o.depth,
			parent: -1,
			block: blockIndex,
			markStart: o.at,
			markEnd
		});
	};

	// Jump from candidate to candidate; the regex skips the text between far faster than a loop.
	// Searching the block's own slice keeps each search inside the block.
	const span = text.slice(block.start, block.end);
	CANDIDATE.lastIndex = 0;
	while (CANDIDATE.test(span)) {
		const i = block.start + CANDIDATE.lastIndex - 1;
		const c = text[i];
		if (!MARKS.has(c)) continue;
		const prev = i > block.start ? text[i - 1] : '';
		const next = i + 1 < block.end ? text[i + 1] : '';
		switch (c) {
			case '“': {
				const k = findOpen((o) => o.mark === '„');
				if (k !== -1 && stack.length - 1 === k) close(k, i, 1);
				else push(i, c, 'double');
				break;
			}
			case '„':
				push(i, c, 'double');
				break;
			case '”': {
				const k = findOpen((o) => o.family === 'double');
				if (k !== -1) close(k, i, 1);
				// Some sites use ” for both marks; as an opener it follows a space and precedes a word.
				else if (isOpenContext(prev) && !isSpace(next)) push(i, c, 'double');
				break;
			}
			case '"': {
				const k = findOpen((o) => o.mark === '"');
				if (k !== -1) close(k, i, 1);
				else if (!isSpace(next)) push(i, c, 'double');
				break;
			}
			case '«':
			case '‹':
				push(i, c, 'guillemet');
				break;
			case '»':
			case '›': {
				const k = findOpen((o) => o.mark === (c === '»' ? '«' : '‹'));
				if (k !== -1) close(k, i, 1);
				break;
			}
			case '‘':
			case '‚':
				if (!isLetterOrDigit(prev) && !isSpace(next) && !isLeadingApostrophe(text, i)) push(i, c, 'single');
				break;
			case '’':
			case "'": {
				// Russia’s, rock ’n’ roll, don't: a letter follows, so it is an apostrophe.
				const k = findOpen((o) => o.family === 'single');
				if (k !== -1 && !isSpace(prev) && !isLetterOrDigit(next)) close(k, i, 1);
				else if (c === "'" && isOpenContext(prev) && isLetterOrDigit(next) && !isLeadingApostrophe(text, i)) push(i, c, 'single');
				break;
			}
		}
	}

	// Unclosed double quotes and guillemets run to the block's end; only the outermost is kept, since
	// inner ones lie inside it. Unclosed single marks are dropped: most are stray apostrophes.
	const outer = stack.find((o) => o.family !== 'single');
	if (outer) {
		let end = block.end;
		while (end > outer.at && isSpace(text[end - 1])) end--;
		emit(outer, end, block.end, true);
	}

	found.sort((a, b) => a.start - b.start || b.end - a.end);
	// Depth and parent from containment: a quote's parent is the nearest earlier quote that contains it.
	const chain: number[] = [];
	for (const q of found) {
		while (chain.length && out[chain[chain.length - 1]].end < q.end) chain.pop();
		q.parent = chain.length ? chain[chain.length - 1] : -1;
		q.depth = chain.length;
		chain.push(out.length);
		out.push(q);
	}
}
