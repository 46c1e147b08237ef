import type { Token } from './doc';
import { isSpaceUnit, startsUpper } from './chars';
import { isBodyWord, NAME_PARTICLES, WORDS, type GroupConfig } from './quote-data';
import type { SpeakerPhrase } from './speakers';
import type { SpeakerKind, Span } from './types';
import { bodyByAcronym, figureBySurname, figureNamed } from './gazetteer';

/**
 * Actor resolution: turns a speaker phrase into a person, an organisation, an
 * anonymous source or a pronoun; gives each actor one id per article (full
 * name, surname and "the Russian president" share it) and the same id across
 * a story (config alias → configured id, else a slug of the fullest name);
 * places it in a group (config actor, else the config's rules, else `other`).
 */

export type ParsedPhrase = {
	/** `joint`: several names speaking together ("Putin and Xi"), each in `members`. */
	kind: 'person' | 'organisation' | 'anonymous' | 'pronoun' | 'description' | 'joint';
	/** The name as written ("Wang Wenbin", "Chinese Foreign Ministry"), null without one. */
	name: string | null;
	/** Role words besides the name ("Foreign Ministry spokesperson"), null without any. */
	role: string | null;
	/** Lower-case words of the whole phrase (name, role, apposition), for rules. */
	words: string[];
	/** Lower-case head noun ("official", "statement"), for definite descriptions. */
	head: string;
	isDefinite: boolean;
	/** The phrase without its determiner, as written. */
	text: string;
	span: Span;
	/** The names of a `joint` phrase, parsed one by one. */
	members?: ParsedPhrase[];
};

export type Resolved = {
	speaker: string | null;
	actorId: string | null;
	named: boolean;
	role: string | null;
	group: string;
	kind: SpeakerKind;
};

/** The config's own rule for texts of several parties decides where a joint speaker goes ("Putin and Xi said"). */
const JOINT_WORDS = ['joint', 'statement'];
// How many words a `*` in a group rule term may stand for: "former * ambassador" matches "former US ambassador".
const MAX_GAP = 2;

// wink's `normal` is the lower-cased value (with ’ kept): set lookups need no string work per token.
const lower = (t: Token) => t.normal;
// Any capitalised word but a determiner or pronoun: wink tags "Cross" in "the Red Cross" as a verb.
const isCapitalised = (t: Token) => startsUpper(t.value) && t.pos !== 'PUNCT' && t.pos !== 'DET' && (t.pos !== 'PRON' || t.value === 'He');
const isPossessive = (t: Token | undefined) => !!t && t.pos === 'PART' && /^['’]s?$/i.test(t.value.replace(/s$/i, '')) && /['’]/.test(t.value);
/** A title, role, body or nationality word: part of a speaker's role, never of a name. */
// One set for the five a role word may come from: it is looked up for nearly every word of every speaker phrase.
const ROLE_WORDS: ReadonlySet<string> = new Set([...WORDS.title, ...WORDS.government, ...WORDS.organisation, ...WORDS.person, ...WORDS.nationality]);
export const isRoleWord = (w: string) => ROLE_WORDS.has(w);

/** A title or office word ("director", "councilwoman"), not a nationality or a body. */
export const isTitleWord = (w: string) => WORDS.title.has(w) || WORDS.person.has(w) || WORDS.government.has(w);

const PLAIN_WORD = /^[a-z0-9]+$/;
// First words of nationalities of several words ("burkina", "sri", "south"): only runs starting so can be one.
const NATIONALITY_STARTS: ReadonlySet<string> = new Set([...WORDS.nationality].filter((n) => n.includes(' ')).map((n) => n.split(' ')[0]));

/** Lower-case, apostrophes straightened, possessive split off: how terms and phrases are compared. */
export function normaliseWords(s: string): string[] {
	// Most calls get one plain lower-case token ("ministry"): no work for those.
	if (PLAIN_WORD.test(s)) return [s];
	const lower = s.toLowerCase();
	const out: string[] = [];
	let from = 0;
	// The word being built; it ends at a separator or at the end.
	let word = '';
	for (let i = 0; i < lower.length; i++) {
		const c = lower.charCodeAt(i);
		// "think-tank" and "think tank", "Secretary-General" and "secretary general" compare equal.
		if (c === COMMA || c === HYPHEN || c === HYPHEN_U || c === EN_DASH || isSpaceUnit(c)) {
			word += lower.slice(from, i);
			if (word) out.push(word);
			word = '';
			from = i + 1;
		} else if (c === APOSTROPHE || c === RIGHT_QUOTE || c === LEFT_QUOTE) {
			// "Putin's" → "putin", "'s": the possessive is a word of its own.
			if (lower.charCodeAt(i + 1) === S && !isAsciiWordUnit(lower.charCodeAt(i + 2))) {
				word += lower.slice(from, i);
				if (word) out.push(word);
				word = "'";
			} else word += lower.slice(from, i) + "'";
			from = i + 1;
		}
	}
	word += lower.slice(from);
	if (word) out.push(word);
	return out;
}

const [COMMA, HYPHEN, HYPHEN_U, EN_DASH, APOSTROPHE, RIGHT_QUOTE, LEFT_QUOTE, S] = [0x2c, 0x2d, 0x2010, 0x2013, 0x27, 0x2019, 0x2018, 0x73];

/** What `\w` matches (NaN past the end is not a word unit). */
function isAsciiWordUnit(c: number): boolean {
	return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

const PLAIN_NAME = /^[\x20-\x7e’]*$/;

/**
 * `fn` with its results kept: names recur within and across articles. The
 * cache is dropped whole when it reaches `limit` strings, so memory stays flat.
 */
function memoised(fn: (s: string) => string, limit = 20_000): (s: string) => string {
	const cache = new Map<string, string>();
	return (s) => {
		let out = cache.get(s);
		if (out === undefined) {
			out = fn(s);
			if (cache.size >= limit) cache.clear();
			cache.set(s, out);
		}
		return out;
	};
}

/** Deterministic actor id from a name: "Sergey Lavrov" → "sergey-lavrov". */
export const slugify = memoised((name: string): string => {
	// Most names are plain ASCII letters and spaces: no decomposition needed.
	if (PLAIN_NAME.test(name)) return name.toLowerCase().replace(/['’]s\b/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’]s\b/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
});

/** Splits a speaker phrase into name, role and kind. */
export function parsePhrase(text: string, tokens: readonly Token[], phrase: SpeakerPhrase): ParsedPhrase {
	const { first, last } = phrase;
	const span = { start: tokens[first].start, end: phrase.appos ? tokens[phrase.appos[1]].end : tokens[last].end };
	let start = first;
	let isDefinite = false;
	let isAnonymousDet = false;
	while (start <= last && (tokens[start].pos === 'DET' || WORDS.anonymous.has(lower(tokens[start])))) {
		const w = lower(tokens[start]);
		if (WORDS.definite.has(w)) isDefinite = true;
		if (WORDS.anonymous.has(w) && w !== 'senior') isAnonymousDet = true;
		if (w === 'senior' && !isAnonymousDet && !isDefinite) break;
		start++;
	}
	if (start > last) start = last;
	const words: string[] = [];
	for (let t = first; t <= last; t++) words.push(lower(tokens[t]));
	if (phrase.appos) for (let t = phrase.appos[0]; t <= phrase.appos[1]; t++) words.push(lower(tokens[t]));
	const headText = text.slice(tokens[start].start, tokens[last].end);
	const apposText = phrase.appos ? text.slice(tokens[phrase.appos[0]].start, tokens[phrase.appos[1]].end) : null;
	const head = lower(tokens[last]);
	// One shape for every result, built in place (spreading a shared base object was the hottest line here).
	const result = (kind: ParsedPhrase['kind'], name: string | null, role: string | null, own?: Partial<Pick<ParsedPhrase, 'head' | 'text' | 'members'>>): ParsedPhrase => ({
		kind,
		name,
		role,
		words,
		head: own?.head ?? head,
		isDefinite,
		text: own?.text ?? headText,
		span,
		members: own?.members
	});

	// "quoted him as saying": an object pronoun means whom its subject form would.
	if (first === last && tokens[first].pos === 'PRON') return result('pronoun', null, null, { head: OBJECT_TO_SUBJECT[head] ?? head });
	// "One, who asked not to be named, said": a number alone is one of a group the text described, never a name.
	if (first === last && (tokens[first].pos === 'NUM' || NUMBER_WORDS.has(head))) return result('anonymous', null, headText);
	// "a senior fellow at …": a relative clause or participle after the name ("Chen Li, who studies Russia at a think tank") places the speaker.
	if (phrase.extra) for (let t = phrase.extra[0]; t <= phrase.extra[1]; t++) words.push(lower(tokens[t]));
	const members = jointMembers(text, tokens, first, last);
	if (members) return result('joint', headText, null, { members });
	// "the UN refugee agency, UNHCR, said": an acronym in apposition is the body's name.
	if (phrase.appos && phrase.appos[0] === phrase.appos[1] && ACRONYM.test(tokens[phrase.appos[0]].value) && !WORDS.nationality.has(lower(tokens[phrase.appos[0]])))
		return result('organisation', tokens[phrase.appos[0]].value, headText, { text: tokens[phrase.appos[0]].value });
	// "according to UN estimates", "interior ministry data": figures speak for whoever compiled them.
	if (DATA_HEADS.has(head) && last > start && !phrase.appos) {
		const source = parsePhrase(text, tokens, { first: start, last: last - 1, appos: null });
		if (source.kind === 'organisation' || source.kind === 'description' || source.kind === 'anonymous') return source;
	}
	// "Russia's ambassador to China, Igor Morgulov, wrote": the apposition is the name, the head its role.
	// "Cambodia's defence ministry spokeswoman, Lieutenant General Maly Socheata,": titles before the name are role.
	if (phrase.appos) {
		let a = phrase.appos[0];
		const b = phrase.appos[1];
		while (a < b && (isTitleWord(lower(tokens[a])) || /\.$/.test(tokens[a].value))) a++;
		if (isBareName(tokens, a, b)) {
			const name = text.slice(tokens[a].start, tokens[b].end);
			const role = text.slice(tokens[start].start, tokens[last].end) + (a > phrase.appos[0] ? `, ${text.slice(tokens[phrase.appos[0]].start, tokens[a - 1].end)}` : '');
			return result('person', name, role, { text: name });
		}
	}

	// "a spokesperson for the Chinese embassy in Tokyo": a role noun before a linker is the head; what follows qualifies it.
	for (let t = start + 1; t < last; t++) {
		if (!/^(?:of|for|at|in|to|with|from)$/i.test(tokens[t].value)) continue;
		const before = tokens[t - 1];
		const w = lower(before);
		const singular = w.endsWith('s') ? w.slice(0, -1) : w;
		// "Analysts at Goldman Sachs said", "Villagers in Batken said": a plural role noun opening the sentence is capitalised only as its first word.
		// ("Secretary of State Marco Rubio" opens on a title, singular.)
		const isPlainNoun = !isCapitalised(before) || (t - 1 === start && ((w !== singular && WORDS.person.has(singular)) || WORDS.collective.has(w)));
		// "a spokesman for the DPRK Ministry of National Defence": an unnamed spokesperson of a named body speaks for it.
		if (SPOKESPERSON.has(w) && t - 1 === start + (isDefinite || tokens[start].pos === 'DET' ? 1 : 0) && /^(?:for|of)$/i.test(tokens[t].value) && !phrase.appos) {
			const body = parsePhrase(text, tokens, { first: t + 1, last, appos: null });
			// The whole phrase after the linker must be the body's name: "the US mission to the UN" is no "UN".
			const from = tokens[t + 1].pos === 'DET' ? t + 2 : t + 1;
			const isWhole = from <= last && body.name === text.slice(tokens[from].start, tokens[last].end);
			if (body.kind === 'organisation' && body.name && isWhole) return result('organisation', body.name, headText, { text: body.name });
		}
		// "Prosecutors in Cologne said": a prosecution service, named by its seat.
		if (OFFICE_PLURALS.has(w) && t - 1 === start && t + 1 === last && isCapitalised(tokens[last])) return result('organisation', headText, apposText);
		if (isPlainNoun && (WORDS.person.has(w) || WORDS.title.has(w) || WORDS.person.has(singular) || WORDS.collective.has(w))) {
			const role = apposText ? `${headText}, ${apposText}` : headText;
			return result(isDefinite ? 'description' : 'anonymous', null, role, { head: w });
		}
		break;
	}
	// The name is the last run of capitalised words that is not a possessor ("Russia's top official" has none).
	let runEnd = last;
	while (runEnd >= start && !isCapitalised(tokens[runEnd]) && !isHyphenTail(tokens, start, runEnd)) runEnd--;
	let runStart = runEnd;
	while (runStart - 1 >= start && (isCapitalised(tokens[runStart - 1]) || /^(?:of|for|in)$/i.test(tokens[runStart - 1].value) || NAME_PARTICLES.has(tokens[runStart - 1].value) || tokens[runStart - 1].value === '-')) runStart--;
	while (runStart < runEnd && !isCapitalised(tokens[runStart])) runStart++;
	// "Ministry of Industry and Trade", "Department of Trade and Industry": "and" joins the fields of one body.
	const joined = bodyBeforeAnd(tokens, start, runStart);
	if (joined !== -1) runStart = joined;
	const isName = runEnd >= start && runEnd === last && !isPossessive(tokens[runEnd + 1]);
	// "the US embassy in Moscow": a body named by its place, not a person called "Moscow".
	if (isName && runStart - 2 >= start && /^(?:in|at)$/i.test(tokens[runStart - 1].value) && WORDS.organisation.has(lower(tokens[runStart - 2])) && !WORDS.person.has(lower(tokens[runStart - 2])))
		return result('organisation', headText, apposText);
	// "Chinese Embassy in Washington", "Ministry of Defence": a body word followed only by its place or field.
	let body = -1;
	for (let t = runStart; t <= runEnd && isName; t++) if (isBodyWord(lower(tokens[t])) && t < runEnd && /^(?:of|in|for)$/i.test(tokens[t + 1].value)) body = t;
	if (body !== -1) return result('organisation', text.slice(tokens[runStart].start, tokens[runEnd].end), apposText);
	if (isName) {
		// Titles, roles and nationalities before the name are role ("Air Force Lt. Gen." Jeffrey Cruz).
		let nameStart = runStart;
		while (nameStart <= runEnd && (isRoleWord(lower(tokens[nameStart])) || /\.$/.test(tokens[nameStart].value) || /^(?:of|for|in|-)$/i.test(tokens[nameStart].value))) nameStart++;
		// "IAEA Director General Rafael Grossi", "City Councilwoman Vickie Paladino": words before the run's last
		// role word are role too; the name starts after it.
		// (Titles only: a nationality inside a run names a body, "South China Morning Post".)
		for (let t = nameStart + 1; t < runEnd; t++) if (isTitleWord(lower(tokens[t])) && !/^(?:of|for|in|-)$/i.test(tokens[t - 1].value)) nameStart = t + 1;
		const roleParts: string[] = [];
		if (nameStart > start) roleParts.push(text.slice(tokens[start].start, tokens[nameStart - 1].end));
		if (apposText) roleParts.push(apposText);
		const role = roleParts.length ? roleParts.join(', ') : null;
		const lastWord = lower(tokens[runEnd]);
		if (nameStart > runEnd && ((WORDS.person.has(lastWord) && !WORDS.organisation.has(lastWord)) || WORDS.collective.has(lastWord))) {
			// "Diplomats said", "Officials say": a capitalised role at a sentence's start is still anonymous.
			return result(isDefinite ? 'description' : 'anonymous', null, apposText ? `${headText}, ${apposText}` : headText);
		}
		// "Burkina Faso said", "Sri Lanka said": a country of two words speaks as its state.
		if (runEnd > runStart && NATIONALITY_STARTS.has(lower(tokens[runStart])) && WORDS.nationality.has(tokens.slice(runStart, runEnd + 1).map(lower).join(' ')))
			return result('organisation', text.slice(tokens[runStart].start, tokens[runEnd].end), apposText);
		// "Ukraine’s General Staff": some heads name a body only when capitalised ("hospital staff" are people).
		const isBodyHead = WORDS.organisation.has(lastWord) || CAPITALISED_BODY_HEADS.has(lastWord);
		if (nameStart > runEnd || isBodyHead) {
			// Every capitalised word is a role or body word: an organisation named by them ("Chinese Foreign Ministry").
			// "the US warned", "China says": a country speaking is its state.
			const isCountry = tokensAll(tokens, runStart, runEnd, (w) => WORDS.nationality.has(w));
			const orgStart = isCountry || isBodyHead || WORDS.government.has(lastWord) ? runStart : -1;
			if (orgStart !== -1) {
				const name = text.slice(tokens[orgStart].start, tokens[runEnd].end);
				return result('organisation', name, apposText);
			}
			return result(isDefinite ? 'description' : 'anonymous', null, headText);
		}
		const name = text.slice(tokens[nameStart].start, tokens[runEnd].end);
		return result('person', name, role);
	}
	const roleText = apposText ? `${headText}, ${apposText}` : headText;
	// "a Home Office spokesman said", "a State Department spokesperson": an unnamed spokesperson speaks on the
	// record for the body named before the role, which is no anonymous source. ("a Chinese spokesman" names no body.)
	if (SPOKESPERSON.has(head) && !isDefinite && runEnd === last - 1 && runStart >= start && !phrase.appos) {
		const body = text.slice(tokens[runStart].start, tokens[runEnd].end);
		if (!tokensAll(tokens, runStart, runEnd, (w) => WORDS.nationality.has(w) || WORDS.title.has(w))) return result('organisation', body, roleText, { text: body });
	}
	// "German federal prosecutors said": a prosecution service named by its country or seat speaks as a body.
	if (OFFICE_PLURALS.has(head) && !isDefinite && last > start && hasCapitalised(tokens, start, last - 1) && !phrase.appos) return result('organisation', headText, null);
	if (isDefinite) return result('description', null, roleText);
	// "a joint declaration", "a summit communiqué": a text signed by several parties is its own speaker, as the joint statement is.
	if (WORDS.document.has(head) && words.some((w) => w === 'joint' || w === 'summit')) return result('organisation', headText, apposText);
	// "Chinese defence authorities" speaks as a body; "a readout" or "a statement" leaves its author unnamed.
	const isIndefinite = tokens[first].pos === 'DET' && !isDefinite;
	if (WORDS.organisation.has(head) && !WORDS.person.has(head) && !WORDS.collective.has(head) && !isIndefinite)
		return result('organisation', headText, apposText);
	return result('anonymous', null, roleText);
}

/**
 * "Putin and Xi", "Russia and China", "the Kremlin and the Foreign Ministry":
 * two names joined by "and" speak together. Both sides must be names, so
 * "Foreign and Commonwealth Office" stays one body.
 */
function jointMembers(text: string, tokens: readonly Token[], first: number, last: number): ParsedPhrase[] | null {
	for (let t = first + 1; t < last; t++) {
		if (!/^(?:and|&)$/i.test(tokens[t].value)) continue;
		// "Ministry of Industry and Trade": the fields of one body.
		if (bodyBeforeAnd(tokens, first, t + 1) !== -1) return null;
		const right = tokens[t + 1].pos === 'DET' ? t + 2 : t + 1;
		if (right > last || !isCapitalised(tokens[t - 1]) || !isCapitalised(tokens[right])) return null;
		// "Commerce and Industry Minister Piyush Goyal": "and" inside a title, before a field word that names no one.
		if (t - 1 === first && isFieldOfTitle(tokens, first, right, last)) return null;
		// "Mali, Burkina Faso and Niger": the list before "and" is split at its commas.
		const members: ParsedPhrase[] = [];
		let from = first;
		for (let k = first; k < t; k++) {
			if (tokens[k].value !== ',') continue;
			if (k === from) return null;
			members.push(parsePhrase(text, tokens, { first: from, last: k - 1, appos: null }));
			from = k + 1;
		}
		if (from >= t) return null;
		members.push(parsePhrase(text, tokens, { first: from, last: t - 1, appos: null }));
		members.push(parsePhrase(text, tokens, { first: right, last, appos: null }));
		return members.every(isNamed) ? members : null;
	}
	return null;
}

/** A lone word before "and" that is no country or listed person, while a title follows "and": "Commerce and Industry Minister". */
function isFieldOfTitle(tokens: readonly Token[], left: number, right: number, last: number): boolean {
	const w = lower(tokens[left]);
	if (WORDS.nationality.has(w) || figureBySurname(w) || WORDS.organisation.has(w)) return false;
	for (let k = right; k <= last && k - right < 3; k++) if (isTitleWord(lower(tokens[k]))) return true;
	return false;
}

/** A definite description of one ("the minister"), not of a group ("the two officials"), a body or a spokesperson. */
function isDefiniteOne(p: ParsedPhrase): boolean {
	if (p.kind !== 'description' || !p.isDefinite || p.words.some((w) => NUMBER_WORDS.has(w) || WORDS.collective.has(w))) return false;
	return !p.head.endsWith('s') && !WORDS.organisation.has(p.head) && !SPOKESPERSON.has(p.head);
}

/**
 * "the 41-year-old", "the former French finance minister", "the SPD politician": one person, described by an age or
 * a role, who looks back to someone named. An office alone ("the mission commander") may be someone new: it needs "former".
 */
export function isPersonDescription(p: ParsedPhrase): boolean {
	if (p.kind === 'description' && p.isDefinite && p.head === 'old' && p.words.includes('year')) return !p.words.some((w) => NUMBER_WORDS.has(w) || WORDS.collective.has(w));
	if (!isDefiniteOne(p)) return false;
	if (p.words.includes('former')) return WORDS.person.has(p.head) || WORDS.title.has(p.head);
	return WORDS.person.has(p.head) && !WORDS.title.has(p.head);
}

/** "the diplomat", "the minister": one person named by an office, with the definite article. */
export function isOfficeDescription(p: ParsedPhrase): boolean {
	return isDefiniteOne(p) && (WORDS.title.has(p.head) || WORDS.person.has(p.head));
}

/** A description that may mean a person named in the paragraph, as "he" may: by an age, a role or an office. */
export const describesOnePerson = (p: ParsedPhrase) => isPersonDescription(p) || isOfficeDescription(p);

const isNamed = (p: ParsedPhrase) => (p.kind === 'person' || p.kind === 'organisation') && !!p.name;

/** A document head ("statement", "readout") makes the speaker a document, else the given kind. */
function kindOf(head: string, otherwise: SpeakerKind): SpeakerKind {
	return WORDS.document.has(head) ? 'document' : otherwise;
}

/** The sex a phrase's words mark ("spokeswoman", "Mr"), so "she" skips a spokesman. */
function sexOf(words: readonly string[]): 'f' | 'm' | null {
	for (const w of words) {
		if (WORDS.female.has(w)) return 'f';
		if (WORDS.male.has(w)) return 'm';
	}
	return null;
}

// "south korean", "united states": nationalities of several words, compared as runs, indexed by their first word.
let nationalityRuns: Map<string, string[][]> | null = null;

function multiWordNationalities(): Map<string, string[][]> {
	const runs = new Map<string, string[][]>();
	for (const n of WORDS.nationality) {
		if (!n.includes(' ')) continue;
		const run = n.split(' ');
		const list = runs.get(run[0]);
		if (list) list.push(run);
		else runs.set(run[0], [run]);
	}
	return runs;
}

/**
 * A government role with no country of its own ("foreign ministry spokesman
 * Lin Jian", "diplomats"): it takes the country from its context.
 */
/** A government role or body word, singular or plural ("ministry", "officials"). */
export function isGovernmentWord(w: string): boolean {
	return WORDS.government.has(w) || WORDS.government.has(w.replace(/s$/, ''));
}

function hasGovernmentWord(words: readonly string[]): boolean {
	for (const w of words) if (isGovernmentWord(w)) return true;
	return false;
}

export function needsCountry(words: readonly string[]): boolean {
	let hasGovernment = false;
	for (const w of words) {
		// "Taiwan's defence ministry", "the province's governor": a possessor is the role's own place.
		if (WORDS.nationality.has(w) || w === "'s" || w === '’s') return false;
		if (isGovernmentWord(w)) hasGovernment = true;
	}
	if (!hasGovernment) return false;
	nationalityRuns ??= multiWordNationalities();
	for (const w of words) for (const run of nationalityRuns.get(w) ?? []) if (containsRun(words, run)) return false;
	return true;
}

/**
 * The start of a body's name that runs on past "and" into the capitalised run
 * at `runStart`: "Ministry of Industry and Trade", "Centers for Disease Control
 * and Prevention" (a body word, then "of" or "for", then capitalised fields).
 * -1 when the words before the run are no such name.
 */
function bodyBeforeAnd(tokens: readonly Token[], start: number, runStart: number): number {
	const and = runStart - 1;
	if (and - 1 < start || !/^(?:and|&)$/i.test(tokens[and].value) || !isCapitalised(tokens[and - 1])) return -1;
	let k = and - 1;
	while (k - 1 >= start && isCapitalised(tokens[k - 1])) k--;
	// k is the first field; before it "of", and before that the body word with any capitalised words of its own.
	const body = k - 2 >= start ? lower(tokens[k - 2]) : '';
	if (!/^(?:of|for)$/.test(tokens[k - 1]?.normal ?? '') || !isBodyWord(body)) return -1;
	let from = k - 2;
	while (from - 1 >= start && isCapitalised(tokens[from - 1])) from--;
	return from;
}

/** "Lai Ching-te", "Moon Jae-in": a lower-case syllable after a hyphen, at `k`, ends a name. */
function isHyphenTail(tokens: readonly Token[], start: number, k: number): boolean {
	return k - 2 >= start && tokens[k - 1].value === '-' && isCapitalised(tokens[k - 2]) && /^\p{Ll}{1,6}$/u.test(tokens[k].value);
}

/** Two to four capitalised words, none of them a role: a person's name on its own ("Igor Morgulov"). */
function isBareName(tokens: readonly Token[], a: number, b: number): boolean {
	// "André Corrêa do Lago", "Jens-Frederik Nielsen", "Majed al-Ansari": particles and hyphens inside count for no word.
	let particles = 0;
	for (let t = a + 1; t < b; t++) if (isNameGlue(tokens, t)) particles++;
	if (b - a < 1 || b - a - particles > 3) return false;
	// "Israel Katz", "Jordan Bardella": a first name that is also a country, before a surname that is not a role word.
	const from = b > a && WORDS.nationality.has(lower(tokens[a])) && !isRoleWord(lower(tokens[b])) && !isPossessive(tokens[a + 1]) ? a + 1 : a;
	return tokensAll(tokens, from, b, (w) => !isRoleWord(w)) && (() => {
		for (let t = a; t <= b; t++) if (!isCapitalised(tokens[t]) && !(t > a && t < b && isNameGlue(tokens, t))) return false;
		return true;
	})();
}

/** A particle or a hyphen joining the words of a name ("do", "al" in "al-Ansari", "-" in "Jens-Frederik"). */
function isNameGlue(tokens: readonly Token[], t: number): boolean {
	const v = tokens[t].value;
	return NAME_PARTICLES.has(v) || (v === '-' && tokens[t - 1]?.end === tokens[t].start && tokens[t + 1]?.start === tokens[t].end);
}

function hasCapitalised(tokens: readonly Token[], a: number, b: number): boolean {
	for (let t = a; t <= b; t++) if (isCapitalised(tokens[t])) return true;
	return false;
}

function tokensAll(tokens: readonly Token[], a: number, b: number, test: (w: string) => boolean): boolean {
	for (let t = a; t <= b; t++) if (!test(lower(tokens[t]))) return false;
	return true;
}

type ConfigActor = NonNullable<GroupConfig['actors']>[number];

/** Finds which group a phrase's words belong to by the config's rules, in order. */
export class GroupRules {
	private readonly rules: { terms: string[][]; group: string; needsGovernment: boolean }[];
	private readonly groupIds: Set<string>;
	private readonly orgTerms: string[][];
	private readonly nationalityRules: string[][];

	constructor(config: GroupConfig) {
		this.groupIds = new Set(config.groups.map((g) => g.id));
		const rules = (Array.isArray(config.rules) ? config.rules : []).filter((r) => r && Array.isArray(r.terms) && typeof r.group === 'string');
		const terms = (r: (typeof rules)[number]) => r.terms.filter((t) => typeof t === 'string').map(normaliseWords);
		this.orgTerms = rules.filter((r) => r.type === 'organisation').flatMap(terms);
		this.nationalityRules = rules.filter((r) => r.type === 'nationality').flatMap(terms);
		this.rules = rules.map((r) => ({
			terms: terms(r),
			group: r.group,
			needsGovernment: r.needs === 'government'
		}));
	}

	private readonly memo = new Map<string, string>();

	/** Group id for a phrase's lower-case words, `other` when no rule matches. */
	groupOf(words: readonly string[]): string {
		const key = words.join(' ');
		const known = this.memo.get(key);
		if (known !== undefined) return known;
		// Bounded: a config lives as long as the process; its memo must not grow with every article.
		if (this.memo.size > 5000) this.memo.clear();
		const group = this.match(words);
		this.memo.set(key, group);
		return group;
	}

	private match(words: readonly string[]): string {
		const ws = withoutHostCountry(words.flatMap((w) => normaliseWords(w)));
		const content = ws.filter((w) => !WORDS.definite.has(w) && w !== "'s");
		// A country on its own ("China says") speaks as its government.
		const hasGovernment =
			ws.some(isGovernmentWord) ||
			(content.length > 0 && content.every((w) => WORDS.nationality.has(w)));
		for (const rule of this.rules) {
			if (rule.needsGovernment && !hasGovernment) continue;
			if (rule.terms.some((t) => containsRun(ws, t)) && this.groupIds.has(rule.group)) return rule.group;
		}
		return 'other';
	}

	/** Whether an organisation rule names this phrase ("CCTV", "Bloomberg"): a name that is an organisation, not a person. */
	isOrganisation(words: readonly string[]): boolean {
		const key = words.join(' ');
		const known = this.orgMemo.get(key);
		if (known !== undefined) return known;
		if (this.orgMemo.size > 5000) this.orgMemo.clear();
		const ws = words.flatMap((w) => normaliseWords(w));
		const isOrg = this.orgTerms.some((t) => containsRun(ws, t));
		this.orgMemo.set(key, isOrg);
		return isOrg;
	}

	private readonly orgMemo = new Map<string, boolean>();

	has(group: string): boolean {
		return this.groupIds.has(group);
	}

	/** Single-word terms of nationality rules ("kyiv", "prc"): country mentions beyond the role lexicon's. */
	get nationalityTerms(): ReadonlySet<string> {
		this.nationalityWords ??= new Set(this.nationalityRules.flatMap((t) => (t.length === 1 ? t : [])));
		return this.nationalityWords;
	}

	private nationalityWords: Set<string> | null = null;
}

/**
 * "the Chinese ambassador to Russia", "the US embassy in Moscow": the country
 * after "to" or "in" is where the role serves, not whose it is, when the
 * phrase names another country before it. Alone ("officials in Brussels") it stays.
 */
function withoutHostCountry(ws: string[]): string[] {
	let hasCountry = false;
	let kept: string[] | null = null;
	for (let i = 0; i < ws.length; i++) {
		const w = ws[i];
		if (WORDS.nationality.has(w)) {
			const before = ws[i - 1] === 'the' ? ws[i - 2] : ws[i - 1];
			if (hasCountry && (before === 'to' || before === 'in')) {
				kept ??= ws.slice(0, i);
				continue;
			}
			hasCountry = true;
		}
		kept?.push(w);
	}
	return kept ?? ws;
}

function containsRun(ws: readonly string[], term: readonly string[]): boolean {
	if (term.length === 0) return false;
	if (term.includes('*')) {
		for (let i = 0; i < ws.length; i++) if (runAt(ws, i, term, 0)) return true;
		return false;
	}
	// Gapless terms, nearly all of them: a plain scan, no recursion.
	outer: for (let i = 0; i + term.length <= ws.length; i++) {
		for (let k = 0; k < term.length; k++) {
			const w = ws[i + k];
			// Plural role words match their singular term ("analysts" ~ "analyst").
			if (w !== term[k] && !(k === term.length - 1 && w === term[k] + 's')) continue outer;
		}
		return true;
	}
	return false;
}

function runAt(ws: readonly string[], i: number, term: readonly string[], k: number): boolean {
	for (; k < term.length; k++, i++) {
		if (term[k] === '*') {
			for (let gap = 0; gap <= MAX_GAP; gap++) if (runAt(ws, i + gap, term, k + 1)) return true;
			return false;
		}
		const w = ws[i];
		// Plural role words match their singular term ("analysts" ~ "analyst").
		if (w === undefined || (w !== term[k] && !(k === term.length - 1 && w === term[k] + 's'))) return false;
	}
	return true;
}

// Pronouns and "the official" look this many speakers back: far enough for any article, and linear on huge inputs.
const HISTORY_WINDOW = 64;

type Known = Resolved & { words: string[]; head: string; isPerson: boolean; isPlural: boolean };

/** Where an article mentions countries: the country a government role without one belongs to ("foreign ministry spokesman Lin Jian"). */
export type CountryOf = (parsed: ParsedPhrase) => string | null;

/**
 * One article's actors. `prepare` every phrase first, so that a surname met
 * before the full name still resolves to the fullest form; then `resolve`
 * phrases in text order, so pronouns and "the official" find the right
 * earlier speaker.
 */
export class ActorRegistry {
	private readonly aliases: Map<string, ConfigActor>;
	private readonly fullNames = new Map<string, string>();
	private readonly actors = new Map<string, Known>();
	private readonly history: Known[] = [];
	private readonly rules: GroupRules;
	private readonly multiWordAliases: [string[], ConfigActor][];
	/** Every word of those aliases. */
	private readonly aliasWords: ReadonlySet<string>;
	/** Role words seen before a full name anywhere in the article ("German Chancellor" Olaf Scholz), for its group. */
	private readonly mentionWords = new Map<string, string[]>();

	constructor(config: GroupConfig) {
		const compiled = compile(config);
		this.rules = compiled.rules;
		this.aliases = compiled.aliases;
		this.multiWordAliases = compiled.multiWordAliases;
		this.aliasWords = compiled.aliasWords;
	}

	/** Registers a full person name seen in the article, so that its surname resolves to it. */
	prepare(parsed: ParsedPhrase): void {
		if (parsed.kind === 'person' && parsed.name) this.prepareName(parsed.name);
	}

	/** Registers a name mentioned anywhere in the article ("Wang Yi discussed …"), for later surname-only mentions. */
	prepareName(name: string, roleWords: readonly string[] = []): void {
		if (roleWords.length) {
			const key = aliasKey(name);
			this.mentionWords.set(key, [...(this.mentionWords.get(key) ?? []), ...roleWords]);
		}
		const parts = name.split(/\s+/);
		if (parts.length < 2) return;
		// Family names come last in "Sergey Lavrov" and first in "Wang Yi", in the middle in "Luiz Inácio Lula da Silva",
		// after an article in "Ahmed al-Sharaa": any part alone resolves to the full name (the fullest one wins).
		for (const part of parts) {
			if (part.length <= 2 || NAME_PARTICLES.has(part.toLowerCase())) continue;
			this.nameFor(part, name);
			const bare = part.indexOf('-') === -1 ? part : part.replace(/^(?:al|el|ad|ash|as)-/i, '');
			if (bare !== part) this.nameFor(bare, name);
		}
	}

	/** `part` alone names `name`, unless a fuller name already claims it. */
	private nameFor(part: string, name: string): void {
		const key = aliasKey(part);
		const known = this.fullNames.get(key);
		if (!known || known.length < name.length) this.fullNames.set(key, name);
	}

	private readonly acronyms = new Map<string, string>();

	/** "Joint Chiefs of Staff (JCS)": the acronym stands for the full name in this article. */
	defineAcronym(acronym: string, full: string): void {
		if (!this.acronyms.has(acronym)) this.acronyms.set(acronym, full);
	}

	/** The actor a phrase names, with group; pronouns and definite descriptions resolve to earlier speakers. */
	resolve(
		parsed: ParsedPhrase,
		topic: Resolved | null = null,
		antecedentOf: () => ParsedPhrase | null = () => null,
		countryOf: CountryOf | null = null,
		earlierPeople: () => ParsedPhrase[] = () => []
	): Resolved {
		if (parsed.kind === 'pronoun') return this.resolvePronoun(parsed.head, topic, earlierPeople);
		if (parsed.kind === 'joint') return this.remember(this.joint(parsed, countryOf), parsed);
		// An acronym the article defines means what it says there ("the AFP" after "Armed Forces of the Philippines (AFP)").
		const acronym = parsed.name ?? parsed.text;
		// Else one news uses without spelling it out ("the IDF said"), from the gazetteer, with words that place it.
		const listed = this.acronyms.has(acronym) ? null : bodyByAcronym(acronym);
		const expanded = this.acronyms.get(acronym) ?? listed?.name;
		if (expanded) parsed = { ...parsed, kind: 'organisation', name: expanded, text: expanded, words: [...parsed.words, ...normaliseWords(expanded), ...(listed?.words ?? [])] };
		const viaAlias = this.aliases.get(aliasKey(parsed.text)) ?? (parsed.name ? this.aliases.get(aliasKey(parsed.name)) : undefined);
		if (viaAlias && !this.isNamesake(parsed, viaAlias)) return this.remember(this.fromConfig(viaAlias, parsed), parsed);
		if (parsed.kind !== 'person') {
			// "a lengthy joint statement": a multi-word alias inside the phrase.
			const inside = this.aliasInside(parsed.words);
			if (inside) return this.remember(this.fromConfig(inside, parsed), parsed);
		}
		if (parsed.kind === 'description') {
			// "The two leaders", "both sides": a plural description is no single earlier speaker, but may be an earlier pair.
			if (parsed.words.some((w) => /^(?:two|three|both|several)$/.test(w))) return this.remember(this.plural(parsed, countryOf), parsed);
			const earlier = this.findDescribed(parsed) ?? this.bodyOfSpokesperson(parsed);
			if (earlier) return this.remember(earlier, parsed);
			// "the German chancellor", with "German Chancellor Karl Weber" mentioned earlier but not yet quoted.
			const mentioned = this.findMentioned(parsed);
			if (mentioned) return this.resolve({ ...parsed, kind: 'person', name: mentioned, text: mentioned, role: parsed.role }, null, undefined, countryOf);
			// "the 41-year-old said", "the SPD politician said": a person described by what the text did not call them
			// before is the person the paragraph is about, else the last person who spoke.
			if (isPersonDescription(parsed)) {
				const last = topic ? null : this.lastPerson();
				const person = topic ?? (last ? stripKnown(last) : null);
				if (person) return this.remember(person, parsed);
			}
			// "the diplomat said" right after Maria Zakharova spoke in the same paragraph: an office, when the paragraph's
			// person is also the last who spoke ("the mission commander" in a paragraph about no one is someone new).
			if (topic && isOfficeDescription(parsed) && this.lastPerson()?.actorId === topic.actorId) return this.remember(topic, parsed);
			// "the statement said", with "a lengthy joint statement" earlier in the text.
			const antecedent = antecedentOf();
			// "the statement said" after "the Israeli military said in a statement": its author, however described.
			if (antecedent && antecedent.kind !== 'pronoun' && (antecedent.kind !== 'description' || antecedent.head !== parsed.head))
				return this.resolve(antecedent, null, undefined, countryOf);
			// "Netanyahu's office said … “…,” the statement said": a statement with no author named is the body that just spoke.
			if (WORDS.document.has(parsed.head)) {
				const last = this.history[this.history.length - 1];
				if (last && isNamedBody(last)) return this.remember(stripKnown(last), parsed);
			}
			// "Maersk said … “…,” the company said": a generic body word is the body that spoke last.
			const body = GENERIC_BODIES.has(parsed.head) ? this.lastBody(COMMERCIAL_BODIES.has(parsed.head)) : null;
			if (body) return this.remember(body, parsed);
			// "the Centers for Disease Control and Prevention said … The agency said": an institution that spoke last.
			// Only a bare "the agency": "the French interior ministry" describes a body of its own.
			const isBare = parsed.words.every((w) => w === parsed.head || WORDS.definite.has(w));
			const institution = isBare && INSTITUTION_HEADS.has(parsed.head) ? this.lastInstitution() : null;
			if (institution) return this.remember(institution, parsed);
			const isOrg = WORDS.organisation.has(parsed.head) && !WORDS.person.has(parsed.head);
			// "the Chinese ministry's readout": an organisation is a speaker even when described.
			if (isOrg) return this.remember(this.organisation(parsed.text, parsed, countryOf), parsed);
			return this.remember(this.anonymous(parsed, countryOf), parsed);
		}
		// "the Bank said" after the Bank of England spoke: a body word alone, capitalised, is that body.
		const bare = parsed.kind === 'organisation' && parsed.name && !parsed.name.includes(' ') ? parsed.name.toLowerCase() : '';
		if (bare && WORDS.organisation.has(bare)) {
			const described = this.findDescribed({ ...parsed, kind: 'description', head: bare });
			if (described && !isPersonKind(described.kind)) return this.remember(described, parsed);
		}
		if (parsed.kind === 'anonymous') return this.remember(this.bodyOfSpokesperson(parsed) ?? this.anonymous(parsed, countryOf), parsed);
		const name = parsed.name ?? parsed.text;
		let full = name;
		if (parsed.kind === 'person' && !name.includes(' ')) full = this.fullNames.get(aliasKey(name)) ?? name;
		const configured = this.aliases.get(aliasKey(full));
		if (configured) return this.remember(this.fromConfig(configured, parsed), parsed);
		const id = slugify(full);
		const existing = this.actors.get(id);
		const group = this.placeFigure(full, parsed) ?? this.place([...parsed.words, ...normaliseWords(full), ...(this.mentionWords.get(aliasKey(full)) ?? []), ...figureWordsOf(full)], parsed, countryOf);
		if (existing) {
			if (existing.group === 'other' && group !== 'other') existing.group = group;
			if (!existing.role && parsed.role) existing.role = parsed.role;
			return this.remember({ ...existing, role: parsed.role ?? existing.role }, parsed);
		}
		const isOrg = parsed.kind === 'organisation' || /^[\p{Lu}\d]{2,}$/u.test(full) || this.rules.isOrganisation(normaliseWords(full)) || isLoneName(parsed, full);
		// "the JCS said": shown as "Joint Chiefs of Staff (JCS)", one actor with the full name.
		const speaker = expanded ? `${full} (${acronym})` : full;
		const resolved: Resolved = { speaker, actorId: id, named: true, role: parsed.role, group, kind: isOrg ? 'organisation' : 'person' };
		return this.remember(resolved, parsed);
	}

	/** "Novak" in an article that named "Petr Novak": the surname is his, not the listed Alexander Novak's. */
	private isNamesake(parsed: ParsedPhrase, actor: ConfigActor): boolean {
		const name = parsed.name ?? parsed.text;
		if (parsed.kind !== 'person' || name.includes(' ')) return false;
		const full = this.fullNames.get(aliasKey(name));
		return !!full && this.aliases.get(aliasKey(full)) !== actor;
	}

	private organisation(name: string, parsed: ParsedPhrase, countryOf: CountryOf | null): Resolved {
		const id = slugify(name);
		const existing = this.actors.get(id);
		if (existing) return stripKnown(existing);
		return { speaker: name, actorId: id, named: true, role: null, group: this.place(parsed.words, parsed, countryOf), kind: kindOf(parsed.head, 'organisation') };
	}

	/**
	 * A listed office-holder, named in full, speaks for the state or body the
	 * gazetteer gives, whatever else the phrase or paragraph names ("President
	 * Nicolás Maduro … accused Washington", "Maia Sandu, who has led the push to
	 * join the European Union"). A former one may speak as a commentator, so the
	 * phrase decides for them; so does a config actor, which is matched before.
	 */
	private placeFigure(full: string, parsed: ParsedPhrase): string | null {
		const figure = figureNamed(full);
		if (!figure?.place || parsed.words.includes('former')) return null;
		return this.rules.groupOf(LEADER_ROLES.has(figure.role) ? [...figure.words, 'leader'] : figure.words);
	}

	/** The group by the config's rules; a government role with no country takes its context's ("the ministry" in a paragraph about Beijing). */
	private place(words: readonly string[], parsed: ParsedPhrase, countryOf: CountryOf | null): string {
		const group = this.rules.groupOf(words);
		if (group !== 'other' || !hasGovernmentWord(parsed.words)) return group;
		// "a senior Biden administration official", "Putin's spokesman": a listed actor's name as modifier places the role.
		// The speaker's own name is no modifier: "Petr Novak, the party leader" is not Alexander Novak's.
		const own = new Set(parsed.name ? normaliseWords(parsed.name) : []);
		for (const w of parsed.words) {
			const actor = w.length > 2 && !own.has(w) ? this.aliases.get(w) : undefined;
			if (actor && actor.kind !== 'organisation' && this.rules.has(actor.group)) return actor.group;
			// "Erdoğan’s spokesman": a listed office-holder's name places the role by their country.
			const figure = w.length > 3 && !own.has(w) ? figureBySurname(w) : null;
			if (figure) {
				const placed = this.rules.groupOf([...words, ...figure.words]);
				if (placed !== 'other') return placed;
			}
		}
		if (!countryOf || !needsCountry(parsed.words)) return group;
		const country = countryOf(parsed);
		return country ? this.rules.groupOf([...words, country]) : group;
	}

	/**
	 * "Putin and Xi said": one joint actor, named by its members. Its group is
	 * theirs when they share one, else the config's group for joint texts.
	 * Its members are not speakers on their own, so "he" cannot pick one.
	 */
	private joint(parsed: ParsedPhrase, countryOf: CountryOf | null): Resolved {
		const mark = this.history.length;
		const members = (parsed.members ?? []).map((m) => this.resolve(m, null, undefined, countryOf));
		this.history.length = mark;
		const groups = new Set(members.map((m) => m.group));
		const group = groups.size === 1 ? members[0].group : this.rules.groupOf(JOINT_WORDS);
		const ids = members.map((m) => m.actorId);
		return {
			speaker: listOf(members.map((m) => m.speaker ?? m.role ?? '')),
			actorId: ids.every(Boolean) ? ids.join('+') : null,
			named: members.every((m) => m.named),
			role: null,
			group,
			kind: members.every((m) => m.kind === 'person') ? 'person' : 'organisation'
		};
	}

	/** "the two leaders said": the latest joint speaker, else the people as described; "both sides" with no pair before is anonymous. */
	private plural(parsed: ParsedPhrase, countryOf: CountryOf | null): Resolved {
		const pair = this.latest((h) => isJointId(h.actorId));
		if (pair) return stripKnown(pair);
		// Two leaders are rarely of one country: no country from the context.
		if (!WORDS.person.has(parsed.head.replace(/s$/, ''))) return this.anonymous(parsed, null);
		// As written, lower case: "the two leaders", "both ministers".
		const speaker = parsed.words.join(' ').replace(/ 's\b/g, "'s");
		return { speaker, actorId: null, named: true, role: null, group: this.rules.groupOf(parsed.words), kind: 'person' };
	}

	private aliasInside(words: readonly string[]): ConfigActor | null {
		// Most phrases hold no word of any multi-word alias: no need to split their words.
		if (!words.some((w) => this.aliasWords.has(w) || /[-'’]/.test(w))) return null;
		const ws = words.flatMap((w) => normaliseWords(w)).filter((w) => !WORDS.definite.has(w));
		for (const [key, actor] of this.multiWordAliases) if (containsRun(ws, key)) return actor;
		return null;
	}

	/** The person a name mentions, if it is a known actor (for "he" in the paragraph that names him). */
	personNamed(name: string): Resolved | null {
		const key = aliasKey(name);
		const configured = this.aliases.get(key);
		if (configured && configured.kind !== 'organisation') return this.fromConfig(configured, null);
		// "NATO Secretary General Mark" (a run cut short): its last word is a known name's part, so that name.
		const full = this.fullNames.get(key) ?? this.fullNames.get(key.split(' ').pop() ?? '') ?? null;
		if (!full) return null;
		const known = this.actors.get(slugify(full));
		if (known) return known.kind === 'person' ? known : null;
		// A full name mentioned in the text but not yet quoted: "Tom Brandt spoke next. “…,” he said."
		const words = [...normaliseWords(full), ...(this.mentionWords.get(aliasKey(full)) ?? []), ...figureWordsOf(full)];
		return { speaker: full, actorId: slugify(full), named: true, role: null, group: this.rules.groupOf(words), kind: 'person' };
	}

	private readonly countryGroups = new Map<string, string | null>();

	/** A country mention's group ("Beijing" → china-gov), null when the word names no country. */
	countryGroup(word: string): string | null {
		let group = this.countryGroups.get(word);
		if (group === undefined) {
			group = WORDS.nationality.has(word) || this.rules.nationalityTerms.has(word) ? this.rules.groupOf([word, 'government']) : null;
			this.countryGroups.set(word, group);
		}
		return group;
	}

	/** Every actor resolved so far, for tests and debugging. */
	get size(): number {
		return this.actors.size;
	}

	private fromConfig(a: ConfigActor, parsed: ParsedPhrase | null): Resolved {
		const head = normaliseWords(a.name).pop() ?? '';
		return {
			speaker: a.name,
			actorId: a.id,
			named: true,
			role: parsed?.role ?? null,
			group: this.rules.has(a.group) ? a.group : 'other',
			kind: a.kind === 'organisation' ? kindOf(head, 'organisation') : 'person'
		};
	}

	private anonymous(parsed: ParsedPhrase, countryOf: CountryOf | null): Resolved {
		const role = parsed.role ?? parsed.text;
		return { speaker: null, actorId: null, named: false, role, group: this.place(parsed.words, parsed, countryOf), kind: kindOf(parsed.head, 'anonymous') };
	}

	private remember(r: Resolved, parsed: ParsedPhrase): Resolved {
		const earlier = r.actorId ? this.actors.get(r.actorId) : undefined;
		const known: Known = {
			...r,
			// "the Ukrainian leader" finds Zelensky: what the gazetteer knows of a person counts as words said of them.
			words: r.kind === 'person' && r.speaker ? [...parsed.words, ...figureWordsOf(r.speaker)] : parsed.words,
			head: parsed.head,
			isPerson: isPersonKind(r.kind),
			isPlural: parsed.kind === 'joint' || isJointId(r.actorId) || (!r.named && parsed.head.endsWith('s') && WORDS.person.has(parsed.head))
		};
		if (r.actorId && !earlier) this.actors.set(r.actorId, known);
		this.history.push(known);
		return r;
	}

	/** Records a speaker found without a phrase (continuations), so pronouns can reach it. */
	note(r: Resolved): void {
		const isPlural = isJointId(r.actorId) || (!r.named && r.kind === 'anonymous' && !!r.role && r.role.endsWith('s'));
		this.history.push({ speaker: r.speaker, actorId: r.actorId, named: r.named, role: r.role, group: r.group, kind: r.kind, words: NO_WORDS, head: '', isPerson: isPersonKind(r.kind), isPlural });
	}

	private readonly sexes = new Map<string, 'f' | 'm' | null>();

	/** The sex a speaker's words mark ("spokeswoman", "Mr"): in the phrase, the actor's first phrase, or role words met with the name. Worked out only for "he" and "she". */
	private sexOfActor(k: Resolved & { words?: readonly string[] }): 'f' | 'm' | null {
		const own = k.words ? sexOf(k.words) : null;
		if (own || !k.speaker) return own;
		const key = k.actorId ?? k.speaker;
		let sex = this.sexes.get(key);
		if (sex === undefined) {
			sex = sexOf(this.actors.get(key)?.words ?? []) ?? sexOf(this.mentionWords.get(aliasKey(k.speaker)) ?? []);
			this.sexes.set(key, sex);
		}
		return sex;
	}

	/** A full name mentioned with the description's head and every nationality it has ("German Chancellor Karl Weber" for "the German chancellor"); the only one. */
	private findMentioned(parsed: ParsedPhrase): string | null {
		if (!WORDS.person.has(parsed.head) && !WORDS.title.has(parsed.head)) return null;
		const modifiers = parsed.words.filter((w) => WORDS.nationality.has(w));
		// "the head of the IAEA" is whoever the text names with the IAEA in their title ("IAEA Director General Rafael Grossi").
		const body = HEAD_WORDS.has(parsed.head) ? parsed.words.slice(parsed.words.indexOf('of') + 1).filter((w) => !isArticle(w)) : [];
		const isHeadOf = parsed.words.includes('of') && body.length > 0;
		let found: string | null = null;
		for (const [key, words] of this.mentionWords) {
			const isNamedSo = words.includes(parsed.head) || (isHeadOf && body.every((b) => words.includes(b)));
			if (!isNamedSo || !modifiers.every((m) => words.includes(m))) continue;
			const full = this.fullNames.get(key.split(' ').pop() ?? '');
			if (!full || aliasKey(full) !== key) continue;
			// Two matching people: "the minister" is ambiguous.
			if (found && found !== full) return null;
			found = full;
		}
		return found;
	}

	/** The latest speaker in the history window that passes `test`, or null. */
	private latest(test: (h: Known) => boolean): Known | null {
		for (let i = this.history.length - 1; i >= 0 && this.history.length - i <= HISTORY_WINDOW; i--) if (test(this.history[i])) return this.history[i];
		return null;
	}

	/** The latest named organisation that spoke, not a country or a joint text (nor a state body, for a company), within the history window. */
	private lastBody(isCommercial: boolean): Resolved | null {
		// "the company" is no state agency or ministry.
		const body = this.latest((h) => isNamedBody(h) && !isCountrySpeaker(h) && !(isCommercial && h.words.some((w) => WORDS.government.has(w) || NOT_COMMERCIAL.has(w))));
		return body && stripKnown(body);
	}

	/**
	 * "a ministry spokesperson said" after the Ministry of Commerce spoke: an
	 * unnamed spokesperson of a body named only by its common noun speaks for the
	 * latest body so named, as "a Home Office spokesman" does for the Home Office;
	 * "the spokesman", with no earlier spokesman, for the latest body that spoke.
	 */
	private bodyOfSpokesperson(parsed: ParsedPhrase): Resolved | null {
		if (!SPOKESPERSON.has(parsed.head)) return null;
		const rest = parsed.words.filter((w) => w !== parsed.head && !isArticle(w));
		// "the spokesman said" after a ministry spoke: its spokesman.
		if (rest.length === 0) return this.lastBody(false);
		const body = rest.find((w) => WORDS.organisation.has(w) && !WORDS.nationality.has(w));
		if (!body || rest.some((w) => w !== body && !WORDS.nationality.has(w))) return null;
		const h = this.latest((k) => isNamedBody(k) && k.words.includes(body));
		// "a Russian ministry spokesperson" is no spokesperson of a Chinese ministry.
		return h && rest.every((w) => w === body || h.words.includes(w)) ? stripKnown(h) : null;
	}

	/** The latest named person who spoke, singular, within the history window. */
	private lastPerson(): Known | null {
		return this.latest((h) => h.isPerson && !h.isPlural && h.named && !!h.speaker);
	}

	/** The latest named body that spoke whose own words say it is an institution ("Centers for …", "Department of …"), not a bare name. */
	private lastInstitution(): Resolved | null {
		const body = this.latest((h) => isNamedBody(h) && !isCountrySpeaker(h) && h.words.some((w) => isBodyWord(w) || WORDS.government.has(w)));
		return body && stripKnown(body);
	}

	/** "the US official", "the statement", "the broadcaster": the latest speaker whose words include the head noun. */
	private findDescribed(parsed: ParsedPhrase): Resolved | null {
		const head = parsed.head.replace(/s$/, '');
		const modifiers = parsed.words.filter((w) => w !== parsed.head && !WORDS.definite.has(w));
		const isBodyHead = WORDS.organisation.has(parsed.head) && !WORDS.person.has(parsed.head);
		const described = this.latest(
			(h) =>
				h.words.some((w) => w.replace(/s$/, '') === head) &&
				// "the regional government" is no person whose title holds "government" ("regional government spokesman X").
				!(isBodyHead && h.isPerson) &&
				// "the Russian official" must not resolve to an American one.
				modifiers.every((m) => h.words.includes(m) || !WORDS.nationality.has(m))
		);
		if (described) return stripKnown(described);
		// "the Russian president": a configured description, matched on the words alone.
		return null;
	}

	/** `earlierPeople`: for "he" with no speaker before, people named earlier in the text, nearest first (phrases to resolve). */
	private resolvePronoun(pronoun: string, topic: Resolved | null, earlierPeople: () => ParsedPhrase[]): Resolved {
		const wantsPerson = pronoun === 'he' || pronoun === 'she';
		const wantsOrg = pronoun === 'it';
		const wantsPlural = pronoun === 'they' || pronoun === 'we';
		// "she" never means someone the text calls a spokesman or Mr, nor "he" a spokeswoman.
		const wrongSex = pronoun === 'he' ? 'f' : pronoun === 'she' ? 'm' : null;
		const sexOfTopic = topic && wrongSex ? this.sexOfActor(topic) : null;
		// "it": the body its own sentence opens with (topicOf gives only bodies for "it").
		if ((wantsPerson || wantsPlural || wantsOrg) && topic && (!wrongSex || sexOfTopic !== wrongSex)) {
			this.note(topic);
			return topic;
		}
		// "it added": an organisation first; "they said": a pair or a group first; failing that, whoever spoke last.
		for (const pass of wantsOrg || wantsPlural ? [true, false] : [true]) {
			for (let i = this.history.length - 1; i >= 0 && this.history.length - i <= HISTORY_WINDOW; i--) {
				const h = this.history[i];
				if (wantsPerson && (!h.isPerson || h.isPlural || (wrongSex && this.sexOfActor(h) === wrongSex))) continue;
				if (wantsOrg && pass && h.isPerson) continue;
				if (wantsPlural && pass && !h.isPlural) continue;
				this.history.push({ ...h });
				return stripKnown(h);
			}
		}
		for (const earlier of wantsPerson ? earlierPeople() : []) {
			const mark = this.history.length;
			const r = this.resolve(earlier);
			if (r.named && r.kind === 'person' && (!wrongSex || this.sexOfActor({ ...r, words: earlier.words }) !== wrongSex)) return r;
			this.history.length = mark;
		}
		return { speaker: null, actorId: null, named: false, role: null, group: 'other', kind: 'unknown' };
	}
}

type Compiled = { rules: GroupRules; aliases: Map<string, ConfigActor>; multiWordAliases: [string[], ConfigActor][]; aliasWords: ReadonlySet<string> };
// Compiling a config (rule terms, alias keys) costs more than scoring an article; do it once per config object.
const compiledConfigs = new WeakMap<GroupConfig, Compiled>();

function compile(config: GroupConfig): Compiled {
	const cached = compiledConfigs.get(config);
	if (cached) return cached;
	const aliases = new Map<string, ConfigActor>();
	const multiWordAliases: [string[], ConfigActor][] = [];
	// Configs from storage are checked only in part: skip malformed actors rather than throw mid-analysis.
	for (const a of Array.isArray(config.actors) ? config.actors : []) {
		if (!a || typeof a.id !== 'string' || typeof a.name !== 'string') continue;
		for (const alias of [a.name, ...(Array.isArray(a.aliases) ? a.aliases : [])]) {
			if (typeof alias !== 'string') continue;
			const key = aliasKey(alias);
			aliases.set(key, a);
			// Only organisations' multi-word aliases match inside a longer phrase; a person's name must be the phrase.
			if (a.kind === 'organisation' && key.includes(' ')) multiWordAliases.push([key.split(' '), a]);
		}
	}
	const compiled = { rules: new GroupRules(config), aliases, multiWordAliases, aliasWords: new Set(multiWordAliases.flatMap(([key]) => key)) };
	compiledConfigs.set(config, compiled);
	return compiled;
}

const NO_WORDS: string[] = [];
// Words that name a body by its kind alone: "the company said", "the group accused".
const GENERIC_BODIES = new Set(['company', 'firm', 'group', 'movement', 'militia', 'operator', 'carrier', 'insurer', 'lender']);
// "the agency said": heads a later mention gives an institution that has already spoken under its full name.
const INSTITUTION_HEADS = new Set(['agency', 'ministry', 'department', 'office', 'commission', 'organisation', 'organization', 'body', 'court', 'watchdog', 'regulator', 'council', 'committee', 'authority', 'bureau', 'service', 'centre', 'center']);
const COMMERCIAL_BODIES = new Set(['company', 'firm', 'operator', 'carrier', 'insurer', 'lender']);
// Bodies that are no company, whatever their name: "the company" never means the Houthi movement or a UN agency.
const NOT_COMMERCIAL = new Set(['agency', 'movement', 'militia', 'party', 'forces', 'army', 'rebels', 'front', 'union', 'council', 'committee', 'commission', 'court', 'mission', 'organisation', 'organization']);
const CAPITALISED_BODY_HEADS = new Set(['staff']);
// "the head of the IAEA": words for whoever leads the body named after "of".
const HEAD_WORDS = new Set(['head', 'chief', 'leader', 'boss']);
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'both']);
/** Plural role nouns that name an office when qualified by its seat or country: "Cologne prosecutors", "German federal prosecutors". */
const OFFICE_PLURALS = new Set(['prosecutors']);
const SPOKESPERSON = new Set(['spokesman', 'spokeswoman', 'spokesperson']);
const OBJECT_TO_SUBJECT: Record<string, string> = { him: 'he', her: 'she', them: 'they' };
const ACRONYM = /^[\p{Lu}][\p{Lu}\d&+]+$/u;
// Heads of a phrase that name figures, not a speaker: the words before them say whose figures they are.
const DATA_HEADS = new Set(['data', 'estimates', 'estimate', 'figures', 'statistics', 'tally', 'count', 'records', 'calculations', 'projections']);
// Heads of state and government are "the leader" of their country.
const LEADER_ROLES = new Set(['president', 'prime minister', 'chancellor', 'premier', 'king', 'queen', 'supreme leader', 'emir', 'crown prince', 'head of state']);

/** Words the gazetteer gives a person named in full or by a listed alias ("turkish", "president", "leader"). */
function figureWordsOf(name: string): string[] {
	const figure = figureNamed(name) ?? (name.includes(' ') ? null : figureBySurname(name));
	if (!figure) return NO_WORDS;
	return LEADER_ROLES.has(figure.role) ? [...figure.words, 'leader'] : figure.words;
}
/**
 * "Maersk said", "Gazprom said": one capitalised word with no title, that no
 * full name in the article and no listed person explains, is a body. News
 * names a person in full before it uses the surname alone.
 */
function isLoneName(parsed: ParsedPhrase, full: string): boolean {
	if (parsed.kind !== 'person' || full.includes(' ') || full.includes('-') || parsed.role) return false;
	return !figureNamed(full) && !figureBySurname(full) && !parsed.words.some((w) => WORDS.title.has(w) || WORDS.person.has(w));
}

/** "Mali, Burkina Faso and Niger". */
function listOf(names: string[]): string {
	return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A country speaking ("China said"): no body a later "the company" or "the agency" can mean. */
const isCountrySpeaker = (h: Known) => !!h.speaker && WORDS.nationality.has(h.speaker.toLowerCase());
const isArticle = (w: string) => WORDS.definite.has(w) || w === 'a' || w === 'an';
const isJointId = (id: string | null) => id !== null && id.indexOf('+') !== -1;
/** An organisation that spoke under its name, not a pair of speakers. */
const isNamedBody = (h: Known) => !h.isPerson && h.named && !!h.actorId && !isJointId(h.actorId) && h.kind === 'organisation';

function isPersonKind(kind: SpeakerKind): boolean {
	return kind === 'person' || kind === 'anonymous' || kind === 'unknown';
}

function stripKnown(k: Known): Resolved {
	return { speaker: k.speaker, actorId: k.actorId, named: k.named, role: k.role, group: k.group, kind: k.kind };
}

/** The key names are compared by: words as normaliseWords makes them, without "the". */
const aliasKeyOf = memoised((s: string): string => {
	const words = normaliseWords(s);
	return words.length === 1 ? (words[0] === 'the' ? '' : words[0]) : words.filter((w) => w !== 'the').join(' ');
});

/** The key names are compared by; a plain lower-case word is its own key, with no cache look-up. */
function aliasKey(s: string): string {
	if (PLAIN_WORD.test(s)) return s === 'the' ? '' : s;
	// "Putin": one ASCII word needs only lower-casing.
	if (ASCII_WORD.test(s)) {
		const w = s.toLowerCase();
		return w === 'the' ? '' : w;
	}
	return aliasKeyOf(s);
}

const ASCII_WORD = /^[A-Za-z0-9]+$/;
