import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { ArticleSummary } from '$lib/server/store';
import { formatValue } from './format';
import { METRICS, evidenceHref, type MetricKey } from './metrics';
import { weightedMean } from './summary';

export const PAIR = { left: 37, right: 96, top: 8, row: 38, axis: 6 } as const;

export type PairMark = { value: number | null; x: number | null; text: string; href: string | null };
export type PairRow = { key: MetricKey; label: string; y: number; a: PairMark; b: PairMark; difference: string };

/**
 * Two sides (articles or outlets) aligned metric by metric. Each row has its
 * own scale, from 0 to the story's highest article, as on the outlet page.
 */
export function pairRows(story: ArticleSummary[], a: ArticleSummary[], b: ArticleSummary[], keys: MetricKey[]): { rows: PairRow[]; height: number } {
	const rows = keys.map((key, i) => {
		const m = METRICS[key];
		const hi = Math.max(m.domain?.[1] ?? 0, max([...story, ...a, ...b], (s) => s[key] ?? 0) ?? 0, m.unit === 'per1000' ? 1 : 0);
		const x = scaleLinear()
			.domain([m.domain?.[0] ?? 0, hi])
			.range([PAIR.left, PAIR.right]);
		const mark = (side: ArticleSummary[]): PairMark => {
			const value = weightedMean(side, key);
			const top = [...side].sort((p, q) => (q[key] ?? 0) - (p[key] ?? 0))[0];
			return { value, x: value === null ? null : x(value), text: formatValue(value, m.unit), href: top ? evidenceHref(top.id, key) : null };
		};
		const ma = mark(a);
		const mb = mark(b);
		const diff = ma.value !== null && mb.value !== null ? ma.value - mb.value : null;
		return {
			key,
			label: m.short,
			y: PAIR.top + i * PAIR.row + PAIR.row / 2,
			a: ma,
			b: mb,
			difference: diff === null ? 'n/a' : `${diff > 0 ? '+' : diff < 0 ? '−' : '±'}${formatValue(Math.abs(diff), m.unit)}`
		};
	});
	return { rows, height: PAIR.top + keys.length * PAIR.row + PAIR.axis };
}
