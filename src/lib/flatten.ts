import type { AnalysisRecord } from './nlp/types';

/** One flat row of an article's metadata and every numeric metric: the CSV export's row. */
export type FlatRow = Record<string, string | number | null>;

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Flatten a record for CSV. Fixed columns come first in a stable order; the
 * per-category, per-group and per-type columns follow, prefixed by section.
 */
export function flattenRecord(r: AnalysisRecord): FlatRow {
	const row: FlatRow = {
		id: r.id,
		source: r.source,
		story: r.story,
		outlet: r.outlet,
		title: r.title,
		author: r.author,
		date: r.date,
		url: r.url,
		language: r.language.code,
		isEnglish: r.language.isEnglish ? 1 : 0,
		analyzerVersion: r.analyzerVersion,
		wordCount: r.wordCount,
		sentenceCount: r.sentenceCount,
		narratorWords: r.narratorWords,
		chromeBlocks: r.chrome.length,
		loadedHits: r.loaded.hits.length,
		loadedPer1000: r.loaded.per1000,
		loadedNarratorPer1000: r.loaded.narratorPer1000,
		loadedQuotedPer1000: r.loaded.quotedPer1000,
		loadedWeighted: r.loaded.weighted,
		speechQuotes: r.quotes.items.filter((q) => q.kind === 'speech').length,
		scareQuotes: r.quotes.items.filter((q) => q.kind === 'scare').length,
		indirectQuotes: r.quotes.indirect.length,
		quotedWords: r.quotes.quotedWords,
		quotedShare: r.quotes.quotedShare,
		quoteBalance: r.quotes.balance,
		anonymousShare: r.quotes.anonymousShare,
		speakers: r.quotes.speakers.length,
		hedges: r.hedging.hedges.length,
		boosters: r.hedging.boosters.length,
		hedgesPer1000: r.hedging.hedgesPer1000,
		boostersPer1000: r.hedging.boostersPer1000,
		hedgesPerSentence: r.hedging.hedgesPerSentence,
		boostersPerSentence: r.hedging.boostersPerSentence,
		hedgedSentenceShare: r.hedging.hedgedSentenceShare,
		certainty: r.hedging.certainty,
		narratorHedgesPer1000: r.hedging.narrator.hedgesPer1000,
		narratorBoostersPer1000: r.hedging.narrator.boostersPer1000,
		quotedHedgesPer1000: r.hedging.quoted.hedgesPer1000,
		quotedBoostersPer1000: r.hedging.quoted.boostersPer1000
	};
	for (const [category, score] of Object.entries(r.loaded.byCategory)) row[`loaded.${category}.per1000`] = score.per1000;
	for (const [group, words] of Object.entries(r.quotes.wordsByGroup)) row[`quotedWords.${group}`] = words;
	for (const [group, share] of Object.entries(r.quotes.shareByGroup)) row[`quotedShare.${group}`] = round(share);
	for (const [type, n] of Object.entries(r.hedging.byType)) row[`hedging.${type}`] = n;
	return row;
}

/** Union of the rows' columns, fixed columns first, dynamic ones sorted. */
export function csvColumns(rows: readonly FlatRow[]): string[] {
	const fixed = rows.length ? Object.keys(rows[0]).filter((k) => !k.includes('.')) : [];
	const dynamic = new Set<string>();
	for (const row of rows) for (const k of Object.keys(row)) if (k.includes('.')) dynamic.add(k);
	return [...fixed, ...[...dynamic].sort()];
}
