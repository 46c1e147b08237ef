import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GroupConfig } from '../../src/lib/nlp/quotes';
import { parseJsonl, type GoldItem } from './gold';

/** The repository root, wherever the script is started from. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const GOLD_DIR = join(ROOT, 'tests/gold');
export const SEEDS_DIR = join(ROOT, 'seeds');
export const SEED_STORY = 'china-russia-military-ties-2024-05';

/** Public evaluation data, read in place and never copied: `SLANT_EVAL_DIR`, else `../shared/eval` beside the repository. */
export function sharedEvalDir(): string {
	return resolve(process.env.SLANT_EVAL_DIR ?? join(ROOT, '../shared/eval'));
}

export type GoldSet = {
	name: string;
	description: string;
	/** Own sets are fully annotated passages; public sets score one layer each. */
	isPublic: boolean;
	items: GoldItem[];
	/** Why the set could not be read, when it could not. */
	missing?: string;
};

type SetSpec = { name: string; description: string; isPublic: boolean; load: () => GoldItem[]; path: () => string };

const SPECS: SetSpec[] = [
	{
		name: 'dev',
		description: 'own passages, dev split (tune on these)',
		isPublic: false,
		path: () => join(GOLD_DIR, 'passages.dev.jsonl'),
		load: () => readJsonl(join(GOLD_DIR, 'passages.dev.jsonl'))
	},
	{
		name: 'dev-b',
		description: 'own passages, second tuning split (tune on these)',
		isPublic: false,
		path: () => join(GOLD_DIR, 'passages.dev-b.jsonl'),
		load: () => readJsonl(join(GOLD_DIR, 'passages.dev-b.jsonl'))
	},
	{
		name: 'dev-c',
		description: 'own passages, third tuning split (tune on these)',
		isPublic: false,
		path: () => join(GOLD_DIR, 'passages.dev-c.jsonl'),
		load: () => readJsonl(join(GOLD_DIR, 'passages.dev-c.jsonl'))
	},
	{
		name: 'dev-d',
		description: 'own passages, fourth tuning split, heavy on loaded language in many outlet voices (tune on these)',
		isPublic: false,
		path: () => join(GOLD_DIR, 'passages.dev-d.jsonl'),
		load: () => readJsonl(join(GOLD_DIR, 'passages.dev-d.jsonl'))
	},
	{
		name: 'dev-e',
		description: 'own passages, fifth tuning split, heavy on quote attribution (tune on these)',
		isPublic: false,
		path: () => join(GOLD_DIR, 'passages.dev-e.jsonl'),
		load: () => readJsonl(join(GOLD_DIR, 'passages.dev-e.jsonl'))
	},
	{
		name: 'dev-f',
		description: 'own passages, sixth tuning split, heavy on loaded language in partisan, tabloid, state-media and press-release voices beyond war news (tune on these)',
		isPublic: false,
		path: () => join(GOLD_DIR, 'passages.dev-f.jsonl'),
		load: () => readJsonl(join(GOLD_DIR, 'passages.dev-f.jsonl'))
	},
	{
		name: 'test',
		description: 'own passages, held-out test split (run only, never tune)',
		isPublic: false,
		path: () => join(GOLD_DIR, 'passages.test.jsonl'),
		load: () => readJsonl(join(GOLD_DIR, 'passages.test.jsonl'))
	},
	{
		name: 'test-b',
		description: 'own passages, second held-out split, written after the analyzers (run only, never tune)',
		isPublic: false,
		path: () => join(GOLD_DIR, 'passages.test-b.jsonl'),
		load: () => readJsonl(join(GOLD_DIR, 'passages.test-b.jsonl'))
	},
	{
		name: 'test-c',
		description: 'own passages, third held-out split, written blind to the analyzers (run only, never tune)',
		isPublic: false,
		path: () => join(GOLD_DIR, 'passages.test-c.jsonl'),
		load: () => readJsonl(join(GOLD_DIR, 'passages.test-c.jsonl'))
	},
	{
		name: 'test-d',
		description: 'own passages, fourth held-out split, written blind to the analyzers (run only, never tune)',
		isPublic: false,
		path: () => join(GOLD_DIR, 'passages.test-d.jsonl'),
		load: () => readJsonl(join(GOLD_DIR, 'passages.test-d.jsonl'))
	},
	{
		name: 'test-e',
		description: 'own passages, fifth held-out split, written blind to the analyzers (run only, never tune)',
		isPublic: false,
		path: () => join(GOLD_DIR, 'passages.test-e.jsonl'),
		load: () => readJsonl(join(GOLD_DIR, 'passages.test-e.jsonl'))
	},
	{
		name: 'test-f',
		description: 'own passages, sixth held-out split, written blind to the analyzers, heavy on loaded language and neutral wire copy (run only, never tune)',
		isPublic: false,
		path: () => join(GOLD_DIR, 'passages.test-f.jsonl'),
		load: () => readJsonl(join(GOLD_DIR, 'passages.test-f.jsonl'))
	},
	{
		name: 'seeds',
		description: 'the five seed pages, annotated by hand',
		isPublic: false,
		path: () => join(GOLD_DIR, 'seeds.jsonl'),
		load: () => readJsonl(join(GOLD_DIR, 'seeds.jsonl'))
	},
	{
		name: 'babe',
		description: 'BABE SG2 dev, biased words (AGPL-3.0, read in place)',
		isPublic: true,
		path: () => join(sharedEvalDir(), 'bias/dev.jsonl'),
		load: loadBabe
	},
	{
		name: 'bioscope',
		description: 'Szeged/BioScope sample, uncertainty cues (CC-BY-2.0, read in place)',
		isPublic: true,
		path: () => join(sharedEvalDir(), 'hedges/dev.bioscope-sample.jsonl'),
		load: loadBioscope
	}
];

export const SET_NAMES = SPECS.map((s) => s.name);

function readJsonl(path: string): GoldItem[] {
	return parseJsonl(readFileSync(path, 'utf8'), path);
}

type BabeRow = { id: string; text: string; biasedWords: { start: number; end: number }[]; label: string };
type BioRow = { id: string; text: string; cues: { start: number; end: number; type: string }[]; uncertain: boolean };

function loadBabe(): GoldItem[] {
	const path = join(sharedEvalDir(), 'bias/dev.jsonl');
	return (parseJsonl(readFileSync(path, 'utf8'), path) as unknown as BabeRow[]).map((r) => ({
		id: r.id,
		text: r.text,
		loaded: r.biasedWords.map((w) => ({ start: w.start, end: w.end })),
		sentence: { isBiased: r.label === 'biased' }
	}));
}

function loadBioscope(): GoldItem[] {
	const path = join(sharedEvalDir(), 'hedges/dev.bioscope-sample.jsonl');
	return (parseJsonl(readFileSync(path, 'utf8'), path) as unknown as BioRow[]).map((r) => ({
		id: r.id,
		text: r.text,
		// Szeged cue types (epistemic, doxastic, condition, investigation) are not ours: kept for the record, not scored.
		hedges: r.cues.map((c) => ({ start: c.start, end: c.end, type: c.type })),
		sentence: { isHedged: r.uncertain }
	}));
}

/** Load the named sets (all when `names` is empty); a set whose file is missing comes back empty with `missing` set. */
export function loadSets(names: readonly string[] = []): GoldSet[] {
	const unknown = names.filter((n) => !SET_NAMES.includes(n));
	if (unknown.length) throw new Error(`slant: expected a set among ${SET_NAMES.join(', ')}, got "${unknown.join(', ')}"`);
	return SPECS.filter((s) => names.length === 0 || names.includes(s.name)).map((s) => {
		const base = { name: s.name, description: s.description, isPublic: s.isPublic };
		if (!existsSync(s.path())) return { ...base, items: [], missing: `not found: ${s.path()}` };
		return { ...base, items: s.load() };
	});
}

/** The seed story's group config, when the quotes work has shipped it; otherwise undefined (every speaker is `other`). */
export function loadGroups(): GroupConfig | undefined {
	const path = join(SEEDS_DIR, 'groups', `${SEED_STORY}.json`);
	return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as GroupConfig) : undefined;
}
