import { z } from 'zod';
import curatedData from '../lexicons/loaded-curated.json';
import styleData from '../lexicons/loaded-style-guides.json';
import vaderData from '../lexicons/loaded-vader.json';
import evaluativeData from '../lexicons/loaded-evaluative.json';
import type { LexiconChanges, LoadedContextRule, LoadedEntry } from './types';

/**
 * The loaded-language lexicon: data files in `src/lib/lexicons/loaded-*.json`,
 * validated here and compiled into an index keyed by each pattern's first word,
 * so matching costs one map look-up per token.
 */

/** Categories a shipped entry may carry; a story may recategorise to any name. */
export const LOADED_CATEGORIES = {
	'pejorative-label': 'Pejorative label: names a person, group or state with contempt',
	emotive: 'Emotive word: colours an action or a reaction beyond what the facts need',
	intensifier: 'Intensifier: amplifies an evaluative word',
	'militaristic-hype': 'Militaristic or hype: dramatises force, threat or scale',
	euphemism: 'Euphemism: softens violence or coercion',
	'conflict-framing': 'Conflict framing: casts events as a clash, a game or a betrayal',
	hyperbole: 'Hyperbole: exaggerates size, novelty or importance',
	'partisan-label': 'Partisan label: the vocabulary of one side of a political fight',
	distancing: 'Distancing: the writer signals disbelief in a name or claim'
} as const;

export type LoadedCategory = keyof typeof LOADED_CATEGORIES;

/** A lexicon file as published: provenance plus entries. */
export type LexiconFile = { file: string; source: string; licence: string; updated: string; entries: LoadedEntry[] };

const words = z.array(z.string().min(1)).min(1);
const ruleSchema = z.strictObject({ prev: words.optional(), next: words.optional(), sentence: words.optional() });
const entrySchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id of letters, digits and hyphens'),
	term: z
		.string()
		.trim()
		.min(1)
		.refine((t) => !/^\*/.test(t), 'a term may not start with the gap "*"')
		.refine((t) => t.trim() !== '*', 'a term must hold a word besides the gap "*"'),
	category: z.string().min(1),
	strength: z.union([z.literal(1), z.literal(2), z.literal(3)]),
	alternative: z.string().min(1).nullable(),
	note: z.string().min(1),
	source: z.string().min(1),
	pos: z.array(z.string().regex(/^[A-Z]+$/)).min(1).optional(),
	unless: ruleSchema.optional(),
	only: ruleSchema.optional()
});
const fileSchema = z.object({
	source: z.string().min(1),
	licence: z.string().min(1),
	updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
	entries: z.array(z.unknown()).min(1)
});

/** A lexicon file failed validation; the message names the file and the entry. */
export class LexiconError extends Error {}

function describe(issue: z.core.$ZodIssue): string {
	const path = issue.path.join('.');
	return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Validate one lexicon file. Throws a `LexiconError` naming the file and the bad entry.
 * @example parseLexiconFile('loaded-curated.json', json)
 */
export function parseLexiconFile(file: string, data: unknown): LexiconFile {
	const head = fileSchema.safeParse(data);
	if (!head.success) throw new LexiconError(`${file}: ${describe(head.error.issues[0])}`);
	const entries: LoadedEntry[] = [];
	head.data.entries.forEach((raw, i) => {
		const parsed = entrySchema.safeParse(raw);
		const label = typeof (raw as { id?: unknown })?.id === 'string' ? `"${(raw as { id: string }).id}"` : `#${i}`;
		if (!parsed.success) throw new LexiconError(`${file}: entry ${label}: ${describe(parsed.error.issues[0])}`);
		if (!(parsed.data.category in LOADED_CATEGORIES))
			throw new LexiconError(`${file}: entry ${label}: unknown category "${parsed.data.category}"`);
		entries.push(parsed.data as LoadedEntry);
	});
	return { file, source: head.data.source, licence: head.data.licence, updated: head.data.updated, entries };
}

/**
 * Validate a set of files together: ids and terms must be unique across all of them.
 * Throws a `LexiconError` like `loaded-vader.json: duplicate term "slam" (also loaded-curated.json)`.
 */
export function loadLexicon(files: { file: string; data: unknown }[]): LexiconFile[] {
	const parsed = files.map((f) => parseLexiconFile(f.file, f.data));
	const ids = new Map<string, string>();
	const terms = new Map<string, string>();
	for (const f of parsed) {
		for (const e of f.entries) {
			const other = ids.get(e.id);
			if (other) throw new LexiconError(`${f.file}: duplicate id "${e.id}" (also ${other})`);
			ids.set(e.id, f.file);
			// The same term may appear twice only when POS constraints tell the two apart.
			const key = `${normaliseTerm(e.term)}|${(e.pos ?? []).join(',')}`;
			const otherTerm = terms.get(key);
			if (otherTerm) throw new LexiconError(`${f.file}: duplicate term "${e.term}" (also ${otherTerm})`);
			terms.set(key, f.file);
		}
	}
	return parsed;
}

function normaliseTerm(term: string): string {
	return term.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------- compiling

/** One way to spell an entry, as a sequence of lower-case words (and `-` for a hyphen). */
export type CompiledPattern = {
	entry: LoadedEntry;
	words: string[];
	isIntensifier: boolean;
	pos: ReadonlySet<string> | null;
	unless: CompiledRule | null;
	only: CompiledRule | null;
	/** Shipped file order, to break ties between equally long matches. */
	order: number;
	/** The second word when it is a plain word (not a gap or a hyphen): a quick test before matching the rest. */
	second: string | null;
};

/** A context rule with its word lists as sets. */
export type CompiledRule = { prev: ReadonlySet<string>; next: ReadonlySet<string>; sentence: ReadonlySet<string> };

/** A lexicon ready for matching. */
export type CompiledLexicon = {
	entries: LoadedEntry[];
	/** Patterns keyed by their first word. */
	byFirst: Map<string, CompiledPattern[]>;
	/** Words that an intensifier must modify to count (sentiment-bearing words and lexicon terms). */
	evaluative: ReadonlySet<string>;
};

const HYPHEN = /\s*[-‐‑–]\s*/;

// wink splits clitics and punctuation off a word and gives some a normal form: "don't" → do + not, "can't" → can + not,
// "let's" → let + us, "dog's" → dog + 's, "russia," → russia + ",". A term is split the same way, or it never matches.
const NEGATED_STEMS: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall' };

function asWinkTokens(word: string): string[] {
	const punctuation = /^(.+?)([,;:!?]+)$/.exec(word);
	if (punctuation) return [...asWinkTokens(punctuation[1]), ...punctuation[2]];
	if (word === "let's") return ['let', 'us'];
	const negated = /^(\w+?)n't$/.exec(word);
	if (negated) return [NEGATED_STEMS[negated[1]] ?? negated[1], 'not'];
	const clitic = /^(\w+)('(?:s|re|ll|ve|d|m)?)$/.exec(word);
	return clitic ? [clitic[1], clitic[2]] : [word];
}

/** "hard-line" is written three ways in the wild: "hard-line", "hard line", "hardline". */
function spellings(term: string): string[][] {
	const norm = normaliseTerm(term);
	const out = new Map<string, string[]>();
	const add = (ws: string[]) => {
		out.set(ws.join(' '), ws);
		// Text may write the apostrophe curly ("dog’s"); wink keeps it as written.
		if (ws.some((w) => w.includes("'"))) {
			const curly = ws.map((w) => w.replace(/'/g, '’'));
			out.set(curly.join(' '), curly);
		}
	};
	const spaced = norm.split(' ').filter(Boolean).flatMap(asWinkTokens);
	if (!HYPHEN.test(norm)) {
		add(spaced);
		return [...out.values()];
	}
	// wink keeps some prefixed words whole ("neo-Nazi", "re-education", "pro-Kremlin"): the hyphenated word as one token.
	add(spaced);
	add(spaced.flatMap((w) => w.split(HYPHEN).flatMap((part, i) => (i === 0 ? [part] : ['-', part]))).filter(Boolean));
	add(spaced.flatMap((w) => w.split(HYPHEN)).filter(Boolean));
	add(spaced.map((w) => w.split(HYPHEN).join('')).filter(Boolean));
	return [...out.values()];
}

function wordSet(list: string[] | undefined): ReadonlySet<string> {
	const out = new Set<string>();
	for (const word of list ?? []) {
		const w = word.toLowerCase();
		out.add(w);
		const base = singularOf(w);
		if (base) out.add(base);
	}
	return out;
}

// Words in -s whose "singular" is another word (short words and -ss, -us, -is endings are ruled out below).
const NOT_PLURAL = new Set(['news', 'series', 'species', 'politics', 'economics', 'physics', 'means', 'arms', 'forces', 'chaos']);

/**
 * The singular a rule word may stand for ("activists" → "activist", "policies" → "policy"),
 * so that a rule written with the plural also fires on the singular: tokens are
 * tested by their lemma too, which covers the other way round.
 */
function singularOf(w: string): string | null {
	if (w.length <= 3 || NOT_PLURAL.has(w) || /(?:ss|us|is|['’]s)$/.test(w)) return null;
	if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
	if (/(?:ches|shes|xes|sses|zes)$/.test(w)) return w.slice(0, -2);
	return w.endsWith('s') ? w.slice(0, -1) : null;
}

function compileRule(rule: LoadedContextRule | undefined): CompiledRule | null {
	if (!rule) return null;
	return { prev: wordSet(rule.prev), next: wordSet(rule.next), sentence: wordSet(rule.sentence) };
}

/** Build the look-up index for `entries`. */
export function compileLexicon(entries: LoadedEntry[], evaluativeWords: Iterable<string> = []): CompiledLexicon {
	const byFirst = new Map<string, CompiledPattern[]>();
	const evaluative = new Set<string>(evaluativeWords);
	entries.forEach((entry, order) => {
		const isIntensifier = entry.category === 'intensifier';
		for (const ws of spellings(entry.term)) {
			if (ws.length === 0) continue;
			const pattern: CompiledPattern = {
				entry,
				words: ws,
				isIntensifier,
				pos: entry.pos ? new Set(entry.pos) : null,
				unless: compileRule(entry.unless),
				only: compileRule(entry.only),
				order,
				second: ws.length > 1 && ws[1] !== '*' && ws[1] !== '-' ? ws[1] : null
			};
			const list = byFirst.get(ws[0]);
			if (list) list.push(pattern);
			else byFirst.set(ws[0], [pattern]);
			if (!isIntensifier && ws.length === 1) evaluative.add(ws[0]);
		}
	});
	return { entries, byFirst, evaluative };
}

/** Apply a story's changes: drop disabled ids, recategorise, then add (an added id replaces a shipped one). */
export function applyChanges(entries: LoadedEntry[], changes: LexiconChanges | undefined): LoadedEntry[] {
	if (!changes) return entries;
	const disabled = new Set(changes.disable ?? []);
	const recategorised = new Map((changes.recategorise ?? []).map((r) => [r.entry, r.category]));
	const added = (changes.add ?? []).filter((e) => entrySchema.safeParse(e).success);
	const addedIds = new Set(added.map((e) => e.id));
	const out: LoadedEntry[] = [];
	for (const e of [...entries.filter((e) => !addedIds.has(e.id)), ...added]) {
		if (disabled.has(e.id)) continue;
		const category = recategorised.get(e.id);
		out.push(category ? { ...e, category } : e);
	}
	return out;
}

// ---------------------------------------------------------------- the shipped lexicon

/** The shipped lexicon files, validated, in priority order. */
export const LEXICON_FILES: LexiconFile[] = loadLexicon([
	{ file: 'loaded-curated.json', data: curatedData },
	{ file: 'loaded-style-guides.json', data: styleData },
	{ file: 'loaded-vader.json', data: vaderData }
]);

const evaluativeSchema = z.object({ source: z.string().min(1), licence: z.string().min(1), words: z.array(z.string().min(1)) });
const evaluativeFile = evaluativeSchema.safeParse(evaluativeData);
if (!evaluativeFile.success) throw new LexiconError(`loaded-evaluative.json: ${describe(evaluativeFile.error.issues[0])}`);

/** Sentiment-bearing words that let an intensifier count ("deeply cynical" yes, "deeply rooted" no). */
export const EVALUATIVE_WORDS: readonly string[] = evaluativeFile.data.words;

/** Every shipped entry, with the file it comes from; for the methods and settings pages. */
export function listEntries(): (LoadedEntry & { file: string; licence: string })[] {
	return LEXICON_FILES.flatMap((f) => f.entries.map((e) => ({ ...e, file: f.file, licence: f.licence })));
}

/** All shipped entries, in priority order. */
export const DEFAULT_ENTRIES: LoadedEntry[] = LEXICON_FILES.flatMap((f) => f.entries);

/** The shipped lexicon, compiled once per process. */
export const DEFAULT_LEXICON: CompiledLexicon = compileLexicon(DEFAULT_ENTRIES, EVALUATIVE_WORDS);

// A story's changes are a small JSON value; re-scoring a story passes equal values
// for every article, so key the cache by content, not identity. Bounded so a long
// session of settings edits does not grow it forever.
const cache = new Map<string, CompiledLexicon>();
const CACHE_SIZE = 16;

/** The compiled lexicon for a story's changes, cached per distinct `changes` value. */
export function lexiconFor(changes?: LexiconChanges): CompiledLexicon {
	if (!changes || (!changes.add?.length && !changes.disable?.length && !changes.recategorise?.length)) return DEFAULT_LEXICON;
	const key = JSON.stringify(changes);
	const hit = cache.get(key);
	if (hit) return hit;
	const compiled = compileLexicon(applyChanges(DEFAULT_ENTRIES, changes), EVALUATIVE_WORDS);
	if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
	cache.set(key, compiled);
	return compiled;
}
