import { describe, expect, test } from 'vitest';
import { DOT, dotPanel } from '$lib/charts/dotplot';
import { outletMeans, outletOrder, weightedMean } from '$lib/charts/summary';
import { fixtureSummaries } from '../../fixtures/records';

const articles = fixtureSummaries();
const outlets = outletOrder(articles);

describe('dotPanel', () => {
	test('places one dot per article with a value, inside the plot band', () => {
		const p = dotPanel(articles, 'loadedPer1000', outlets);
		expect(p.dots).toHaveLength(4);
		for (const d of p.dots) {
			expect(d.x).toBeGreaterThanOrEqual(DOT.left);
			expect(d.x).toBeLessThanOrEqual(DOT.right);
		}
	});

	test('maps 0 to the left edge and the largest value inside the right edge', () => {
		const p = dotPanel(articles, 'loadedPer1000', outlets);
		const zero = p.dots.find((d) => d.id === 'b1')!;
		const ten = p.dots.find((d) => d.id === 'a1')!;
		expect(zero.x).toBe(DOT.left);
		expect(ten.x).toBeGreaterThan(zero.x);
		expect(ten.x).toBeLessThanOrEqual(DOT.right);
	});

	test('puts both articles of one outlet on the same row, rows in alphabetical order', () => {
		const p = dotPanel(articles, 'loadedPer1000', outlets);
		expect(p.rows.map((r) => r.name)).toEqual(['Alpha', 'Beta', 'Gamma (republished)']);
		const [a1, a2] = ['a1', 'a2'].map((id) => p.dots.find((d) => d.id === id)!);
		expect(a1.y).toBe(a2.y);
		expect(p.dots.find((d) => d.id === 'b1')!.y).toBeGreaterThan(a1.y);
	});

	test('skips null values and marks the row as missing', () => {
		const p = dotPanel(articles, 'balance', outlets);
		expect(p.dots.map((d) => d.id)).not.toContain('b1');
		expect(p.rows.find((r) => r.slug === 'beta')!.missing).toBe(true);
	});

	test('uses the fixed 0–1 domain for shares and indices', () => {
		const p = dotPanel(articles, 'balance', outlets);
		expect(p.ticks[0].value).toBe(0);
		expect(p.ticks[p.ticks.length - 1].value).toBe(1);
		expect(p.dots.find((d) => d.id === 'a2')!.x).toBe(DOT.right);
	});

	test('keeps a non-degenerate scale when every value is 0', () => {
		const zeros = articles.map((a) => ({ ...a, hedgesPer1000: 0 }));
		const p = dotPanel(zeros, 'hedgesPer1000', outlets);
		expect(p.dots.every((d) => Number.isFinite(d.x) && d.x === DOT.left)).toBe(true);
		expect(p.ticks.length).toBeGreaterThan(1);
	});

	test('links every dot to the reader with the metric’s layer and first instance', () => {
		const p = dotPanel(articles, 'hedgesPer1000', outlets);
		expect(p.dots[0].href).toBe('/article/a1?layer=hedges#hedge-1');
	});

	test('draws the story mean weighted by words', () => {
		const p = dotPanel(articles, 'loadedPer1000', outlets);
		expect(p.mean!.value).toBeCloseTo(weightedMean(articles, 'loadedPer1000')!);
	});
});

describe('weightedMean', () => {
	test('weights articles by their words', () => {
		const two = fixtureSummaries().filter((a) => a.outletSlug === 'alpha');
		// (300 × 10 + 900 × 2) ÷ 1,200 = 4
		expect(weightedMean(two, 'loadedPer1000')).toBeCloseTo(4);
	});

	test('is null when every value is null', () => {
		expect(weightedMean(fixtureSummaries().filter((a) => a.outletSlug === 'beta'), 'balance')).toBeNull();
	});
});

describe('dotPanel for a large story (compact)', () => {
	test('dots carry no text or links, and each outlet row has its average', () => {
		const p = dotPanel(articles, 'hedgesPer1000', outlets, true);
		expect(p.isCompact).toBe(true);
		expect(p.dots.every((d) => d.label === '' && d.href === '' && d.title === '')).toBe(true);
		const means = outletMeans(articles, 'hedgesPer1000');
		for (const r of p.rows) expect(r.mean).toBe(means.find((m) => m.slug === r.slug)?.value ?? null);
		expect(p.rows.every((r) => r.mean === null || (r.meanX !== null && r.meanX >= DOT.left && r.meanX <= DOT.right))).toBe(true);
	});
});
