import type { AnalysisContext } from '../../../src/lib/nlp/context';
import { countWordsIn, readDoc } from '../../../src/lib/nlp/doc';
import { emptyQuotes } from '../../../src/lib/nlp/quotes';
import type { BodyBlock, Quote, QuotesSection, Span } from '../../../src/lib/nlp/types';

/** The whole text as one body paragraph per line, skipping body detection so that one sentence is enough. */
export function contextOf(text: string): AnalysisContext {
	const doc = readDoc(text);
	const scored: BodyBlock[] = [];
	let offset = 0;
	for (const line of text.split('\n')) {
		if (line.trim()) scored.push({ start: offset, end: offset + line.length, kind: 'paragraph' });
		offset += line.length + 1;
	}
	const sentences: Span[] = [];
	for (const block of scored)
		for (const s of doc.sentences) {
			const start = Math.max(s.start, block.start);
			const end = Math.min(s.end, block.end);
			if (start < end) sentences.push({ start, end });
		}
	return { text, doc, body: scored, scored, sentences, wordCount: countWordsIn(doc, scored) };
}

/** A speech quote over the first occurrence of `inner` in `text`, with the given speaker span. */
export function quoteOf(text: string, inner: string, id: string, speaker: { text: string; named: boolean } | null = null): Quote {
	const start = text.indexOf(inner);
	const s = speaker ? text.indexOf(speaker.text) : -1;
	return {
		id,
		start,
		end: start + inner.length,
		text: inner,
		kind: 'speech',
		mark: '"',
		isUnclosed: false,
		speaker: speaker?.named ? speaker.text : null,
		actorId: null,
		named: speaker?.named ?? false,
		role: speaker && !speaker.named ? speaker.text : null,
		group: 'other',
		speakerSpan: s >= 0 && speaker ? { start: s, end: s + speaker.text.length } : null,
		cue: null,
		cueSpan: null,
		attribution: speaker ? 'cue' : 'none',
		words: inner.split(/\s+/).length,
		block: 0,
		continues: null,
		depth: 0
	};
}

/** A quotes section holding `items`, with `quotedWords` as given. */
export function quotesWith(items: Quote[], quotedWords: number): QuotesSection {
	return { ...emptyQuotes(), items, quotedWords };
}
