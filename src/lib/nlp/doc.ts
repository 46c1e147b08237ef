import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { startsUpper } from './chars';
import type { Span } from './types';

/** One wink-nlp token with its UTF-16 offsets into the document text. */
export type Token = Span & {
	value: string;
	/** Lower-cased, with contractions expanded and spelling standardised by wink ("n't" → "not", "centres" → "centers", "through" → "thru"). */
	normal: string;
	/** The word as written, lower-cased ("centres"): `normal` itself when wink changed nothing else. */
	lower: string;
	/** wink's lemma, lower-cased (wink keeps the case of words it does not reduce, "Slams"). */
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

/**
 * The wink annotations we run: POS tags only. The default pipe also runs NER,
 * negation and sentiment, which cost over a third of readDoc and change no
 * token, tag or lemma. Sentence breaks come from `sentenceRanges` below,
 * which reads the tokens wink already made; wink's own sentence machine costs
 * another sixth of readDoc and tags no token differently.
 */
export const WINK_PIPE = ['pos'];

// Loading the model takes ~100 ms; do it once per process (or worker), on first use.
function getNlp(): Nlp {
	nlp ??= winkNLP(model, WINK_PIPE);
	return nlp;
}

const CLITIC = /^(?:['’](?:s|re|ll|ve|d|m|t)|n['’]t)$/i;

/** A clitic ("’s", "n't"); the first character rules out nearly every word before the regex runs. */
function isClitic(value: string): boolean {
	const c = value.charCodeAt(0);
	return (c === 39 || c === 0x2019 || c === 110 || c === 78) && CLITIC.test(value);
}

/**
 * Tokenise `text` once with wink-nlp and attach UTF-16 offsets to every token.
 *
 * wink gives token values in order, with only spaces left out between them,
 * so each token starts at the next occurrence of its value. If a token ever
 * fails to slice back (a wink change, an exotic character), it keeps the
 * cursor's offset and its text is sliced from the input, so offsets stay
 * valid whatever the input.
 */
export function readDoc(text: string): Doc {
	const wink = getNlp();
	const its = wink.its;
	const wdoc = wink.readDoc(text);
	const values = wdoc.tokens().out(its.value) as string[];
	const normals = wdoc.tokens().out(its.normal) as string[];
	// wink's typings miss that its.lemma reads the model's add-ons; the call itself is fine.
	const lemmas = wdoc.tokens().out(its.lemma as unknown as typeof its.normal) as string[];
	const poses = wdoc.tokens().out(its.pos) as string[];
	const types = wdoc.tokens().out(its.type) as string[];

	const tokens: Token[] = new Array(values.length);
	let cursor = 0;
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		// The token is the next occurrence of its value: wink leaves out only spaces between tokens
		// (line breaks and tabs are tokens of their own), and a token is never made of spaces.
		let start = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
		const isAligned = start !== -1;
		if (!isAligned) start = Math.min(cursor, text.length);
		const end = Math.min(start + value.length, text.length);
		const type = types[i];
		tokens[i] = {
			start,
			end,
			// Aligned (nearly always), wink's value is the text's; no need to slice it again.
			value: isAligned ? value : text.slice(start, end),
			normal: normals[i],
			lower: writtenLower(value, normals[i]),
			// wink gives no lemma for a few contractions ("cannot" in some contexts): the normal form stands in.
			lemma: lemmas[i] === normals[i] ? normals[i] : lowerOf(lemmas[i] ?? normals[i] ?? value),
			pos: poses[i],
			type,
			sentence: 0,
			isWord: (type === 'word' || type === 'number') && !isClitic(value),
			isLineStart: i === 0 || hasLineBreak(text, cursor, start) || (type === 'tabCRLF' && /[\r\n]/.test(value))
		};
		cursor = end;
	}

	const spans = sentenceRanges(tokens);
	// Only wink's "unk" pieces are ever rejoined; most texts have none.
	const { merged, indexOf } = types.includes('unk') ? mergeSplitWords(text, tokens) : { merged: tokens, indexOf: null };
	const sentences: Sentence[] = [];
	for (const [rawFirst, rawLast] of spans) {
		if (rawFirst > rawLast || !tokens[rawFirst] || !tokens[rawLast]) continue;
		const first = indexOf ? indexOf[rawFirst] : rawFirst;
		const last = indexOf ? indexOf[rawLast] : rawLast;
		const index = sentences.length;
		for (let t = first; t <= last; t++) merged[t].sentence = index;
		sentences.push({ start: merged[first].start, end: merged[last].end, first, last });
	}
	return { text, tokens: merged, sentences };
}

// Closing marks that stay with the sentence they end: `said so.”`, `(He left.)`.
const CLOSERS = new Set(['”', '’', '»', '›', ')', ']']);
// After an abbreviation that ends in a full stop ("U.S.", "Corp."), a sentence
// ends only before a capitalised function word: "the U.S. The talks …", not
// "U.S. President …" or "Jan. 5".
const STARTER_TAGS = new Set(['DET', 'PRON', 'ADV', 'CCONJ', 'SCONJ', 'ADP']);

/**
 * Sentences as inclusive token ranges that cover every token, read from the
 * tokens alone. A sentence ends at `.`, `!`, `?` or an ellipsis, with the
 * closing quotes and brackets after it (a straight quote only when one is
 * open), unless the next word is lower-case (`“What?” he asked`); after an
 * abbreviation before a capitalised function word; and at a blank line. A
 * single line break does not end one: hard-wrapped text runs on (block
 * detection cuts sentences at block edges later). Line breaks after an end
 * stay with the sentence they follow.
 */
export function sentenceRanges(tokens: readonly Token[]): [number, number][] {
	const out: [number, number][] = [];
	let first = 0;
	let isDoubleOpen = false;
	let isSingleOpen = false;
	// Line breaks in the current run of line-break tokens: "\n \n" is two tokens with a space between.
	let breaks = 0;
	const close = (last: number) => {
		while (last + 1 < tokens.length && tokens[last + 1].type === 'tabCRLF') last++;
		out.push([first, last]);
		first = last + 1;
		return last;
	};
	for (let i = 0; i < tokens.length; i++) {
		const tok = tokens[i];
		const value = tok.value;
		// A quote left open at a line break is a paragraph quote that reopens on the next line.
		if (tok.isLineStart) [isDoubleOpen, isSingleOpen] = [false, false];
		if (tok.type === 'tabCRLF') {
			breaks += lineBreaks(value);
			if (i > first && breaks >= 2) i = close(i);
			continue;
		}
		breaks = 0;
		if (value === '"') isDoubleOpen = !isDoubleOpen;
		else if (value === "'") isSingleOpen = !isSingleOpen;
		if (isSentenceStop(value)) {
			let j = i;
			for (; j + 1 < tokens.length; j++) {
				const next = tokens[j + 1].value;
				if (next === '"' && isDoubleOpen) isDoubleOpen = false;
				else if (next === "'" && isSingleOpen) isSingleOpen = false;
				else if (!CLOSERS.has(next)) break;
			}
			if (!continuesLowerCase(tokens, j + 1)) i = close(j);
			else i = j;
		} else if (tok.type === 'word' && value.length > 1 && value.endsWith('.')) {
			const next = tokens[i + 1];
			if (next && next.type === 'word' && STARTER_TAGS.has(next.pos) && startsUpper(next.value)) i = close(i);
		}
	}
	if (first < tokens.length) out.push([first, tokens.length - 1]);
	return out;
}

/** `.`, `!`, `?`, `?!`, `...`, `…`. */
function isSentenceStop(value: string): boolean {
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) return false;
	}
	return value.length > 0;
}

/** The token at `k` (after opening quotes and brackets) is a word that starts lower-case. */
function continuesLowerCase(tokens: readonly Token[], k: number): boolean {
	while (k < tokens.length && /^[“"‘'«(\[]$/.test(tokens[k].value)) k++;
	const tok = tokens[k];
	if (!tok || tok.type === 'tabCRLF') return false;
	const c = tok.value.charCodeAt(0);
	return (c >= 97 && c <= 122) || (c > 127 && tok.value[0] !== tok.value[0].toUpperCase());
}

function lineBreaks(value: string): number {
	let n = 0;
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		if (c === 10 || (c === 13 && value.charCodeAt(i + 1) !== 10)) n++;
	}
	return n;
}

/** `value` lower-cased, as `normal` itself when they are the same string (most words). */
function writtenLower(value: string, normal: string): string {
	if (value === normal) return normal;
	const lower = value.toLowerCase();
	return lower === normal ? normal : lower;
}

/** Lower case; most lemmas already are, and those are returned as they are. */
function lowerOf(s: string): string {
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if ((c >= 65 && c <= 90) || c > 127) return s.toLowerCase();
	}
	return s;
}

/** A line feed or carriage return in `text[from, to)`. */
function hasLineBreak(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || c === 13) return true;
	}
	return false;
}

const LETTERS = /^\p{L}+$/u;

/**
 * wink's lite model splits a word at letters outside Latin-1 ("Vučić" → Vu | č | i | ć,
 * "Erdoğan" → Erdo | ğ | an). Rejoin such runs, touching and all letters, into one
 * word token so names, word counts and lexicon lookups see the word as written.
 * Returns the tokens and, for each original index, the index of its token now.
 */
function mergeSplitWords(text: string, tokens: Token[]): { merged: Token[]; indexOf: number[] } {
	const indexOf = new Array<number>(tokens.length);
	const merged: Token[] = [];
	let i = 0;
	while (i < tokens.length) {
		let j = i;
		let hasUnknown = false;
		// Extend over touching letter tokens as long as at least one piece is wink's "unk".
		// The cheap type test first: the letter regexes then run only next to an "unk".
		while (
			j + 1 < tokens.length &&
			(tokens[j].type === 'unk' || tokens[j + 1].type === 'unk' || hasUnknown) &&
			tokens[j + 1].start === tokens[j].end &&
			LETTERS.test(tokens[j].value) &&
			LETTERS.test(tokens[j + 1].value)
		) {
			hasUnknown ||= tokens[j].type === 'unk' || tokens[j + 1].type === 'unk';
			j++;
		}
		if (j === i) {
			indexOf[i] = merged.length;
			merged.push(tokens[i]);
			i++;
			continue;
		}
		const first = tokens[i];
		const value = text.slice(first.start, tokens[j].end);
		const lower = value.toLowerCase();
		const isName = /^\p{Lu}/u.test(value);
		for (let k = i; k <= j; k++) indexOf[k] = merged.length;
		merged.push({
			...first,
			end: tokens[j].end,
			value,
			normal: lower,
			lower,
			lemma: lower,
			pos: isName ? 'PROPN' : first.pos === 'X' ? 'NOUN' : first.pos,
			type: 'word',
			isWord: true
		});
		i = j + 1;
	}
	return { merged, indexOf };
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
