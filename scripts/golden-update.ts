/**
 * `npm run golden:update`: re-analyse every seed and rewrite
 * `tests/golden/<seed id>.json`. Read the printed changes (and `git diff`)
 * before committing: the files are reviewed expectations, not snapshots.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { analyzeSeeds, diffGolden, formatGolden, GOLDEN_DIR, goldenOf, goldenPath, readGolden } from './eval/golden';

mkdirSync(GOLDEN_DIR, { recursive: true });
for (const record of analyzeSeeds()) {
	const next = goldenOf(record);
	const previous = readGolden(record.id);
	const changes = previous ? diffGolden(previous, next) : ['(new file)'];
	writeFileSync(goldenPath(record.id), formatGolden(next));
	console.log(`${record.id}: ${changes.length ? `${changes.length} change(s)` : 'unchanged'}`);
	for (const c of changes.slice(0, 40)) console.log(`  ${c}`);
	if (changes.length > 40) console.log(`  … and ${changes.length - 40} more`);
}
