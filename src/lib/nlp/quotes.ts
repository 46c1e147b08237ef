import { startsUpper } from './chars';
import { figureBySurname } from './gazetteer';
import { ActorRegistry, describesOnePerson, isGovernmentWord, isRoleWord, isTitleWord, parsePhrase, type CountryOf, type ParsedPhrase, type Resolved } from './actors';
import { round, spanIndexAt, type AnalysisContext } from './context';
import { countWordsIn, tokenIndexAt, type Token } from './doc';
import { DEFAULT_GROUPS, NAME_PARTICLES, VERBS, WORDS, type GroupConfig } from './quote-data';
import { findMarkedQuotes, type MarkedQuote } from './quote-marks';
import { attribute, canSpeak, colonSpeaker, cueAt, verbAt, isQuoteMarkToken, isTerminal, phraseAfter, phraseBefore, sentenceSubject, statementSource, subjectAfter, subjectBefore, speakerOfCue, type Attribution, type Cue, type Frame, type SpeakerPhrase } from './speakers';
import type { GroupInfo, IndirectQuote, Quote, QuotesSection, Span, SpeakerTotal } from './types';

export { DEFAULT_GROUPS, parseGroupConfig, type GroupConfig, type GroupRule } from './quote-data';

const OTHER: GroupInfo = { id: 'other', label: 'Other or unknown', colour: '#999999' };
// Short quotes with no reporting cue and no verb are scare quotes: the writer's distance, not a voice.
const MAX_SCARE_WORDS = 5;
const FRAME_TOKENS = 40;
const ANTECEDENT_TOKENS = 600;

/** The groups a legend shows: the config's, plus `other` when it has none. */
function groupInfos(config: GroupConfig): GroupInfo[] {
	const infos = config.groups.map((g) => ({ id: g.id, label: g.label, colour: g.colour }));
	return infos.some((g) => g.id === 'other') ? infos : [...infos, OTHER];
}

/** The quotes section of a text that is not scored. */
/** The story's config, or the generic default when it has none (or no groups: storage's empty config). */
function configOrDefault(config: GroupConfig | undefined): GroupConfig {
	return config && Array.isArray(config.groups) && config.groups.length > 0 ? config : DEFAULT_GROUPS;
}

export function emptyQuotes(config?: GroupConfig): QuotesSection {
	return {
		items: [],
		indirect: [],
		wordsByGroup: {},
		shareByGroup: {},
		balance: null,
		anonymousShare: 0,
		quotedShare: 0,
		quotedWords: 0,
		speakers: [],
		indirectByGroup: {},
		groups: groupInfos(configOrDefault(config))
	};
}

type Work = {
	q: MarkedQuote;
	item: Quote;
	/** Token index of the opening mark and of the first token after the closing mark. */
	openTok: number;
	afterTok: number;
	found: Attribution | null;
	colon: SpeakerPhrase | null;
	parsed: ParsedPhrase | null;
};

/** A quote's speaker fields before attribution: nobody, in no group. */
const NO_SPEAKER = {
	speaker: null,
	actorId: null,
	named: false,
	role: null,
	group: 'other',
	speakerKind: 'unknown',
	speakerSpan: null
} as const satisfies Partial<Quote>;

/**
 * Direct quotes (with speaker, group and kind), indirect speech, and the
 * balance of voices, for one article. `config` is the story's group config;
 * without one the generic default applies. Linear in the text: one pass over
 * the characters for marks, bounded token windows per quote.
 */
export function analyzeQuotes(ctx: AnalysisContext, config?: GroupConfig): QuotesSection {
	const cfg = configOrDefault(config);
	const { text, doc, scored } = ctx;
	const tokens = doc.tokens;
	const marked = findMarkedQuotes(text, scored);
	const registry = new ActorRegistry(cfg);
	const blockTokens = scored.map((b) => [tokenIndexAt(doc, b.start), tokenIndexAt(doc, b.end) - 1] as const);

	// Pass 1: frames, cues and speaker phrases of outermost quotes.
	const work: Work[] = [];
	const outer: Work[] = [];
	for (let n = 0; n < marked.length; n++) {
		const q = marked[n];
		const item: Quote = {
			id: `q${n + 1}`,
			start: q.start,
			end: q.end,
			text: text.slice(q.start, q.end),
			kind: 'speech',
			mark: q.mark,
			isUnclosed: q.isUnclosed,
			...NO_SPEAKER,
			cue: null,
			cueSpan: null,
			attribution: 'none',
			words: countWordsIn(doc, [q]),
			block: spanIndexAt(ctx.body, scored[q.block].start),
			continues: null,
			depth: q.depth
		};
		const w: Work = { q, item, openTok: tokenIndexAt(doc, q.markStart), afterTok: tokenIndexAt(doc, q.markEnd), found: null, colon: null, parsed: null };
		work.push(w);
		if (q.depth === 0) outer.push(w);
	}
	for (let k = 0; k < outer.length; k++) {
		const w = outer[k];
		const [bFirst, bLast] = blockTokens[w.q.block];
		const prev = k > 0 && outer[k - 1].q.block === w.q.block ? outer[k - 1] : null;
		const next = k + 1 < outer.length && outer[k + 1].q.block === w.q.block ? outer[k + 1] : null;
		const frame = frameOf(tokens, w, prev, next, bFirst, bLast);
		w.found = attribute(tokens, frame);
		if (!w.found) w.colon = colonSpeaker(tokens, frame) ?? colonClauseSpeaker(tokens, frame);
		// "Peskov told reporters:" closing one paragraph, the quote opening the next.
		if (!w.found && !w.colon && w.q.block > 0 && opensBlock(tokens, w, bFirst)) {
			const before = lastSentenceOf(tokens, blockTokens[w.q.block - 1]);
			if (before) {
				const across: Frame = { before, after: [w.afterTok, w.afterTok - 1] };
				w.found = attribute(tokens, across);
				if (!w.found) w.colon = colonSpeaker(tokens, across) ?? colonClauseSpeaker(tokens, across);
			}
		}
		// "X said Beijing “firmly opposes” … and would take “necessary measures”": one cue serves the sentence.
		if (!w.found && !w.colon && prev?.found && tokens[prev.afterTok - 1]?.sentence === tokens[w.openTok].sentence) w.found = prev.found;
		const phrase = w.found?.speaker ?? w.colon;
		if (phrase) {
			w.parsed = parsePhrase(text, tokens, phrase);
			registry.prepare(w.parsed);
		}
		// A short term right before a noun ("their “no limits” partnership") modifies it; only a strong cue makes it speech.
		// "what he called its “constructive” stance" names whose word it is, noun or not.
		const isWhatCalled = !!w.found?.speaker && /^what$/i.test(tokens[w.found.speaker.first - 1]?.value ?? '');
		const isWeakOnly = !!w.found && !!w.found.cue.verb && /^(?:weak|characterising)$/.test(w.found.cue.verb.category) && tokens[w.afterTok]?.pos === 'NOUN' && !isWhatCalled;
		w.item.kind = (!w.found || isWeakOnly) && !w.colon && isScareLike(tokens, w, bFirst, bLast) ? 'scare' : 'speech';
	}

	harvestNames(text, tokens, blockTokens, registry);
	const indirect = findIndirect(ctx, marked, registry);

	const quoted = outer.map((w) => ({ start: w.q.markStart, end: w.q.markEnd }));
	const countryOf = countryContext(ctx, blockTokens, registry, quoted);
	// Pass 2: resolve speakers in text order, interleaving indirect speech so pronouns see it.
	let ii = 0;
	let lastSpeech: Work | null = null;
	// The latest reported speech with a speaker, when it comes after `lastSpeech`: "X said that …" then a quote alone.
	let lastIndirect: IndirectWork | null = null;
	for (const w of outer) {
		while (ii < indirect.length && indirect[ii].cueTok < w.openTok) {
			const x = indirect[ii++];
			resolveIndirect(ctx, x, registry, blockTokens, quoted, countryOf);
			if (x.item.speakerKind !== 'unknown') lastIndirect = x;
		}
		if (w.item.kind === 'scare') continue;
		const item = w.item;
		const continued = lastSpeech && continues(text, lastSpeech, w, scored) ? lastSpeech : null;
		if (continued && continued.q.isUnclosed && continued.q.block === w.q.block - 1) item.continues = continued.item.id;
		const reported = () => (lastIndirect && (!lastSpeech || lastIndirect.cueTok > lastSpeech.openTok) && isReportedBefore(ctx, lastIndirect, w) ? lastIndirect : null);
		let x: IndirectWork | null = null;
		if (w.parsed) {
			const cue = w.found?.cue.first ?? w.openTok;
			// The cue may close the paragraph before ("He then added:").
			const cueBlock = cue < blockTokens[w.q.block][0] ? w.q.block - 1 : w.q.block;
			// A quote over several paragraphs is about whoever the paragraph of its first piece is about.
			const topicBlock = Math.min(cueBlock, chainStart(outer, outer.indexOf(w)).q.block);
			// "the 41-year-old said", "the former finance minister said": a person described is found as "he" is.
			const topic = w.parsed.kind === 'pronoun' || describesOnePerson(w.parsed) ? topicOf(text, tokens, registry, blockTokens[topicBlock][0], cue, quoted, w.parsed.kind === 'pronoun' ? w.parsed.head : 'he') : null;
			const parsed = w.parsed;
			const people = () => earlierPeopleOf(text, tokens, registry, blockTokens[Math.max(0, cueBlock - 2)][0], cue, quoted);
			const r = registry.resolve(parsed, topic, () => antecedentOf(text, tokens, parsed), countryOf, people);
			setSpeaker(item, r);
			item.speakerSpan = { start: w.parsed.span.start, end: w.parsed.span.end };
			item.attribution = w.found ? (w.parsed.kind === 'pronoun' ? 'pronoun' : 'cue') : 'colon';
		} else if (w.found) item.attribution = 'cue';
		else if ((x = reported())) {
			// "Peskov said the talks went well." then a paragraph of quote alone: the reported speaker goes on.
			setSpeaker(item, resolvedOf(x.item));
			item.speakerSpan = x.item.speakerSpan;
			item.attribution = 'continuation';
			registry.note(resolvedOf(item));
		} else if (continued) {
			copySpeaker(item, continued.item);
			item.attribution = 'continuation';
			registry.note(resolvedOf(item));
		}
		else if (isWholeBlock(w, blockTokens[w.q.block]) && w.q.block + 1 < scored.length) {
			// A quote standing alone, attributed in the next paragraph: "Kremlin spokesman Dmitry Peskov made the remarks …".
			const next = nextSubject(text, tokens, blockTokens[w.q.block + 1]);
			if (next) {
				setSpeaker(item, registry.resolve(next));
				item.speakerSpan = { start: next.span.start, end: next.span.end };
				item.attribution = 'continuation';
			}
		}
		// "Šefčovič said the bloc would not accept “a chokehold”": a quote inside a reported clause that found no
		// speaker of its own is the reporting speaker's.
		// So is one whose only cue is a weak verb of that clause ("would not accept “…”").
		const around = enclosingIndirect(indirect, ii, item.start, item.end);
		if (around) {
			const own = w.found?.cue ?? null;
			const isInside = !!own && tokens[own.first].start >= around.item.start && tokens[own.first].start < around.item.end;
			// "said Berlin would not comment on „…“", "said the alliance would respond “…”": a verb of the clause that
			// is weak, or only hypothetical, is no speech event of its own.
			// A named subject of a weak verb still speaks ("said Zelensky had called the plan “absurd”").
			const isInnerCue = isInside && (isHypothetical(tokens, own.first) || (!!own.verb?.isWeak && w.parsed?.kind !== 'person'));
			// "Xi told the session that China must “firmly grasp” …, Xinhua reported": a cue after the whole clause relays it.
			const isRelay = !!own && tokens[own.first].start >= around.item.end && own.lemma !== 'according to';
			if ((item.speaker === null && item.role === null) || isInnerCue || isRelay) {
				setSpeaker(item, resolvedOf(around.item));
				item.speakerSpan = around.item.speakerSpan;
				item.attribution = 'cue';
				item.cue = around.item.cue;
				item.cueSpan = around.item.cueSpan;
			}
		}
		if (w.found && item.cueSpan === null) {
			const { first, last } = w.found.cue;
			item.cue = text.slice(tokens[first].start, tokens[last].end);
			item.cueSpan = { start: tokens[first].start, end: tokens[last].end };
		}
		lastSpeech = w;
	}
	while (ii < indirect.length) resolveIndirect(ctx, indirect[ii++], registry, blockTokens, quoted, countryOf);

	// A quote over several paragraphs: the cue may sit in any piece; every piece gets its speaker.
	backfillChains(outer);
	// Nested quotes count for the outer speaker, with the outer kind.
	for (const w of work) {
		if (w.q.parent === -1) continue;
		const parent = work[w.q.parent].item;
		copySpeaker(w.item, parent);
		// A short term quoted inside a quote is a scare quote within it ("so-called ‘dual containment’").
		const [bFirst, bLast] = blockTokens[w.q.block];
		w.item.kind = parent.kind === 'scare' || isScareLike(tokens, w, bFirst, bLast) ? 'scare' : 'speech';
		w.item.attribution = parent.attribution;
		w.item.cue = parent.cue;
		w.item.cueSpan = parent.cueSpan;
	}
	for (const w of work) {
		// A scare quote inside someone's speech ("Their ‘peace’ was a trick") is the speaker's distancing, so it keeps
		// the speaker; its words already count in the outer quote.
		const isSpeakersOwn = w.q.parent !== -1 && work[w.q.parent].item.kind === 'speech';
		if (w.item.kind === 'scare' && !isSpeakersOwn) {
			// Scare quotes are the writer's, not a voice: no speaker.
			setSpeaker(w.item, { speaker: null, actorId: null, named: false, role: null, group: 'other', kind: 'unknown' });
			w.item.speakerSpan = null;
			w.item.attribution = 'none';
			w.item.cue = null;
			w.item.cueSpan = null;
		}
	}

	return summarise(ctx, cfg, work.map((w) => w.item), indirect.map((x) => x.item));
}

function frameOf(tokens: readonly Token[], w: Work, prev: Work | null, next: Work | null, bFirst: number, bLast: number): Frame {
	let bLo = Math.max(bFirst, prev ? prev.afterTok : bFirst, w.openTok - FRAME_TOKENS);
	for (let i = w.openTok - 1; i >= bLo; i--) {
		if (isTerminal(tokens[i])) {
			bLo = i + 1;
			break;
		}
	}
	let aHi = Math.min(bLast, next ? next.openTok - 1 : bLast, w.afterTok + FRAME_TOKENS);
	for (let i = w.afterTok; i <= aHi; i++) {
		if (isTerminal(tokens[i])) {
			aHi = i - 1;
			break;
		}
	}
	return { before: [bLo, w.openTok - 1], after: [w.afterTok, aHi] };
}

/** "The EU's top diplomat, Kaja Kallas, went further: “…”": the subject of the clause a colon ends. */
function colonClauseSpeaker(tokens: readonly Token[], frame: Frame): SpeakerPhrase | null {
	const [bLo, bHi] = frame.before;
	if (bHi <= bLo || tokens[bHi].value !== ':') return null;
	let verb = bLo;
	while (verb < bHi && tokens[verb].pos !== 'VERB') verb++;
	if (verb >= bHi) return null;
	const subject = subjectBefore(tokens, verb, bLo);
	if (!subject) return null;
	// Only a named subject: "The aim is clear:" introduces no one.
	for (let k = subject.first; k <= (subject.appos?.[1] ?? subject.last); k++) if (tokens[k].pos === 'PROPN') return subject;
	return null;
}

/** Whether the quote's opening mark is the paragraph's first token. */
function opensBlock(tokens: readonly Token[], w: Work, bFirst: number): boolean {
	let k = bFirst;
	while (k < w.openTok && tokens[k].type === 'tabCRLF') k++;
	return k === w.openTok;
}

/** The last sentence of a paragraph that ends with a colon ("Peskov told reporters:"), as a token range; null otherwise. */
function lastSentenceOf(tokens: readonly Token[], [first, last]: readonly [number, number]): [number, number] | null {
	let end = last;
	while (end > first && tokens[end].type === 'tabCRLF') end--;
	if (tokens[end]?.value !== ':') return null;
	let start = end;
	while (start > first && end - start < FRAME_TOKENS && !isTerminal(tokens[start - 1])) start--;
	return [start, end];
}

/**
 * Whether reported speech comes just before a quote that has no cue of its own: it ends the sentence before
 * ("Ruiz says she has been robbed six times. “They walk in …”"), or sits in the paragraph before one the quote opens.
 */
function isReportedBefore(ctx: AnalysisContext, x: IndirectWork, w: Work): boolean {
	if (x.item.end <= w.q.markStart && REPORTED_THEN_QUOTE.test(ctx.text.slice(x.item.end, w.q.markStart))) return true;
	if (w.q.block === 0 || ctx.text.slice(ctx.scored[w.q.block].start, w.q.markStart).trim() !== '') return false;
	const prev = ctx.scored[w.q.block - 1];
	return x.item.start >= prev.start && x.item.start < prev.end;
}

// Only the clause's full stop (and maybe a closing mark) between the clause and the quote's opening mark.
const REPORTED_THEN_QUOTE = /^[”’"']?[.!?…][”’"']?\s+$/;
const OBJECT_PRONOUN = /^(?:us|me|him|her|them|you)$/i;

function isWholeBlock(w: Work, [bFirst, bLast]: readonly [number, number]): boolean {
	return w.openTok <= bFirst && w.afterTok > bLast;
}

/** The named subject opening a paragraph ("Kremlin spokesman Dmitry Peskov made …"), if any. */
function nextSubject(text: string, tokens: readonly Token[], [first, last]: readonly [number, number]): ParsedPhrase | null {
	let verb = first;
	while (verb <= last && verb - first < 16 && tokens[verb].pos !== 'VERB') verb++;
	if (verb > last || tokens[verb].pos !== 'VERB' || isQuoteMarkToken(tokens[first])) return null;
	const subject = sentenceSubject(tokens, first, verb);
	if (!subject) return null;
	const parsed = parsePhrase(text, tokens, subject);
	return parsed.kind === 'person' || parsed.kind === 'organisation' ? parsed : null;
}

/** Short, verbless, not a sentence of its own: "a “special military operation”", "no ‘forbidden’ areas". */
function isScareLike(tokens: readonly Token[], w: Work, bFirst: number, bLast: number): boolean {
	if (w.item.words > MAX_SCARE_WORDS || w.item.words === 0) return false;
	// A quote that is its whole paragraph is someone's words, however short.
	if (w.openTok <= bFirst && w.afterTok > bLast) return false;
	const end = w.afterTok - 1;
	for (let i = w.openTok + 1; i < end && i < tokens.length; i++) {
		const t = tokens[i];
		if (t.pos === 'VERB' || t.pos === 'AUX') return false;
		if (t.pos === 'PRON' && /^(?:i|we|you|me|us|my|our)$/i.test(t.value)) return false;
		if (/^[!?]$/.test(t.value)) return false;
	}
	return true;
}

/** Whether quote `w` carries on from `prev`: the next piece of an unclosed quote, a later quote in the same paragraph, or a paragraph that opens with a quote. */
function continues(text: string, prev: Work, w: Work, scored: AnalysisContext['scored']): boolean {
	if (prev.q.block === w.q.block) return true;
	if (prev.q.block !== w.q.block - 1) return false;
	return text.slice(scored[w.q.block].start, w.q.markStart).trim() === '';
}

function setSpeaker(item: Quote | IndirectQuote, r: Resolved): void {
	item.speaker = r.speaker;
	item.actorId = r.actorId;
	item.named = r.named;
	item.role = r.role;
	item.group = r.group;
	item.speakerKind = r.kind;
}

function copySpeaker(item: Quote, from: Quote): void {
	setSpeaker(item, resolvedOf(from));
	item.speakerSpan = from.speakerSpan;
}

function resolvedOf(item: Quote | IndirectQuote): Resolved {
	return { speaker: item.speaker, actorId: item.actorId, named: item.named, role: item.role, group: item.group, kind: item.speakerKind ?? 'unknown' };
}

/** A verb under a modal or a negation ("would not comment", "will respond"): said of the future or of nothing. */
function isHypothetical(tokens: readonly Token[], verb: number): boolean {
	for (let k = verb - 1; k >= 0 && verb - k <= 2; k--) {
		if (/^(?:would|will|could|can|may|might|should|must|not|never|n't|to)$/i.test(tokens[k].value)) return true;
		if (tokens[k].pos !== 'AUX' && tokens[k].pos !== 'ADV' && tokens[k].pos !== 'PART') return false;
	}
	return false;
}

/** The resolved indirect quote (among the first `resolved`) whose clause holds [start, end), with a speaker. */
function enclosingIndirect(indirect: readonly IndirectWork[], resolved: number, start: number, end: number): IndirectWork | null {
	for (let k = resolved - 1; k >= 0; k--) {
		const x = indirect[k].item;
		if (x.start <= start && end <= x.end && (x.speaker !== null || x.role !== null)) return indirect[k];
	}
	return null;
}

function backfillChains(outer: Work[]): void {
	const byId = new Map(outer.map((w) => [w.item.id, w.item] as const));
	for (let k = outer.length - 1; k >= 0; k--) {
		const item = outer[k].item;
		if (!item.continues) continue;
		const prev = byId.get(item.continues);
		// A piece that found no one ("none", or a continuation of nobody) takes the speaker a later piece names.
		const isUnattributed = (q: Quote) => q.attribution === 'none' || (q.speaker === null && q.role === null);
		if (prev && isUnattributed(prev) && !isUnattributed(item)) {
			copySpeaker(prev, item);
			prev.attribution = 'continuation';
		}
	}
}

/** The first piece of the multi-paragraph quote that `outer[k]` ends: earlier pieces are unclosed, one paragraph each. */
function chainStart(outer: readonly Work[], k: number): Work {
	let i = k;
	while (i > 0 && outer[i - 1].q.isUnclosed && outer[i - 1].q.block === outer[i].q.block - 1) i--;
	return outer[i];
}

/**
 * The first known person named in the paragraph before the cue: who "he"
 * means when the paragraph is about them. For "they", names joined in the
 * cue's sentence ("Putin and Xi vowed … what they said was").
 */
function topicOf(text: string, tokens: readonly Token[], registry: ActorRegistry, from: number, cue: number, quoted: readonly Span[], pronoun = 'he'): Resolved | null {
	if (pronoun === 'they' || pronoun === 'we') return jointTopicOf(text, tokens, registry, from, cue, quoted);
	if (pronoun === 'it') return bodyTopicOf(text, tokens, registry, from, cue, quoted);
	const lo = Math.max(from, cue - 120);
	// "Peskov said …. Medvedev, deputy chairman of the Security Council, was blunter. “…,” he wrote": the subject of
	// the sentence just before the quote, when it opens with a name, is who "he" is.
	const opening = cue > 0 ? tokens[cue - 1].sentence : -1;
	for (let i = cue - 1; i >= lo; i--) {
		const starts = i === 0 || tokens[i - 1].sentence !== tokens[i].sentence;
		if (!starts || tokens[i].sentence === opening || spanIndexAt(quoted, tokens[i].start) !== -1) continue;
		const hit = tokens[i].pos === 'PROPN' ? personNamedAt(text, tokens, registry, i, cue).person : null;
		if (hit) return hit;
		break;
	}
	for (let i = lo; i < cue; i++) {
		// Names inside quotes are what someone said, not who the paragraph is about.
		if (tokens[i].pos !== 'PROPN' || spanIndexAt(quoted, tokens[i].start) !== -1) continue;
		const { person, last } = personNamedAt(text, tokens, registry, i, cue);
		if (person) return person;
		i = last;
	}
	return null;
}

/**
 * "China’s Eastern Theater Command began drills … in what it called": a body
 * opening the cue's own sentence is what "it" there means.
 */
function bodyTopicOf(text: string, tokens: readonly Token[], registry: ActorRegistry, from: number, cue: number, quoted: readonly Span[]): Resolved | null {
	let s = cue;
	while (s > from && cue - s < 80 && tokens[s - 1].sentence === tokens[cue].sentence) s--;
	if (tokens[s].sentence !== tokens[cue].sentence || spanIndexAt(quoted, tokens[s].start) !== -1) return null;
	const phrase = phraseAfter(tokens, s, cue - 1);
	if (!phrase) return null;
	const parsed = parsePhrase(text, tokens, { first: phrase[0], last: phrase[1], appos: null });
	return parsed.kind === 'organisation' ? registry.resolve(parsed) : null;
}

/** The known person a run of up to four proper nouns from token `i` (before `end`) names, in full or by its last word. */
function personNamedAt(text: string, tokens: readonly Token[], registry: ActorRegistry, i: number, end: number): { person: Resolved | null; last: number } {
	let j = i;
	while (j + 1 < end && tokens[j + 1].pos === 'PROPN' && j - i < 3) j++;
	return { person: registry.personNamed(text.slice(tokens[i].start, tokens[j].end)) ?? registry.personNamed(tokens[j].value), last: j };
}

function jointTopicOf(text: string, tokens: readonly Token[], registry: ActorRegistry, from: number, cue: number, quoted: readonly Span[]): Resolved | null {
	const sentence = tokens[cue].sentence;
	let lo = cue;
	while (lo > from && cue - lo < 60 && tokens[lo - 1].sentence === sentence) lo--;
	for (let i = lo + 1; i < cue - 1; i++) {
		if (!/^(?:and|&)$/i.test(tokens[i].value) || tokens[i - 1].pos !== 'PROPN' || spanIndexAt(quoted, tokens[i].start) !== -1) continue;
		const left = phraseBefore(tokens, i - 1, lo);
		const right = phraseAfter(tokens, i + 1, cue - 1);
		if (!left || !right) continue;
		const parsed = parsePhrase(text, tokens, { first: left[0], last: right[1], appos: null });
		if (parsed.kind === 'joint') return registry.resolve(parsed);
	}
	return null;
}

// Capital then small letter ("Wang", not "US" or "the"): checked by char codes first, it runs on every PROPN.
const isNameWord = (w: string) => {
	const a = w.charCodeAt(0);
	const b = w.charCodeAt(1);
	if (a >= 65 && a <= 90 && b >= 97 && b <= 122) return true;
	// "Hạnh", "Łukasz", "Öztürk": a letter outside ASCII at either place.
	return (a > 127 || b > 127) && /^\p{Lu}\p{Ll}/u.test(w);
};

const ACRONYM_TOKEN = /^\p{Lu}[\p{Lu}\d&]{1,7}$/u;
const NAME_LINKER = /^(?:of|and|for|on|the|-)$/i;

/**
 * A small word inside a body's name at token `k`, read in direction `step` (1 forward, -1 back, not past `bound`):
 * "Armed Forces of the Philippines" has up to two of them before the next capitalised word.
 */
function isLinkerInName(tokens: readonly Token[], k: number, step: 1 | -1, bound: number): boolean {
	const within = (j: number) => (step === 1 ? j <= bound : j >= bound);
	if (!NAME_LINKER.test(tokens[k].value)) return false;
	const a = k + step;
	const b = k + 2 * step;
	return within(a) && (startsUpper(tokens[a].value) || (NAME_LINKER.test(tokens[a].value) && within(b) && startsUpper(tokens[b].value)));
}

/** A run of capitalised words ending at `end`, with "of", "and", "for" inside ("Joint Chiefs of Staff"); at least two words. */
function nameRunBefore(tokens: readonly Token[], end: number, lo: number): [number, number] | null {
	if (end < lo || !startsUpper(tokens[end].value)) return null;
	let start = end;
	while (start - 1 >= lo && end - start < 8) {
		const t = tokens[start - 1];
		if (startsUpper(t.value) && t.pos !== 'PUNCT') start--;
		else if (isLinkerInName(tokens, start - 1, -1, lo)) start--;
		else break;
	}
	while (start < end && !startsUpper(tokens[start].value)) start++;
	return end > start ? [start, end] : null;
}

/**
 * "Joint Chiefs of Staff" … "the JCS", "Inter-Services Public Relations" … "the ISPR": a run of capitalised
 * words from `i` defines the acronym of its initials (and of its hyphenated parts), unless one is defined.
 */
function defineInitials(text: string, tokens: readonly Token[], i: number, last: number, registry: ActorRegistry): void {
	// Only from the start of a run ("The" opening a sentence is no part of it).
	if (i > 0 && startsUpper(tokens[i - 1].value) && tokens[i - 1].pos !== 'PUNCT' && tokens[i - 1].pos !== 'DET') return;
	// Most runs are a person's two names; an acronym needs a body's name, which has a body word or a linker in it.
	const next = tokens[i + 1];
	if (!next || !(startsUpper(next.value) || NAME_LINKER.test(next.value))) return;
	let initials = '';
	let words = 0;
	let end = i;
	for (let k = i; k <= last && k - i < 10; k++) {
		const v = tokens[k].value;
		if (startsUpper(v) && tokens[k].pos !== 'PUNCT' && /^\p{L}/u.test(v)) {
			// "Inter-Services" as one token: each capitalised part gives its initial.
			initials += v.includes('-') ? v.split('-').map((p) => (startsUpper(p) ? p[0] : '')).join('') : v[0];
			words++;
			end = k;
		} else if (!isLinkerInName(tokens, k, 1, last)) break;
	}
	if (words >= 2 && words <= 8) registry.defineAcronym(initials.toUpperCase(), text.slice(tokens[i].start, tokens[end].end));
}

/** A hyphen at `k` touching a name syllable on both sides: "Jae-myung", "Ching-te", "Jens-Frederik". */
function isJoinedSyllable(tokens: readonly Token[], k: number): boolean {
	const [hyphen, next] = [tokens[k], tokens[k + 1]];
	return !!next && hyphen.value === '-' && tokens[k - 1].end === hyphen.start && next.start === hyphen.end && /^\p{L}{1,8}$/u.test(next.value);
}

/** Full names mentioned anywhere in the body ("Wang Yi discussed …"), so that a later "Wang said" resolves to them; acronyms they define. */
function harvestNames(text: string, tokens: readonly Token[], blockTokens: readonly (readonly [number, number])[], registry: ActorRegistry): void {
	for (const [first, last] of blockTokens) {
		for (let i = first; i <= last; i++) {
			// "the Joint Chiefs of Staff (JCS)": the acronym names the body from then on.
			if (tokens[i].value === '(' && i + 2 <= last && tokens[i + 2].value === ')' && ACRONYM_TOKEN.test(tokens[i + 1].value)) {
				const full = nameRunBefore(tokens, i - 1, first);
				if (full) registry.defineAcronym(tokens[i + 1].value, text.slice(tokens[full[0]].start, tokens[full[1]].end));
			}
			if (tokens[i].pos !== 'PROPN' || !isNameWord(tokens[i].value)) continue;
			let j = i;
			// "Luiz Inácio Lula da Silva": a lower-case particle between name words is part of the name.
			while (j + 1 <= last) {
				if (tokens[j + 1].pos === 'PROPN' && isNameWord(tokens[j + 1].value)) j++;
				else if (j + 2 <= last && NAME_PARTICLES.has(tokens[j + 1].value) && tokens[j + 2].pos === 'PROPN' && isNameWord(tokens[j + 2].value)) j += 2;
				// "Ahmed al-Sharaa"
				else if (j + 3 <= last && /^(?:al|el)$/i.test(tokens[j + 1].value) && tokens[j + 2].value === '-' && isNameWord(tokens[j + 3].value)) j += 3;
				// "Lee Jae-myung", "Lai Ching-te", "Jens-Frederik": a syllable joined by a hyphen, no spaces.
				else if (j + 2 <= last && isJoinedSyllable(tokens, j + 1)) j += 2;
				else break;
			}
			defineInitials(text, tokens, i, last, registry);
			if (j === i) continue;
			// The name starts after the run's leading role words and its last title: "US Trade Representative Jamieson
			// Greer" is Jamieson Greer ("South China Morning Post" keeps its nationality).
			let a = i;
			while (a <= j && isRoleWord(tokens[a].normal)) a++;
			for (let k = a + 1; k < j; k++) if (isTitleWord(tokens[k].normal)) a = k + 1;
			// Role words before the name, back to the phrase's start ("Ukraine's military intelligence chief Kyrylo Budanov").
			const roleWords: string[] = [];
			// A verb ends them: in "state media said Kim Jong Un had …", "media" is not Kim's role.
			const acronyms = new Set<string>();
			for (let k = a - 1; k >= first && a - k <= 6 && (tokens[k].isWord || tokens[k].pos === 'PART') && tokens[k].pos !== 'AUX' && !verbAt(tokens, k); k--) {
				roleWords.push(tokens[k].normal);
				if (ACRONYM_TOKEN.test(tokens[k].value)) acronyms.add(tokens[k].normal);
			}
			// "The French president, Emmanuel Macron,": the role before the comma is the name's.
			if (tokens[a - 1]?.value === ',' && a - 2 >= first && isRoleWord(tokens[a - 2].normal)) {
				const role = phraseBefore(tokens, a - 2, Math.max(first, a - 8));
				// Not past "to" or "in": "the Chinese ambassador to Russia" is Chinese.
				if (role) for (let k = role[0]; k <= role[1] && !/^(?:to|in|at)$/.test(tokens[k].normal); k++) roleWords.push(tokens[k].normal);
			}
			// Role words only ("Foreign Minister"), no name left.
			if (a > j) {
				i = j;
				continue;
			}
			const name = text.slice(tokens[a].start, tokens[j].end);
			// "Maria Zakharova, the foreign ministry spokeswoman,": role words of an apposition after the name.
			if (tokens[j + 1]?.value === ',' && j + 2 <= last) {
				const appos = phraseAfter(tokens, j + 2, Math.min(last, j + 12));
				if (appos && /^[,.;]$/.test(tokens[appos[1] + 1]?.value ?? '.')) for (let k = appos[0]; k <= appos[1]; k++) roleWords.push(tokens[k].normal);
			}
			// "United States", "South Korea": places, not people.
			// "Kim Jong Un": a short word in mixed case is a name part, not the acronym ("UN") it spells.
			const isNamePart = !isRoleWord(tokens[j].normal) || (tokens[j].value.length <= 3 && tokens[j].value !== tokens[j].value.toUpperCase());
			// "in Khan Younis", "from Novi Sad": a place after a preposition is no person.
			const isPlace = /^(?:in|from|near|outside|into|across|toward|towards)$/i.test(tokens[a - 1]?.value ?? '');
			if (j - a >= 1 && j - a <= 4 && isNamePart && !isPlace && !WORDS.nationality.has(name.toLowerCase()))
				// Role words, and a body's acronym in the title ("IAEA Director General"): "the head of the IAEA" finds the name.
				registry.prepareName(name, roleWords.filter((w) => isRoleWord(w) || acronyms.has(w)));
			i = j;
		}
	}
}

/**
 * For "he said" with no speaker before it: people named before the cue,
 * nearest first, back to `from` ("Putin could not attend. … what he
 * called"), or described ones ("the Russian leader", resolved through the config).
 */
function earlierPeopleOf(text: string, tokens: readonly Token[], registry: ActorRegistry, from: number, cue: number, quoted: readonly Span[]): ParsedPhrase[] {
	const out: ParsedPhrase[] = [];
	let tries = 0;
	for (let i = cue - 1; i >= from && cue - i < 300 && tries < 8; i--) {
		const t = tokens[i];
		const isEnd = isNameWord(t.value) ? !isNameWord(tokens[i + 1]?.value ?? '') : WORDS.person.has(t.normal) && tokens[i + 1]?.pos !== 'PROPN';
		if (!isEnd || spanIndexAt(quoted, t.start) !== -1) continue;
		tries++;
		const phrase = phraseBefore(tokens, i, Math.max(from, i - 6));
		if (!phrase) continue;
		const parsed = parsePhrase(text, tokens, { first: phrase[0], last: phrase[1], appos: null });
		// A full name, or one the article or config knows: not "Thursday" or "Beijing".
		const isPerson = parsed.kind === 'person' && !!parsed.name && (parsed.name.includes(' ') || registry.personNamed(parsed.name) !== null);
		if (isPerson || (parsed.kind === 'description' && parsed.isDefinite)) out.push(parsed);
		i = phrase[0];
	}
	return out;
}

const QUANTIFIERS = new Set(['every', 'any', 'each', 'no', 'all', 'some', 'many', 'most', 'few']);

/** For "the statement": the nearest earlier phrase with the same head noun ("a lengthy joint statement"), within a few paragraphs. */
function antecedentOf(text: string, tokens: readonly Token[], parsed: ParsedPhrase): ParsedPhrase | null {
	if (parsed.kind !== 'description') return null;
	let lo = 0;
	let hi = tokens.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (tokens[mid].end <= parsed.span.start) lo = mid + 1;
		else hi = mid;
	}
	const from = lo - 1;
	let tries = 0;
	for (let k = from; k >= 0 && from - k < ANTECEDENT_TOKENS && tries < 3; k--) {
		const w = tokens[k].normal;
		if (w !== parsed.head && w !== parsed.head + 's') continue;
		tries++;
		const phrase = phraseBefore(tokens, k, Math.max(0, k - 8));
		if (!phrase) continue;
		const found = parsePhrase(text, tokens, { first: phrase[0], last: phrase[1], appos: null });
		if (found.kind !== 'description' && found.kind !== 'pronoun' && found.kind !== 'anonymous') return found;
		// "The Israeli military said in a statement …", "the ministry issued a statement …": the statement is its author's.
		if (WORDS.document.has(parsed.head)) {
			const author = authorOf(tokens, phrase[0]) ?? frontedAuthorOf(tokens, phrase);
			if (author) {
				const who = parsePhrase(text, tokens, author);
				if (who.kind !== 'pronoun' && who.kind !== 'anonymous') return who;
			}
		}
		if (found.kind !== 'anonymous') continue;
		// "every company that operates in Europe", "any statement": a quantified phrase refers to no one.
		if (QUANTIFIERS.has(tokens[phrase[0]].normal)) continue;
		return found;
	}
	return null;
}

/** "In a statement, the student organisers said …": the subject after a fronted "in <document>,". */
function frontedAuthorOf(tokens: readonly Token[], [first, last]: [number, number]): SpeakerPhrase | null {
	const opener = tokens[first - 1];
	const isFronted = opener && /^in$/i.test(opener.value) && (first - 1 === 0 || tokens[first - 2].sentence !== opener.sentence || opener.isLineStart);
	if (!isFronted || tokens[last + 1]?.value !== ',') return null;
	const subject = phraseAfter(tokens, last + 2, Math.min(tokens.length - 1, last + 12));
	return subject && verbAt(tokens, subject[1] + 1) ? { first: subject[0], last: subject[1], appos: null } : null;
}

const PUBLISHING = /^(?:issued|released|published|put out|posted)$/i;

/** The subject of "said in <document>" or "issued <document>" before the document phrase starting at `at`. */
function authorOf(tokens: readonly Token[], at: number): SpeakerPhrase | null {
	let verb = at - 1;
	if (/^in$/i.test(tokens[verb]?.value ?? '')) verb--;
	else if (!PUBLISHING.test(tokens[verb]?.value ?? '')) return null;
	if (verb < 0 || (!verbAt(tokens, verb) && !PUBLISHING.test(tokens[verb].value))) return null;
	return subjectBefore(tokens, verb, Math.max(0, verb - 20));
}

// ---------------------------------------------------------------- country context

type CountryCount = Map<string, { n: number; word: string }>;

/**
 * The country a government role without one belongs to ("foreign ministry
 * spokesman Lin Jian", "diplomats said"): the nearest mention of the same
 * body with a country ("the Chinese foreign ministry"), else the country the
 * paragraph mentions most, else with the paragraph before, else the article's.
 * Built on first need, in one pass over the body's tokens.
 */
function countryContext(ctx: AnalysisContext, blockTokens: readonly (readonly [number, number])[], registry: ActorRegistry, quoted: readonly Span[]): CountryOf {
	const tokens = ctx.doc.tokens;
	let perBlock: CountryCount[] | null = null;
	// The same counts with the words inside quotes, a last resort: "“China’s position is fair,” spokesman Lin Jian said."
	let withQuoted: CountryCount[] | null = null;
	// Body word ("ministry") → token index and country of each mention with one ("China's defence ministry").
	const bodies = new Map<string, { at: number; word: string }[]>();
	const build = (skipQuoted: boolean): CountryCount[] => {
		const counts: CountryCount[] = [];
		let q = skipQuoted ? 0 : quoted.length;
		for (const [first, last] of blockTokens) {
			const count: CountryCount = new Map();
			let recent: { at: number; word: string } | null = null;
			for (let i = first; i <= last; i++) {
				const t = tokens[i];
				// A speaker's own words name other countries ("This is how Russian services work"): they place no one.
				while (q < quoted.length && quoted[q].end <= t.start) q++;
				if (q < quoted.length && quoted[q].start <= t.start) continue;
				if (recent && i - recent.at <= 3 && isBody(t.normal)) {
					const list = bodies.get(t.normal) ?? [];
					list.push({ at: i, word: recent.word });
					bodies.set(t.normal, list);
				}
				// Countries are capitalised ("US", not the pronoun "us").
				if (!startsUpper(t.value)) continue;
				const pair = i < last && PAIR_STARTS.has(t.normal) ? `${t.normal} ${tokens[i + 1].normal}` : '';
				let word = pair && WORDS.nationality.has(pair) ? pair : t.normal;
				let group = registry.countryGroup(word);
				// "President Donald Trump", "Lagarde": a listed office-holder's name says whose affairs the paragraph is about.
				if (group === null && t.pos === 'PROPN') {
					const place = figureBySurname(t.normal)?.place;
					group = place ? registry.countryGroup(place) : null;
					if (group !== null && place) word = place;
				}
				if (group === null) continue;
				const weight = mentionWeight(tokens, i, pair ? i + 1 : i);
				const seen = count.get(group);
				if (seen) seen.n += weight;
				else count.set(group, { n: weight, word });
				recent = { at: i, word };
			}
			counts.push(count);
		}
		return counts;
	};
	return (parsed) => {
		perBlock ??= build(true);
		const at = tokenIndexAt(ctx.doc, parsed.span.start);
		for (const w of parsed.words) {
			const mentions = isBody(w) ? bodies.get(w) : undefined;
			if (!mentions) continue;
			// The nearest mention before the speaker, else the first after.
			let before: { at: number; word: string } | null = null;
			let after: { at: number; word: string } | null = null;
			for (const m of mentions) {
				if (m.at < at) before = m;
				else if (!after) after = m;
			}
			const best = before ?? after;
			if (best) return best.word;
		}
		const b = spanIndexAt(ctx.scored, parsed.span.start);
		if (b === -1) return null;
		const own = dominant([perBlock[b]]) ?? (b > 0 ? dominant([perBlock[b], perBlock[b - 1]]) : null);
		if (own) return own;
		withQuoted ??= build(false);
		return dominant([withQuoted[b]]) ?? dominant(perBlock);
	};
}

// A country as the object of these ("aid to Ukraine", "talks with Washington") is talked about, not speaking.
const OBJECT_PREPOSITIONS = new Set(['to', 'for', 'with', 'against', 'into', 'from', 'toward', 'towards', 'over', 'on', 'about', 'by']);

/**
 * How much a country mention at tokens [i, last] tells whose officials a
 * paragraph quotes: a nationality before a body or role ("Polish prosecutors",
 * "Poland's foreign minister") counts double; a country after a preposition
 * ("spying for Russia") counts half.
 */
function mentionWeight(tokens: readonly Token[], i: number, last: number): number {
	const next = tokens[last + 1];
	const after = next?.pos === 'PART' ? tokens[last + 2] : next;
	if (after && (isBody(after.normal) || isGovernmentWord(after.normal))) return 2;
	// "Russia’s Belgorod region": the country whose place it is, and so whose governor or mayor speaks.
	if (next?.pos === 'PART' && [2, 3, 4].some((k) => PLACE_NOUNS.has(tokens[last + k]?.normal ?? ''))) return 2;
	// "Ukrainian drones hit …": the attacker's country, seldom the one whose officials report it.
	if (after && ATTACK_NOUNS.has(after.normal)) return 0.5;
	const before = tokens[i - 1]?.pos === 'DET' ? tokens[i - 2] : tokens[i - 1];
	return before && OBJECT_PREPOSITIONS.has(before.normal) ? 0.5 : 1;
}

const PLACE_NOUNS = new Set(['region', 'province', 'oblast', 'city', 'town', 'village', 'district', 'county', 'state', 'territory', 'port', 'capital', 'border']);
const ATTACK_NOUNS = new Set(['drone', 'drones', 'missile', 'missiles', 'rocket', 'rockets', 'shell', 'shells', 'shelling', 'strike', 'strikes', 'airstrike', 'airstrikes', 'bomb', 'bombs', 'bombing', 'attack', 'attacks', 'artillery', 'warplanes', 'jets', 'bombers']);

// "south korea", "united states": first words of nationalities of two words, so other pairs are never built.
const PAIR_STARTS = new Set([...WORDS.nationality].filter((n) => n.includes(' ')).map((n) => n.split(' ')[0]));
// "ministry", "embassy", "army": bodies a country owns; "foreign" or "official" name none.
const BODIES = new Set([...WORDS.organisation].filter((w) => WORDS.government.has(w)));
const isBody = (w: string) => BODIES.has(w);

/** The country mentioned most in these counts, when one leads; null on a tie or none. */
function dominant(counts: readonly CountryCount[]): string | null {
	const total = new Map<string, { n: number; word: string }>();
	for (const count of counts) {
		for (const [group, c] of count) {
			const t = total.get(group);
			if (t) t.n += c.n;
			else total.set(group, { ...c });
		}
	}
	let best: { n: number; word: string } | null = null;
	let isTie = false;
	for (const c of total.values()) {
		if (!best || c.n > best.n) {
			best = c;
			isTie = false;
		} else if (c.n === best.n) isTie = true;
	}
	return best && !isTie ? best.word : null;
}

// ---------------------------------------------------------------- indirect speech

type IndirectWork = { item: IndirectQuote; cueTok: number; phrase: SpeakerPhrase | null; parsed: ParsedPhrase | null };

/**
 * Reported speech without marks: "Putin said the talks were warm", "according
 * to the ministry, …", "…, the official said". Clauses mostly inside quote
 * marks are direct speech and are left to the quote items.
 */
function findIndirect(ctx: AnalysisContext, marked: readonly MarkedQuote[], registry: ActorRegistry): IndirectWork[] {
	const { text, doc } = ctx;
	const tokens = doc.tokens;
	const out: IndirectWork[] = [];
	const outerQuotes = marked.filter((q) => q.depth === 0);
	const quoteSpans = outerQuotes.map((q) => ({ start: q.markStart, end: q.markEnd }));
	const isQuoted = (offset: number) => spanIndexAt(quoteSpans, offset) !== -1;

	for (const s of ctx.sentences) {
		// A headline's "Putin tells Xi he wants …" is the outlet's summary, not an attribution.
		const blockIndex = spanIndexAt(ctx.body, s.start);
		if (blockIndex !== -1 && ctx.body[blockIndex].kind === 'headline') continue;
		const first = tokenIndexAt(doc, s.start);
		const last = tokenIndexAt(doc, s.end) - 1;
		let taken = -1;
		let previous: SpeakerPhrase | null = null;
		for (let i = first; i <= last; i++) {
			const t = tokens[i];
			// Cues are verbs (wink may tag them as nouns or adjectives, see verbAt) or "according": the tag rules most tokens out before any look-up.
			const isCueTag = t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'NOUN' || t.pos === 'ADJ';
			if (i <= taken || ((!isCueTag || !VERBS.has(t.normal)) && t.normal !== 'according') || isQuoted(t.start)) continue;
			const cue = cueAt(tokens, i);
			if (!cue || (cue.verb && !cue.verb.isIndirect)) continue;
			const found = indirectAt(tokens, cue, first, last, isQuoted, previous);
			if (!found) continue;
			const clause = trimClause(tokens, found.clause[0], found.clause[1]);
			if (!clause) continue;
			const span = { start: tokens[clause[0]].start, end: tokens[clause[1]].end };
			const words = countWordsIn(doc, [span]);
			const quoted = quotedWordsIn(doc, span, quoteSpans);
			// A clause holding partial quotes is still reported speech; its quoted words count as direct speech only.
			if (words < 3) continue;
			const block = spanIndexAt(ctx.body, span.start);
			out.push({
				cueTok: cue.first,
				phrase: found.speaker,
				parsed: found.speaker ? parsePhrase(text, tokens, found.speaker) : null,
				item: {
					id: '',
					start: span.start,
					end: span.end,
					text: text.slice(span.start, span.end),
					...NO_SPEAKER,
					cue: text.slice(tokens[cue.first].start, tokens[cue.last].end),
					cueSpan: { start: tokens[cue.first].start, end: tokens[cue.last].end },
					words: words - quoted,
					block
				}
			});
			// "According to the Post, a statement said …": the inner cue is reported speech of its own.
			taken = cue.lemma === 'according to' && cue.first <= first + 1 ? cue.last : Math.max(clause[1], cue.last);
			previous = found.speaker;
		}
	}
	out.sort((a, b) => a.cueTok - b.cueTok);
	out.forEach((x, n) => {
		x.item.id = `i${n + 1}`;
		if (x.parsed) registry.prepare(x.parsed);
	});
	return out;
}

function indirectAt(
	tokens: readonly Token[],
	cue: Cue,
	first: number,
	last: number,
	isQuoted: (offset: number) => boolean,
	previous: SpeakerPhrase | null
): { speaker: SpeakerPhrase | null; clause: [number, number] } | null {
	if (cue.lemma === 'according to') {
		let comma = cue.last + 1;
		while (comma <= last && tokens[comma].value !== ',') comma++;
		const speaker = subjectAfter(tokens, cue.last + 1, Math.min(comma, last + 1) - 1);
		if (!speaker) return null;
		// "According to X, clause." or "Clause, according to X."
		if (cue.first === first || (cue.first === first + 1 && tokens[first].pos === 'PUNCT')) {
			return comma < last ? { speaker, clause: [comma + 1, last] } : null;
		}
		if (cue.first > first && tokens[cue.first - 1].value === ',' && !isQuoteMarkToken(tokens[first]) && !isQuoted(tokens[first].start)) {
			for (let k = first; k < cue.first; k++) if (cueAt(tokens, k)?.verb?.isIndirect) return null;
			return { speaker, clause: [first, cue.first - 2] };
		}
		return null;
	}
	// "…, Budanov said, adding that …": the participle's speaker is the sentence's last one.
	const isParticiple = /ing$/i.test(tokens[cue.first].value) && tokens[cue.first - 1]?.value === ',';
	const subject = isParticiple && previous ? previous : speakerOfCue(tokens, cue, first);
	if (!subject || !canSpeak(tokens, subject)) return null;
	const speaker = statementSource(tokens, subject, cue, last);
	// "It is believed that …": a passive cue names no speaker.
	if (cue.lemma !== 'quote' && tokens[cue.first - 1]?.pos === 'AUX' && tokens[cue.first - 1].lemma === 'be') return null;
	let c = cue.last + 1;
	if (cue.lemma === 'tell' && cue.last === cue.first) {
		// "told us his fences had been cut": an object pronoun is the whole object.
		const object = OBJECT_PRONOUN.test(tokens[c]?.value ?? '') ? ([c, c] as const) : phraseAfter(tokens, c, last);
		if (object) c = object[1] + 1;
	}
	// "said on Thursday that …", "said, according to Xinhua, that …": look ahead for the complementiser.
	let hasThat = false;
	for (let k = c; k <= Math.min(last, c + 12); k++) {
		if (/^that$/i.test(tokens[k].value)) {
			c = k + 1;
			hasThat = true;
			break;
		}
		// Another verb first ("said on Friday, adding that …"): that "that" is not ours.
		// "said in a video address that": wink's verb inside a prepositional phrase is its noun.
		const isNounInPhrase = tokens[k].pos === 'VERB' && tokens[c].pos === 'ADP' && /^(?:DET|ADJ|NOUN)$/.test(tokens[k - 1].pos) && /^that$/i.test(tokens[k + 1]?.value ?? '');
		if (isQuoteMarkToken(tokens[k]) || isTerminal(tokens[k]) || (tokens[k].pos === 'VERB' && tokens[k].normal !== 'according' && !isNounInPhrase)) break;
	}
	// Without "that", skip an adverbial first: "told Xi on Friday he was keen".
	if (!hasThat) c = skipAdverbial(tokens, c, last);
	if (c <= last && !isQuoted(tokens[c].start) && (hasThat ? startsClause(tokens, c, last) : isClauseStart(tokens, c, last))) return { speaker, clause: [c, clauseEnd(tokens, c, last)] };
	if (isParticiple) return null;
	// "Clause, X said." The subject follows a comma and ends the sentence; a quoted clause is direct speech.
	// "Clause, as Bloomberg reported": the same, with "as".
	let before = /^as$/i.test(tokens[speaker.first - 1]?.value ?? '') ? speaker.first - 2 : speaker.first - 1;
	// "…, two Polish officials said": a number or determiner the phrase left out.
	while (before > first && (tokens[before].pos === 'NUM' || tokens[before].pos === 'DET')) before--;
	// "In a statement, the Pentagon said": a fronted phrase with no verb is a setting, not a clause.
	if (before > first && tokens[before].value === ',' && sentenceEndsSoon(tokens, cue.last, last) && !isQuoteMarkToken(tokens[first]) && !isQuoted(tokens[first].start) && hasVerb(tokens, first, before - 1)) {
		// "Xi told the session that …, Xinhua reported": the clause reports someone else; the source only relays it.
		// That is a reporting verb with "that" after it, or with a name before it.
		for (let k = first; k < before; k++) {
			const isReporting = /^that$/i.test(tokens[k + 1]?.value ?? '') || (k > first && tokens[k - 1].pos === 'PROPN' && startsUpper(tokens[k - 1].value));
			if (isReporting && cueAt(tokens, k)?.verb?.isIndirect) return null;
		}
		return { speaker, clause: [first, before - 1] };
	}
	return null;
}

function hasVerb(tokens: readonly Token[], from: number, to: number): boolean {
	for (let k = from; k <= to; k++) if (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') return true;
	return false;
}

/** Skips "on Friday", "by video link", "after the talks" before a reported clause. */
function skipAdverbial(tokens: readonly Token[], c: number, last: number): number {
	let k = c;
	for (let n = 0; n < 2 && k <= last && tokens[k].pos === 'ADP'; n++) {
		const np = phraseAfter(tokens, k + 1, last);
		if (!np) break;
		k = np[1] + 1;
	}
	return k;
}

const SUBJECT_PRONOUN = /^(?:he|she|they|it|we|i|you|there|this|these|those)$/i;

/** A clause without "that": a subject (pronoun, or a noun phrase with up to two prepositional phrases) and then a verb. */
function isClauseStart(tokens: readonly Token[], c: number, last: number): boolean {
	let k = c;
	// "said at least eight people had been killed", "said more than 300 were detained": a bound before a number.
	const bound = /^(?:at (?:least|most)|more than|fewer than|less than|up to)$/i.test(`${tokens[k].value} ${tokens[k + 1]?.value ?? ''}`) ? 2 : 0;
	if (bound && tokens[k + bound]?.pos === 'NUM') k += bound;
	if (SUBJECT_PRONOUN.test(tokens[k].value)) k++;
	else {
		if (tokens[k].pos === 'PRON' && /^(?:his|her|its|their|our|my|your)$/i.test(tokens[k].value)) k++;
		const np = phraseAfter(tokens, k, last);
		if (!np) return false;
		k = np[1] + 1;
	}
	// "Europe and China shared", "he and Putin provided", "the message from Putin and Xi sent".
	for (let n = 0; n < 3 && k <= last && (tokens[k].pos === 'ADP' || /^and$/i.test(tokens[k].value)); n++) {
		const pp = phraseAfter(tokens, k + 1, last);
		if (!pp) break;
		k = pp[1] + 1;
	}
	// The verb may open a partial quote: "said Russia “recognizes Taiwan …”".
	while (k <= last && (tokens[k].pos === 'ADV' || isQuoteMarkToken(tokens[k]))) k++;
	return k <= last && (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX');
}

/** A reported clause ends at the sentence's end, or where a new clause is joined on: ", but …", "; …". */
function clauseEnd(tokens: readonly Token[], c: number, last: number): number {
	for (let k = c + 1; k < last; k++) {
		if (tokens[k].value === ';') return k - 1;
		if (tokens[k].value === ',' && /^(?:but|while|although|whereas|though)$/i.test(tokens[k + 1].value)) return k - 1;
		// "he was keen … and hailed …": a second past-tense verb belongs to the reporting sentence.
		if (/^and$/i.test(tokens[k].value) && tokens[k + 1].pos === 'VERB' && /ed$/i.test(tokens[k + 1].value)) return k - 1;
		// "…, a figure that could not be verified", "…, a move which …": the narrator's comment on the whole clause.
		if (tokens[k].value === ',' && isNarratorAside(tokens, k + 1, last)) return k - 1;
		// "…, Xinhua reported.", "…, as the agency reported": a source that relays the whole sentence is not in its clause.
		if (tokens[k].value === ',' && isTrailingSource(tokens, k + 1, last)) return k - 1;
	}
	return last;
}

/** "a figure that", "a move which", "the first such strike since": a noun phrase in apposition to the clause before. */
function isNarratorAside(tokens: readonly Token[], at: number, last: number): boolean {
	if (!/^(?:a|an|the)$/i.test(tokens[at]?.value ?? '')) return false;
	let k = at + 1;
	while (k <= last && k - at <= 3 && (tokens[k].pos === 'ADJ' || tokens[k].pos === 'NUM' || tokens[k].pos === 'ADV' || (tokens[k].pos === 'VERB' && /ed$/i.test(tokens[k].value)))) k++;
	if (k > last || tokens[k].pos !== 'NOUN') return false;
	const after = tokens[k + 1]?.value ?? '';
	// "the first claimed strike … in nearly four months": an ordinal or superlative makes it a comment too.
	const isRanked = /^(?:first|second|third|last|latest|largest|biggest|worst|highest|lowest)$/i.test(tokens[at + 1].value);
	return /^(?:that|which)$/i.test(after) || (isRanked && /^(?:in|since|of|on)$/i.test(after));
}

/** ", Xinhua reported" / ", as state media reported" from `at` to the sentence's end. */
function isTrailingSource(tokens: readonly Token[], at: number, last: number): boolean {
	const from = /^as$/i.test(tokens[at]?.value ?? '') ? at + 1 : at;
	const phrase = phraseAfter(tokens, from, Math.min(last, from + 8));
	if (!phrase) return false;
	const cue = cueAt(tokens, phrase[1] + 1);
	return !!cue && !cue.verb?.isWeak && sentenceEndsSoon(tokens, cue.last, last);
}

function startsClause(tokens: readonly Token[], c: number, last: number): boolean {
	const t = tokens[c];
	if (!/^(?:DET|PROPN|PRON|NOUN|ADJ|NUM)$/.test(t.pos)) return false;
	// "said in a statement", "told him": an object pronoun starts no clause.
	// A possessive does ("that his forces were fighting").
	if (t.pos === 'PRON' && !WORDS.pronoun.has(t.value.toLowerCase()) && !/^(?:there|this|that|these|those|his|her|its|their|our|my|your)$/i.test(t.value)) return false;
	// A clause has a verb, after its subject: "the “friendship” between them, saying …" is an object, not a clause.
	// Its subject may hold commas: "cases in Sudan, South Sudan and Chad had risen", "the ruling, over environmental violations, had been issued".
	for (let k = c; k <= Math.min(last, c + 25); k++) {
		if (tokens[k].value === ',' && (k > c + 12 || (tokens[k + 1]?.pos === 'VERB' && /ing$/i.test(tokens[k + 1].value)))) return false;
		if (isTerminal(tokens[k]) || tokens[k].value === ';') return false;
		if (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') return true;
	}
	return false;
}

/** The cue ends its clause: a full stop or a comma within a few words ("…, the ministry said on Wednesday, adding …"). */
function sentenceEndsSoon(tokens: readonly Token[], from: number, last: number): boolean {
	for (let k = from + 1; k <= last; k++) {
		if (isTerminal(tokens[k]) || tokens[k].value === ',' || tokens[k].value === ';') return true;
		// "…, the group said in a statement on Sunday after a video meeting.": adverbials only, no clause of their own.
		if (k - from > 14 || tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX' || tokens[k].pos === 'SCONJ' || isQuoteMarkToken(tokens[k])) return k - from <= 6 && tokens[k].pos !== 'SCONJ';
	}
	return true;
}

/** Drops leading/trailing punctuation and quote marks from a clause's token range. */
function trimClause(tokens: readonly Token[], a: number, b: number): [number, number] | null {
	while (a <= b && (tokens[a].pos === 'PUNCT' || tokens[a].type === 'tabCRLF') && !isQuoteMarkToken(tokens[a])) a++;
	while (b >= a && (tokens[b].pos === 'PUNCT' || tokens[b].type === 'tabCRLF') && !isQuoteMarkToken(tokens[b])) b--;
	return a <= b ? [a, b] : null;
}

function quotedWordsIn(doc: AnalysisContext['doc'], span: Span, quotes: readonly Span[]): number {
	let n = 0;
	let k = spanIndexAt(quotes, span.start);
	if (k === -1) {
		// The first quote starting inside the span.
		let lo = 0;
		let hi = quotes.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (quotes[mid].start < span.start) lo = mid + 1;
			else hi = mid;
		}
		k = lo;
	}
	for (; k < quotes.length && quotes[k].start < span.end; k++) {
		const q = { start: Math.max(quotes[k].start, span.start), end: Math.min(quotes[k].end, span.end) };
		n += countWordsIn(doc, [q]);
	}
	return n;
}

function resolveIndirect(
	ctx: AnalysisContext,
	x: IndirectWork,
	registry: ActorRegistry,
	blockTokens: readonly (readonly [number, number])[],
	quoted: readonly Span[],
	countryOf: CountryOf
): void {
	if (!x.parsed) return;
	let topic: Resolved | null = null;
	if (x.parsed.kind === 'pronoun' || describesOnePerson(x.parsed)) {
		const b = spanIndexAt(ctx.scored, x.item.start);
		if (b !== -1) topic = topicOf(ctx.text, ctx.doc.tokens, registry, blockTokens[b][0], x.cueTok, quoted, x.parsed.kind === 'pronoun' ? x.parsed.head : 'he');
	}
	const parsed = x.parsed;
	const b = Math.max(0, spanIndexAt(ctx.scored, x.item.start) - 2);
	const people = () => earlierPeopleOf(ctx.text, ctx.doc.tokens, registry, blockTokens[b]?.[0] ?? 0, x.cueTok, quoted);
	setSpeaker(x.item, registry.resolve(parsed, topic, () => antecedentOf(ctx.text, ctx.doc.tokens, parsed), countryOf, people));
	x.item.speakerSpan = { start: x.parsed.span.start, end: x.parsed.span.end };
}

// ---------------------------------------------------------------- metrics

/**
 * Totals over outermost speech quotes. `balance` is the Shannon entropy of
 * `wordsByGroup` divided by log k, where k is the number of groups in the
 * story's config (`other` included, since unplaced speakers are a voice too):
 * 0 when one group has every word, 1 only when every configured group has an
 * equal share. Null when the article has no speech quotes.
 */
function summarise(ctx: AnalysisContext, cfg: GroupConfig, items: Quote[], indirect: IndirectQuote[]): QuotesSection {
	const groups = groupInfos(cfg);
	const speech = items.filter((q) => q.kind === 'speech' && q.depth === 0);
	const wordsByGroup: Record<string, number> = {};
	const speakers = new Map<string, SpeakerTotal>();
	let quotedWords = 0;
	let anonymousWords = 0;
	for (const q of speech) {
		quotedWords += q.words;
		wordsByGroup[q.group] = (wordsByGroup[q.group] ?? 0) + q.words;
		if (!q.named) anonymousWords += q.words;
		const key = q.actorId ?? `~${q.role ?? ''}`;
		const s = speakers.get(key) ?? { actorId: q.actorId, name: q.speaker ?? q.role ?? 'unknown', named: q.named, group: q.group, quotes: 0, words: 0 };
		s.quotes++;
		s.words += q.words;
		speakers.set(key, s);
	}
	const shareByGroup: Record<string, number> = {};
	let entropy = 0;
	for (const [g, w] of Object.entries(wordsByGroup)) {
		const p = quotedWords > 0 ? w / quotedWords : 0;
		shareByGroup[g] = round(p);
		if (p > 0) entropy -= p * Math.log(p);
	}
	const k = groups.length;
	const balance = quotedWords === 0 ? null : k < 2 ? 0 : round(Math.min(1, entropy / Math.log(k)));
	const indirectByGroup: Record<string, number> = {};
	for (const x of indirect) indirectByGroup[x.group] = (indirectByGroup[x.group] ?? 0) + x.words;
	return {
		items,
		indirect,
		wordsByGroup,
		shareByGroup,
		balance,
		anonymousShare: quotedWords > 0 ? round(anonymousWords / quotedWords) : 0,
		quotedShare: ctx.wordCount > 0 ? round(quotedWords / ctx.wordCount) : 0,
		quotedWords,
		// Plain code-unit order: deterministic everywhere, and far cheaper than localeCompare.
		speakers: [...speakers.values()].sort((a, b) => b.words - a.words || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
		indirectByGroup,
		groups
	};
}
