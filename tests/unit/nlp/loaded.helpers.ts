import type { AnalysisContext } from '../../../src/lib/nlp/context';
import { countWordsIn, readDoc } from '../../../src/lib/nlp/doc';
import { analyzeLoaded } from '../../../src/lib/nlp/loaded';
import { emptyQuotes } from '../../../src/lib/nlp/quotes';
import type { LexiconChanges, LoadedSection, Quote, QuotesSection, Span } from '../../../src/lib/nlp/types';

/** A context whose whole text is one scored paragraph, so body detection cannot drop a one-line case. */
export function contextOf(text: string): AnalysisContext {
	const doc = readDoc(text);
	const scored = [{ start: 0, end: text.length, kind: 'paragraph' as const }];
	return { text, doc, body: scored, scored, sentences: doc.sentences.map(({ start, end }) => ({ start, end })), wordCount: countWordsIn(doc, scored) };
}

/** A quote over the first occurrence of `inner` in `text`, with just the fields the loaded analyzer reads. */
export function quoteOver(text: string, inner: string, kind: Quote['kind'], id = 'q1'): Quote {
	const start = text.indexOf(inner);
	const end = start + inner.length;
	return {
		start,
		end,
		id,
		text: inner,
		kind,
		mark: '“',
		isUnclosed: false,
		speaker: null,
		actorId: null,
		named: false,
		role: null,
		group: 'other',
		speakerSpan: null,
		cue: null,
		cueSpan: null,
		attribution: 'none',
		words: inner.split(/\s+/).filter(Boolean).length,
		block: 0,
		continues: null,
		depth: 0
	};
}

/** A quotes section holding `items`, with `quotedWords` summed over the speech quotes. */
export function quotesOf(items: Quote[]): QuotesSection {
	const quotedWords = items.filter((q) => q.kind === 'speech').reduce((n, q) => n + q.words, 0);
	return { ...emptyQuotes(), items, quotedWords };
}

export function loadedOf(text: string, quotes: QuotesSection = emptyQuotes(), changes?: LexiconChanges): LoadedSection {
	return analyzeLoaded(contextOf(text), quotes, changes);
}

/** The matched strings, in text order. */
export function hitTexts(text: string, changes?: LexiconChanges): string[] {
	return loadedOf(text, emptyQuotes(), changes).hits.map((h) => h.text);
}

/** Strip `[[…]]` marks from an annotated passage; return the text and the marked spans. */
export function parseMarked(marked: string): { text: string; gold: Span[] } {
	let text = '';
	const gold: Span[] = [];
	const re = /\[\[(.+?)\]\]/g;
	let last = 0;
	let m: RegExpExecArray | null;
	while ((m = re.exec(marked))) {
		text += marked.slice(last, m.index);
		gold.push({ start: text.length, end: text.length + m[1].length });
		text += m[1];
		last = m.index + m[0].length;
	}
	return { text: text + marked.slice(last), gold };
}
