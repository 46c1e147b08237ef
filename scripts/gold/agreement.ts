/**
 * `npx tsx scripts/gold/agreement.ts [tests/gold/agreement/<file>.txt]`: how far
 * a second annotator agrees with the gold loaded-term spans of the same passages,
 * next to how far `analyze()` agrees with each of them. The second annotation is
 * a passages file in the gold markup (`=== <id>`, `[[L:…]]`) holding tuning
 * passages only, each copied verbatim and annotated from the guideline alone.
 *
 * This is the human ceiling for loaded-term scores: recall against one annotator
 * cannot be expected to exceed what a second careful annotator reaches.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/lib/nlp/analyze';
import type { GoldItem, GoldLoaded } from '../eval/gold';
import { addCounts, countWords, matchSpans, scores, ZERO, type Counts } from '../eval/match';
import { GOLD_DIR, loadGroups, loadSets } from '../eval/sets';
import { parsePassages } from './markup';

const TUNING = ['dev', 'dev-b', 'dev-c', 'dev-d', 'dev-e', 'dev-f', 'seeds'];
const file = process.argv[2] ?? join(GOLD_DIR, 'agreement/loaded.second-annotator.txt');

const second = parsePassages(readFileSync(file, 'utf8'));
const gold = new Map<string, { set: string; item: GoldItem }>();
for (const set of loadSets(TUNING)) for (const item of set.items) gold.set(item.id, { set: set.name, item });

type Row = { items: number; words: number; neutralWords: number; humanVsGold: Counts; systemVsGold: Counts; systemVsHuman: Counts; humanNeutralHits: number; systemNeutralHits: number };
const emptyRow = (): Row => ({ items: 0, words: 0, neutralWords: 0, humanVsGold: ZERO, systemVsGold: ZERO, systemVsHuman: ZERO, humanNeutralHits: 0, systemNeutralHits: 0 });
const rows = new Map<string, Row>();
const groups = loadGroups();

const counts = (reference: readonly GoldLoaded[], other: readonly GoldLoaded[]): Counts => {
	const m = matchSpans(reference, other, 0.6);
	return { tp: m.pairs.length, fp: m.falseHits.length, fn: m.missed.length };
};

for (const item of second) {
	const found = gold.get(item.id);
	if (!found) throw new Error(`slant: ${item.id} is not a tuning passage (only ${TUNING.join(', ')} may be annotated twice)`);
	if (found.item.text !== item.text) throw new Error(`slant: ${item.id}: the text differs from the gold passage; copy it verbatim`);
	if (!found.item.loaded) continue;
	const human = item.loaded ?? [];
	const reference = found.item.loaded;
	const record = analyze({ id: item.id, text: item.text, meta: found.item.meta }, { groups });
	const system = record.loaded.hits;
	const isNeutral = found.item.tags?.includes('neutral') ?? false;
	const words = countWords(item.text);
	for (const key of [found.set, 'pooled']) {
		const row = rows.get(key) ?? emptyRow();
		rows.set(key, {
			items: row.items + 1,
			words: row.words + words,
			neutralWords: row.neutralWords + (isNeutral ? words : 0),
			humanVsGold: addCounts(row.humanVsGold, counts(reference, human)),
			systemVsGold: addCounts(row.systemVsGold, counts(reference, system)),
			systemVsHuman: addCounts(row.systemVsHuman, counts(human, system)),
			humanNeutralHits: row.humanNeutralHits + (isNeutral ? human.length : 0),
			systemNeutralHits: row.systemNeutralHits + (isNeutral ? system.length : 0)
		});
	}
}

const pct = (x: number | null) => (x === null ? '   –' : (100 * x).toFixed(1).padStart(5));
const prf = (c: Counts) => {
	const s = scores(c);
	return `${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`;
};
const per1000 = (hits: number, words: number) => (words === 0 ? '–' : ((hits * 1000) / words).toFixed(1));

console.log(`loaded-term agreement, ${file}: P / R / F1 at overlap 0.6 (the first named is the reference)`);
console.log(`${'set'.padEnd(8)} items  words | second annotator vs gold | analyze vs gold   | analyze vs second | neutral hits per 1,000 (second, analyze)`);
for (const [name, r] of [...rows].sort((a, b) => (a[0] === 'pooled' ? 1 : b[0] === 'pooled' ? -1 : a[0].localeCompare(b[0])))) {
	console.log(
		`${name.padEnd(8)} ${String(r.items).padStart(5)} ${String(r.words).padStart(6)} | ${prf(r.humanVsGold)}        | ${prf(r.systemVsGold)} | ${prf(r.systemVsHuman)} | ${per1000(r.humanNeutralHits, r.neutralWords)}, ${per1000(r.systemNeutralHits, r.neutralWords)} in ${r.neutralWords} words`
	);
}
