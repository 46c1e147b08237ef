import { sum } from 'd3-array';
import type { ArticleSummary } from '$lib/server/store';
import type { MetricKey } from './metrics';

/**
 * Word-weighted mean of one metric over articles, skipping nulls. Rates per
 * 1,000 words pooled this way equal total hits over total words, so a long
 * article counts for more than a short one, as its words do.
 */
export function weightedMean(articles: ArticleSummary[], key: MetricKey): number | null {
	const rows = articles.filter((a) => a[key] !== null && a.wordCount > 0);
	const words = sum(rows, (a) => a.wordCount);
	if (!rows.length || words === 0) return null;
	return sum(rows, (a) => (a[key] as number) * a.wordCount) / words;
}

export type OutletMean = { slug: string; name: string; value: number | null; articles: number };

/** The metric per outlet (word-weighted over its articles), in first-seen order. */
export function outletMeans(articles: ArticleSummary[], key: MetricKey): OutletMean[] {
	const bySlug = new Map<string, ArticleSummary[]>();
	for (const a of articles) {
		const rows = bySlug.get(a.outletSlug);
		if (rows) rows.push(a);
		else bySlug.set(a.outletSlug, [a]);
	}
	return [...bySlug.entries()].map(([slug, rows]) => ({
		slug,
		name: rows[0].outlet,
		value: weightedMean(rows, key),
		articles: rows.length
	}));
}

/** Outlets in display order: by name, so lists read alphabetically. */
export function outletOrder(articles: { outletSlug: string; outlet: string }[]): { slug: string; name: string }[] {
	const seen = new Map<string, string>();
	for (const a of articles) if (!seen.has(a.outletSlug)) seen.set(a.outletSlug, a.outlet);
	return [...seen.entries()].map(([slug, name]) => ({ slug, name })).sort((a, b) => a.name.localeCompare(b.name));
}
