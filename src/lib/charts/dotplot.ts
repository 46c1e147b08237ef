import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import type { ArticleSummary } from '$lib/server/store';
import { formatValue } from './format';
import { METRICS, evidenceHref, type MetricKey } from './metrics';
import { outletMeans, weightedMean } from './summary';

/**
 * Dot plot geometry. x is in per cent of the chart's width, so one server
 * render fits any screen without JavaScript and without a layout shift; y is in
 * pixels, fixed by the number of rows.
 */
/** Positions to 0.01 (% of the width or pixels): finer is invisible, and a story of a thousand articles sends every digit. */
export const at = (v: number): number => Math.round(v * 100) / 100;

export const DOT = { left: 40, right: 95, top: 10, row: 30, axis: 34 } as const;

export type Dot = {
	id: string;
	slug: string;
	outlet: string;
	title: string;
	value: number;
	/** Per cent of the chart's width. */
	x: number;
	/** Pixels from the top. */
	y: number;
	label: string;
	href: string;
};

export type Tick = { value: number; x: number; label: string };

/** An outlet's row: its word-weighted mean, for the outlet marks of a compact chart. */
export type DotRow = { slug: string; name: string; y: number; missing: boolean; mean: number | null; meanX: number | null; count: number };

export type DotPanel = {
	key: MetricKey;
	height: number;
	/** Dots carry no text and are not links; each outlet's mean is the mark (large stories). */
	isCompact: boolean;
	rows: DotRow[];
	dots: Dot[];
	ticks: Tick[];
	mean: { value: number; x: number; label: string } | null;
};

/** Lay out one metric: a row per outlet, a dot per article, the story's word-weighted mean as a rule. */
export function dotPanel(articles: ArticleSummary[], key: MetricKey, outlets: { slug: string; name: string }[], isCompact = false): DotPanel {
	const m = METRICS[key];
	const values = articles.map((a) => a[key]).filter((v): v is number => v !== null);
	const top = Math.max(m.domain?.[1] ?? 0, max(values) ?? 0, m.unit === 'per1000' ? 1 : 0);
	const x = scaleLinear()
		.domain([m.domain?.[0] ?? 0, top])
		.nice(4)
		.range([DOT.left, DOT.right]);
	const y = scaleBand<string>()
		.domain(outlets.map((o) => o.slug))
		.range([DOT.top, DOT.top + outlets.length * DOT.row]);
	const centre = (slug: string) => at((y(slug) ?? 0) + y.bandwidth() / 2);
	const dots: Dot[] = [];
	for (const a of articles) {
		const v = a[key];
		if (v === null) continue;
		// A compact dot is drawn, not read: its text would be sent a thousand times over.
		dots.push({
			id: a.id,
			slug: a.outletSlug,
			outlet: isCompact ? '' : a.outlet,
			title: isCompact ? '' : (a.title ?? 'Untitled'),
			value: v,
			x: at(x(v)),
			y: centre(a.outletSlug),
			label: isCompact ? '' : `${a.outlet}, “${a.title ?? 'Untitled'}”: ${formatValue(v, m.unit)}`,
			href: isCompact ? '' : evidenceHref(a.id, key)
		});
	}
	const mean = weightedMean(articles, key);
	const means = new Map(outletMeans(articles, key).map((o) => [o.slug, o]));
	return {
		key,
		height: DOT.top + outlets.length * DOT.row + DOT.axis,
		isCompact,
		rows: outlets.map((o) => {
			const om = means.get(o.slug);
			const value = om?.value ?? null;
			return {
				...o,
				y: centre(o.slug),
				missing: value === null,
				mean: value,
				meanX: value === null ? null : at(x(value)),
				count: om?.articles ?? 0
			};
		}),
		dots,
		ticks: x.ticks(4).map((t) => ({ value: t, x: x(t), label: formatValue(t, m.unit) })),
		mean: mean === null ? null : { value: mean, x: x(mean), label: formatValue(mean, m.unit) }
	};
}
