import type { AnalysisContext } from './context';
import type { QuotesSection } from './types';

/** Story-specific actor groups. Filled by the quotes issue. */
export type GroupConfig = { groups: { id: string; label: string; colour: string }[] };

export function emptyQuotes(config?: GroupConfig): QuotesSection {
	return {
		items: [],
		indirect: [],
		wordsByGroup: {},
		shareByGroup: {},
		balance: null,
		anonymousShare: 0,
		quotedShare: 0,
		quotedWords: 0,
		speakers: [],
		indirectByGroup: {},
		groups: config?.groups ?? []
	};
}

/** Direct and indirect quotes with speakers and groups. Not implemented yet: returns an empty section. */
export function analyzeQuotes(_ctx: AnalysisContext, config?: GroupConfig): QuotesSection {
	return emptyQuotes(config);
}
