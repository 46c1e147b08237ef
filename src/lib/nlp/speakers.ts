import { startsUpper } from './chars';
import type { Token } from './doc';
import { isBodyWord, NAME_PARTICLES, VERBS, WORDS, type VerbInfo } from './quote-data';
import type { Span } from './types';

/**
 * Attribution on wink tokens: reporting cues ("said", "told reporters",
 * "according to") and the speaker phrase they govern, in either order
 * ("X said", "said X"), with appositions ("CCTV, China's state broadcaster,
 * said") and relative clauses ("Xi, who …, said") skipped.
 */

/** A speaker phrase as written: token range plus the tokens of an apposition, if any. */
export type SpeakerPhrase = {
	/** Token index range [first, last] of the head phrase. */
	first: number;
	last: number;
	/** Apposition token range ("director of national intelligence"), or null. */
	appos: [number, number] | null;
	/** A relative clause or participle about the speaker ("who studies Russia at a Beijing think tank"): words for the group, not the role. */
	extra?: [number, number];
};

export type Cue = {
	/** Token range of the cue [first, last]. */
	first: number;
	last: number;
	/** Verb lemma, or the phrase ("according to"). */
	lemma: string;
	verb: VerbInfo | null;
	/** "KCNA quoted leader Kim Jong Un as saying": the person whose words are relayed, between the verb and "as". */
	relayed?: [number, number];
};

export type Attribution = { cue: Cue; speaker: SpeakerPhrase | null };

// wink's `normal` is the lower-cased value (with ’ kept): set lookups need no string work per token.
const lower = (t: Token) => t.normal;
const isTerminal = (t: Token) => t.pos === 'PUNCT' && /^[.!?]+$/.test(t.value) && t.value !== '...';
const QUOTE_MARKS = new Set('"\'“”‘’„‚«»‹›');
/** A token of quote marks only; by character, since it runs in most scanning loops. */
export const isQuoteMarkToken = (t: Token): boolean => {
	const v = t.value;
	for (let i = 0; i < v.length; i++) if (!QUOTE_MARKS.has(v[i])) return false;
	return v.length > 0;
};

// How far a cue may sit from a quote, and how long a speaker phrase may be, in tokens.
const AFTER_WINDOW = 14;
const BEFORE_WINDOW = 40;
const MAX_PHRASE = 14;

/** The reporting verb at token `i`, if any (a form in the lexicon, tagged as a verb). */
export function verbAt(tokens: readonly Token[], i: number): VerbInfo | null {
	const t = tokens[i];
	if (!t) return null;
	// wink sometimes tags a past tense with an object as an adjective: "…, branded the protesters “…”".
	// Or right after a quote, before a capitalised word: "“…,” fumed City Councilwoman X".
	const isAfterQuote = !!tokens[i - 1] && isQuoteMarkToken(tokens[i - 1]) && startsUpper(tokens[i + 1]?.value ?? '');
	const isTaggedAdj = t.pos === 'ADJ' && /ed$/.test(t.normal) && (/^(?:DET|PRON|PROPN)$/.test(tokens[i + 1]?.pos ?? '') || isAfterQuote);
	if (t.pos !== 'VERB' && t.pos !== 'AUX' && t.pos !== 'NOUN' && !isTaggedAdj) return null;
	// wink's `normal` is already lower case: no string work per token on the hot path.
	const info = VERBS.get(t.normal);
	if (!info) return null;
	// "the said agreement", "a report": nouns only count for unambiguous verb forms.
	if (t.pos === 'NOUN' && !/(?:ed|said|told|wrote)$/.test(t.normal)) return null;
	return info;
}

// Verbs that take a quote only right beside it ("vowed: “…”"); further off they are actions, not speech.
const WEAK_CATEGORIES = new Set(['weak', 'commissive', 'directive', 'question']);
const isWeakCue = (c: Cue) => !!c.verb && WEAK_CATEGORIES.has(c.verb.category);

// Verbs that name a thing with the speaker's words: "called the decision “a betrayal”", "described the strikes as “…”".
const NAMING = new Set(['call', 'describe', 'brand', 'label', 'dismiss', 'term', 'denounce', 'condemn', 'smear']);
const OBJECT_WORD = /^(?:it|them|him|her|this|that|these|those|us|me|as|a|an|the)$/i;

/** Tokens `from`..`to` are nouns, names and determiners, joined by "and" or commas: "Ethiopia and Eritrea", "the two sides". */
function isNounList(tokens: readonly Token[], from: number, to: number): boolean {
	for (let k = from; k <= to; k++) {
		const t = tokens[k];
		if (!(isNominal(t) || isPossessive(t) || t.pos === 'DET' || t.value === ',' || /^(?:and|both)$/i.test(t.value))) return false;
	}
	return true;
}

/** Tokens `from`..`to` are only the object of a naming verb ("the strikes as", "it", "Manila’s move a"), at most eight of them. */
function isObjectBridge(tokens: readonly Token[], from: number, to: number): boolean {
	if (to - from > 11 || /^(?:on|for|in|to|at)$/i.test(tokens[from].value)) return false;
	for (let k = from; k <= to; k++) {
		const t = tokens[k];
		// "the students leading months of anti-government protests": a participle or preposition after a noun stays in the object.
		const afterNoun = k > from && (tokens[k - 1].pos === 'NOUN' || tokens[k - 1].pos === 'PROPN');
		const isTail = (afterNoun && ((t.pos === 'VERB' && /(?:ing|ed)$/i.test(t.value)) || /^(?:of|in|from|at|on|with)$/i.test(t.value))) || t.value === '-';
		if (!(OBJECT_WORD.test(t.value) || isNominal(t) || isPossessive(t) || t.pos === 'DET' || isTail)) return false;
	}
	return true;
}

/**
 * "spokesperson He Yongqian": the Chinese family name He, not the pronoun. Only mid-sentence, after a role
 * word, and before another capitalised name word, where the pronoun cannot stand.
 */
export function isSurnameHe(tokens: readonly Token[], k: number): boolean {
	const t = tokens[k];
	if (t?.value !== 'He' || k === 0) return false;
	const before = tokens[k - 1];
	const after = tokens[k + 1];
	return before.sentence === t.sentence && !t.isLineStart && before.pos !== 'PUNCT' && !!after && after.pos === 'PROPN' && startsUpper(after.value);
}

/** A cue starting at token `i`: "according to" or a reporting verb, extended by "as saying", "reporters". */
export function cueAt(tokens: readonly Token[], i: number): Cue | null {
	const t = tokens[i];
	if (!t) return null;
	if (t.normal === 'according' && tokens[i + 1]?.normal === 'to') return { first: i, last: i + 1, lemma: 'according to', verb: null };
	const verb = verbAt(tokens, i);
	if (!verb) return null;
	// "so-called" marks a scare quote; it reports no one.
	if (verb.lemma === 'call' && tokens[i - 1]?.value === '-' && /^so$/i.test(tokens[i - 2]?.value ?? '')) return null;
	let last = i;
	const n1 = tokens[i + 1] ? lower(tokens[i + 1]) : '';
	const n2 = tokens[i + 2] ? lower(tokens[i + 2]) : '';
	// "was quoted as saying", "was cited by TASS as saying": the cue runs to the relayed verb.
	let relayed: [number, number] | undefined;
	if (verb.category === 'reported') {
		const isActive = lower(tokens[i + 1] ?? tokens[i]) !== 'by' && tokens[i - 1]?.lemma !== 'be';
		for (let k = i + 1; k <= i + RELAY_WINDOW && tokens[k + 1]; k++) {
			// "quoted Kim as saying", and in the active voice also "quoted him calling".
			const isAs = lower(tokens[k]) === 'as';
			const isParticiple = isActive && k > i + 1 && tokens[k].pos === 'VERB' && /ing$/i.test(tokens[k].value) && VERBS.has(lower(tokens[k]));
			if (!isAs && !isParticiple) {
				if (isTerminal(tokens[k]) || isQuoteMarkToken(tokens[k])) break;
				continue;
			}
			if (isAs && !VERBS.has(lower(tokens[k + 1]))) break;
			last = isAs ? k + 1 : k;
			// Active voice ("quoted Kim as saying"), not passive ("was quoted as saying", "cited by TASS as saying").
			if (isActive && k > i + 1) relayed = relayedObject(tokens, i + 1, k - 1) ?? undefined;
			break;
		}
	}
	else if (verb.lemma === 'tell' && /^(?:reporters|journalists|media)$/.test(n1)) last = i + 1;
	return relayed ? { first: i, last, lemma: verb.lemma, verb, relayed } : { first: i, last, lemma: verb.lemma, verb };
}

// How far "quoted … as saying" may reach: "cited a command spokesman, Senior Colonel Shi Yi, as saying".
const RELAY_WINDOW = 12;
const OBJECT_PRONOUNS = /^(?:him|her|them)$/i;
// First letters of the relaying verbs' forms ("quoted", "cited"): a test on one character before the verb look-up.
const RELAY_INITIALS = new Set([...VERBS].filter(([, v]) => v.category === 'reported').map(([form]) => form.charCodeAt(0)));

/**
 * The relaying cue ("was cited by TASS as saying", "quoted Kim as saying", "quoted him calling") that runs to the
 * verb at `cue`, when `cue` follows "as" or is a participle; for a participle, only one that names whom it relays.
 */
function relayEndingAt(tokens: readonly Token[], cue: number, lo: number): Cue | null {
	const isAs = lower(tokens[cue - 1] ?? tokens[cue]) === 'as';
	if (!isAs && !/ing$/i.test(tokens[cue].value)) return null;
	for (let k = cue - 2; k >= lo && cue - k <= RELAY_WINDOW + 1; k--) {
		if (!RELAY_INITIALS.has(tokens[k].normal.charCodeAt(0)) || verbAt(tokens, k)?.category !== 'reported') continue;
		const relay = cueAt(tokens, k)!;
		return isAs || (relay.relayed && relay.last === cue) ? relay : null;
	}
	return null;
}

/** Whose words a relaying verb passes on, from its object: a name, a pronoun, or an apposition naming the person. */
function relayedObject(tokens: readonly Token[], a: number, b: number): [number, number] | null {
	if (a === b && OBJECT_PRONOUNS.test(tokens[a].value)) return [a, a];
	// "a command spokesman, Senior Colonel Shi Yi,": the apposition names him.
	if (tokens[b].value === ',') {
		let comma = b - 1;
		while (comma > a && tokens[comma].value !== ',') comma--;
		const appos = comma > a ? phraseAfter(tokens, comma + 1, b - 1) : null;
		if (appos && appos[1] === b - 1) return appos;
		return null;
	}
	const object = phraseAfter(tokens, a, b);
	return object && object[1] === b ? object : null;
}

// Role and body words count whatever their tag: wink reads "state" in "state news agency" as a verb.
const isNominal = (t: Token) =>
	t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'NUM' || (t.pos === 'X' && startsUpper(t.value)) || (t.pos === 'VERB' && isTitleLike(t));
const isPossessive = (t: Token) => t.pos === 'PART' && /^['’]s?$|^['’]s$/i.test(t.value);
const isNameLinker = (t: Token) => /^(?:of|for|at|to|-)$/i.test(t.value) || NAME_PARTICLES.has(t.normal);
const isCap = (t: Token | undefined) => !!t && startsUpper(t.value);
const TEMPORAL = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|week|month|year|morning|evening|night|weekend|time)s?$/i;
const isTitleLike = (t: Token) => {
	const w = lower(t);
	// "Centers for …": a plural body word too.
	return WORDS.title.has(w) || WORDS.person.has(w) || WORDS.government.has(w) || isBodyWord(w) || WORDS.nationality.has(w);
};
const isDeterminer = (t: Token) => t.pos === 'DET' || WORDS.anonymous.has(lower(t));

/**
 * The noun phrase ending at token `end` (walking back no further than `lo`):
 * names, titles, roles, possessives ("Russia's top energy official"), "X of Y".
 */
export function phraseBefore(tokens: readonly Token[], end: number, lo: number): [number, number] | null {
	let i = end;
	if (i < lo) return null;
	if (tokens[i].pos === 'PRON' && WORDS.pronoun.has(lower(tokens[i]))) return [i, i];
	if (!isNominal(tokens[i])) return null;
	let first = i;
	while (i - 1 >= lo && end - (i - 1) < MAX_PHRASE) {
		const t = tokens[i - 1];
		// "André Corrêa do Lago", "Ursula von der Leyen": a small particle between name words.
		if (i - 2 >= lo && isParticleInName(tokens, i - 1)) {
			first = --i;
			continue;
		}
		// "Ahead of his visit Putin said": a plain noun before a name is not its title.
		if (isNominal(t) && startsUpper(tokens[i].value) && !startsUpper(t.value) && !isTitleLike(t)) break;
		if (isNominal(t) || isPossessive(t) || (t.pos === 'PUNCT' && t.value === '-')) first = --i;
		// "director of national intelligence", "ambassador to China"; not "Belov on Telegram".
		else if (isNameLinker(t) && i - 2 >= lo && isNominal(tokens[i - 2]) && (/^of$/i.test(t.value) || isTitleLike(tokens[i - 2]) || !isCap(tokens[i - 2]))) first = --i;
		// "Commission on Human Rights", "Committee on Foreign Affairs": "on" inside a body's name.
		else if (/^on$/i.test(t.value) && i - 2 >= lo && isCap(tokens[i]) && !TEMPORAL.test(tokens[i].value) && isCap(tokens[i - 2]) && WORDS.organisation.has(lower(tokens[i - 2]))) first = --i;
		// "the Red Cross": a capitalised word inside a name, whatever wink tagged it.
		else if (isCap(t) && isCap(tokens[i]) && ((t.pos !== 'PUNCT' && t.pos !== 'PRON' && t.pos !== 'DET') || isSurnameHe(tokens, i - 1))) first = --i;
		// "the Chinese Embassy in Washington", "officials in Brussels": a place after a body or role word.
		else if (/^in$/i.test(t.value) && i - 2 >= lo && startsUpper(tokens[i].value) && isTitleLike(tokens[i - 2])) first = --i;
		// "director of the Pentagon Intelligence Agency": a determiner after a linker is inside the phrase.
		else if (t.pos === 'DET' && i - 3 >= lo && isNameLinker(tokens[i - 2]) && isNominal(tokens[i - 3])) {
			i -= 2;
			first = i;
		} else if (isDeterminer(t)) {
			first = --i;
			break;
		} else break;
	}
	// A phrase cannot start with a linker or a possessive.
	while (first <= end && (isNameLinker(tokens[first]) || isPossessive(tokens[first]))) first++;
	return first <= end ? [first, end] : null;
}

/** The noun phrase starting at token `start` (walking forward no further than `hi`). */
export function phraseAfter(tokens: readonly Token[], start: number, hi: number): [number, number] | null {
	let i = start;
	if (i > hi || !tokens[i]) return null;
	if (tokens[i].pos === 'PRON' && WORDS.pronoun.has(lower(tokens[i]))) return [i, i];
	if (isDeterminer(tokens[i])) i++;
	let last = -1;
	while (i <= hi && tokens[i] && i - start < MAX_PHRASE) {
		const t = tokens[i];
		// "a state-run tabloid": the word after a hyphen belongs to the compound, whatever its tag.
		const afterName = last !== -1 && isCap(tokens[last]) && !isTitleLike(tokens[last]);
		// "Exiled opposition leader X": a participle opening the phrase modifies the noun after it.
		const isLeadingParticiple = last === -1 && t.pos === 'VERB' && /ed$/i.test(t.value) && !!tokens[i + 1] && isNominal(tokens[i + 1]) && tokens[i + 1].pos !== 'ADJ';
		if (isNominal(t) || isPossessive(t) || (t.pos === 'PUNCT' && t.value === '-') || (last !== -1 && tokens[i - 1].value === '-') || isLeadingParticiple) last = i++;
		else if (last !== -1 && isCap(t) && isCap(tokens[last]) && t.pos !== 'PUNCT') last = i++;
		else if (last !== -1 && isSurnameHe(tokens, i)) last = i++;
		// "André Corrêa do Lago", "Ursula von der Leyen": a small particle between name words.
		else if (last !== -1 && isParticleInName(tokens, i)) i++;
		else if (isNameLinker(t) && last !== -1 && (!afterName || /^of$/i.test(t.value)) && tokens[i + 1] && isNominal(tokens[i + 1])) i++;
		else if (isNameLinker(t) && last !== -1 && !afterName && tokens[i + 1]?.pos === 'DET' && tokens[i + 2] && isNominal(tokens[i + 2])) i += 2;
		else break;
	}
	return last === -1 ? null : [start, last];
}

/** A lower-case name particle at `k` between a capitalised word and a name word: "Corrêa do Lago", "von der Leyen". */
function isParticleInName(tokens: readonly Token[], k: number): boolean {
	if (!isParticle(tokens[k])) return false;
	let n = k + 1;
	if (isParticle(tokens[n])) n++;
	let p = k - 1;
	if (isParticle(tokens[p])) p--;
	return !!tokens[p] && isCap(tokens[p]) && tokens[p].pos !== 'PUNCT' && !!tokens[n] && tokens[n].pos === 'PROPN' && isCap(tokens[n]);
}

/** A lower-case name particle, by the value: wink's normal form of "da" is "the". */
const isParticle = (x: Token | undefined) => !!x && NAME_PARTICLES.has(x.value.toLowerCase()) && !startsUpper(x.value);

const isAnd = (t: Token | undefined) => !!t && /^(?:and|&)$/i.test(t.value);

/** "Putin and Xi": a name phrase extended back over "and" and the name before it. */
function jointBefore(tokens: readonly Token[], [first, last]: [number, number], lo: number): [number, number] {
	// "the Kremlin and the Foreign Ministry": the determiner belongs to the second name.
	const right = tokens[first].pos === 'DET' ? first + 1 : first;
	if (first - 2 < lo || !isAnd(tokens[first - 1]) || !isCap(tokens[right]) || !isCap(tokens[first - 2])) return [first, last];
	let before = phraseBefore(tokens, first - 2, lo);
	if (!before) return [first, last];
	// "Mali, Burkina Faso and Niger": names before it in a comma list.
	for (let n = 0; n < MAX_LIST && before[0] - 2 >= lo && tokens[before[0] - 1].value === ',' && isCap(tokens[before[0]]) && isCap(tokens[before[0] - 2]); n++) {
		const more = phraseBefore(tokens, before[0] - 2, lo);
		// "In Paris, Macron and Merz", "On Monday, France and Germany": an opening adverbial is no list member.
		if (!more || !isCap(tokens[more[0]]) || tokens[more[0] - 1]?.pos === 'ADP' || tokens[more[0]].pos === 'ADP' || TEMPORAL.test(tokens[more[1]].value)) break;
		before = more;
	}
	return [before[0], last];
}

// How many more comma-separated names a list of joint speakers may have.
const MAX_LIST = 4;

/** "Vladimir Putin and Xi Jinping vowed": a name phrase extended over "and" and the name after it. */
function jointAfter(tokens: readonly Token[], [first, last]: [number, number], hi: number): [number, number] {
	if (last + 2 > hi || !isAnd(tokens[last + 1]) || !isCap(tokens[last])) return [first, last];
	const right = tokens[last + 2].pos === 'DET' ? last + 3 : last + 2;
	if (!isCap(tokens[right])) return [first, last];
	const after = phraseAfter(tokens, last + 2, hi);
	return after && isCap(tokens[after[1]]) ? [first, after[1]] : [first, last];
}

/**
 * The subject of the cue at `cue` (token index), walking back to `lo`: skips
 * auxiliaries and adverbs ("has also said", "was quoted as saying"), relative
 * pronouns ("a statement that said"), relative clauses ("Xi, who …, said") and
 * keeps an apposition ("Avril Haines, director of national intelligence, told").
 */
export function subjectBefore(tokens: readonly Token[], cue: number, lo: number): SpeakerPhrase | null {
	// "was cited by TASS as saying": the subject is the relaying verb's; "KCNA quoted Kim as saying": the relayed person's.
	const relay = relayEndingAt(tokens, cue, lo);
	if (relay) return speakerOfCue(tokens, relay, lo);
	let i = cue - 1;
	// "the Kenya National Commission on Human Rights (KNCHR) said": an acronym in brackets after the name.
	if (tokens[i]?.value === ')' && tokens[i - 2]?.value === '(' && i - 3 >= lo) i -= 3;
	while (i >= lo && (tokens[i].pos === 'AUX' || tokens[i].pos === 'ADV' || /^(?:not|never|n't|also|then|later|once|again)$/i.test(tokens[i].value))) i--;
	if (i >= lo && /^(?:that|which|who)$/i.test(tokens[i].value)) i--;
	if (i < lo) return null;
	// "Merz spoke in German, before adding in English:": a participle after a conjunction has the sentence's subject.
	if (/ing$/i.test(tokens[cue].value) && /^(?:before|after|while|when|then)$/i.test(tokens[i].value)) return sentenceSubject(tokens, lo, cue);
	// "X told journalists, adding …": the participle's subject is the earlier cue's.
	if (tokens[i].value === ',' && /ing$/i.test(tokens[cue].value)) {
		for (let k = i - 1; k >= lo && i - k < 20; k--) {
			if (!verbAt(tokens, k)) continue;
			const earlier = subjectBefore(tokens, k, lo);
			if (earlier) return earlier;
			break;
		}
	}
	// "X hailed … and said", "X …, saying": the subject is the clause's.
	if (/^(?:and|but)$/i.test(tokens[i].value) || (tokens[i].value === ',' && /ing$/i.test(tokens[cue].value))) return sentenceSubject(tokens, lo, cue);
	if (tokens[i].value === ',') {
		// ", who …," or ", director of …,": find the comma that opens it.
		let j = i - 1;
		while (j >= lo && i - j <= 20 && tokens[j].value !== ',' && !isTerminal(tokens[j])) j--;
		if (j < lo || tokens[j].value !== ',') return null;
		const inner = tokens[j + 1];
		// "Olaf Richter, 54, a farmer, said": an age between commas belongs to the name before it.
		let beforeAge = tokens[j - 1]?.pos === 'NUM' && tokens[j - 2]?.value === ',' ? j - 2 : j;
		// "the Republican People’s Party (CHP), Özgür Özel, called": an acronym in brackets before the comma.
		if (tokens[beforeAge - 1]?.value === ')' && tokens[beforeAge - 3]?.value === '(') beforeAge -= 3;
		const head = phraseBefore(tokens, beforeAge - 1, lo);
		if (!head) return null;
		// ", who …," and ", speaking on condition of anonymity,": skipped, the head is the subject; its words may place it.
		// (", known as Hemedti,", ", born in Kherson,": an irregular participle too.)
		if (/^(?:who|which|whose)$/i.test(inner.value) || (inner.pos === 'VERB' && /(?:ing|ed|en|wn|rn)$/i.test(inner.value)))
			return { first: head[0], last: head[1], appos: null, extra: [j + 1, i - 1] };
		let appos = phraseAfter(tokens, j + 1, i - 1);
		// "director of the Carnegie Center in Berlin": a place after the apposition belongs to it.
		if (appos && appos[1] < i - 1 && /^(?:in|at)$/i.test(tokens[appos[1] + 1].value)) {
			const place = phraseAfter(tokens, appos[1] + 2, i - 1);
			if (place && place[1] === i - 1) appos = [appos[0], place[1]];
		}
		// "a senior figure in the ruling party": a noun phrase with its prepositional tail.
		if (appos && appos[1] < i - 1 && isNounTail(tokens, appos[1] + 1, i - 1)) appos = [appos[0], i - 1];
		// "Kim Yo Jong, vice department director of the Central Committee of the Workers’ Party of Korea, said": a
		// role noun opening a verbless stretch between the commas is an apposition, however long its name.
		if ((!appos || appos[1] !== i - 1) && isRoleApposition(tokens, j + 1, i - 1)) appos = [j + 1, i - 1];
		// "Bill Cassidy, a Louisiana Republican who chairs the Senate health committee, said": a relative clause ends the apposition.
		if (appos && appos[1] < i - 1 && /^(?:who|whose|which)$/i.test(tokens[appos[1] + 1].value)) return { first: head[0], last: head[1], appos, extra: [appos[1] + 1, i - 1] };
		// Only a full noun phrase between the commas counts as an apposition.
		if (!appos || appos[1] !== i - 1) return null;
		return { first: head[0], last: head[1], appos };
	}
	const head = phraseBefore(tokens, i, lo);
	if (!head) return null;
	// "two people familiar with the matter said", "a source close to the Kremlin said": the source is the head.
	const [adj, adp] = [tokens[head[0] - 2], tokens[head[0] - 1]];
	if (adp?.pos === 'ADP' && adj && (adj.pos === 'ADJ' || adj.pos === 'VERB') && head[0] - 3 >= lo) {
		const source = phraseBefore(tokens, head[0] - 3, lo);
		const noun = lower(tokens[source?.[1] ?? head[0]]);
		if (source && (WORDS.person.has(noun) || WORDS.person.has(noun.replace(/s$/, '')) || WORDS.collective.has(noun))) return { first: source[0], last: head[1], appos: null };
	}
	// "… issued after the visit in March said", "Xi has for his part emphasised": an object of a preposition is no subject.
	let k = head[0] - 1;
	while (k > lo && tokens[k].pos === 'PRON' && /^(?:his|her|its|their|our|my)$/i.test(tokens[k].value)) k--;
	// Only when the candidate is a time or a thing: "after the US warned" keeps "the US".
	if (k >= lo && tokens[k].pos === 'ADP' && (TEMPORAL.test(tokens[head[1]].value) || !isTitleLike(tokens[head[1]]) && !startsUpper(tokens[head[1]].value)))
		return sentenceSubject(tokens, lo, cue);
	const [first, last] = jointBefore(tokens, head, lo);
	return { first, last, appos: null };
}

/** A stretch with no verb that opens, after any determiner and modifiers, on a role word ("vice department director of …"), or on "one of". */
function isRoleApposition(tokens: readonly Token[], from: number, to: number): boolean {
	if (to - from > 20) return false;
	let hasRole = false;
	for (let k = from; k <= to; k++) {
		const t = tokens[k];
		// A possessive apostrophe ("the Workers’ Party") is no quote mark.
		const isApostrophe = /^['’]$/.test(t.value) && k > from && tokens[k - 1].end === t.start;
		if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON' || (isQuoteMarkToken(t) && !isApostrophe)) return false;
		if (k - from <= 3 && isTitleLike(t)) hasRole = true;
	}
	// "Tamsin Reid, 24, one of the four, said": one of a group already described.
	return hasRole || (tokens[from].normal === 'one' && tokens[from + 1]?.normal === 'of');
}

/** Who speaks through a cue: the relayed person ("quoted Kim as saying"), else the verb's subject. */
export function speakerOfCue(tokens: readonly Token[], cue: Cue, lo: number): SpeakerPhrase | null {
	return cue.relayed ? { first: cue.relayed[0], last: cue.relayed[1], appos: null } : subjectBefore(tokens, cue.first, lo);
}

/** The noun phrase that opens the clause from `lo`, after a leading adverbial ("In his opening comments, Putin …"). */
export function sentenceSubject(tokens: readonly Token[], lo: number, cue: number): SpeakerPhrase | null {
	// The frame may start after an earlier quote; the subject is at the sentence's start.
	let start = cue;
	const sentence = tokens[cue].sentence;
	while (start > 0 && cue - start < 80 && tokens[start - 1].sentence === sentence && !tokens[start].isLineStart && tokens[start - 1].type !== 'tabCRLF') start--;
	start = Math.min(start, lo);
	// "„Wir lassen …“, Merz told a forum, before adding": a quote opening the sentence is not its subject.
	if (start < cue && isQuoteMarkToken(tokens[start])) {
		let close = start + 1;
		while (close < cue && !isQuoteMarkToken(tokens[close])) close++;
		if (close < cue) start = close + 1;
	}
	while (start < cue && (tokens[start].pos === 'PUNCT' || isQuoteMarkToken(tokens[start]))) start++;
	start = afterDateline(tokens, start, cue);
	if (start < cue && /^(?:ADP|ADV|SCONJ)$/.test(tokens[start].pos)) {
		let k = start;
		while (k < cue && k - start < 10 && tokens[k].value !== ',') k++;
		if (k >= cue || tokens[k].value !== ',') return null;
		start = k + 1;
	}
	const found = phraseAfter(tokens, start, cue - 1);
	if (!found) return null;
	const head = jointAfter(tokens, found, cue - 1);
	// "The Chinese embassy in Berlin described …", "Vučić on Sunday called …": a place or a time after the subject is not a verb's object.
	let end = head[1];
	const where = /^(?:in|at)$/i.test(tokens[end + 1]?.value ?? '') ? phraseAfter(tokens, end + 2, cue - 1) : null;
	if (where && startsUpper(tokens[where[0]].value)) end = where[1];
	let v = end + 1;
	if (/^(?:on|last|this|earlier|later)$/i.test(tokens[v]?.value ?? '') && TEMPORAL.test(tokens[v + 1]?.value ?? '')) v += 2;
	if (v > end + 1 && v < cue && (tokens[v].pos === 'VERB' || tokens[v].pos === 'AUX' || tokens[v].pos === 'ADV')) return { first: head[0], last: end, appos: null };
	if (end > head[1] && (tokens[end + 1]?.pos === 'VERB' || tokens[end + 1]?.pos === 'AUX' || tokens[end + 1]?.pos === 'ADV')) return { first: head[0], last: end, appos: null };
	const next = tokens[head[1] + 1];
	// "Russia’s ambassador to the UN, Vassily Nebenzia, called … and said": the apposition names the subject.
	if (next?.value === ',') {
		const appos = phraseAfter(tokens, head[1] + 2, cue - 1);
		if (appos && tokens[appos[1] + 1]?.value === ',') return { first: head[0], last: head[1], appos };
	}
	if (next && (next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'ADV' || next.value === ',' || next.pos === 'CCONJ')) return { first: head[0], last: head[1], appos: null };
	// "The Chinese Embassy in Washington said": no verb between the phrase and the cue, so the phrase is its subject.
	for (let k = head[1] + 1; k < cue; k++) if (tokens[k].pos === 'VERB' || isTerminal(tokens[k])) return null;
	const place = phraseAfter(tokens, head[1] + 2, cue - 1);
	const last = /^(?:in|at|of)$/i.test(next?.value ?? '') && place && place[1] === cue - 1 ? place[1] : head[1];
	return { first: head[0], last, appos: null };
}

/**
 * "BEIJING (Reuters) — China's ministry …", "KYIV, Ukraine, Oct 10 —": a wire dateline (a place in capitals,
 * maybe a region, a date and an agency, then a dash) opens the story's first sentence; the subject comes after it.
 */
function afterDateline(tokens: readonly Token[], start: number, cue: number): number {
	let k = start;
	if (k >= cue || !/^\p{Lu}[\p{Lu}.'’-]+$/u.test(tokens[k].value)) return start;
	for (k++; k < cue && k - start < 12; k++) {
		const v = tokens[k].value;
		if (/^[—–-]$/.test(v) || v === '--') return k + 1;
		// "BEIJING, Oct 10 (Xinhua) —": a date may sit in it.
		if (!(v === ',' || v === '(' || v === ')' || v === '.' || startsUpper(v) || tokens[k].pos === 'NUM')) return start;
	}
	return start;
}

/** The speaker after an inverted cue ("said Wang Wenbin, the ministry's spokesman") or after "according to". */
export function subjectAfter(tokens: readonly Token[], start: number, hi: number): SpeakerPhrase | null {
	const found = phraseAfter(tokens, start, hi);
	if (!found) return null;
	const head = jointAfter(tokens, found, hi);
	let appos: [number, number] | null = null;
	const comma = head[1] + 1;
	// "a readout issued by the Chinese side": who issued a document places it.
	if (WORDS.document.has(lower(tokens[head[1]])) && /ed$/i.test(tokens[comma]?.value ?? '') && /^by$/i.test(tokens[comma + 1]?.value ?? '')) {
		const by = phraseAfter(tokens, comma + 2, hi);
		if (by) return { first: head[0], last: head[1], appos: null, extra: [comma, by[1]] };
	}
	if (comma <= hi && tokens[comma]?.value === ',') {
		const a = phraseAfter(tokens, comma + 1, hi);
		// "said Wang, the spokesman." An apposition ends the clause; a clause after a comma is not one.
		if (a && (a[1] === hi || /^[,.;]$/.test(tokens[a[1] + 1]?.value ?? '.') || hasRoleWord(tokens, a))) appos = a;
		// "said Chen Li, who studies Russia at a think tank": the clause is about the speaker; its words place them.
		else if (/^(?:who|whose)$/i.test(tokens[comma + 1]?.value ?? '')) {
			let end = comma + 1;
			while (end < hi && end - comma < 20 && tokens[end + 1].value !== ',' && !isTerminal(tokens[end + 1])) end++;
			return { first: head[0], last: head[1], appos: null, extra: [comma + 1, end] };
		}
	}
	return { first: head[0], last: head[1], appos };
}

/** Tokens `from`..`to` only extend a noun phrase: prepositions, determiners and nouns ("in the ruling party", "of the Civic Alliance"), no verb of its own. */
function isNounTail(tokens: readonly Token[], from: number, to: number): boolean {
	if (!/^(?:in|at|of|for|with|from|on|near|outside|inside|along|across|behind|under)$/i.test(tokens[from].value) || to - from > 8) return false;
	for (let k = from + 1; k <= to; k++) {
		const t = tokens[k];
		const ok = isNominal(t) || isPossessive(t) || t.pos === 'DET' || t.pos === 'ADP' || t.value === '-' || (t.pos === 'VERB' && /ing$/i.test(t.value) && tokens[k - 1].pos === 'DET');
		if (!ok) return false;
	}
	return true;
}

function hasRoleWord(tokens: readonly Token[], [a, b]: [number, number]): boolean {
	for (let k = a; k <= b; k++) if (WORDS.title.has(lower(tokens[k])) || WORDS.person.has(lower(tokens[k]))) return true;
	return false;
}

/** Token window of the quote's surroundings: what lies between it and the sentence's (or a neighbouring quote's) edge. */
export type Frame = {
	/** Token range before the opening mark (may be empty: lo > hi). */
	before: [number, number];
	/** Token range after the closing mark (may be empty). */
	after: [number, number];
};

/** Whether a phrase can report speech: a name, a pronoun, or a person or body noun ("the visit suggests" reports nothing). */
export function canSpeak(tokens: readonly Token[], phrase: SpeakerPhrase): boolean {
	for (let k = phrase.first; k <= phrase.last; k++) {
		const t = tokens[k];
		if (t.pos === 'PROPN' || t.pos === 'PRON' || (k > phrase.first && startsUpper(t.value))) return true;
		const w = t.normal;
		const singular = w.replace(/ies$/, 'y').replace(/s$/, '');
		if ([w, singular].some((x) => WORDS.person.has(x) || WORDS.organisation.has(x) || WORDS.government.has(x))) return true;
	}
	return false;
}

// Words after a quote that open a clause of its own, so a cue beyond them is not the quote's:
// "“…” after border guards reported", "“…” — a smear the ministry said was …".
const CLAUSE_OPENERS = new Set(['after', 'before', 'while', 'when', 'because', 'since', 'until', 'although', 'though', 'whereas', '—', '–']);

/** Finds the cue and speaker for a quote, given its frame. `isSentenceEnd` tells whether the quote ends its sentence. */
export function attribute(tokens: readonly Token[], frame: Frame): Attribution | null {
	const [aLo, aHi] = frame.after;
	const [bLo, bHi] = frame.before;
	let fallback: Attribution | null = null;
	// `"…," X said` and `"…," said X`: a cue soon after the quote wins.
	const afterLimit = Math.min(aHi, aLo + AFTER_WINDOW);
	for (let i = aLo; i <= afterLimit; i++) {
		// "“…” on Tuesday, while officials said": a new clause has its own speaker.
		// "“…,” Putin and Xi said": an "and" between two names joins them, it starts no clause.
		// "… “weaponising migrants” after border guards reported …": wink may tag the conjunction as a preposition.
		if (CLAUSE_OPENERS.has(tokens[i].normal)) break;
		if (i > aLo && (tokens[i].pos === 'SCONJ' || tokens[i].pos === 'CCONJ') && !/^(?:that)$/i.test(tokens[i].value) && !(isAnd(tokens[i]) && isCap(tokens[i - 1]) && isCap(tokens[i + 1]))) break;
		const cue = cueAt(tokens, i);
		if (!cue) continue;
		if (isWeakCue(cue) && i - aLo > 3) continue;
		if (cue.lemma === 'according to') {
			// "Xi told Putin that … “…”, according to CCTV": the words are Xi's; CCTV is only the channel.
			fallback = { cue, speaker: subjectAfter(tokens, cue.last + 1, aHi) };
			break;
		}
		const subject = speakerOfCue(tokens, cue, aLo);
		if (subject) return { cue, speaker: statementSource(tokens, subject, cue, aHi) };
		// Nothing between the quote and the verb, or an aside before it ("“…”, a déclaré un porte-parole, said a diplomat"): the speaker follows.
		if (firstWord(tokens, aLo, i) === i || tokens[i - 1]?.value === ',') {
			const after = subjectAfter(tokens, cue.last + 1, aHi);
			// "…”, said the court was biased": a phrase with a verb after it opens the reported clause; it is no inverted speaker.
			const opensClause = !!after && !!tokens[after.last + 1] && (tokens[after.last + 1].pos === 'VERB' || tokens[after.last + 1].pos === 'AUX');
			// "…”, hailed the ruling": an object that cannot speak is no inverted speaker either.
			if (after && !opensClause && canSpeak(tokens, after)) return { cue, speaker: after };
			// "Sara Duterte, who has called the arrest a “kidnapping”, said …": the quote sits in an aside on the sentence's subject.
			const subject = tokens[i - 1]?.value === ',' && bHi >= bLo ? sentenceSubject(tokens, i, i) : null;
			if (subject && subject.last <= bHi && subject.first >= bLo) return { cue, speaker: subject };
			if (firstWord(tokens, aLo, i) === i) return { cue, speaker: null };
		}
		fallback = { cue, speaker: null };
		break;
	}
	// `X said: "…"` and `X said the talks were "…"`: the cue nearest the quote, before it.
	// "according to" yields to a verb with a subject: "Putin said, according to Xinhua, that …".
	let according: Attribution | null = null;
	for (let i = bHi; i >= Math.max(bLo, bHi - BEFORE_WINDOW); i--) {
		const cue = cueAt(tokens, i);
		if (!cue) continue;
		// "urged Ethiopia and Eritrea to “…”": an object and a linking word before the quote still tie it to the verb.
		const isLinkedObject = () => bHi - cue.last <= 10 && /^(?:to|of|against|over)$/i.test(tokens[bHi].value) && isNounList(tokens, cue.last + 1, bHi - 1);
		if (isWeakCue(cue) && bHi - cue.last > 2 && !(NAMING.has(cue.lemma) && isObjectBridge(tokens, cue.last + 1, bHi)) && !isLinkedObject()) continue;
		if (cue.lemma === 'according to') {
			let end = cue.last + 1;
			while (end <= bHi && tokens[end].value !== ',') end++;
			according ??= { cue, speaker: subjectAfter(tokens, cue.last + 1, end - 1) };
			continue;
		}
		const subject = speakerOfCue(tokens, cue, bLo);
		if (subject || (!according && !fallback)) return { cue, speaker: subject };
	}
	return according ?? fallback;
}

/** `"…," they said in a joint statement`: the statement speaks for the plural pronoun. */
export function statementSource(tokens: readonly Token[], subject: SpeakerPhrase, cue: Cue, hi: number): SpeakerPhrase {
	// "they said in a joint statement", "France, Germany and Britain said in a joint statement": the statement speaks for all.
	let isPlural = subject.first === subject.last && /^(?:they|we)$/i.test(tokens[subject.first].value);
	for (let k = subject.first; k <= subject.last && !isPlural; k++) isPlural = isAnd(tokens[k]);
	if (!isPlural || !/^in$/i.test(tokens[cue.last + 1]?.value ?? '')) return subject;
	const phrase = phraseAfter(tokens, cue.last + 2, hi);
	if (phrase && /^(?:statement|declaration|communiqu[eé]|readout|letter|post)$/i.test(tokens[phrase[1]].value)) return { first: phrase[0], last: phrase[1], appos: null };
	return subject;
}

function firstWord(tokens: readonly Token[], lo: number, hi: number): number {
	for (let i = lo; i <= hi; i++) if (tokens[i].isWord) return i;
	return -1;
}

/** `X: "…"`: the phrase right before a colon that introduces the quote. */
export function colonSpeaker(tokens: readonly Token[], frame: Frame): SpeakerPhrase | null {
	const [bLo, bHi] = frame.before;
	if (bHi < bLo || tokens[bHi].value !== ':') return null;
	const head = phraseBefore(tokens, bHi - 1, bLo);
	// The whole stretch before the colon must be the phrase, or it is a clause ("The aim is clear:").
	if (head && head[0] === bLo) return { first: head[0], last: head[1], appos: null };
	// "Sheinbaum, at her morning news conference:", "Zakharova on Telegram:": a name, then where or how it was said.
	const name = phraseAfter(tokens, bLo, bHi - 1);
	if (!name || !isCap(tokens[name[0]]) || !isSettingTail(tokens, name[1] + 1, bHi - 1)) return null;
	return { first: name[0], last: name[1], appos: null };
}

/** ", at her news conference", "in a post on X", "on state television": a setting with no verb, after a speaker's name. */
function isSettingTail(tokens: readonly Token[], from: number, to: number): boolean {
	if (from > to || to - from > 10) return false;
	let k = tokens[from].value === ',' ? from + 1 : from;
	if (k > to || !/^(?:at|in|on|to|during|after|before|via|from)$/i.test(tokens[k].value)) return false;
	for (k++; k <= to; k++) {
		const t = tokens[k];
		if (!(isNominal(t) || t.pos === 'DET' || t.pos === 'ADP' || isPossessive(t) || (t.pos === 'PRON' && /^(?:his|her|its|their)$/i.test(t.value)) || (t.value === ',' && k === to))) return false;
	}
	return true;
}

/** Offsets of a token range. */
export function spanOf(tokens: readonly Token[], first: number, last: number): Span {
	return { start: tokens[first].start, end: tokens[last].end };
}

export { isTerminal };
