import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkItem, LAYERS, type GoldItem } from '../../scripts/eval/gold';
import { GOLD_DIR, loadSets } from '../../scripts/eval/sets';
import { parseMarkup, parsePassages } from '../../scripts/gold/markup';

const own = loadSets(['dev', 'dev-b', 'dev-c', 'dev-d', 'dev-e', 'dev-f', 'test', 'test-b', 'test-c', 'test-d', 'test-e', 'test-f', 'seeds']);
const items = own.flatMap((s) => s.items.map((it) => [`${s.name}/${it.id}`, it] as const));

describe('gold data', () => {
	test.each(items)('every span of %s slices its own text and is well formed', (_, item) => {
		expect(checkItem(item)).toEqual([]);
	});

	test('the passages number at least 60, about a third of them in the test split', () => {
		const dev = own.find((s) => s.name === 'dev')!.items.length;
		const held = own.find((s) => s.name === 'test')!.items.length;
		expect(dev + held).toBeGreaterThanOrEqual(60);
		expect(held / (dev + held)).toBeGreaterThan(0.28);
	});

	test.each([
		['test-b', 'second held-out split', 40, 8],
		['dev-b', 'second tuning split', 40, 8],
		['dev-c', 'third tuning split', 50, 10],
		['dev-d', 'fourth tuning split', 50, 8],
		['dev-e', 'fifth tuning split', 50, 8],
		['dev-f', 'sixth tuning split', 50, 12],
		['test-c', 'third held-out split', 50, 10],
		['test-d', 'fourth held-out split', 50, 10],
		['test-e', 'fifth held-out split', 50, 10],
		['test-f', 'sixth held-out split', 50, 15]
	])('%s (%s) has at least %i passages, %i of them neutral with no loaded terms', (name, _, passages, neutral) => {
		const set = own.find((s) => s.name === name)!;
		expect(set.missing).toBeUndefined();
		expect(set.items.length).toBeGreaterThanOrEqual(passages);
		const neutrals = set.items.filter((i) => i.tags?.includes('neutral'));
		expect(neutrals.length).toBeGreaterThanOrEqual(neutral);
		expect(neutrals.flatMap((i) => i.loaded ?? [])).toEqual([]);
	});

	test('passage ids are unique across all passage splits', () => {
		const ids = own.filter((s) => s.name !== 'seeds').flatMap((s) => s.items.map((i) => i.id));
		expect(new Set(ids).size).toBe(ids.length);
	});

	test('the committed JSONL is what the marked-up sources build to', () => {
		for (const split of ['dev', 'dev-b', 'dev-c', 'dev-d', 'dev-e', 'dev-f', 'test', 'test-b', 'test-c', 'test-d', 'test-e', 'test-f']) {
			const built = parsePassages(readFileSync(join(GOLD_DIR, 'src', `passages.${split}.txt`), 'utf8'));
			const committed = own.find((s) => s.name === split)!.items;
			expect(committed, `run npx tsx scripts/gold/build.ts for ${split}`).toEqual(built);
		}
	});

	test('every own item annotates every text layer', () => {
		const missing = own
			.flatMap((s) => s.items)
			.flatMap((it: GoldItem) => LAYERS.filter((l) => l !== 'chrome' && it[l] === undefined).map((l) => `${it.id}: ${l}`));
		expect(missing).toEqual([]);
	});
});

describe('gold markup', () => {
	test('a speech quote keeps its speaker and group and loses its markup', () => {
		const item = parseMarkup('x', '“{{Q speaker="Putin" group="russia-gov":We agree}},” Putin said.');
		expect(item.text).toBe('“We agree,” Putin said.');
		expect(item.quotes).toEqual([{ start: 1, end: 9, kind: 'speech', speaker: 'Putin', group: 'russia-gov' }]);
	});

	test.each([
		['[[Hm:may]]', 'modal'],
		['[[Ha:reportedly]]', 'adverb'],
		['[[He:appear to]]', 'epistemic-verb'],
		['[[Hv:critics argue]]', 'vague-attribution'],
		['[[Hd:so-called]]', 'distancing'],
		['[[Hx:about]]', 'approximator']
	])('%s is a hedge of type %s', (markup, type) => {
		expect(parseMarkup('x', `It ${markup} work.`).hedges.map((h) => h.type)).toEqual([type]);
	});

	test('nested tags give nested spans', () => {
		const item = parseMarkup('x', '“{{Q speaker=null role="official" group="us-gov":the [[L:regime]] fell}}”');
		expect(item.loaded.map((l) => item.text.slice(l.start, l.end))).toEqual(['regime']);
		expect(item.quotes[0].speaker).toBeNull();
	});

	test.each([['{{Q speaker="A":unclosed'], ['[[L:word}}'], ['[[Z:word]]']])('malformed markup %s is rejected', (source) => {
		expect(() => parseMarkup('x', source)).toThrow(/slant: x/);
	});
});

describe('second annotation for inter-annotator agreement', () => {
	const second = parsePassages(readFileSync(join(GOLD_DIR, 'agreement/loaded.second-annotator.txt'), 'utf8'));
	const tuning = new Map(own.filter((s) => s.name.startsWith('dev') || s.name === 'seeds').flatMap((s) => s.items.map((it) => [it.id, it] as const)));

	test('holds 40 tuning passages, each a verbatim copy of its gold text, with loaded spans and no other layer', () => {
		expect(second).toHaveLength(40);
		for (const item of second) {
			expect(tuning.get(item.id)?.text, item.id).toBe(item.text);
			expect(checkItem(item)).toEqual([]);
			for (const layer of LAYERS) if (layer !== 'loaded') expect(item[layer] ?? [], `${item.id} ${layer}`).toEqual([]);
		}
	});
});
