import { expect, test } from 'vitest';
import { SCATTER, scatterLayout } from '$lib/charts/scatter';
import { fixtureSummaries } from '../../fixtures/records';

test('scatter puts the origin at the bottom left and higher hedging higher up', () => {
	const l = scatterLayout(fixtureSummaries());
	const zero = l.points.find((p) => p.id === 'b1')!;
	const most = l.points.find((p) => p.id === 'c1')!;
	expect(zero.x).toBe(SCATTER.left);
	expect(zero.y).toBe(l.plotBottom);
	expect(most.y).toBeLessThan(zero.y);
	expect(most.y).toBeGreaterThanOrEqual(SCATTER.top);
});

test('scatter ticks cover the data and are labelled in words-per-1,000 format', () => {
	const l = scatterLayout(fixtureSummaries());
	expect(l.xTicks[l.xTicks.length - 1].value).toBeGreaterThanOrEqual(10);
	expect(l.yTicks.map((t) => t.label)).toContain('0.0');
});
