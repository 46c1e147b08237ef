import { per1000, round, spanIndexAt, type AnalysisContext } from './context';
import { tokenIndexAt, type Token } from './doc';
import { lexiconFor, type CompiledLexicon, type CompiledPattern, type CompiledRule } from './lexicon';
import type { CategoryScore, LexiconChanges, LoadedHit, LoadedSection, Quote, QuotesSection, Span, TermCount } from './types';

/** A section with no hits, for texts that are not scored. */
export function emptyLoaded(): LoadedSection {
	return {
		per1000: 0,
		narratorPer1000: 0,
		quotedPer1000: 0,
		weighted: 0,
		byCategory: {},
		topTerms: [],
		hits: [],
		narratorHits: 0,
		quotedHits: 0
	};
}

const TOP_TERMS = 10;
const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nor', 'neither', 'hardly', 'nobody', 'nothing']);
const HYPHENS = new Set(['-', '‐', '‑', '–']);
// How far back a negator may stand: "did not brutally crush" still negates "crush".
const NEGATION_WINDOW = 3;

/**
 * Loaded language in the scored body: lexicon matches with the outlet's voice
 * told apart from the voices it quotes.
 */
export function analyzeLoaded(ctx: AnalysisContext, quotes: QuotesSection, changes?: LexiconChanges): LoadedSection {
	const lexicon = lexiconFor(changes);
	const speech = outerSpeechQuotes(quotes.items);
	const scare = quotes.items.filter((q) => q.kind === 'scare').sort((a, b) => a.start - b.start);
	const hits: LoadedHit[] = [];
	for (const block of ctx.scored) findInBlock(ctx, block, lexicon, speech, hits);
	// A euphemism in scare quotes ("special military operation" in marks) is the
	// outlet refusing the term, not using it.
	const inScare = (h: LoadedHit) => scare.some((q) => q.start <= h.start && h.end <= q.end);
	const kept: LoadedHit[] = [];
	for (const h of hits) {
		if (h.inQuote || !inScare(h)) kept.push(h);
		// Other terms in scare quotes are mentioned, not used: the outlet shows them as someone else's word.
		else if (h.category !== 'euphemism') kept.push({ ...h, inScareQuote: true });
	}
	return scoreLoaded(kept, ctx.wordCount, quotes.quotedWords);
}

/** Per-1,000 rates, categories and top terms for a set of hits. */
export function scoreLoaded(hits: LoadedHit[], wordCount: number, quotedWords: number): LoadedSection {
	const quotedHits = hits.filter((h) => h.inQuote).length;
	// Scare-quoted terms count in the total but in neither voice.
	const narratorHits = hits.filter((h) => !h.inQuote && !h.inScareQuote).length;
	const byCategoryCount = new Map<string, number>();
	const terms = new Map<string, TermCount>();
	let weight = 0;
	for (const h of hits) {
		weight += h.strength;
		byCategoryCount.set(h.category, (byCategoryCount.get(h.category) ?? 0) + 1);
		const t = terms.get(h.entry);
		if (t) t.count++;
		else terms.set(h.entry, { entry: h.entry, term: h.term, category: h.category, count: 1, alternative: h.alternative });
	}
	const byCategory: Record<string, CategoryScore> = {};
	for (const [category, count] of [...byCategoryCount].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
		byCategory[category] = { count, per1000: per1000(count, wordCount) };
	}
	const topTerms = [...terms.values()].sort((a, b) => b.count - a.count || a.term.localeCompare(b.term)).slice(0, TOP_TERMS);
	return {
		per1000: per1000(hits.length, wordCount),
		narratorPer1000: per1000(narratorHits, Math.max(0, wordCount - quotedWords)),
		quotedPer1000: per1000(quotedHits, quotedWords),
		weighted: wordCount > 0 ? round((weight * 1000) / wordCount) : 0,
		byCategory,
		topTerms,
		hits,
		narratorHits,
		quotedHits
	};
}

/** Speech quotes not nested in another speech quote, sorted: a nested quote belongs to the outer speaker. */
function outerSpeechQuotes(items: readonly Quote[]): Quote[] {
	const speech = items.filter((q) => q.kind === 'speech' && q.end > q.start).sort((a, b) => a.start - b.start || b.end - a.end);
	const out: Quote[] = [];
	for (const q of speech) {
		const last = out[out.length - 1];
		if (last && q.start < last.end) continue;
		out.push(q);
	}
	return out;
}

function findInBlock(ctx: AnalysisContext, block: Span, lexicon: CompiledLexicon, speech: Quote[], hits: LoadedHit[]): void {
	const { tokens } = ctx.doc;
	let end = tokenIndexAt(ctx.doc, block.end);
	while (end < tokens.length && tokens[end].start < block.end) end++;
	for (let t = tokenIndexAt(ctx.doc, block.start); t < end; t++) {
		const tok = tokens[t];
		if (tok.type !== 'word' || tok.start < block.start) continue;
		const match = bestMatchAt(tokens, t, end, lexicon);
		if (!match) continue;
		const last = t + match.length - 1;
		// A match inside a hyphenated word ("rent-gouging", "spy-mania") flags the whole word, as written.
		const previous = hits.length > 0 ? hits[hits.length - 1].end : -1;
		const wordFirst = tokens[wordStart(tokens, t, block.start)].start;
		const start = wordFirst >= previous ? wordFirst : tok.start;
		const stop = tokens[wordEnd(tokens, last, end)].end;
		const q = spanIndexAt(speech, start);
		const quote = q !== -1 && stop <= speech[q].end ? speech[q] : null;
		const { entry } = match.pattern;
		hits.push({
			start,
			end: stop,
			text: ctx.text.slice(start, stop),
			entry: entry.id,
			term: entry.term,
			lemma: lemmaOf(tokens, t, last),
			category: entry.category,
			strength: entry.strength,
			alternative: entry.alternative,
			note: entry.note,
			inQuote: quote !== null,
			quoteId: quote?.id ?? null,
			isNegated: isNegated(tokens, t)
		});
		t = last;
	}
}

/** The first token of the hyphenated word that token `t` ends: "rent-gouging" from "gouging". */
function wordStart(tokens: Token[], t: number, from: number): number {
	while (t >= 2 && isJoinedHyphen(tokens, t - 1) && tokens[t - 2].start >= from) t -= 2;
	return t;
}

/** The last token of the hyphenated word that token `t` starts: "world-class" from "world". */
function wordEnd(tokens: Token[], t: number, end: number): number {
	while (t + 2 < end && isJoinedHyphen(tokens, t + 1)) t += 2;
	return t;
}

// Hyphens that join a word; an en dash between words is a range or an aside ("2019–2024", "cuts – gouging").
const WORD_HYPHENS = new Set(['-', '‐', '‑']);

/** A hyphen at `h` touching a word on both sides. */
function isJoinedHyphen(tokens: Token[], h: number): boolean {
	const [before, hyphen, after] = [tokens[h - 1], tokens[h], tokens[h + 1]];
	return !!before && !!after && WORD_HYPHENS.has(hyphen.value) && before.end === hyphen.start && hyphen.end === after.start && before.type === 'word' && after.type === 'word';
}

/** Lemmas space-joined, hyphens kept tight: "so-call", "lash out". */
function lemmaOf(tokens: Token[], first: number, last: number): string {
	let out = '';
	for (let i = first; i <= last; i++) {
		const tok = tokens[i];
		const isHyphen = HYPHENS.has(tok.value);
		const joins = i === first || isHyphen || HYPHENS.has(tokens[i - 1].value);
		out += (joins ? '' : ' ') + (isHyphen ? '-' : tok.lemma);
	}
	return out;
}

type Match = { pattern: CompiledPattern; length: number };

/** Longest match wins; among equals the stronger entry, then the earlier one. */
function bestMatchAt(tokens: Token[], t: number, end: number, lexicon: CompiledLexicon): Match | null {
	const tok = tokens[t];
	// Most words start no pattern under any of their forms: rule them out before building the list of forms.
	// (These are exactly the words whose forms are their normal and lemma alone, neither of which starts a pattern.)
	const lemma = tok.lemma;
	if (
		tok.pos !== 'PROPN' &&
		!isParticiple(lemma) &&
		!lexicon.byFirst.has(tok.normal) &&
		(lemma === tok.normal || !lexicon.byFirst.has(lemma)) &&
		(tok.lower === tok.normal || !lexicon.byFirst.has(tok.lower))
	)
		return null;
	let best: Match | null = null;
	let bestKey = 0;
	// Most words are looked up by their normal form alone: no list of forms for those.
	const keys = lemma === tok.normal && tok.lower === tok.normal && tok.pos !== 'PROPN' && !isUnreducedParticiple(tok, lemma) ? null : keysOf(tok, lemma);
	const n = keys ? keys.length : 1;
	for (let k = 0; k < n; k++) {
		const patterns = lexicon.byFirst.get(keys ? keys[k] : tok.normal);
		if (!patterns) continue;
		for (const pattern of patterns) {
			// Most multiword patterns fail on their second word: "the" starts eight of them.
			if (pattern.second !== null && cannotBe(tokens[t + 1], t + 1 < end, pattern.second)) continue;
			const length = matchLength(tokens, t, end, pattern);
			if (length === 0 || !passesContext(tokens, t, t + length, end, pattern, lexicon)) continue;
			// Longest match, then the word as written over a guessed stem, then strength, then file order.
			if (
				!best ||
				length > best.length ||
				(length === best.length &&
					(k < bestKey ||
						(k === bestKey &&
							(pattern.entry.strength > best.pattern.entry.strength ||
								(pattern.entry.strength === best.pattern.entry.strength && pattern.order < best.pattern.order)))))
			) {
				best = { pattern, length };
				bestKey = k;
			}
		}
	}
	return best;
}

/** Surely not `word` (what tokenIs would say, without its work): no token, or a plain word with another normal and lemma. */
function cannotBe(tok: Token | undefined, isInside: boolean, word: string): boolean {
	if (!tok || !isInside) return true;
	if (tok.normal === word || tok.lemma === word || tok.lower === word) return false;
	// Proper nouns and unreduced participles match through guessed stems: leave those to tokenIs.
	return tok.pos !== 'PROPN' && !isParticiple(tok.lemma);
}

/**
 * Forms a token can be looked up by. wink tags title-case headline words as
 * proper nouns and leaves them unlemmatised ("Slams"), so those also get a
 * plain suffix strip. `lemma` is the token's lemma, lower-cased.
 */
function keysOf(tok: Token, lemma: string): string[] {
	const keys = lemma === tok.normal ? [tok.normal] : [tok.normal, lemma];
	// wink respells ("centres" → "centers", "through" → "thru"); the lexicon writes British English as news does.
	if (tok.lower !== tok.normal) keys.push(tok.lower);
	if (tok.pos === 'PROPN' && lemma === tok.normal) {
		const stripped = stripSuffix(tok.normal);
		if (stripped && stripped !== tok.normal) keys.push(stripped);
	}
	// wink sometimes tags a participle as a noun and leaves it unreduced
	// ("neutralised" → NOUN, lemma "neutralized"): look it up by its stems too.
	if (isUnreducedParticiple(tok, lemma)) keys.push(...participleStems(lemma));
	return keys;
}

/** An "-ed"/"-ing" form that wink did not reduce: tagged as a non-verb, or with a lemma equal to the word. */
function isUnreducedParticiple(tok: Token, lemma: string): boolean {
	return isParticiple(lemma) && ((tok.pos !== 'VERB' && tok.pos !== 'AUX') || lemma === tok.normal);
}

function isParticiple(w: string): boolean {
	return w.length > 5 && (w.endsWith('ed') || w.endsWith('ing'));
}

/** Candidate base forms of an "-ed"/"-ing" word: "neutralized" → neutralize, neutraliz; "shelling" → shell, shelle. */
function participleStems(w: string): string[] {
	if (w.endsWith('ed')) return /([^aeiou])\1ed$/.test(w) ? [w.slice(0, -3), w.slice(0, -1)] : [w.slice(0, -1), w.slice(0, -2)];
	return /([^aeiou])\1ing$/.test(w) ? [w.slice(0, -4), w.slice(0, -3)] : [w.slice(0, -3), w.slice(0, -3) + 'e'];
}

function stripSuffix(w: string): string | null {
	if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
	if (w.length > 4 && /(?:ss|sh|ch|x)es$/.test(w)) return w.slice(0, -2);
	if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
	if (w.length > 5 && /([^aeiou])\1ed$/.test(w)) return w.slice(0, -3);
	if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
	return null;
}

function tokenIs(tok: Token, word: string): boolean {
	if (word === '-') return HYPHENS.has(tok.value);
	const lemma = tok.lemma;
	return (
		tok.normal === word ||
		lemma === word ||
		tok.lower === word ||
		(tok.pos === 'PROPN' && stripSuffix(tok.normal) === word) ||
		(isUnreducedParticiple(tok, lemma) && participleStems(lemma).includes(word))
	);
}

// A `*` in a term stands for one to four words: "flood * with weapons".
const GAP_MAX = 4;
// A `*` that ends a term stands for the object noun phrase, so a verb + object idiom is one span
// ("pump * into *" → "pumping weapons into eastern Ukraine"): the longest run of up to four such words.
const OBJECT_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);

/** Tokens consumed by `pattern` at `t`, or 0. Only tokens inside the block count. */
function matchLength(tokens: Token[], t: number, end: number, pattern: CompiledPattern): number {
	const tok = tokens[t];
	// A verb entry still matches a participle wink mistook for a noun or adjective.
	const isMistaggedVerb = pattern.pos?.has('VERB') && isParticiple(tok.normal);
	if (pattern.pos && pattern.words.length === 1 && !pattern.pos.has(tok.pos) && !isMistaggedVerb) return 0;
	const stop = matchFrom(tokens, t, end, pattern.words, 0);
	return stop === -1 ? 0 : stop - t;
}

/** Index after the match of `words[w..]` starting at token `t`, or -1; gaps take as few words as they can. */
function matchFrom(tokens: Token[], t: number, end: number, words: string[], w: number): number {
	for (; w < words.length; w++, t++) {
		if (words[w] === '*' && w === words.length - 1) return objectEnd(tokens, t, end);
		if (words[w] === '*') {
			for (let gap = 1, i = t; gap <= GAP_MAX && i < end; gap++, i++) {
				if (tokens[i].type !== 'word') return -1;
				const stop = matchFrom(tokens, i + 1, end, words, w + 1);
				if (stop !== -1) return stop;
			}
			return -1;
		}
		if (t >= end || !tokenIs(tokens[t], words[w])) return -1;
	}
	return t;
}

/** Index after the object noun phrase starting at `t` (determiners, adjectives, nouns, numbers), or -1 when there is none. */
function objectEnd(tokens: Token[], t: number, end: number): number {
	let i = t;
	// A determiner after the first word opens another phrase ("into our region every month").
	while (i < end && i - t < GAP_MAX && tokens[i].type === 'word' && fitsObject(tokens[i]) && (i === t || (tokens[i].pos !== 'DET' && tokens[i].pos !== 'PRON'))) i++;
	// The phrase ends on its head: drop trailing determiners and participles; none left, no object.
	while (i > t && (tokens[i - 1].pos === 'DET' || tokens[i - 1].pos === 'VERB' || tokens[i - 1].pos === 'PRON')) i--;
	return i > t ? i : -1;
}

/** A word of an object noun phrase; a participle inside it is a modifier ("subsidised goods"). */
function fitsObject(tok: Token): boolean {
	// "pour money into our economy": a possessive pronoun is the object's determiner.
	return OBJECT_POS.has(tok.pos) || (tok.pos === 'VERB' && isParticiple(tok.normal)) || (tok.pos === 'PRON' && POSSESSIVES.has(tok.normal));
}

const POSSESSIVES = new Set(['our', 'their', 'his', 'her', 'its', 'my', 'your']);

function inSet(tok: Token, set: ReadonlySet<string>): boolean {
	return set.has(tok.normal) || set.has(tok.lemma) || set.has(tok.lower);
}

/** Context rules, and intensifiers only where they amplify an evaluative word. */
function passesContext(tokens: Token[], t: number, after: number, end: number, pattern: CompiledPattern, lexicon: CompiledLexicon): boolean {
	if (pattern.unless && ruleFires(tokens, t, after, end, pattern.unless, false)) return false;
	// An `only` rule may find its word inside the match's own gaps ("pump weapons into" needs "weapons").
	if (pattern.only && !ruleFires(tokens, t, after, end, pattern.only, true) && !gapHolds(tokens, t, after, pattern.only)) return false;
	if (pattern.isIntensifier) {
		// One more adverb may stand between: "so utterly cynical".
		let n = nextWord(tokens, after, end);
		if (n !== -1 && tokens[n].pos === 'ADV' && !inSet(tokens[n], lexicon.evaluative)) n = nextWord(tokens, n + 1, end);
		return n !== -1 && inSet(tokens[n], lexicon.evaluative);
	}
	return true;
}

/** Does a sentence word of `rule` stand inside the match `[t, after)`? */
function gapHolds(tokens: Token[], t: number, after: number, rule: CompiledRule): boolean {
	if (rule.sentence.size === 0) return false;
	for (let i = t; i < after; i++) if (inSet(tokens[i], rule.sentence)) return true;
	return false;
}

/**
 * Does any part of `rule` find its words around the match `[t, after)`?
 * Empty lists never fire; for an `only` rule, parts with no words are ignored.
 */
function ruleFires(tokens: Token[], t: number, after: number, end: number, rule: CompiledRule, isOnly: boolean): boolean {
	if (rule.prev.size > 0) {
		let seen = 0;
		for (let i = t - 1; i >= 0 && seen < 2 && tokens[i].sentence === tokens[t].sentence; i--) {
			if (tokens[i].type !== 'word') continue;
			if (inSet(tokens[i], rule.prev)) return true;
			seen++;
		}
	}
	if (rule.next.size > 0) {
		const n = nextWord(tokens, after, end);
		if (n !== -1 && inSet(tokens[n], rule.next)) return true;
	}
	if (rule.sentence.size > 0) {
		const s = tokens[t].sentence;
		for (let i = t - 1; i >= 0 && tokens[i].sentence === s; i--) if (inSet(tokens[i], rule.sentence)) return true;
		for (let i = after; i < tokens.length && tokens[i].sentence === s; i++) if (inSet(tokens[i], rule.sentence)) return true;
	}
	return isOnly && rule.prev.size + rule.next.size + rule.sentence.size === 0;
}

function nextWord(tokens: Token[], from: number, end: number): number {
	for (let i = from; i < end; i++) {
		if (tokens[i].type === 'word') return i;
		if (tokens[i].type === 'punctuation' && !HYPHENS.has(tokens[i].value)) return -1;
	}
	return -1;
}

/** A negator among the few words before the hit, in the same sentence ("did not crush", "no regime"). */
function isNegated(tokens: Token[], t: number): boolean {
	let seen = 0;
	for (let i = t - 1; i >= 0 && seen < NEGATION_WINDOW && tokens[i].sentence === tokens[t].sentence; i--) {
		const tok = tokens[i];
		if (tok.type === 'punctuation') {
			if (HYPHENS.has(tok.value)) continue;
			return false;
		}
		if (tok.type !== 'word') continue;
		if (NEGATORS.has(tok.normal)) return true;
		seen++;
	}
	return false;
}
