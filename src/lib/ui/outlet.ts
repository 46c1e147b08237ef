import type { AnalysisRecord, GroupInfo } from '$lib/nlp/types';
import type { ArticleSummary } from '$lib/server/store';
import { PROFILE_METRICS } from '$lib/charts/metrics';
import { versusRows } from '$lib/charts/versus';
import { storyStyles } from './overview';
import { actorTotals, slugOf, termTotals } from './story';

/** One outlet within its story: articles, metrics against the story, top loaded terms, most quoted actors. */
export function buildOutlet(articles: ArticleSummary[], records: AnalysisRecord[], groups: GroupInfo[], slug: string) {
	const mine = articles.filter((a) => a.outletSlug === slug);
	const myRecords = records.filter((r) => slugOf(articles, r) === slug);
	const allGroups = [...groups, { id: 'other', label: 'Other or unknown', colour: '#8a8a8a' }];
	return {
		name: mine[0]?.outlet ?? slug,
		style: storyStyles(articles)[slug],
		articles: mine,
		versus: versusRows(articles, mine, PROFILE_METRICS),
		terms: termTotals(myRecords).slice(0, 15),
		actors: actorTotals(myRecords, allGroups).slice(0, 12)
	};
}
