import { expect, test } from 'vitest';
import { outletStyles, shapePath, shortName } from '$lib/charts/colours';
import { formatValue } from '$lib/charts/format';
import { readMetric, readScatter, readStacks } from '$lib/charts/readings';
import { quoteStacks } from '$lib/charts/stack';
import { fixtureSummaries, GROUPS } from '../../fixtures/records';

test('a metric reading names the top and bottom outlet with values', () => {
	// Alpha pools to (300 × 2 + 900 × 4) ÷ 1,200 = 3.5, Gamma 8.0, Beta 0.0; story (600 + 3,600 + 3,200) ÷ 2,200 = 3.4
	expect(readMetric(fixtureSummaries(), 'hedgesPer1000')).toBe(
		'Gamma (republished) hedges the most (8.0); Beta the least (0.0). Story average 3.4.'
	);
});

test('an all-zero metric reads as none found', () => {
	const zeros = fixtureSummaries().map((a) => ({ ...a, boostersPer1000: 0 }));
	expect(readMetric(zeros, 'boostersPer1000')).toBe('No outlet uses a listed booster.');
});

test('a metric that is zero at the top but negative below is not read as all zero', () => {
	const values = [0, -1, -0.5];
	const summaries = fixtureSummaries().map((a, i) => ({ ...a, certainty: values[i % values.length] }));
	expect(readMetric(summaries, 'certainty')).not.toMatch(/scores 0/);
	expect(readMetric(summaries, 'certainty')).toMatch(/the least \(-/);
});

test('balance with no quotes anywhere says it cannot be computed', () => {
	const none = fixtureSummaries().map((a) => ({ ...a, balance: null }));
	expect(readMetric(none, 'balance')).toMatch(/cannot be computed/);
});

test('the stack reading names an outlet that quotes one or two groups only', () => {
	const { bars } = quoteStacks(
		[
			{ slug: 'a', name: 'Antiwar.com', wordsByGroup: { 'russia-gov': 5, 'china-gov': 5 }, speakers: [], firstByGroup: {} },
			{ slug: 'b', name: 'Beta', wordsByGroup: {}, speakers: [], firstByGroup: {} }
		],
		GROUPS
	);
	expect(readStacks(bars)).toBe('Antiwar.com quotes Russian government and Chinese government only. Beta carries no direct quotes.');
	expect(readStacks([])).toMatch(/No direct quotes/);
});

test('the scatter reading falls back when every article is at zero', () => {
	const zeros = fixtureSummaries().map((a) => ({ ...a, loadedPer1000: 0, hedgesPer1000: 0 }));
	expect(readScatter(zeros)).toMatch(/every dot sits at zero/);
	expect(readScatter(fixtureSummaries())).toMatch(/^Alpha uses the most loaded language \(10\.0 per 1,000 words\); Gamma \(republished\) hedges the most/);
});

test('outlet colours and shapes are stable, distinct and independent of input order', () => {
	const a = outletStyles([{ slug: 'b', name: 'B' }, { slug: 'a', name: 'A' }]);
	const b = outletStyles([{ slug: 'a', name: 'A' }, { slug: 'b', name: 'B' }]);
	expect(a).toEqual(b);
	expect(a.a.colour).not.toBe(a.b.colour);
	expect(a.a.shape).not.toBe(a.b.shape);
	expect(shapePath(a.a.shape)).toMatch(/^M/);
});

test('formats and short names', () => {
	expect(formatValue(3.14159, 'per1000')).toBe('3.1');
	expect(formatValue(0.256, 'share')).toBe('26%');
	expect(formatValue(null, 'index')).toBe('n/a');
	expect(shortName('Financial Times (republished)')).toBe('Financial Times');
	expect(shortName('A very long outlet name indeed', 12)).toBe('A very long…');
});

test('profile metrics list each measure once (they key chart rows)', async () => {
	const { PROFILE_METRICS } = await import('$lib/charts/metrics');
	expect(new Set(PROFILE_METRICS).size).toBe(PROFILE_METRICS.length);
});
