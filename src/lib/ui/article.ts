import type { AnalysisRecord } from '$lib/nlp/types';
import { LAYERS, type Layer } from '$lib/charts/metrics';

/** Layers asked for in the URL (`?layer=loaded&layer=quotes`); all of them when none is named. */
export function parseLayers(params: URLSearchParams): Layer[] {
	const asked = params.getAll('layer').flatMap((v) => v.split(','));
	const known = LAYERS.map((l) => l.id).filter((id) => asked.includes(id));
	return known.length ? known : LAYERS.map((l) => l.id);
}

/** Counts of each layer's evidence, for the reader's side panel. */
export function evidenceCounts(record: AnalysisRecord) {
	return {
		loaded: record.loaded.hits.length,
		narrator: record.loaded.hits.filter((h) => !h.inQuote).length,
		quotes: record.quotes.items.filter((q) => q.kind === 'speech').length,
		scare: record.quotes.items.filter((q) => q.kind === 'scare').length,
		hedges: record.hedging.hedges.length,
		boosters: record.hedging.boosters.length,
		chrome: record.chrome.length
	};
}

/** The record without text and spans: what the page header shows. */
export function articleMeta(record: AnalysisRecord) {
	return {
		id: record.id,
		title: record.title,
		outlet: record.outlet,
		author: record.author,
		date: record.date,
		url: record.url,
		story: record.story,
		wordCount: record.wordCount,
		sentenceCount: record.sentenceCount,
		narratorWords: record.narratorWords,
		warnings: record.warnings,
		isEnglish: record.language.isEnglish
	};
}
