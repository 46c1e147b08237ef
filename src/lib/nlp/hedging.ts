import type { AnalysisContext } from './context';
import type { HedgingSection, QuotesSection } from './types';

export function emptyHedging(): HedgingSection {
	return {
		hedges: [],
		boosters: [],
		hedgesPer1000: 0,
		boostersPer1000: 0,
		hedgesPerSentence: 0,
		boostersPerSentence: 0,
		byType: {},
		hedgedSentenceShare: 0,
		certainty: 0,
		narrator: { hedgesPer1000: 0, boostersPer1000: 0 },
		quoted: { hedgesPer1000: 0, boostersPer1000: 0 },
		hedgedSentences: []
	};
}

/** Hedges and boosters. Not implemented yet: returns an empty section. */
export function analyzeHedging(_ctx: AnalysisContext, _quotes: QuotesSection): HedgingSection {
	return emptyHedging();
}
