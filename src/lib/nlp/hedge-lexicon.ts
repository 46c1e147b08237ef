import { z } from 'zod';
import hedgesData from '../lexicons/hedges.json';
import boostersData from '../lexicons/boosters.json';
import type { HedgeType } from './types';

/**
 * The hedge and booster lexicons: data files `src/lib/lexicons/{hedges,boosters}.json`,
 * validated here and compiled into an index keyed by the words a pattern can start
 * with, so matching costs a few map look-ups per token.
 */

/** Context checks an entry may name; each is implemented in `hedging.ts`. */
export const HEDGE_GUARDS = ['epistemic-modal', 'epistemic-must', 'quantity', 'after-quantity', 'appear', 'no-gerund', 'attributive', 'vague-source'] as const;
export type HedgeGuard = (typeof HEDGE_GUARDS)[number];

const HEDGE_TYPES = ['modal', 'adverb', 'epistemic-verb', 'vague-attribution', 'distancing', 'approximator', 'booster'] as const;

/** One lexicon entry as stored. */
export type HedgeEntry = {
	id: string;
	term: string;
	type: HedgeType;
	note: string;
	guard?: HedgeGuard;
	unless?: { prev?: string[]; next?: string[] };
	/** Words one of which must come right before (`prev`) or after (`next`) the match. */
	only?: { prev?: string[]; next?: string[] };
	extendLeft?: boolean;
};

/** One step of a compiled pattern: a token test, or a run of modifiers. */
export type Step =
	| { kind: 'word'; words: ReadonlySet<string> | null; isExact: boolean; pos: ReadonlySet<string> | null; isOptional: boolean }
	| { kind: 'mods'; max: number };

export type CompiledEntry = HedgeEntry & {
	steps: Step[];
	unlessPrev: ReadonlySet<string> | null;
	unlessNext: ReadonlySet<string> | null;
	onlyPrev: ReadonlySet<string> | null;
	onlyNext: ReadonlySet<string> | null;
	/** Shipped order, to break ties between equally long matches. */
	order: number;
};

/** A lexicon ready for matching: entries by the index keys of their first token. */
export type HedgeLexicon = {
	entries: CompiledEntry[];
	/** Keys are lower-case words or `@POS`. */
	byFirst: Map<string, CompiledEntry[]>;
	/** Some key is a `@POS`: without one, matching skips the tag look-up for every token. */
	hasPosKeys: boolean;
	/** Word classes by id, lower-case; the guards read theirs from here. */
	classes: ReadonlyMap<string, ReadonlySet<string>>;
};

/** A lexicon file failed validation; the message names the file and the entry. */
export class HedgeLexiconError extends Error {}

const words = z.array(z.string().min(1)).min(1);
const classSchema = z.strictObject({ id: z.string().regex(/^[a-z][a-z-]*$/), note: z.string().min(1), words });
const entrySchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id of letters, digits and hyphens'),
	term: z.string().trim().min(1),
	type: z.enum(HEDGE_TYPES),
	note: z.string().min(1),
	guard: z.enum(HEDGE_GUARDS).optional(),
	unless: z.strictObject({ prev: words.optional(), next: words.optional() }).optional(),
	only: z.strictObject({ prev: words.optional(), next: words.optional() }).optional(),
	extendLeft: z.boolean().optional()
});
const fileSchema = z.object({
	source: z.string().min(1),
	licence: z.string().min(1),
	updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
	classes: z.array(z.unknown()).optional(),
	entries: z.array(z.unknown()).min(1)
});

function describe(issue: z.core.$ZodIssue): string {
	const path = issue.path.join('.');
	return path ? `${path}: ${issue.message}` : issue.message;
}

function label(raw: unknown, i: number): string {
	const id = (raw as { id?: unknown } | null)?.id;
	return typeof id === 'string' ? `"${id}"` : `#${i}`;
}

/**
 * Validate and compile hedge lexicon files. Ids must be unique across files;
 * classes are shared. Throws a `HedgeLexiconError` like
 * `hedges.json: entry "may": unknown class <modal>`.
 * @example loadHedgeLexicon([{ file: 'hedges.json', data }])
 */
export function loadHedgeLexicon(files: { file: string; data: unknown }[]): HedgeLexicon {
	const classes = new Map<string, Set<string>>();
	const raw: { file: string; entry: HedgeEntry }[] = [];
	for (const { file, data } of files) {
		const head = fileSchema.safeParse(data);
		if (!head.success) throw new HedgeLexiconError(`${file}: ${describe(head.error.issues[0])}`);
		(head.data.classes ?? []).forEach((c, i) => {
			const parsed = classSchema.safeParse(c);
			if (!parsed.success) throw new HedgeLexiconError(`${file}: class ${label(c, i)}: ${describe(parsed.error.issues[0])}`);
			if (classes.has(parsed.data.id)) throw new HedgeLexiconError(`${file}: duplicate class "${parsed.data.id}"`);
			const set = new Set<string>();
			for (const w of parsed.data.words) {
				const word = w.toLowerCase();
				if (set.has(word)) throw new HedgeLexiconError(`${file}: class "${parsed.data.id}": duplicate word "${w}"`);
				set.add(word);
			}
			classes.set(parsed.data.id, set);
		});
		head.data.entries.forEach((e, i) => {
			const parsed = entrySchema.safeParse(e);
			if (!parsed.success) throw new HedgeLexiconError(`${file}: entry ${label(e, i)}: ${describe(parsed.error.issues[0])}`);
			raw.push({ file, entry: parsed.data });
		});
	}

	const ids = new Map<string, string>();
	const terms = new Map<string, string>();
	const entries: CompiledEntry[] = [];
	for (const { file, entry } of raw) {
		const where = `${file}: entry "${entry.id}"`;
		const other = ids.get(entry.id);
		if (other) throw new HedgeLexiconError(`${file}: duplicate id "${entry.id}" (also ${other})`);
		ids.set(entry.id, file);
		const term = entry.term.toLowerCase().replace(/\s+/g, ' ');
		const otherTerm = terms.get(term);
		if (otherTerm) throw new HedgeLexiconError(`${file}: duplicate term "${entry.term}" (also ${otherTerm})`);
		terms.set(term, file);
		const steps = term.split(' ').map((s) => parseStep(s, classes, where));
		const first = steps[0];
		if (first.kind === 'mods') throw new HedgeLexiconError(`${where}: a pattern cannot start with <mods>`);
		if (steps.every((s) => s.kind === 'mods' || s.isOptional)) throw new HedgeLexiconError(`${where}: every step is optional`);
		entries.push({
			...entry,
			steps,
			unlessPrev: entry.unless?.prev ? new Set(entry.unless.prev.map((w) => w.toLowerCase())) : null,
			unlessNext: entry.unless?.next ? new Set(entry.unless.next.map((w) => w.toLowerCase())) : null,
			onlyPrev: entry.only?.prev ? new Set(entry.only.prev.map((w) => w.toLowerCase())) : null,
			onlyNext: entry.only?.next ? new Set(entry.only.next.map((w) => w.toLowerCase())) : null,
			order: entries.length
		});
	}

	const byFirst = new Map<string, CompiledEntry[]>();
	for (const entry of entries) {
		for (const key of firstKeys(entry.steps, 0)) {
			const list = byFirst.get(key);
			if (list) list.push(entry);
			else byFirst.set(key, [entry]);
		}
	}
	return { entries, byFirst, hasPosKeys: [...byFirst.keys()].some((k) => k.startsWith('@')), classes };
}

/** Parse one step: `word`, `=word`, `a|b`, `<class>`, `<@POS>`, `<mods>`, with `@POS` and `?` suffixes. */
function parseStep(source: string, classes: ReadonlyMap<string, Set<string>>, where: string): Step {
	if (source === '<mods>') return { kind: 'mods', max: 3 };
	let s = source;
	const isOptional = s.endsWith('?');
	if (isOptional) s = s.slice(0, -1);
	let pos: Set<string> | null = null;
	const at = s.lastIndexOf('@');
	if (at > 0 && !s.startsWith('<@')) {
		pos = new Set(s.slice(at + 1).toUpperCase().split(','));
		s = s.slice(0, at);
	}
	if (s.startsWith('<@') && s.endsWith('>')) {
		return { kind: 'word', words: null, isExact: false, pos: new Set(s.slice(2, -1).toUpperCase().split(',')), isOptional };
	}
	if (s.startsWith('<') && s.endsWith('>')) {
		const set = classes.get(s.slice(1, -1));
		if (!set) throw new HedgeLexiconError(`${where}: unknown class ${s}`);
		return { kind: 'word', words: set, isExact: false, pos, isOptional };
	}
	const isExact = s.startsWith('=');
	const list = s
		.split('|')
		.map((w) => w.replace(/^=/, ''))
		.filter(Boolean);
	if (list.length === 0 || list.some((w) => /[<>@?]/.test(w))) throw new HedgeLexiconError(`${where}: cannot read step "${source}"`);
	return { kind: 'word', words: new Set(list), isExact, pos, isOptional };
}

function firstKeys(steps: readonly Step[], i: number): string[] {
	const step = steps[i];
	if (!step || step.kind === 'mods') return [];
	const keys = step.words ? [...step.words] : [...(step.pos ?? [])].map((p) => `@${p}`);
	return step.isOptional ? [...keys, ...firstKeys(steps, i + 1)] : keys;
}

/** The shipped hedge and booster lexicon, validated once at load. */
export const HEDGE_LEXICON: HedgeLexicon = loadHedgeLexicon([
	{ file: 'hedges.json', data: hedgesData },
	{ file: 'boosters.json', data: boostersData }
]);
