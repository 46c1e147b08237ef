import { analyze } from '$lib/nlp/analyze';
import type { AnalysisRecord } from '$lib/nlp/types';
import { recordRow, type RecordRow } from './record-row';
import type { StorySettings } from './settings';

/** A stored article as scoring needs it. */
export type ScoreInput = {
	id: string;
	story: string;
	text: string;
	source: string | null;
	outlet: string | null;
	title: string | null;
	author: string | null;
	date: string | null;
	url: string | null;
};

export type ScoredRow = { id: string; row: RecordRow } | { id: string; error: string };

export function scoreArticle(a: ScoreInput, settings: StorySettings): AnalysisRecord {
	const meta = { source: a.source, outlet: a.outlet, title: a.title, author: a.author, date: a.date, story: a.story, url: a.url };
	return analyze({ id: a.id, text: a.text, meta }, { groups: settings.groups, lexicon: settings.lexicon });
}

/** Score a batch into table rows; an article that fails is reported, and the rest of the batch is kept. */
export function scoreRows(batch: ScoreInput[], settings: StorySettings): ScoredRow[] {
	return batch.map((a) => {
		try {
			return { id: a.id, row: recordRow(scoreArticle(a, settings)) };
		} catch (e) {
			return { id: a.id, error: (e as Error).message };
		}
	});
}
