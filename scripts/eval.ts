/**
 * `npm run eval [-- --set NAME] [--json] [--verbose] [--write-baseline]`:
 * run `analyze` over every gold set and print precision, recall and F1 per
 * analyzer and set. It measures; it does not gate, so it always exits 0.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineOf, BASELINE_SETS } from './eval/baseline';
import type { Scores } from './eval/match';
import { evaluateSet, type Accuracy, type ClassScore, type SetScore } from './eval/run';
import { GOLD_DIR, loadGroups, loadSets } from './eval/sets';

const args = process.argv.slice(2);
const names = args.flatMap((a, i) => (args[i - 1] === '--set' ? a.split(',') : a.startsWith('--set=') ? a.slice(6).split(',') : []));
const isJson = args.includes('--json');
const isVerbose = args.includes('--verbose');
const isWriteBaseline = args.includes('--write-baseline');

const groups = loadGroups();
const sets = loadSets(isWriteBaseline ? [...BASELINE_SETS] : names);
const results = sets.map((s) => evaluateSet(s, { groups }));

if (isWriteBaseline) {
	const path = join(GOLD_DIR, 'baseline.json');
	writeFileSync(path, JSON.stringify(baselineOf(results, new Date().toISOString().slice(0, 10)), null, '\t') + '\n');
	console.log(`slant: wrote ${path}`);
}

for (const r of results) print(r);
if (!groups) console.log('\nnote: no seeds/groups/ config for the seed story yet: every predicted group is "other".');
if (isJson) console.log(JSON.stringify({ groups: groups ? 'loaded' : 'none', results: results.map(({ findings, ...rest }) => (isVerbose ? { ...rest, findings } : rest)) }));

function pct(x: number | null): string {
	return x === null ? '   –' : (x * 100).toFixed(1).padStart(5);
}

function prf(s: Scores): string {
	return `${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`;
}

function acc(label: string, a: Accuracy | undefined): string {
	return a ? `${label} ${pct(a.accuracy).trim()}% (${a.correct}/${a.matched})` : '';
}

function cls(label: string, c: ClassScore): string {
	return `  ${label}: P/R/F1 ${prf(c)}  accuracy ${pct(c.accuracy).trim()}%  (n=${c.n}, tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
}

function print(r: SetScore): void {
	console.log(`\n== ${r.set}: ${r.description} — ${r.items} items, ${r.words} words, ${r.ms} ms`);
	if (r.missing) {
		console.log(`  skipped: ${r.missing}`);
		return;
	}
	if (r.unscored) console.log(`  ${r.unscored} items had no scorable text (body detection kept nothing)`);
	console.log(`  ${'layer'.padEnd(9)} ${'items'.padStart(5)} ${'gold'.padStart(5)} ${'pred'.padStart(5)} | ${'P@.6  R@.6  F1@.6'.padStart(17)} | ${'P@.8  R@.8  F1@.8'.padStart(17)} |`);
	for (const l of r.layers) {
		const extras = [acc('speaker', l.speaker), acc('group', l.group), acc('kind', l.kind), acc('type', l.type)].filter(Boolean).join('  ');
		console.log(
			`  ${l.layer.padEnd(9)} ${String(l.items).padStart(5)} ${String(l.gold).padStart(5)} ${String(l.predicted).padStart(5)} | ${prf(l.at06)} | ${prf(l.at08)} | ${extras}`
		);
	}
	if (r.hedgedSentences) console.log(cls('hedged sentences (uncertain class)', r.hedgedSentences));
	if (r.biasedSentences) console.log(cls('biased sentences', r.biasedSentences));
	if (r.neutralLoaded)
		console.log(`  loaded false hits on ${r.neutralLoaded.items} neutral passages: ${r.neutralLoaded.falseHits} in ${r.neutralLoaded.words} words = ${pct(r.neutralLoaded.per1000 === null ? null : r.neutralLoaded.per1000 / 100).trim()} per 1,000 words`);
	if (!isVerbose || r.findings.length === 0) return;
	console.log(`  findings (overlap ≥ 0.6):`);
	for (const f of r.findings) console.log(`    [${f.layer}] ${f.what.padEnd(13)} ${f.item}: ${f.context}${f.detail ? `  (${f.detail})` : ''}`);
}
