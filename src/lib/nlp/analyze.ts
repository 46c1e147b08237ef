import { detectBody, detectMeta, SCORED_KINDS } from './body';
import type { AnalysisContext } from './context';
import { countWordsIn, readDoc, tokenIndexAt, type Doc } from './doc';
import { analyzeHedging, emptyHedging } from './hedging';
import { detectLanguageInDoc } from './language';
import { analyzeLoaded, emptyLoaded } from './loaded';
import { analyzeQuotes, emptyQuotes, type GroupConfig } from './quotes';
import type { AnalysisRecord, AnalyzeInput, BodyBlock, LexiconChanges, Span } from './types';

/** Bump when a code change can change any record; storage re-scores on a new version. */
export const ANALYZER_VERSION = '0.7.3';

export type AnalyzeOptions = {
	/** The story's actor groups; defaults to no groups (every speaker is `other`). */
	groups?: GroupConfig;
	/** The story's changes to the loaded-language lexicon. */
	lexicon?: LexiconChanges;
};

/** analyze()'s stages, in the order it runs them. */
export const STAGES = ['body', 'tokens', 'context', 'language', 'quotes', 'loaded', 'hedging'] as const;
export type Stage = (typeof STAGES)[number];

/** Runs one stage and returns its result; a hook may time it (the bench does). */
export type StageRunner = <T>(stage: Stage, run: () => T) => T;

const runUntimed: StageRunner = (_stage, run) => run();

/**
 * Score one article. Pure and deterministic: the same input and options give
 * the same record. Never throws on any string; a text it cannot score (not
 * English, no body) gets empty sections and a warning.
 */
export function analyze(input: AnalyzeInput, options: AnalyzeOptions = {}): AnalysisRecord {
	return analyzeStaged(input, options, runUntimed);
}

/**
 * analyze(), with every stage run through `runStage`, so that a benchmark
 * times exactly the stages analyze() runs.
 */
export function analyzeStaged(input: AnalyzeInput, options: AnalyzeOptions, runStage: StageRunner): AnalysisRecord {
	const { id, text, meta = {} } = input;
	const { split, detected } = runStage('body', () => {
		const split = detectBody(text, meta.title);
		return { split, detected: detectMeta(text, split) };
	});
	const doc = runStage('tokens', () => readDoc(text));
	const ctx = runStage('context', () => buildContext(text, split.body, doc));
	const { sentences, wordCount } = ctx;
	const language = runStage('language', () => detectLanguageInDoc(doc, ctx.scored));
	const warnings: string[] = [];

	const isScored = language.isEnglish && wordCount > 0;
	if (!language.isEnglish) warnings.push(`not English (looks like "${language.code}"): not scored`);
	if (wordCount === 0) warnings.push('no article text found: every block looks like page chrome');

	const quotes = runStage('quotes', () => (isScored ? analyzeQuotes(ctx, options.groups) : emptyQuotes(options.groups)));
	const loaded = runStage('loaded', () => (isScored ? analyzeLoaded(ctx, quotes, options.lexicon) : emptyLoaded()));
	const hedging = runStage('hedging', () => (isScored ? analyzeHedging(ctx, quotes) : emptyHedging()));

	return {
		id,
		source: meta.source ?? null,
		outlet: meta.outlet ?? detected.outlet,
		title: meta.title ?? detected.title,
		author: meta.author ?? detected.author,
		date: meta.date ?? detected.date,
		story: meta.story ?? null,
		url: meta.url ?? null,
		analyzerVersion: ANALYZER_VERSION,
		text,
		body: split.body,
		chrome: split.chrome,
		sentences,
		wordCount,
		sentenceCount: sentences.length,
		narratorWords: wordCount - quotes.quotedWords,
		language,
		warnings,
		loaded,
		quotes,
		hedging
	};
}

/** The shared input of every analyzer: the document, the scored blocks, body sentences and words. */
export function buildContext(text: string, body: BodyBlock[], doc: Doc): AnalysisContext {
	const scored = body.filter((b) => SCORED_KINDS.has(b.kind));
	return { text, doc, body, scored, sentences: bodySentences(doc, scored), wordCount: countWordsIn(doc, scored) };
}

/** wink's sentences, cut at block edges so that a sentence never spans two blocks. */
function bodySentences(doc: Doc, blocks: readonly BodyBlock[]): Span[] {
	const out: Span[] = [];
	for (const block of blocks) {
		let current: Span | null = null;
		let sentence = -1;
		for (let t = tokenIndexAt(doc, block.start); t < doc.tokens.length && doc.tokens[t].start < block.end; t++) {
			const tok = doc.tokens[t];
			if (tok.type === 'tabCRLF') continue;
			if (tok.sentence !== sentence || !current) {
				if (current) out.push(current);
				current = { start: Math.max(tok.start, block.start), end: Math.min(tok.end, block.end) };
				sentence = tok.sentence;
			} else current.end = Math.min(tok.end, block.end);
		}
		if (current) out.push(current);
	}
	return out;
}
