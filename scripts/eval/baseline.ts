import type { SetScore } from './run';

/** The small fixed sets the regression guard runs: fast, and fully ours. */
export const BASELINE_SETS = ['dev', 'dev-b', 'dev-c', 'dev-d', 'dev-e', 'dev-f', 'seeds'] as const;

/** How far an F1 may fall below the committed baseline before the guard fails. */
export const TOLERANCE = 0.05;

export type BaselineFigures = Record<string, { f1At06: number | null; f1At08: number | null }>;
export type Baseline = { date: string; note: string; sets: Record<string, BaselineFigures> };

/** The figures the guard keeps: F1 at both thresholds per layer, and the hedged-sentence F1. */
export function baselineOf(results: readonly SetScore[], date: string): Baseline {
	const sets: Record<string, BaselineFigures> = {};
	for (const r of results) {
		const figures: BaselineFigures = {};
		for (const l of r.layers) figures[l.layer] = { f1At06: round(l.at06.f1), f1At08: round(l.at08.f1) };
		if (r.hedgedSentences) figures['hedged-sentences'] = { f1At06: round(r.hedgedSentences.f1), f1At08: round(r.hedgedSentences.f1) };
		sets[r.set] = figures;
	}
	return {
		date,
		note: 'Regression guard, not a target: tests/unit/eval-baseline.test.ts fails when an F1 falls more than 0.05 below these. Rewrite with `npm run eval -- --write-baseline` after reviewing the change.',
		sets
	};
}

/** Every figure that fell more than `tolerance` below the baseline, as readable lines. */
export function regressions(baseline: Baseline, current: Baseline, tolerance = TOLERANCE): string[] {
	const out: string[] = [];
	for (const [set, figures] of Object.entries(baseline.sets))
		for (const [layer, was] of Object.entries(figures))
			for (const key of ['f1At06', 'f1At08'] as const) {
				const before = was[key];
				if (before === null) continue;
				const now = current.sets[set]?.[layer]?.[key] ?? 0;
				if (now < before - tolerance) out.push(`${set} ${layer} ${key}: ${before.toFixed(3)} → ${(now ?? 0).toFixed(3)}`);
			}
	return out;
}

function round(x: number | null): number | null {
	return x === null ? null : Math.round(x * 1000) / 1000;
}
