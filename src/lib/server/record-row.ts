import type { AnalysisRecord } from '$lib/nlp/types';
import { digestQuotes } from './store';

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
	return {
		id: record.id,
		json: JSON.stringify(record),
		outlet: record.outlet,
		title: record.title,
		author: record.author,
		date: record.date,
		wordCount: record.wordCount,
		sentenceCount: record.sentenceCount,
		isEnglish: record.language.isEnglish ? 1 : 0,
		loadedPer1000: record.loaded.per1000,
		narratorPer1000: record.loaded.narratorPer1000,
		quotedPer1000: record.loaded.quotedPer1000,
		loadedWeighted: record.loaded.weighted,
		hedgesPer1000: record.hedging.hedgesPer1000,
		boostersPer1000: record.hedging.boostersPer1000,
		hedgedSentenceShare: record.hedging.hedgedSentenceShare,
		certainty: record.hedging.certainty,
		balance: record.quotes.balance,
		anonymousShare: record.quotes.anonymousShare,
		quotedShare: record.quotes.quotedShare,
		quotesJson: JSON.stringify(digestQuotes(record))
	};
}
