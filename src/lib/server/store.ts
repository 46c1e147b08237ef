import type { GroupConfig } from '$lib/nlp/quotes';
import type { AnalysisRecord, SpeakerTotal } from '$lib/nlp/types';
import type { InputErrorCode } from '$lib/text/decode';
import type { StorySettings } from './settings';

/**
 * Storage behind one small interface, so that a server database can replace
 * the embedded one. Every method is async for that reason, even where the
 * current driver is synchronous.
 */

export type StorySummary = { slug: string; title: string; description: string; articleCount: number };

/** The numbers of one article, without its spans: what overview pages need. */
export type ArticleSummary = {
	id: string;
	story: string;
	outlet: string;
	outletSlug: string;
	title: string | null;
	author: string | null;
	date: string | null;
	wordCount: number;
	sentenceCount: number;
	isEnglish: boolean;
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
	/** The record's quote totals, for charts of a whole story; absent where a store does not keep them. */
	quotes?: QuoteDigest;
};

/** One article's quote totals without the quotes: what a story's quote chart needs. */
export type QuoteDigest = {
	wordsByGroup: Record<string, number>;
	speakers: SpeakerTotal[];
	/** Per group, the index in `quotes.items` of its first speech quote (the reader's `#quote-{index + 1}`). */
	firstSpeechByGroup: Record<string, number>;
};

export interface Store {
	listStories(): Promise<StorySummary[]>;
	getStory(slug: string): Promise<StorySummary | null>;
	listArticles(story: string): Promise<ArticleSummary[]>;
	/** Full records with spans; for a story's reader, compare and export pages. */
	getRecords(story: string): Promise<AnalysisRecord[]>;
	getRecord(id: string): Promise<AnalysisRecord | null>;
	/** Full records of some articles, in story order; unknown ids are skipped. For pages on part of a story. */
	getRecordsByIds(ids: string[]): Promise<AnalysisRecord[]>;
	getGroups(story: string): Promise<GroupConfig>;

	/** Create a story when `slug` is new; returns it either way. Throws `InputError('invalid')` on a bad slug. */
	ensureStory(slug: string, title?: string): Promise<StorySummary>;
	/** Save decoded articles into a story (created when new): one transaction, on disk when this resolves. */
	saveArticles(story: string, drafts: ArticleDraft[], options?: SaveOptions): Promise<SaveResult>;
	getSettings(story: string): Promise<StorySettings | null>;
	/** Replace a story's settings and start re-scoring its articles in the background. */
	saveSettings(story: string, settings: StorySettings): Promise<RescoreProgress>;
	rescoreProgress(story: string): Promise<RescoreProgress>;
	/** Start re-scoring every story that holds records computed under other settings or another analyzer. */
	rescoreStale(): Promise<void>;
	/** Resolves when no re-scoring job is running for `story`. */
	whenRescored(story: string): Promise<void>;
	close(): Promise<void>;
}

/** Where an input came from, for error messages: position in the request, file name, line or row in a batch file. */
export type InputRef = { index: number; filename?: string; line?: number };

/** One article ready to store: text already decoded (or extracted from HTML). */
export type ArticleDraft = {
	ref: InputRef;
	text: string;
	source?: string | null;
	outlet?: string | null;
	title?: string | null;
	author?: string | null;
	date?: string | null;
	url?: string | null;
	/** Save even when the story already holds the same text. */
	allowDuplicate?: boolean;
};

export type SaveOptions = { allowDuplicate?: boolean; storyTitle?: string };

export type SavedArticle = InputRef & {
	id: string;
	story: string;
	outlet: string | null;
	title: string | null;
	wordCount: number;
	isEnglish: boolean;
	warnings: string[];
};

export type ImportErrorItem = InputRef & { code: InputErrorCode; reason: string; duplicateOf?: string };

export type SaveResult = { saved: SavedArticle[]; errors: ImportErrorItem[] };

export type RescoreProgress = { done: number; total: number; running: boolean };

export function summarise(record: AnalysisRecord, outletSlug: string): ArticleSummary {
	return {
		id: record.id,
		story: record.story ?? '',
		outlet: record.outlet ?? 'Unknown outlet',
		outletSlug,
		title: record.title,
		author: record.author,
		date: record.date,
		wordCount: record.wordCount,
		sentenceCount: record.sentenceCount,
		isEnglish: record.language.isEnglish,
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
		quotes: digestQuotes(record)
	};
}

/** The quote totals of a record; `firstSpeechByGroup` lists only groups with a speech quote. */
export function digestQuotes(record: AnalysisRecord): QuoteDigest {
	const firstSpeechByGroup: Record<string, number> = {};
	record.quotes.items.forEach((q, i) => {
		if (q.kind === 'speech' && !(q.group in firstSpeechByGroup)) firstSpeechByGroup[q.group] = i;
	});
	return { wordsByGroup: record.quotes.wordsByGroup, speakers: record.quotes.speakers, firstSpeechByGroup };
}
