import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Span } from './types';

/** One wink-nlp token with its UTF-16 offsets into the document text. */
export type Token = Span & {
	value: string;
	/** Lower-cased, with contractions expanded by wink ("n't" → "not"). */
	normal: string;
	lemma: string;
	/** Universal POS tag from wink (`PROPN`, `VERB`, `AUX`, …). */
	pos: string;
	/** wink token type: `word`, `number`, `punctuation`, `tabCRLF`, `emoji`, `url`, … */
	type: string;
	/** Index into `Doc.sentences`. */
	sentence: number;
	/** Counts as a word: a word or number token that is not a clitic ("’s", "n't"). */
	isWord: boolean;
	/** Whitespace immediately before the token contains a line break. */
	isLineStart: boolean;
};

export type Sentence = Span & { first: number; last: number };

/** The one tokenised view of a text that every analyzer shares. */
export type Doc = {
	text: string;
	tokens: Token[];
	/** wink's sentences, as token ranges with offsets. */
	sentences: Sentence[];
};

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

// Loading the model takes ~100 ms; do it once per process (or worker), on first use.
function getNlp(): Nlp {
	nlp ??= winkNLP(model);
	return nlp;
}

const CLITIC = /^(?:['’](?:s|re|ll|ve|d|m|t)|n['’]t)$/i;

/**
 * Tokenise `text` once with wink-nlp and attach UTF-16 offsets to every token.
 *
 * wink gives token values and the whitespace before each token; summing those
 * rebuilds the text. If a token ever fails to slice back (a wink change, an
 * exotic character), we resynchronise by searching forward, so offsets stay
 * valid whatever the input.
 */
export function readDoc(text: string): Doc {
	const wink = getNlp();
	const its = wink.its;
	const wdoc = wink.readDoc(text);
	const values = wdoc.tokens().out(its.value) as string[];
	const spaces = wdoc.tokens().out(its.precedingSpaces) as string[];
	const normals = wdoc.tokens().out(its.normal) as string[];
	// wink's typings miss that its.lemma reads the model's add-ons; the call itself is fine.
	const lemmas = wdoc.tokens().out(its.lemma as unknown as typeof its.normal) as string[];
	const poses = wdoc.tokens().out(its.pos) as string[];
	const types = wdoc.tokens().out(its.type) as string[];

	const tokens: Token[] = new Array(values.length);
	let cursor = 0;
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		let start = cursor + spaces[i].length;
		if (text.slice(start, start + value.length) !== value) {
			const found = text.indexOf(value, cursor);
			start = found === -1 ? Math.min(start, text.length) : found;
		}
		const end = Math.min(start + value.length, text.length);
		const gap = text.slice(cursor, start);
		const type = types[i];
		tokens[i] = {
			start,
			end,
			value: text.slice(start, end),
			normal: normals[i],
			lemma: lemmas[i],
			pos: poses[i],
			type,
			sentence: 0,
			isWord: (type === 'word' || type === 'number') && !CLITIC.test(value),
			isLineStart: i === 0 || gap.includes('\n') || gap.includes('\r') || (type === 'tabCRLF' && /[\r\n]/.test(value))
		};
		cursor = end;
	}

	const sentences: Sentence[] = [];
	const spans = wdoc.sentences().out(its.span) as unknown as [number, number][];
	for (const [first, last] of spans) {
		if (first > last || !tokens[first] || !tokens[last]) continue;
		const index = sentences.length;
		for (let t = first; t <= last; t++) tokens[t].sentence = index;
		sentences.push({ start: tokens[first].start, end: tokens[last].end, first, last });
	}
	return { text, tokens, sentences };
}

/** Index of the first token whose end is after `offset` (binary search). */
export function tokenIndexAt(doc: Doc, offset: number): number {
	let lo = 0;
	let hi = doc.tokens.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (doc.tokens[mid].end <= offset) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Words whose start lies inside any of `spans` (sorted, non-overlapping). */
export function countWordsIn(doc: Doc, spans: readonly Span[]): number {
	let n = 0;
	for (const span of spans) {
		for (let t = tokenIndexAt(doc, span.start); t < doc.tokens.length && doc.tokens[t].start < span.end; t++) {
			if (doc.tokens[t].isWord && doc.tokens[t].start >= span.start) n++;
		}
	}
	return n;
}
