import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { ArticleSummary } from '$lib/server/store';
import { formatValue } from './format';
import { at, type Tick } from './dotplot';
import { outletMeans } from './summary';

/** x in per cent of the width (responsive without JavaScript), y in pixels. */
export const SCATTER = { left: 12, right: 96, top: 14, height: 300, bottom: 44 } as const;

export type ScatterPoint = {
	id: string;
	slug: string;
	outlet: string;
	title: string;
	loaded: number;
	hedges: number;
	x: number;
	y: number;
	label: string;
	href: string;
};

export type ScatterOutlet = { slug: string; name: string; loaded: number; hedges: number; count: number; x: number; y: number };

export type ScatterLayout = {
	/** Points carry no text and are not links; each outlet's mean is the mark (large stories). */
	isCompact: boolean;
	points: ScatterPoint[];
	/** Each outlet's word-weighted means. */
	outlets: ScatterOutlet[];
	xTicks: Tick[];
	yTicks: (Tick & { y: number })[];
	height: number;
	plotBottom: number;
};

/** Loaded terms (x) against hedges (y), both per 1,000 words, one point per article. */
export function scatterLayout(articles: ArticleSummary[], isCompact = false): ScatterLayout {
	const x = scaleLinear()
		.domain([0, Math.max(1, max(articles, (a) => a.loadedPer1000) ?? 0)])
		.nice(5)
		.range([SCATTER.left, SCATTER.right]);
	const plotBottom = SCATTER.height - SCATTER.bottom;
	const y = scaleLinear()
		.domain([0, Math.max(1, max(articles, (a) => a.hedgesPer1000) ?? 0)])
		.nice(5)
		.range([plotBottom, SCATTER.top]);
	const hedgeMeans = new Map(outletMeans(articles, 'hedgesPer1000').map((o) => [o.slug, o.value]));
	return {
		isCompact,
		outlets: outletMeans(articles, 'loadedPer1000').map((o) => {
			const loaded = o.value ?? 0;
			const hedges = hedgeMeans.get(o.slug) ?? 0;
			return { slug: o.slug, name: o.name, loaded, hedges, count: o.articles, x: at(x(loaded)), y: at(y(hedges)) };
		}),
		points: articles.map((a) => ({
			id: a.id,
			slug: a.outletSlug,
			outlet: isCompact ? '' : a.outlet,
			title: isCompact ? '' : (a.title ?? 'Untitled'),
			loaded: a.loadedPer1000,
			hedges: a.hedgesPer1000,
			x: at(x(a.loadedPer1000)),
			y: at(y(a.hedgesPer1000)),
			label: isCompact ? '' : `${a.outlet}, “${a.title ?? 'Untitled'}”: ${formatValue(a.loadedPer1000, 'per1000')} loaded terms and ${formatValue(a.hedgesPer1000, 'per1000')} hedges per 1,000 words`,
			href: isCompact ? '' : `/article/${encodeURIComponent(a.id)}?layer=loaded&layer=hedges#loaded-1`
		})),
		xTicks: x.ticks(5).map((t) => ({ value: t, x: x(t), label: formatValue(t, 'per1000') })),
		yTicks: y.ticks(5).map((t) => ({ value: t, x: SCATTER.left, y: y(t), label: formatValue(t, 'per1000') })),
		height: SCATTER.height,
		plotBottom
	};
}
