import type { Token } from './doc';
import { WORDS, type GroupConfig } from './quote-data';
import type { SpeakerPhrase } from './speakers';
import type { Span } from './types';

/**
 * Actor resolution: turns a speaker phrase into a person, an organisation, an
 * anonymous source or a pronoun; gives each actor one id per article (full
 * name, surname and "the Russian president" share it) and the same id across
 * a story (config alias → configured id, else a slug of the fullest name);
 * places it in a group (config actor, else the config's rules, else `other`).
 */

export type ParsedPhrase = {
	kind: 'person' | 'organisation' | 'anonymous' | 'pronoun' | 'description';
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
};

export type Resolved = {
	speaker: string | null;
	actorId: string | null;
	named: boolean;
	role: string | null;
	group: string;
	kind: 'person' | 'organisation' | 'anonymous';
};

// wink's `normal` is the lower-cased value (with ’ kept): set lookups need no string work per token.
const lower = (t: Token) => t.normal;
// Any capitalised word but a determiner or pronoun: wink tags "Cross" in "the Red Cross" as a verb.
const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.value) && t.pos !== 'PUNCT' && t.pos !== 'DET' && t.pos !== 'PRON';
const isPossessive = (t: Token | undefined) => !!t && t.pos === 'PART' && /^['’]s?$/i.test(t.value.replace(/s$/i, '')) && /['’]/.test(t.value);
/** A title, role, body or nationality word: part of a speaker's role, never of a name. */
export const isRoleWord = (w: string) =>
	WORDS.title.has(w) || WORDS.government.has(w) || WORDS.organisation.has(w) || WORDS.person.has(w) || WORDS.nationality.has(w);

/** Lower-case, apostrophes straightened, possessive split off: how terms and phrases are compared. */
export function normaliseWords(s: string): string[] {
	return s
		.toLowerCase()
		.replace(/[’‘]/g, "'")
		.replace(/'s\b/g, " 's")
		.split(/[\s,]+/)
		.filter(Boolean);
}

/** Deterministic actor id from a name: "Sergey Lavrov" → "sergey-lavrov". */
export function slugify(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’]s\b/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

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
	const base = { words, head, isDefinite, text: headText, span };

	if (first === last && tokens[first].pos === 'PRON') return { ...base, kind: 'pronoun', name: null, role: null };
	// "Russia's ambassador to China, Igor Morgulov, wrote": the apposition is the name, the head its role.
	if (phrase.appos && isBareName(tokens, phrase.appos[0], phrase.appos[1])) {
		const [a, b] = phrase.appos;
		const name = text.slice(tokens[a].start, tokens[b].end);
		return { ...base, kind: 'person', name, role: text.slice(tokens[start].start, tokens[last].end), text: name };
	}

	// "a spokesperson for the Chinese embassy in Tokyo": a role noun before a linker is the head; what follows qualifies it.
	for (let t = start + 1; t < last; t++) {
		if (!/^(?:of|for|at|in|to|with|from)$/i.test(tokens[t].value)) continue;
		const before = tokens[t - 1];
		const w = lower(before);
		if (!isCapitalised(before) && (WORDS.person.has(w) || WORDS.title.has(w))) {
			const role = apposText ? `${headText}, ${apposText}` : headText;
			return { ...base, head: w, kind: isDefinite ? 'description' : 'anonymous', name: null, role };
		}
		break;
	}
	// The name is the last run of capitalised words that is not a possessor ("Russia's top official" has none).
	let runEnd = last;
	while (runEnd >= start && !isCapitalised(tokens[runEnd])) runEnd--;
	let runStart = runEnd;
	while (runStart - 1 >= start && (isCapitalised(tokens[runStart - 1]) || /^(?:of|for|in|de|van|von|bin|al)$/i.test(tokens[runStart - 1].value) || tokens[runStart - 1].value === '-')) runStart--;
	while (runStart < runEnd && !isCapitalised(tokens[runStart])) runStart++;
	const isName = runEnd >= start && runEnd === last && !isPossessive(tokens[runEnd + 1]);
	// "Chinese Embassy in Washington", "Ministry of Defence": a body word followed only by its place or field.
	let body = -1;
	for (let t = runStart; t <= runEnd && isName; t++) if (WORDS.organisation.has(lower(tokens[t])) && t < runEnd && /^(?:of|in|for)$/i.test(tokens[t + 1].value)) body = t;
	if (body !== -1) return { ...base, kind: 'organisation', name: text.slice(tokens[runStart].start, tokens[runEnd].end), role: apposText };
	if (isName) {
		// Titles, roles and nationalities before the name are role ("Air Force Lt. Gen." Jeffrey Cruz).
		let nameStart = runStart;
		while (nameStart <= runEnd && (isRoleWord(lower(tokens[nameStart])) || /\.$/.test(tokens[nameStart].value) || /^(?:of|for|in|-)$/i.test(tokens[nameStart].value))) nameStart++;
		const roleParts: string[] = [];
		if (nameStart > start) roleParts.push(text.slice(tokens[start].start, tokens[nameStart - 1].end));
		if (apposText) roleParts.push(apposText);
		const role = roleParts.length ? roleParts.join(', ') : null;
		const lastWord = lower(tokens[runEnd]);
		if (nameStart > runEnd && ((WORDS.person.has(lastWord) && !WORDS.organisation.has(lastWord)) || WORDS.collective.has(lastWord))) {
			// "Diplomats said", "Officials say": a capitalised role at a sentence's start is still anonymous.
			return { ...base, kind: isDefinite ? 'description' : 'anonymous', name: null, role: apposText ? `${headText}, ${apposText}` : headText };
		}
		if (nameStart > runEnd || WORDS.organisation.has(lastWord)) {
			// Every capitalised word is a role or body word: an organisation named by them ("Chinese Foreign Ministry").
			// "the US warned", "China says": a country speaking is its state.
			const isCountry = tokensAll(tokens, runStart, runEnd, (w) => WORDS.nationality.has(w));
			const orgStart = isCountry || WORDS.organisation.has(lastWord) || WORDS.government.has(lastWord) ? runStart : -1;
			if (orgStart !== -1) {
				const name = text.slice(tokens[orgStart].start, tokens[runEnd].end);
				return { ...base, kind: 'organisation', name, role: apposText };
			}
			return { ...base, kind: isDefinite ? 'description' : 'anonymous', name: null, role: headText };
		}
		const name = text.slice(tokens[nameStart].start, tokens[runEnd].end);
		return { ...base, kind: 'person', name, role };
	}
	const roleText = apposText ? `${headText}, ${apposText}` : headText;
	if (isDefinite) return { ...base, kind: 'description', name: null, role: roleText };
	// "Chinese defence authorities" speaks as a body; "a readout" or "a statement" leaves its author unnamed.
	const isIndefinite = tokens[first].pos === 'DET' && !isDefinite;
	if (WORDS.organisation.has(head) && !WORDS.person.has(head) && !WORDS.collective.has(head) && !isIndefinite)
		return { ...base, kind: 'organisation', name: headText, role: apposText };
	return { ...base, kind: 'anonymous', name: null, role: roleText };
}

/** Two to four capitalised words, none of them a role: a person's name on its own ("Igor Morgulov"). */
function isBareName(tokens: readonly Token[], a: number, b: number): boolean {
	if (b - a < 1 || b - a > 3) return false;
	return tokensAll(tokens, a, b, (w) => !isRoleWord(w)) && (() => {
		for (let t = a; t <= b; t++) if (!isCapitalised(tokens[t])) return false;
		return true;
	})();
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

	constructor(config: GroupConfig) {
		this.groupIds = new Set(config.groups.map((g) => g.id));
		const rules = (Array.isArray(config.rules) ? config.rules : []).filter((r) => r && Array.isArray(r.terms) && typeof r.group === 'string');
		const terms = (r: (typeof rules)[number]) => r.terms.filter((t) => typeof t === 'string').map(normaliseWords);
		this.orgTerms = rules.filter((r) => r.type === 'organisation').flatMap(terms);
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
		const ws = words.flatMap((w) => normaliseWords(w));
		const content = ws.filter((w) => !WORDS.definite.has(w) && w !== "'s");
		// A country on its own ("China says") speaks as its government.
		const hasGovernment =
			ws.some((w) => WORDS.government.has(w) || WORDS.government.has(w.replace(/s$/, ''))) ||
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
}

function containsRun(ws: readonly string[], term: readonly string[]): boolean {
	if (term.length === 0) return false;
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

// Pronouns and "the official" look this many speakers back: far enough for any article, and linear on huge inputs.
const HISTORY_WINDOW = 64;

type Known = Resolved & { words: string[]; head: string; isPerson: boolean };

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
	/** Role words seen before a full name anywhere in the article ("German Chancellor" Olaf Scholz), for its group. */
	private readonly mentionWords = new Map<string, string[]>();

	constructor(config: GroupConfig) {
		const compiled = compile(config);
		this.rules = compiled.rules;
		this.aliases = compiled.aliases;
		this.multiWordAliases = compiled.multiWordAliases;
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
		// Family names come last in "Sergey Lavrov" and first in "Wang Yi": either part alone resolves to the full name.
		for (const part of [parts[parts.length - 1], parts[0]]) {
			const key = aliasKey(part);
			const known = this.fullNames.get(key);
			if (!known || known.length < name.length) this.fullNames.set(key, name);
		}
	}

	/** The actor a phrase names, with group; pronouns and definite descriptions resolve to earlier speakers. */
	resolve(parsed: ParsedPhrase, topic: Resolved | null = null, antecedentOf: () => ParsedPhrase | null = () => null): Resolved {
		if (parsed.kind === 'pronoun') return this.resolvePronoun(parsed.head, topic);
		const viaAlias = this.aliases.get(aliasKey(parsed.text)) ?? (parsed.name ? this.aliases.get(aliasKey(parsed.name)) : undefined);
		if (viaAlias) return this.remember(this.fromConfig(viaAlias, parsed), parsed);
		if (parsed.kind !== 'person') {
			// "a lengthy joint statement": a multi-word alias inside the phrase.
			const inside = this.aliasInside(parsed.words);
			if (inside) return this.remember(this.fromConfig(inside, parsed), parsed);
		}
		if (parsed.kind === 'description') {
			// "The two leaders": a plural description is no single earlier speaker.
			if (parsed.words.some((w) => /^(?:two|three|both|several)$/.test(w))) return this.remember(this.anonymous(parsed, false), parsed);
			const earlier = this.findDescribed(parsed);
			if (earlier) return this.remember(earlier, parsed);
			// "the statement said", with "a lengthy joint statement" earlier in the text.
			const antecedent = antecedentOf();
			if (antecedent && antecedent.kind !== 'description' && antecedent.kind !== 'pronoun') return this.resolve(antecedent);
			const isOrg = WORDS.organisation.has(parsed.head) && !WORDS.person.has(parsed.head);
			// "the Chinese ministry's readout": an organisation is a speaker even when described.
			if (isOrg) return this.remember(this.organisation(parsed.text, parsed), parsed);
			return this.remember(this.anonymous(parsed, false), parsed);
		}
		if (parsed.kind === 'anonymous') return this.remember(this.anonymous(parsed, false), parsed);
		const name = parsed.name ?? parsed.text;
		let full = name;
		if (parsed.kind === 'person' && !name.includes(' ')) full = this.fullNames.get(aliasKey(name)) ?? name;
		const configured = this.aliases.get(aliasKey(full));
		if (configured) return this.remember(this.fromConfig(configured, parsed), parsed);
		const id = slugify(full);
		const existing = this.actors.get(id);
		const group = this.rules.groupOf([...parsed.words, ...normaliseWords(full), ...(this.mentionWords.get(aliasKey(full)) ?? [])]);
		if (existing) {
			if (existing.group === 'other' && group !== 'other') existing.group = group;
			if (!existing.role && parsed.role) existing.role = parsed.role;
			return this.remember({ ...existing, role: parsed.role ?? existing.role }, parsed);
		}
		const isOrg = parsed.kind === 'organisation' || /^[\p{Lu}\d]{2,}$/u.test(full) || this.rules.isOrganisation(normaliseWords(full));
		const resolved: Resolved = { speaker: full, actorId: id, named: true, role: parsed.role, group, kind: isOrg ? 'organisation' : 'person' };
		return this.remember(resolved, parsed);
	}

	private organisation(name: string, parsed: ParsedPhrase): Resolved {
		const id = slugify(name);
		const existing = this.actors.get(id);
		if (existing) return stripKnown(existing);
		return { speaker: name, actorId: id, named: true, role: null, group: this.rules.groupOf(parsed.words), kind: 'organisation' };
	}

	private aliasInside(words: readonly string[]): ConfigActor | null {
		const ws = words.flatMap((w) => normaliseWords(w)).filter((w) => !WORDS.definite.has(w));
		for (const [key, actor] of this.multiWordAliases) if (containsRun(ws, key)) return actor;
		return null;
	}

	/** The person a name mentions, if it is a known actor (for "he" in the paragraph that names him). */
	personNamed(name: string): Resolved | null {
		const key = aliasKey(name);
		const configured = this.aliases.get(key);
		if (configured && configured.kind !== 'organisation') return this.fromConfig(configured, null);
		const full = this.fullNames.get(key) ?? (this.fullNames.has(key.split(' ').pop() ?? '') ? name : null);
		if (!full) return null;
		const known = this.actors.get(slugify(full));
		if (known) return known.kind === 'person' ? known : null;
		// A full name mentioned in the text but not yet quoted: "Tom Brandt spoke next. “…,” he said."
		const words = [...normaliseWords(full), ...(this.mentionWords.get(aliasKey(full)) ?? [])];
		return { speaker: full, actorId: slugify(full), named: true, role: null, group: this.rules.groupOf(words), kind: 'person' };
	}

	/** Every actor resolved so far, for tests and debugging. */
	get size(): number {
		return this.actors.size;
	}

	private fromConfig(a: ConfigActor, parsed: ParsedPhrase | null): Resolved {
		return {
			speaker: a.name,
			actorId: a.id,
			named: true,
			role: parsed?.role ?? null,
			group: this.rules.has(a.group) ? a.group : 'other',
			kind: a.kind === 'organisation' ? 'organisation' : 'person'
		};
	}

	private anonymous(parsed: ParsedPhrase, isOrganisation: boolean): Resolved {
		const role = parsed.role ?? parsed.text;
		return { speaker: null, actorId: null, named: false, role, group: this.rules.groupOf(parsed.words), kind: isOrganisation ? 'organisation' : 'anonymous' };
	}

	private remember(r: Resolved, parsed: ParsedPhrase): Resolved {
		const known: Known = { ...r, words: parsed.words, head: parsed.head, isPerson: r.kind !== 'organisation' };
		if (r.actorId && !this.actors.has(r.actorId)) this.actors.set(r.actorId, known);
		this.history.push(known);
		return r;
	}

	/** Records a speaker found without a phrase (continuations), so pronouns can reach it. */
	note(r: Resolved): void {
		this.history.push({ ...r, words: [], head: '', isPerson: r.kind !== 'organisation' });
	}

	/** "the US official", "the statement", "the broadcaster": the latest speaker whose words include the head noun. */
	private findDescribed(parsed: ParsedPhrase): Resolved | null {
		const head = parsed.head.replace(/s$/, '');
		const modifiers = parsed.words.filter((w) => w !== parsed.head && !WORDS.definite.has(w));
		for (let i = this.history.length - 1; i >= 0 && this.history.length - i <= HISTORY_WINDOW; i--) {
			const h = this.history[i];
			if (!h.words.some((w) => w.replace(/s$/, '') === head)) continue;
			// "the Russian official" must not resolve to an American one.
			if (modifiers.every((m) => h.words.includes(m) || !WORDS.nationality.has(m))) return stripKnown(h);
		}
		// "the Russian president": a configured description, matched on the words alone.
		return null;
	}

	private resolvePronoun(pronoun: string, topic: Resolved | null): Resolved {
		const wantsPerson = pronoun === 'he' || pronoun === 'she';
		const wantsOrg = pronoun === 'it';
		if (wantsPerson && topic) {
			this.note(topic);
			return topic;
		}
		for (const pass of wantsOrg ? [true, false] : [true]) {
			for (let i = this.history.length - 1; i >= 0 && this.history.length - i <= HISTORY_WINDOW; i--) {
				const h = this.history[i];
				if (wantsPerson && !h.isPerson) continue;
				// "it added": an organisation; failing that, whoever spoke last.
				if (wantsOrg && pass && h.isPerson) continue;
				this.history.push({ ...h });
				return stripKnown(h);
			}
		}
		return { speaker: null, actorId: null, named: false, role: null, group: 'other', kind: 'anonymous' };
	}
}

type Compiled = { rules: GroupRules; aliases: Map<string, ConfigActor>; multiWordAliases: [string[], ConfigActor][] };
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
	const compiled = { rules: new GroupRules(config), aliases, multiWordAliases };
	compiledConfigs.set(config, compiled);
	return compiled;
}

function stripKnown(k: Known): Resolved {
	return { speaker: k.speaker, actorId: k.actorId, named: k.named, role: k.role, group: k.group, kind: k.kind };
}

function aliasKey(s: string): string {
	return normaliseWords(s)
		.filter((w) => w !== 'the')
		.join(' ');
}
