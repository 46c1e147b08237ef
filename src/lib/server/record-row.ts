import type { AnalysisRecord } from '$lib/nlp/types';
import { digestQuotes, summarise } from './store';

/** A record as the `records` table stores it, less the cache key and time: built where the record is made (worker thread or server). */
export type RecordRow = {
	id: string;
	json: string;
	outlet: string | null;
	title: string | null;
	author: string | null;
	date: string | null;
	wordCount: number;
	sentenceCount: number;
	isEnglish: 0 | 1;
	loadedPer1000: number;
	narratorPer1000: number;
	quotedPer1000: number;
	loadedWeighted: number;
	hedgesPer1000: number;
	boostersPer1000: number;
	hedgedSentenceShare: number;
	certainty: number;
	balance: number | null;
	anonymousShare: number;
	quotedShare: number;
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
