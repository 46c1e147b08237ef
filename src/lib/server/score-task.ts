// Relative imports, not `$lib`: worker threads load this module through tsx when running from source.
import { analyze } from '../nlp/analyze';
import type { GroupConfig } from '../nlp/quotes';
import type { AnalysisRecord, ArticleMeta, ErrorRecord } from '../nlp/types';
import { jsonRecord, type JsonRecord } from './json-record';
import { recordRow, type RecordRow } from './record-row';
import type { StorySettings } from './settings';

/** An article as the CLI reads it from a file or an ndjson line. */
export type ArticleInput = { id: string; text: string; meta: ArticleMeta; groups?: GroupConfig };

/** A stored article as re-scoring needs it. */
export type StoredArticle = {
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

/** The work a scoring thread does: one full record for the CLI, or a batch of table rows for a story re-score. */
export type Task =
	| { kind: 'record'; article: ArticleInput; groupsKey?: string }
	| { kind: 'json'; article: ArticleInput; groupsKey?: string }
	| { kind: 'rows'; batch: StoredArticle[]; settings: StorySettings };

export type TaskResult<T extends Task = Task> = T extends { kind: 'record' } ? AnalysisRecord | ErrorRecord : T extends { kind: 'json' } ? JsonRecord : ScoredRow[];

/** The record of one article, or an error record naming it: one bad article never fails a batch. */
export function scoreRecord(input: ArticleInput): AnalysisRecord | ErrorRecord {
	try {
		return analyze({ id: input.id, text: input.text, meta: input.meta }, { groups: input.groups });
	} catch (e) {
		// analyze() is not supposed to throw; if it does, this input fails, not the batch.
		return { id: input.id, source: input.meta.source ?? null, error: `slant: analysis of "${input.id}" failed: ${(e as Error).message}`, errorCode: 'invalid' };
	}
}

export function scoreArticle(a: StoredArticle, settings: StorySettings): AnalysisRecord {
	const meta = { source: a.source, outlet: a.outlet, title: a.title, author: a.author, date: a.date, story: a.story, url: a.url };
	return analyze({ id: a.id, text: a.text, meta }, { groups: settings.groups, lexicon: settings.lexicon });
}

/** Score a batch into table rows; an article that fails is reported, and the rest of the batch is kept. */
export function scoreRows(batch: StoredArticle[], settings: StorySettings): ScoredRow[] {
	return batch.map((a) => {
		try {
			return { id: a.id, row: recordRow(scoreArticle(a, settings)) };
		} catch (e) {
			return { id: a.id, error: (e as Error).message };
		}
	});
}

export function runTask<T extends Task>(task: T): TaskResult<T> {
	if (task.kind === 'record') return scoreRecord(task.article) as TaskResult<T>;
	if (task.kind === 'json') return jsonRecord(scoreRecord(task.article)) as TaskResult<T>;
	return scoreRows(task.batch, task.settings) as TaskResult<T>;
}
