import Papa from 'papaparse';
import type { AnalysisRecord } from '$lib/nlp/types';
import type { StorySettings } from './settings';

/**
 * Story exports. The CSV has one row per article; its columns are listed in
 * `CSV_COLUMNS` and documented in the README.
 */

const round = (n: number | null) => (n === null ? '' : Math.round(n * 10000) / 10000);

/** Fixed columns, in order; one `share_<group>` column per story group follows them. */
export const CSV_COLUMNS: { name: string; value: (r: AnalysisRecord) => string | number | boolean }[] = [
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
	{ name: 'loaded_top_terms', value: (r) => r.loaded.topTerms.slice(0, 5).map((t) => `${t.term} (${t.count})`).join('; ') },
	{ name: 'hedges', value: (r) => r.hedging.hedges.length },
	{ name: 'boosters', value: (r) => r.hedging.boosters.length },
	{ name: 'hedges_per1000', value: (r) => round(r.hedging.hedgesPer1000) },
	{ name: 'boosters_per1000', value: (r) => round(r.hedging.boostersPer1000) },
	{ name: 'hedged_sentence_share', value: (r) => round(r.hedging.hedgedSentenceShare) },
	{ name: 'certainty', value: (r) => round(r.hedging.certainty) },
	{ name: 'quotes', value: (r) => r.quotes.items.filter((q) => q.kind === 'speech').length },
	{ name: 'indirect_quotes', value: (r) => r.quotes.indirect.length },
	{ name: 'quoted_words', value: (r) => r.quotes.quotedWords },
	{ name: 'quoted_share', value: (r) => round(r.quotes.quotedShare) },
	{ name: 'quote_balance', value: (r) => round(r.quotes.balance) },
	{ name: 'anonymous_share', value: (r) => round(r.quotes.anonymousShare) },
	{ name: 'warnings', value: (r) => r.warnings.join('; ') },
	{ name: 'analyzer_version', value: (r) => r.analyzerVersion }
];

/** The story as CSV. Cells that a spreadsheet would run as a formula are escaped (papaparse `escapeFormulae`). */
export function storyCsv(records: AnalysisRecord[], settings: StorySettings): string {
	const groups = settings.groups.groups.map((g) => g.id);
	const fields = [...CSV_COLUMNS.map((c) => c.name), ...groups.map((g) => `share_${g}`)];
	const data = records.map((r) => [...CSV_COLUMNS.map((c) => c.value(r)), ...groups.map((g) => round(r.quotes.shareByGroup[g] ?? 0))]);
	return Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n' });
}

/** The story as JSON: its settings and the full records with spans. */
export function storyJson(story: { slug: string; title: string; description: string }, records: AnalysisRecord[], settings: StorySettings) {
	return { story: { slug: story.slug, title: story.title, description: story.description }, settings, records };
}

/** A `content-disposition` value for a download named after a story slug (slugs are `[a-z0-9-]`). */
export function attachment(slug: string, ext: string): string {
	return `attachment; filename="${slug.replace(/[^a-z0-9-]/g, '')}.${ext}"`;
}
