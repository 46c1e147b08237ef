/**
 * `npx tsx scripts/gold/build.ts`: turn the marked-up gold sources in
 * `tests/gold/src/` into the JSONL the evaluation reads. Seed sources are
 * marked-up copies of the seed pages; the stripped text must equal the seed
 * file exactly, or the build stops and says where they part.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../../src/lib/text/decode';
import { checkSplit, type GoldItem } from '../eval/gold';
import { GOLD_DIR, SEEDS_DIR } from '../eval/sets';
import { parseMarkup, parsePassages } from './markup';

const SRC = join(GOLD_DIR, 'src');

type ManifestArticle = { id: string; file: string; story: string; outlet: string | null; title: string | null; author: string | null; date: string | null };

function write(name: string, items: GoldItem[]): void {
	const problems = checkSplit(items);
	if (problems.length) throw new Error(`slant: ${name}: ${problems.join('\n')}`);
	writeFileSync(join(GOLD_DIR, name), items.map((it) => JSON.stringify(it)).join('\n') + '\n');
	console.log(`slant: wrote tests/gold/${name} (${items.length} items)`);
}

for (const split of ['dev', 'dev-b', 'dev-c', 'dev-d', 'dev-e', 'dev-f', 'test', 'test-b', 'test-c', 'test-d', 'test-e', 'test-f']) write(`passages.${split}.jsonl`, parsePassages(readFileSync(join(SRC, `passages.${split}.txt`), 'utf8')));

const manifest = JSON.parse(readFileSync(join(SEEDS_DIR, 'manifest.json'), 'utf8')) as { articles: ManifestArticle[] };
const seedSources = new Set(readdirSync(join(SRC, 'seeds')));
const seeds: GoldItem[] = [];
for (const a of manifest.articles) {
	if (!seedSources.has(`${a.id}.txt`)) continue;
	const item = parseMarkup(a.id, readFileSync(join(SRC, 'seeds', `${a.id}.txt`), 'utf8'));
	const original = decodeText(readFileSync(join(SEEDS_DIR, a.file)), a.file);
	if (item.text !== original) {
		let i = 0;
		while (i < original.length && original[i] === item.text[i]) i++;
		throw new Error(`slant: ${a.id}: marked-up text departs from the seed at ${i}: seed "${original.slice(i, i + 40)}", gold "${item.text.slice(i, i + 40)}"`);
	}
	const meta = { outlet: a.outlet, title: a.title, author: a.author, date: a.date, story: a.story };
	seeds.push({ id: item.id, text: item.text, meta, ...Object.fromEntries(Object.entries(item).filter(([k]) => k !== 'id' && k !== 'text')) });
}
write('seeds.jsonl', seeds);
