import type { ArticleSummary } from '$lib/server/store';
import { formatValue, listWords } from './format';
import { METRICS, type MetricKey } from './metrics';
import type { StackBar } from './stack';
import { outletMeans, weightedMean } from './summary';

/**
 * One-line readings of a chart, computed from its data, in words a class can
 * follow. They state what the numbers show and nothing about why.
 */
export function readMetric(articles: ArticleSummary[], key: MetricKey): string {
	const m = METRICS[key];
	const means = outletMeans(articles, key).filter((o): o is typeof o & { value: number } => o.value !== null);
	if (!means.length) {
		return key === 'balance' ? 'No outlet has direct quotes from identified groups yet, so balance cannot be computed.' : 'No data yet.';
	}
	const sorted = [...means].sort((a, b) => b.value - a.value);
	const top = sorted[0];
	const bottom = sorted[sorted.length - 1];
	// Certainty can be negative: "all zero" needs both ends at zero, not just the top.
	if (top.value === 0 && bottom.value === 0) {
		const none: Partial<Record<MetricKey, string>> = {
			narratorPer1000: 'No outlet uses a listed loaded term in its own voice.',
			quotedPer1000: 'No quoted voice uses a listed loaded term.',
			loadedPer1000: 'No article uses a listed loaded term.',
			hedgesPer1000: 'No outlet uses a listed hedge.',
			boostersPer1000: 'No outlet uses a listed booster.',
			anonymousShare: 'Every quoted word comes from a named source, or there are no quotes.',
			quotedShare: 'No outlet carries direct quotes.',
			balance: 'Every outlet that quotes anyone quotes a single group.'
		};
		return none[key] ?? `Every outlet scores 0 on ${m.label.toLowerCase()}.`;
	}
	const avg = weightedMean(articles, key);
	const ties = sorted.filter((o) => o.value === top.value).map((o) => o.name);
	const head =
		ties.length > 1
			? `${listWords(ties)} share the top score (${formatValue(top.value, m.unit)})`
			: `${top.name} ${m.more} (${formatValue(top.value, m.unit)})`;
	const tail =
		sorted.length > 1 && bottom.value !== top.value
			? `; ${bottom.name} ${m.less} (${formatValue(bottom.value, m.unit)}).`
			: '.';
	const average = avg !== null && sorted.length > 2 ? ` Story average ${formatValue(avg, m.unit)}.` : '';
	return head + tail + average;
}

/** Whose voices each outlet carries: names the outlet that quotes the fewest groups. */
export function readStacks(bars: StackBar[]): string {
	const quoting = bars.filter((b) => b.total > 0);
	if (!quoting.length) return 'No direct quotes found in any article yet.';
	const silent = bars.filter((b) => b.total === 0).map((b) => b.name);
	const narrowest = [...quoting].sort((a, b) => a.segments.length - b.segments.length || b.total - a.total)[0];
	const groups = narrowest.segments.map((s) => s.label);
	let line: string;
	if (narrowest.segments.length <= 2) {
		line = `${narrowest.name} quotes ${listWords(groups)} only.`;
	} else {
		const topSeg = [...narrowest.segments].sort((a, b) => b.share - a.share)[0];
		line = `${narrowest.name} gives the largest share of its quoted words to ${topSeg.label} (${formatValue(topSeg.share, 'share')}).`;
	}
	if (silent.length) line += ` ${listWords(silent)} ${silent.length > 1 ? 'carry' : 'carries'} no direct quotes.`;
	return line;
}

/** The scatter in a sentence: who sits furthest out on each axis. */
export function readScatter(articles: ArticleSummary[]): string {
	if (!articles.length) return 'No articles yet.';
	const byLoaded = [...articles].sort((a, b) => b.loadedPer1000 - a.loadedPer1000)[0];
	const byHedges = [...articles].sort((a, b) => b.hedgesPer1000 - a.hedgesPer1000)[0];
	if (byLoaded.loadedPer1000 === 0 && byHedges.hedgesPer1000 === 0) return 'No article has loaded terms or hedges yet: every dot sits at zero.';
	const parts: string[] = [];
	if (byLoaded.loadedPer1000 > 0)
		parts.push(`${byLoaded.outlet} uses the most loaded language (${formatValue(byLoaded.loadedPer1000, 'per1000')} per 1,000 words)`);
	if (byHedges.hedgesPer1000 > 0)
		parts.push(
			byHedges.id === byLoaded.id && byLoaded.loadedPer1000 > 0
				? 'and also hedges the most'
				: `${byHedges.outlet} hedges the most (${formatValue(byHedges.hedgesPer1000, 'per1000')} per 1,000 words)`
		);
	return parts.join(byHedges.id === byLoaded.id ? ' ' : '; ') + '.';
}
