import { describe, expect, test } from 'vitest';
import { STACK, legendGroups, quoteStacks, type QuoteRow } from '$lib/charts/stack';
import { GROUPS } from '../../fixtures/records';

const rows: QuoteRow[] = [
	{
		slug: 'alpha',
		name: 'Alpha',
		wordsByGroup: { 'russia-gov': 30, 'china-gov': 10 },
		speakers: [
			{ name: 'Dmitry Peskov', group: 'russia-gov', words: 10, quotes: 1 },
			{ name: 'Vladimir Putin', group: 'russia-gov', words: 20, quotes: 2 },
			{ name: 'Wang Wenbin', group: 'china-gov', words: 10, quotes: 1 }
		],
		firstByGroup: { 'russia-gov': '/article/a1?layer=quotes#quote-1' }
	},
	{ slug: 'beta', name: 'Beta', wordsByGroup: {}, speakers: [], firstByGroup: {} }
];

describe('quoteStacks', () => {
	const { bars, groups, height } = quoteStacks(rows, GROUPS.filter((g) => g.id !== 'other'));

	test('stacks each outlet’s groups end to end across the full width', () => {
		const segs = bars[0].segments;
		expect(segs.map((s) => s.group)).toEqual(['russia-gov', 'china-gov']);
		expect(segs[0].x).toBeCloseTo(STACK.left);
		expect(segs[1].x).toBeCloseTo(segs[0].x + segs[0].width);
		expect(segs[1].x + segs[1].width).toBeCloseTo(STACK.right);
	});

	test('gives each segment its share of the outlet’s quoted words', () => {
		expect(bars[0].segments.map((s) => s.share)).toEqual([0.75, 0.25]);
		expect(bars[0].total).toBe(40);
	});

	test('lists speakers by words, most first', () => {
		expect(bars[0].segments[0].speakers).toEqual(['Vladimir Putin', 'Dmitry Peskov']);
	});

	test('gives an outlet without quotes an empty bar on its own row', () => {
		expect(bars[1].segments).toEqual([]);
		expect(bars[1].total).toBe(0);
		expect(bars[1].y).toBeGreaterThan(bars[0].y);
		expect(height).toBe(STACK.top + 2 * STACK.row + STACK.axis);
	});

	test('adds the `other` group to the legend once', () => {
		expect(groups.filter((g) => g.id === 'other')).toHaveLength(1);
		expect(legendGroups(GROUPS, rows).filter((g) => g.id === 'other')).toHaveLength(1);
	});

	test('keeps the link to the first quote of a group', () => {
		expect(bars[0].segments[0].href).toBe('/article/a1?layer=quotes#quote-1');
		expect(bars[0].segments[1].href).toBeNull();
	});
});
