import { per1000, round, spanIndexAt, type AnalysisContext } from './context';
import { tokenIndexAt, type Token } from './doc';
import { HEDGE_LEXICON, type CompiledEntry, type HedgeLexicon, type Step } from './hedge-lexicon';
import type { HedgeCue, HedgingSection, QuotesSection, Span } from './types';

export function emptyHedging(): HedgingSection {
	return {
		hedges: [],
		boosters: [],
		hedgesPer1000: 0,
		boostersPer1000: 0,
		hedgesPerSentence: 0,
		boostersPerSentence: 0,
		byType: {},
		hedgedSentenceShare: 0,
		certainty: 0,
		narrator: { hedgesPer1000: 0, boostersPer1000: 0 },
		quoted: { hedgesPer1000: 0, boostersPer1000: 0 },
		hedgedSentences: []
	};
}

/** Entry id given to a vague-attribution cue taken from the quotes analyzer's anonymous speakers. */
export const ANONYMOUS_SPEAKER_CUE = 'anonymous-speaker';

/**
 * Hedges and boosters in the article body: lexicon cues checked against their
 * context, plus the quotes analyzer's anonymous speakers as vague attribution.
 */
export function analyzeHedging(ctx: AnalysisContext, quotes: QuotesSection, lexicon: HedgeLexicon = HEDGE_LEXICON): HedgingSection {
	const found = findHedges(ctx, quotes, lexicon);
	return scoreHedging(found, ctx, quotes);
}

/**
 * Every hedge and booster cue in the scored body blocks, in text order, without overlaps.
 * @example findHedges(ctx, quotes).map((c) => c.text) // ['reportedly', 'some 200']
 */
export function findHedges(ctx: AnalysisContext, quotes: QuotesSection, lexicon: HedgeLexicon = HEDGE_LEXICON): HedgeCue[] {
	const { doc, text } = ctx;
	const tokens = doc.tokens;
	const words = guardWords(lexicon);
	const matches: Match[] = [];
	for (const block of ctx.scored) {
		const first = tokenIndexAt(doc, block.start);
		let last = first;
		while (last < tokens.length && tokens[last].start < block.end) last++;
		for (let t = first; t < last; t++) {
			const tok = tokens[t];
			if (tok.type === 'tabCRLF' || tok.type === 'punctuation') continue;
			// Most tokens start no entry; build their context only for those that do.
			const entries = candidates(lexicon, tok);
			if (entries.length === 0) continue;
			const sentence = doc.sentences[tok.sentence];
			const limit = sentence ? Math.min(last, sentence.last + 1) : last;
			const area: Area = { tokens, from: Math.max(first, sentence ? sentence.first : first), limit, words };
			for (const entry of entries) {
				const end = matchFrom(tokens, entry.steps, 0, t, limit);
				if (end <= t) continue;
				const start = entry.extendLeft ? extendLeft(area, t) : t;
				if (!passes(entry, area, t, end, start)) continue;
				matches.push({ entry, start: tokens[start].start, end: tokens[end - 1].end });
			}
		}
	}

	const chosen = resolveOverlaps(matches);
	const voices = speechSpans(quotes);
	const cues: HedgeCue[] = [];
	for (const m of chosen) {
		const cue = toCue(text, ctx.sentences, voices, m.start, m.end, m.entry.type, m.entry.id, m.entry.note);
		if (cue) cues.push(cue);
	}
	for (const span of anonymousSpeakerSpans(ctx, quotes, words)) {
		// The lexicon may already have found "officials said"; the speaker then adds nothing.
		if (cues.some((c) => c.type === 'vague-attribution' && c.start < span.end && span.start < c.end)) continue;
		const cue = toCue(text, ctx.sentences, voices, span.start, span.end, 'vague-attribution', ANONYMOUS_SPEAKER_CUE, 'quoted speaker with no name');
		if (cue) cues.push(cue);
	}
	return cues.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The section's numbers from its cues. Rates are per 1,000 body words;
 * narrator rates per 1,000 words outside speech quotes, quoted rates per 1,000 words inside.
 */
export function scoreHedging(cues: readonly HedgeCue[], ctx: AnalysisContext, quotes: QuotesSection): HedgingSection {
	const hedges = cues.filter((c) => c.type !== 'booster');
	const boosters = cues.filter((c) => c.type === 'booster');
	const byType: Record<string, number> = {};
	for (const c of cues) byType[c.type] = (byType[c.type] ?? 0) + 1;
	const hedgedSentences = [...new Set(hedges.map((h) => h.sentence))].sort((a, b) => a - b);
	const sentenceCount = ctx.sentences.length;
	const quotedWords = Math.min(quotes.quotedWords, ctx.wordCount);
	const narratorWords = ctx.wordCount - quotedWords;
	const count = (list: readonly HedgeCue[], inQuote: boolean) => list.filter((c) => c.inQuote === inQuote).length;
	const total = hedges.length + boosters.length;
	return {
		hedges,
		boosters,
		hedgesPer1000: per1000(hedges.length, ctx.wordCount),
		boostersPer1000: per1000(boosters.length, ctx.wordCount),
		hedgesPerSentence: sentenceCount > 0 ? round(hedges.length / sentenceCount) : 0,
		boostersPerSentence: sentenceCount > 0 ? round(boosters.length / sentenceCount) : 0,
		byType,
		hedgedSentenceShare: sentenceCount > 0 ? round(hedgedSentences.length / sentenceCount) : 0,
		certainty: total > 0 ? round((boosters.length - hedges.length) / total) : 0,
		narrator: { hedgesPer1000: per1000(count(hedges, false), narratorWords), boostersPer1000: per1000(count(boosters, false), narratorWords) },
		quoted: { hedgesPer1000: per1000(count(hedges, true), quotedWords), boostersPer1000: per1000(count(boosters, true), quotedWords) },
		hedgedSentences
	};
}

// ---------------------------------------------------------------- matching

type Match = { entry: CompiledEntry; start: number; end: number };

type GuardWords = Record<(typeof GUARD_CLASSES)[number], ReadonlySet<string>>;

/** Where a match may look for context: one sentence of one block. */
type Area = { tokens: readonly Token[]; from: number; limit: number; words: GuardWords };

const GUARD_CLASSES = [
	'date-preposition',
	'ability-verb',
	'ability-adverb',
	'habitual-adverb',
	'volition-verb',
	'backshift-verb',
	'number-word',
	'quantity-unit',
	'currency',
	'vague-det',
	'vague-quantifier',
	'document-source',
	'epistemic-report',
	'source-noun',
	'familiar-subject'
] as const;

const guardCache = new WeakMap<HedgeLexicon, GuardWords>();

function guardWords(lexicon: HedgeLexicon): GuardWords {
	let words = guardCache.get(lexicon);
	if (words) return words;
	const out: Partial<GuardWords> = {};
	for (const id of GUARD_CLASSES) {
		const set = lexicon.classes.get(id);
		// The shipped lexicon always has these; a hand-made one that lacks a class just never passes that check.
		out[id] = set ?? new Set();
	}
	words = out as GuardWords;
	guardCache.set(lexicon, words);
	return words;
}

// One key string per tag: building `@${pos}` for every token made and hashed a new string each time.
const POS_KEYS = new Map<string, string>();

function posKey(pos: string): string {
	let key = POS_KEYS.get(pos);
	if (key === undefined) POS_KEYS.set(pos, (key = `@${pos}`));
	return key;
}

const NO_ENTRIES: readonly CompiledEntry[] = [];

function candidates(lexicon: HedgeLexicon, tok: Token): readonly CompiledEntry[] {
	const a = lexicon.byFirst.get(tok.normal);
	const b = tok.lemma !== tok.normal ? lexicon.byFirst.get(tok.lemma) : undefined;
	const c = lexicon.hasPosKeys ? lexicon.byFirst.get(posKey(tok.pos)) : undefined;
	if (!b && !c) return a ?? NO_ENTRIES;
	return [...new Set([...(a ?? []), ...(b ?? []), ...(c ?? [])])];
}

function tokenMatches(tok: Token, step: Extract<Step, { kind: 'word' }>): boolean {
	if (tok.type === 'tabCRLF') return false;
	if (step.pos && !step.pos.has(tok.pos)) return false;
	if (!step.words) return true;
	return step.words.has(tok.normal) || (!step.isExact && step.words.has(tok.lemma));
}

const MOD_POS = new Set(['ADJ', 'PROPN', 'NOUN', 'NUM']);

function isMod(tok: Token): boolean {
	return MOD_POS.has(tok.pos) || tok.value === '-';
}

/** Longest match of `steps[si..]` from token `ti`: the end token (exclusive), or -1. */
function matchFrom(tokens: readonly Token[], steps: readonly Step[], si: number, ti: number, limit: number): number {
	if (si === steps.length) return ti;
	const step = steps[si];
	if (step.kind === 'mods') {
		let k = 0;
		while (k < step.max && ti + k < limit && isMod(tokens[ti + k])) k++;
		for (; k >= 0; k--) {
			const end = matchFrom(tokens, steps, si + 1, ti + k, limit);
			if (end >= 0) return end;
		}
		return -1;
	}
	let best = -1;
	if (ti < limit && tokenMatches(tokens[ti], step)) best = matchFrom(tokens, steps, si + 1, ti + 1, limit);
	if (step.isOptional) best = Math.max(best, matchFrom(tokens, steps, si + 1, ti, limit));
	return best;
}

/** Context checks for a match of tokens [start, end); `phrase` is where an extended match begins. */
function passes(entry: CompiledEntry, area: Area, start: number, end: number, phrase: number): boolean {
	const prev = start > area.from ? area.tokens[start - 1] : null;
	const next = end < area.limit ? area.tokens[end] : null;
	if (entry.unlessPrev && prev && entry.unlessPrev.has(prev.normal)) return false;
	if (entry.unlessNext && next && entry.unlessNext.has(next.normal)) return false;
	if (entry.onlyPrev && !(prev && entry.onlyPrev.has(prev.normal))) return false;
	if (entry.onlyNext && !(next && entry.onlyNext.has(next.normal))) return false;
	switch (entry.guard) {
		case undefined:
			return true;
		case 'epistemic-modal':
			return isEpistemicModal(area, start);
		case 'quantity':
			return isQuantityAt(area, end);
		case 'after-quantity':
			return isAfterQuantity(area, start);
		case 'appear':
			return isEpistemicAppear(area, start, end);
		case 'no-gerund':
			return !(next && next.pos === 'VERB' && next.normal.endsWith('ing'));
		case 'attributive':
			return !!next && (MOD_POS.has(next.pos) || next.value === '-');
		case 'epistemic-must':
			return isEpistemicMust(area, end);
		case 'vague-source':
			return isVagueSource(area, start, end, phrase);
	}
}

/** "must have known", "must be a mistake": inference. "must be honest", "must stop": duty, not a booster. */
function isEpistemicMust(area: Area, end: number): boolean {
	const { tokens } = area;
	const next = end < area.limit ? tokens[end] : null;
	if (next?.normal === 'have') return true;
	if (next?.normal !== 'be') return false;
	const after = end + 1 < area.limit ? tokens[end + 1] : null;
	return !!after && after.pos !== 'ADJ' && after.pos !== 'VERB' && after.pos !== 'ADV';
}

/**
 * A crowd or a text as source is vague in any tense ("some analysts said", "media reported").
 * Otherwise only a general claim is: "critics argue" hedges, "analysts said" reports one event
 * by unnamed people, which the quotes analyzer counts as anonymous sourcing.
 */
function isVagueSource(area: Area, start: number, end: number, phrase: number): boolean {
	const { tokens, words } = area;
	const verbAt = tokens[start].lemma === 'say' && start !== end - 1 ? start : end - 1;
	const verbIsVerb = tokens[verbAt].pos === 'VERB' || tokens[verbAt].pos === 'AUX';
	for (let t = phrase; t < end; t++) {
		if (t === verbAt) continue;
		if (words['vague-quantifier'].has(tokens[t].normal) || (words['document-source'].has(tokens[t].normal) && verbIsVerb)) return true;
	}
	const verb = tokens[verbAt];
	// wink tags a base-form verb after a capitalised plural as a noun ("Observers note"); a real noun ("analyst report") is not a verb.
	const isVerb = verb.pos === 'VERB' || verb.pos === 'AUX';
	const isBareVerb = verb.pos === 'NOUN' && verb.normal === verb.lemma && verbAt > start && tokens[verbAt - 1].normal.endsWith('s');
	if (!isVerb && !isBareVerb) return false;
	let hasPerfect = false;
	for (let t = start; t < end; t++) if (tokens[t].lemma === 'have') hasPerfect = true;
	if (!hasPerfect && isPast(verb)) return false;
	// "Western officials believe": the verb is the hedge; the epistemic-verb entry takes it alone.
	return !words['epistemic-report'].has(verb.lemma);
}

function isPast(tok: Token): boolean {
	return tok.normal !== tok.lemma && !tok.normal.endsWith('s') && !tok.normal.endsWith('ing');
}

/**
 * "may", "might", "could", "would" as hedges. A modal is followed by a base verb
 * (after adverbs or "not"); that alone rules out "May 2024", "in May" and "military might".
 */
function isEpistemicModal(area: Area, at: number): boolean {
	const { tokens, words } = area;
	const modal = tokens[at];
	const prev = at > area.from ? tokens[at - 1] : null;
	// Title-case headlines capitalise the modal too, so the capital alone does not make a month.
	if (modal.value === 'May' && prev && words['date-preposition'].has(prev.normal)) return false;
	// wink tags a title-case "May" as a noun; it is the modal only before a title-case verb ("Russia May Send Troops").
	if (modal.pos === 'NOUN') {
		const after = at + 1 < area.limit ? tokens[at + 1] : null;
		if (!prev || !after || after.pos !== 'VERB' || after.normal !== after.lemma || !/^[A-Z]/.test(after.value)) return false;
	}
	let n = at + 1;
	const adverbs: string[] = [];
	while (n < area.limit && tokens[n].pos === 'ADV' && tokens[n].normal !== 'not') adverbs.push(tokens[n++].normal);
	const next = n < area.limit ? tokens[n] : null;
	if (!next) return false;
	const kind = modal.normal;
	if (next.normal === 'not') {
		// "could not attend" is inability; "would not comment" refusal; "may not" stays a hedge.
		if (kind === 'could') return false;
		if (kind === 'would') {
			const after = n + 1 < area.limit ? tokens[n + 1] : null;
			return !!after && (after.normal === 'be' || after.normal === 'have');
		}
		return !(kind === 'may' && prev?.normal === 'you');
	}
	// wink sometimes tags the verb after an adverb as an adjective ("would likely welcome").
	const isVerbLike = next.pos === 'VERB' || next.pos === 'AUX' || (next.pos === 'ADJ' && adverbs.length > 0);
	if (!isVerbLike || next.normal !== next.lemma) return false;
	// "Could you…?", "May I…?": a request, not a doubt.
	if (at === area.from && /^(?:you|i|we)$/.test(next.normal)) return false;
	if (kind === 'may' && prev?.normal === 'you' && next.lemma !== 'be' && next.lemma !== 'have') return false;
	// "visitors may enter only with a permit": a rule, not a doubt.
	if (kind === 'may') for (let p = n; p < area.limit && p < n + 8; p++) if (tokens[p].normal === 'only') return false;
	if (kind === 'could') {
		if (adverbs.some((a) => words['ability-adverb'].has(a))) return false;
		if (words['ability-verb'].has(next.lemma)) return false;
	}
	if (kind === 'would') {
		if (adverbs.some((a) => words['habitual-adverb'].has(a))) return false;
		if (words['volition-verb'].has(next.lemma)) return false;
		// Reported speech shifts "will" to "would": "Putin said he would visit" is his plan, not the writer's doubt.
		for (let p = at - 1; p >= area.from && p >= at - 15; p--) {
			if (tokens[p].pos === 'VERB' && words['backshift-verb'].has(tokens[p].lemma)) return false;
		}
	}
	return true;
}

/** Is a quantity at token `at`: a number, a number word, or "a" + unit ("about a third")? Currency signs are skipped. */
function isQuantityAt(area: Area, at: number): boolean {
	const { tokens, words } = area;
	let n = at;
	while (n < area.limit && words.currency.has(tokens[n].normal)) n++;
	const tok = n < area.limit ? tokens[n] : null;
	if (!tok) return false;
	if (tok.type === 'number' || words['number-word'].has(tok.normal)) return true;
	if (tok.pos === 'NUM' && /\d/.test(tok.value)) return true;
	const after = n + 1 < area.limit ? tokens[n + 1] : null;
	return (tok.normal === 'a' || tok.normal === 'an') && !!after && words['quantity-unit'].has(after.lemma);
}

function isAfterQuantity(area: Area, at: number): boolean {
	const { tokens } = area;
	const isNumber = (t: Token | undefined) => !!t && (t.type === 'number' || t.pos === 'NUM');
	if (at - 1 < area.from) return false;
	return isNumber(tokens[at - 1]) || (at - 2 >= area.from && isNumber(tokens[at - 2]) && tokens[at - 1].pos === 'NOUN');
}

/** "appear to", "appears unlikely", "it appears": inference. Not "appeared in court". */
function isEpistemicAppear(area: Area, start: number, end: number): boolean {
	const { tokens } = area;
	let n = end;
	if (n < area.limit && tokens[n].pos === 'ADV' && !['likely', 'unlikely'].includes(tokens[n].normal)) n++;
	const next = n < area.limit ? tokens[n] : null;
	if (next && (['to', 'that', 'as', 'like', 'likely', 'unlikely'].includes(next.normal) || next.pos === 'ADJ')) return true;
	const prev = start > area.from ? tokens[start - 1] : null;
	return prev?.normal === 'it' && (!next || next.type === 'punctuation');
}

/** Take in the noun phrase before a vague source: "some senior US officials said". */
function extendLeft(area: Area, at: number): number {
	const { tokens, words } = area;
	let start = at;
	let taken = 0;
	while (start - 1 >= area.from && taken < 3) {
		const tok = tokens[start - 1];
		// A noun modifier is taken only next to the head ("defence officials"), so "the summit analysts" stays short.
		const ok = tok.pos === 'ADJ' || tok.pos === 'PROPN' || tok.pos === 'NUM' || tok.value === '-' || (tok.pos === 'NOUN' && start === at);
		if (!ok || words['vague-det'].has(tok.normal)) break;
		start--;
		taken++;
	}
	if (tokens[start - 1] && start - 1 >= area.from && words['vague-det'].has(tokens[start - 1].normal)) start--;
	// Never start on a hyphen left dangling by the walk.
	while (start < at && tokens[start].value === '-') start++;
	return start;
}

/** Longest match wins; ties go to the earlier start, then to the lexicon's order. */
function resolveOverlaps(matches: Match[]): Match[] {
	const sorted = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.entry.order - b.entry.order);
	const chosen: Match[] = [];
	for (const m of sorted) {
		if (chosen.some((c) => c.start < m.end && m.start < c.end)) continue;
		chosen.push(m);
	}
	return chosen.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------- quotes

type Voice = Span & { id: string };

/** Outermost speech quotes, sorted and disjoint: nested quotes count for the outer speaker. */
function speechSpans(quotes: QuotesSection): Voice[] {
	const speech = quotes.items
		.filter((q) => q.kind === 'speech' && q.end > q.start)
		.sort((a, b) => a.start - b.start || b.end - a.end);
	const out: Voice[] = [];
	for (const q of speech) {
		const last = out[out.length - 1];
		if (last && q.start < last.end) {
			last.end = Math.max(last.end, q.end);
			continue;
		}
		out.push({ start: q.start, end: q.end, id: q.id });
	}
	return out;
}

const PRONOUN = /^(?:he|she|they|it|we|i|you|him|her|them)$/i;

/** Speaker spans of quotes and indirect quotes whose speaker has no name ("a senior official"). */
function anonymousSpeakerSpans(ctx: AnalysisContext, quotes: QuotesSection, words: GuardWords): Span[] {
	const seen = new Set<string>();
	const out: Span[] = [];
	const speakers = [...quotes.items.filter((q) => q.kind === 'speech'), ...quotes.indirect];
	for (const q of speakers) {
		const span = q.speakerSpan;
		if (q.named || !span || span.start < 0 || span.end > ctx.text.length || span.end <= span.start) continue;
		// An unresolved "he" is an unknown speaker and "the statement" an unnamed document, not an anonymous source:
		// only a speaker phrase headed like one ("a senior official", "sources") counts.
		if (PRONOUN.test(ctx.text.slice(span.start, span.end).trim()) || !isSourcePhrase(ctx, span, words)) continue;
		// The same line as the lexicon's: a crowd, a text or a general claim ("…," critics argue), not one event.
		if (!isCrowdOrText(ctx, span, words) && !isGeneralCue(ctx, q.cueSpan)) continue;
		const key = `${span.start}:${span.end}`;
		if (seen.has(key)) continue;
		seen.add(key);
		out.push({ start: span.start, end: span.end });
	}
	return out;
}

function tokensIn(ctx: AnalysisContext, span: Span): Token[] {
	const tokens = ctx.doc.tokens;
	const out: Token[] = [];
	for (let t = tokenIndexAt(ctx.doc, span.start); t < tokens.length && tokens[t].start < span.end; t++) out.push(tokens[t]);
	return out;
}

function isCrowdOrText(ctx: AnalysisContext, span: Span, words: GuardWords): boolean {
	return tokensIn(ctx, span).some((t) => words['vague-quantifier'].has(t.normal) || words['document-source'].has(t.normal));
}

function isGeneralCue(ctx: AnalysisContext, cueSpan: Span | null): boolean {
	if (!cueSpan) return false;
	const toks = tokensIn(ctx, cueSpan);
	const verb = toks.find((t) => t.pos === 'VERB' || t.pos === 'AUX');
	if (!verb) return false;
	return toks.some((t) => t.lemma === 'have') || !isPast(verb);
}

function isSourcePhrase(ctx: AnalysisContext, span: Span, words: GuardWords): boolean {
	const tokens = ctx.doc.tokens;
	for (let t = tokenIndexAt(ctx.doc, span.start); t < tokens.length && tokens[t].start < span.end; t++) {
		const tok = tokens[t];
		for (const id of ['source-noun', 'familiar-subject'] as const)
			if (words[id].has(tok.normal) || words[id].has(tok.lemma)) return true;
	}
	return false;
}

function toCue(
	text: string,
	sentences: readonly Span[],
	voices: readonly Voice[],
	start: number,
	end: number,
	type: HedgeCue['type'],
	cue: string,
	note: string
): HedgeCue | null {
	const sentence = spanIndexAt(sentences, start);
	if (sentence < 0) return null;
	const voice = spanIndexAt(voices, start);
	return {
		start,
		end,
		text: text.slice(start, end),
		type,
		cue,
		note,
		inQuote: voice >= 0,
		quoteId: voice >= 0 ? voices[voice].id : null,
		sentence
	};
}
