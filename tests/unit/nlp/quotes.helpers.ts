import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { detectBody, SCORED_KINDS } from '../../../src/lib/nlp/body';
import type { AnalysisContext } from '../../../src/lib/nlp/context';
import { countWordsIn, readDoc, tokenIndexAt } from '../../../src/lib/nlp/doc';
import { analyzeQuotes, parseGroupConfig, type GroupConfig } from '../../../src/lib/nlp/quotes';
import type { QuotesSection, Span } from '../../../src/lib/nlp/types';

/**
 * The analysis context for `text`, built from the text pipeline alone so that
 * quote tests do not depend on the other analyzers loading.
 */
export function contextOf(text: string): AnalysisContext {
	const { body } = detectBody(text);
	const doc = readDoc(text);
	const scored = body.filter((b) => SCORED_KINDS.has(b.kind));
	const sentences: Span[] = [];
	for (const b of scored) {
		let sentence = -1;
		for (let t = tokenIndexAt(doc, b.start); t < doc.tokens.length && doc.tokens[t].start < b.end; t++) {
			const tok = doc.tokens[t];
			if (tok.type === 'tabCRLF') continue;
			if (tok.sentence !== sentence) {
				sentences.push({ start: tok.start, end: Math.min(tok.end, b.end) });
				sentence = tok.sentence;
			} else sentences[sentences.length - 1].end = Math.min(tok.end, b.end);
		}
	}
	return { text, doc, body, scored, sentences, wordCount: countWordsIn(doc, scored) };
}

/** The seed story's group config, as shipped. */
export const seedGroups: GroupConfig = parseGroupConfig(
	JSON.parse(readFileSync(new URL('../../../seeds/groups/china-russia-military-ties-2024-05.json', import.meta.url), 'utf8')),
	'china-russia-military-ties-2024-05.json'
);

/** Quotes of `text` with the seed story's config (or `config`). */
export function quotesOf(text: string, config: GroupConfig | undefined = seedGroups): QuotesSection {
	return analyzeQuotes(contextOf(text), config);
}

/** One test per row [what the case shows, text, speaker]: the first quote of the text is the speaker's. */
export function firstQuoteSpeakers(rows: [string, string, string | null][]): void {
	test.each(rows)('%s', (_, text, speaker) => {
		expect(quotesOf(text).items[0]?.speaker ?? null).toBe(speaker);
	});
}
