import type { GroupInfo } from '$lib/nlp/types';
import type { ArticleSummary } from '$lib/server/store';
import { outletStyles, type OutletStyle } from '$lib/charts/colours';
import { dotPanel, type DotPanel } from '$lib/charts/dotplot';
import { OVERVIEW_METRICS } from '$lib/charts/metrics';
import { readMetric, readScatter, readStacks } from '$lib/charts/readings';
import { scatterLayout, type ScatterLayout } from '$lib/charts/scatter';
import { quoteStacks, type StackBar } from '$lib/charts/stack';
import { outletOrder } from '$lib/charts/summary';
import { quoteRows } from './story';

/**
 * Above this many articles, the overview's tables show one row per outlet and
 * the full list stops here (the CSV export has every article): a thousand-row
 * table under each of eleven charts makes a page of many megabytes.
 */
export const FULL_TABLE_LIMIT = 200;

export type Overview = {
	outlets: OutletStyle[];
	styles: Record<string, OutletStyle>;
	panels: (DotPanel & { reading: string })[];
	stacks: { bars: StackBar[]; groups: GroupInfo[]; height: number; reading: string };
	scatter: ScatterLayout & { reading: string };
};

/**
 * Everything the overview draws, laid out on the server so the page needs no chart
 * code to hydrate. Summaries only (with their quote digests): a story of 1,000
 * articles must not parse 1,000 full records per request.
 */
export function buildOverview(articles: ArticleSummary[], groups: GroupInfo[]): Overview {
	const order = outletOrder(articles);
	const isCompact = articles.length > FULL_TABLE_LIMIT;
	const styles = outletStyles(order);
	const stacks = quoteStacks(quoteRows(articles), groups);
	return {
		outlets: order.map((o) => styles[o.slug]),
		styles,
		panels: OVERVIEW_METRICS.map((key) => ({ ...dotPanel(articles, key, order, isCompact), reading: readMetric(articles, key) })),
		stacks: { ...stacks, reading: readStacks(stacks.bars) },
		scatter: { ...scatterLayout(articles, isCompact), reading: readScatter(articles) }
	};
}

/** Colours for pages showing part of a story: always assigned over the whole story. */
export function storyStyles(articles: ArticleSummary[]): Record<string, OutletStyle> {
	return outletStyles(outletOrder(articles));
}

/** Summaries as the page receives them: quote digests are laid out on the server and not shipped again. */
export function withoutDigests(articles: ArticleSummary[]): ArticleSummary[] {
	return articles.map(({ quotes: _, ...a }) => a);
}
