import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_ENTRIES, LEXICON_FILES, LexiconError, lexiconFor, listEntries, loadLexicon, parseLexiconFile } from '../../../src/lib/nlp/lexicon';
import type { LexiconChanges, LoadedEntry } from '../../../src/lib/nlp/types';
import { readDoc } from '../../../src/lib/nlp/doc';
import { hitTexts, loadedOf } from './loaded.helpers';

const entry = (over: Partial<LoadedEntry> = {}): LoadedEntry => ({
	id: 'junta-rule',
	term: 'junta rule',
	category: 'pejorative-label',
	strength: 2,
	alternative: 'military government',
	note: 'Test entry.',
	source: 'test',
	...over
});
const file = (entries: unknown[]) => ({ source: 'tests', licence: 'MIT', updated: '2026-11-23', entries });
const changes = (over: Partial<LexiconChanges>): LexiconChanges => ({ add: [], disable: [], recategorise: [], ...over });

describe('shipped lexicon', () => {
	test('holds several hundred entries, each file with a source and a licence', () => {
		expect(DEFAULT_ENTRIES.length).toBeGreaterThan(600);
		for (const f of LEXICON_FILES) expect([f.source.length > 0, f.licence.length > 0]).toEqual([true, true]);
	});

	test('lists every entry with the file and licence it comes from', () => {
		const regime = listEntries().find((e) => e.id === 'regime');
		expect(regime).toMatchObject({ file: 'loaded-style-guides.json', licence: 'MIT', alternative: 'government' });
	});
});

describe('validation', () => {
	test.each([
		[{ ...entry(), strength: 5 }, /bad\.json: entry "junta-rule": strength/],
		[{ ...entry(), category: 'rude' }, /bad\.json: entry "junta-rule": unknown category "rude"/],
		[{ ...entry(), note: '' }, /bad\.json: entry "junta-rule": note/],
		[{ term: 'x' }, /bad\.json: entry #0: id/]
	])('a bad entry is rejected with the file and entry named: %j', (bad, message) => {
		expect(() => parseLexiconFile('bad.json', file([bad]))).toThrow(message);
	});

	test('a file without a licence is rejected', () => {
		expect(() => parseLexiconFile('bad.json', { source: 's', updated: '2026-11-23', entries: [entry()] })).toThrow(/bad\.json: licence/);
	});

	test('a term listed in two files is rejected, naming both', () => {
		expect(() =>
			loadLexicon([
				{ file: 'a.json', data: file([entry()]) },
				{ file: 'b.json', data: file([entry({ id: 'other' })]) }
			])
		).toThrow(new LexiconError('b.json: duplicate term "junta rule" (also a.json)'));
	});
});

describe('story changes', () => {
	test('an added entry is matched', () => {
		expect(hitTexts('Years of junta rule ended.', changes({ add: [entry()] }))).toEqual(['junta rule']);
	});

	test('a disabled entry is not matched', () => {
		expect(hitTexts('The regime fell.', changes({ disable: ['regime'] }))).toEqual([]);
	});

	test('a recategorised entry reports its new category', () => {
		const hits = loadedOf('The regime fell.', undefined, changes({ recategorise: [{ entry: 'regime', category: 'house-style' }] })).hits;
		expect(hits.map((h) => h.category)).toEqual(['house-style']);
	});

	test('an invalid added entry is skipped rather than thrown', () => {
		expect(hitTexts('The regime fell.', changes({ add: [{ ...entry(), strength: 9 as 1 }] }))).toEqual(['regime']);
	});

	test('equal changes share one compiled lexicon', () => {
		const a = changes({ disable: ['regime'] });
		expect(lexiconFor(structuredClone(a))).toBe(lexiconFor(a));
	});

	test('no changes use the shipped lexicon', () => {
		expect(lexiconFor(changes({}))).toBe(lexiconFor(undefined));
	});
});

test('no two curated entries are one term in two spellings: wink respells ("colour" → "color"), so the second would never fire', () => {
	const curated = JSON.parse(readFileSync(new URL('../../../src/lib/lexicons/loaded-curated.json', import.meta.url), 'utf8')) as { entries: { id: string; term: string; pos?: string[] }[] };
	const seen = new Map<string, string>();
	const twins: string[] = [];
	for (const e of curated.entries) {
		const key = `${readDoc(e.term).tokens.map((t) => t.normal).join(' ')}|${(e.pos ?? []).join(',')}`;
		const other = seen.get(key);
		if (other) twins.push(`${other} = ${e.id}`);
		else seen.set(key, e.id);
	}
	expect(twins).toEqual([]);
});
