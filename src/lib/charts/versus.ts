import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { ArticleSummary } from '$lib/server/store';
import { formatValue } from './format';
import { METRICS, evidenceHref, type MetricKey } from './metrics';
import { weightedMean } from './summary';

export const VERSUS = { left: 40, right: 86, top: 6, row: 34, axis: 8 } as const;

export type VersusRow = {
	key: MetricKey;
	label: string;
	y: number;
	value: number | null;
	average: number | null;
	/** Per cent of the width. */
	x: number | null;
	avgX: number | null;
	text: string;
	href: string | null;
	/** "above", "below" or "at" the story average, in words. */
	reading: string;
};

/**
 * One outlet against the story: a row per metric on its own scale, from 0 (or
 * the metric's floor) to the story's highest article, so units never mix.
 */
export function versusRows(all: ArticleSummary[], mine: ArticleSummary[], keys: MetricKey[]): { rows: VersusRow[]; height: number } {
	const rows = keys.map((key, i) => {
		const m = METRICS[key];
		const value = weightedMean(mine, key);
		const average = weightedMean(all, key);
		const hi = Math.max(m.domain?.[1] ?? 0, max(all, (a) => a[key] ?? 0) ?? 0, m.unit === 'per1000' ? 1 : 0);
		const x = scaleLinear()
			.domain([m.domain?.[0] ?? 0, hi])
			.range([VERSUS.left, VERSUS.right]);
		const first = [...mine].sort((a, b) => (b[key] ?? 0) - (a[key] ?? 0))[0];
		const diff = value !== null && average !== null ? value - average : null;
		const close = diff !== null && Math.abs(diff) < (m.unit === 'per1000' ? 0.05 : 0.005);
		return {
			key,
			label: m.short,
			y: VERSUS.top + i * VERSUS.row + VERSUS.row / 2,
			value,
			average,
			x: value === null ? null : x(value),
			avgX: average === null ? null : x(average),
			text: formatValue(value, m.unit),
			href: first ? evidenceHref(first.id, key) : null,
			reading:
				diff === null
					? 'no value'
					: close
						? `at the story average (${formatValue(average, m.unit)})`
						: `${diff > 0 ? 'above' : 'below'} the story average of ${formatValue(average, m.unit)}`
		};
	});
	return { rows, height: VERSUS.top + keys.length * VERSUS.row + VERSUS.axis };
}
