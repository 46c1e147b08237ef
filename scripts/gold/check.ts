/**
 * `npx tsx scripts/gold/check.ts tests/gold/src/passages.<split>.txt`: parse one
 * marked-up gold source and print what it holds, or the first markup error.
 * For annotators: it reads no analyzer code and runs no analyzer.
 */
import { readFileSync } from 'node:fs';
import { checkSplit } from '../eval/gold';
import { parsePassages } from './markup';

const file = process.argv[2];
if (!file) throw new Error('usage: npx tsx scripts/gold/check.ts <source.txt>');
const items = parsePassages(readFileSync(file, 'utf8'));
const problems = checkSplit(items);
if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
const count = (layer: 'quotes' | 'indirect' | 'hedges' | 'boosters' | 'loaded') => items.reduce((n, it) => n + (it[layer]?.length ?? 0), 0);
const words = items.reduce((n, it) => n + (it.text.match(/\S+/g)?.length ?? 0), 0);
const neutral = items.filter((it) => it.tags?.includes('neutral')).length;
console.log(`${items.length} items (${neutral} neutral), ${words} words; quotes ${count('quotes')}, indirect ${count('indirect')}, loaded ${count('loaded')}, hedges ${count('hedges')}, boosters ${count('boosters')}`);
