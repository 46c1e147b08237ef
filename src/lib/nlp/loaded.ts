import type { AnalysisContext } from './context';
import type { LexiconChanges, LoadedSection, QuotesSection } from './types';

export function emptyLoaded(): LoadedSection {
	return { per1000: 0, narratorPer1000: 0, quotedPer1000: 0, weighted: 0, byCategory: {}, topTerms: [], hits: [] };
}

/** Loaded terms. Not implemented yet: returns an empty section. */
export function analyzeLoaded(_ctx: AnalysisContext, _quotes: QuotesSection, _changes?: LexiconChanges): LoadedSection {
	return emptyLoaded();
}
