import type { Doc } from './doc';
import type { BodyBlock, Span } from './types';

/** What every analyzer gets: one tokenised document and the article's body. */
export type AnalysisContext = {
	text: string;
	doc: Doc;
	/** All body blocks (including bylines and datelines), in text order. */
	body: BodyBlock[];
	/** Body blocks whose words are scored: headline, dek, paragraphs, subheads, captions. */
	scored: BodyBlock[];
	/** Body sentences (wink sentences cut at block edges), in text order. */
	sentences: Span[];
	/** Words in `scored`. */
	wordCount: number;
};

/** Binary search: index of the span containing `offset`, or -1. Spans sorted and disjoint. */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
	let lo = 0;
	let hi = spans.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (spans[mid].end <= offset) lo = mid + 1;
		else if (spans[mid].start > offset) hi = mid - 1;
		else return mid;
	}
	return -1;
}

export function per1000(count: number, words: number): number {
	return words > 0 ? round((count * 1000) / words) : 0;
}

export function round(x: number, digits = 3): number {
	const f = 10 ** digits;
	return Math.round(x * f) / f;
}
