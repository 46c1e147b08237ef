import Papa from 'papaparse';
import { LOADED_CATEGORIES } from './nlp/lexicon';
import type { AnalysisRecord, HedgeType } from './nlp/types';

/**
 * The CSV row of an article: metadata and every numeric metric. One definition
 * for the CLI (`npm run score -- --format csv`) and the story export, so both
 * files have the same columns; they are documented in the README.
 */

const round = (n: number | null) => (n === null ? '' : Math.round(n * 10000) / 10000);

type Column = { name: string; value: (r: AnalysisRecord) => string | number | boolean };

const HEDGE_TYPES: HedgeType[] = ['modal', 'adverb', 'epistemic-verb', 'vague-attribution', 'distancing', 'approximator'];

/** Fixed columns, in order. `share_<group>` columns for the story's groups follow them. */
export const CSV_COLUMNS: Column[] = [
	{ name: 'id', value: (r) => r.id },
	{ name: 'story', value: (r) => r.story ?? '' },
	{ name: 'outlet', value: (r) => r.outlet ?? '' },
	{ name: 'title', value: (r) => r.title ?? '' },
	{ name: 'author', value: (r) => r.author ?? '' },
	{ name: 'date', value: (r) => r.date ?? '' },
	{ name: 'url', value: (r) => r.url ?? '' },
	{ name: 'source', value: (r) => r.source ?? '' },
	{ name: 'language', value: (r) => r.language.code },
	{ name: 'is_english', value: (r) => r.language.isEnglish },
	{ name: 'word_count', value: (r) => r.wordCount },
	{ name: 'sentence_count', value: (r) => r.sentenceCount },
	{ name: 'narrator_words', value: (r) => r.narratorWords },
	{ name: 'loaded_hits', value: (r) => r.loaded.hits.length },
	{ name: 'loaded_per1000', value: (r) => round(r.loaded.per1000) },
	{ name: 'loaded_narrator_per1000', value: (r) => round(r.loaded.narratorPer1000) },
	{ name: 'loaded_quoted_per1000', value: (r) => round(r.loaded.quotedPer1000) },
	{ name: 'loaded_weighted', value: (r) => round(r.loaded.weighted) },
	...Object.keys(LOADED_CATEGORIES).map((c) => ({
		name: `loaded_${c.replaceAll('-', '_')}_per1000`,
		value: (r: AnalysisRecord) => round(r.loaded.byCategory[c]?.per1000 ?? 0)
	})),
	{ name: 'loaded_top_terms', value: (r) => r.loaded.topTerms.slice(0, 5).map((t) => `${t.term} (${t.count})`).join('; ') },
	{ name: 'hedges', value: (r) => r.hedging.hedges.length },
	{ name: 'boosters', value: (r) => r.hedging.boosters.length },
	{ name: 'hedges_per1000', value: (r) => round(r.hedging.hedgesPer1000) },
	{ name: 'boosters_per1000', value: (r) => round(r.hedging.boostersPer1000) },
	{ name: 'hedges_per_sentence', value: (r) => round(r.hedging.hedgesPerSentence) },
	{ name: 'boosters_per_sentence', value: (r) => round(r.hedging.boostersPerSentence) },
	{ name: 'narrator_hedges_per1000', value: (r) => round(r.hedging.narrator.hedgesPer1000) },
	{ name: 'quoted_hedges_per1000', value: (r) => round(r.hedging.quoted.hedgesPer1000) },
	...HEDGE_TYPES.map((t) => ({ name: `hedges_${t.replaceAll('-', '_')}`, value: (r: AnalysisRecord) => r.hedging.byType[t] ?? 0 })),
	{ name: 'hedged_sentence_share', value: (r) => round(r.hedging.hedgedSentenceShare) },
	{ name: 'certainty', value: (r) => round(r.hedging.certainty) },
	{ name: 'quotes', value: (r) => r.quotes.items.filter((q) => q.kind === 'speech').length },
	{ name: 'scare_quotes', value: (r) => r.quotes.items.filter((q) => q.kind === 'scare').length },
	{ name: 'indirect_quotes', value: (r) => r.quotes.indirect.length },
	{ name: 'quoted_words', value: (r) => r.quotes.quotedWords },
	{ name: 'quoted_share', value: (r) => round(r.quotes.quotedShare) },
	{ name: 'quote_balance', value: (r) => round(r.quotes.balance) },
	{ name: 'anonymous_share', value: (r) => round(r.quotes.anonymousShare) },
	{ name: 'speakers', value: (r) => r.quotes.speakers.length },
	{ name: 'warnings', value: (r) => r.warnings.join('; ') },
	{ name: 'analyzer_version', value: (r) => r.analyzerVersion }
];

/**
 * Records as CSV, with a `share_<group>` column per group id. Cells a spreadsheet
 * would run as a formula are escaped (papaparse `escapeFormulae`).
 */
export function recordsToCsv(records: readonly AnalysisRecord[], groupIds: readonly string[]): string {
	const fields = [...CSV_COLUMNS.map((c) => c.name), ...groupIds.map((g) => `share_${g}`)];
	const data = records.map((r) => [...CSV_COLUMNS.map((c) => c.value(r)), ...groupIds.map((g) => round(r.quotes.shareByGroup[g] ?? 0))]);
	return Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n' });
}
