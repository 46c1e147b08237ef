import type { AnalysisRecord } from '$lib/nlp/types';
import { digestQuotes, summarise, type ArticleSummary } from './store';

/** A record as the `records` table stores it, less the cache key and time: built where the record is made (worker thread or server). */
export type RecordRow = Omit<ArticleSummary, 'story' | 'outlet' | 'outletSlug' | 'isEnglish' | 'quotes'> & {
	json: string;
	outlet: string | null;
	isEnglish: 0 | 1;
	quotesJson: string;
};

export function recordRow(record: AnalysisRecord): RecordRow {
	// The numbers come from `summarise`, so the table and the summaries cannot drift apart.
	const { story: _story, outlet: _outlet, outletSlug: _slug, isEnglish, quotes, ...numbers } = summarise(record, '');
	return {
		...numbers,
		json: JSON.stringify(record),
		outlet: record.outlet,
		isEnglish: isEnglish ? 1 : 0,
		quotesJson: JSON.stringify(quotes ?? digestQuotes(record))
	};
}
