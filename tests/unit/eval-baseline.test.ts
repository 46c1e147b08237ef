import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BASELINE_SETS, baselineOf, regressions, type Baseline } from '../../scripts/eval/baseline';
import { evaluateSet } from '../../scripts/eval/run';
import { GOLD_DIR, loadGroups, loadSets } from '../../scripts/eval/sets';

const committed = JSON.parse(readFileSync(join(GOLD_DIR, 'baseline.json'), 'utf8')) as Baseline;

describe('evaluation baseline', () => {
	test('no F1 on the tuning passages (dev, dev-b, dev-c) or the seeds falls more than 0.05 below tests/gold/baseline.json', () => {
		const groups = loadGroups();
		const current = baselineOf(
			loadSets([...BASELINE_SETS]).map((s) => evaluateSet(s, { groups })),
			committed.date
		);
		const fallen = regressions(committed, current);
		expect(fallen, `F1 fell below the baseline (a regression guard, not a target):\n${fallen.join('\n')}`).toEqual([]);
	});

	test('the guard reports a figure that fell by more than the tolerance', () => {
		const before: Baseline = { date: '', note: '', sets: { dev: { quotes: { f1At06: 0.8, f1At08: 0.7 } } } };
		const after: Baseline = { date: '', note: '', sets: { dev: { quotes: { f1At06: 0.74, f1At08: 0.66 } } } };
		expect(regressions(before, after)).toEqual(['dev quotes f1At06: 0.800 → 0.740']);
	});

	test('the baseline covers every layer annotated in the fixed sets', () => {
		expect(Object.keys(committed.sets.dev ?? {})).toEqual(expect.arrayContaining(['quotes', 'indirect', 'loaded', 'hedges', 'boosters']));
		expect(Object.keys(committed.sets.seeds ?? {})).toContain('chrome');
	});
});
