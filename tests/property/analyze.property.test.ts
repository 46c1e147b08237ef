import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/lib/nlp/analyze';
import type { AnalysisRecord, Span } from '../../src/lib/nlp/types';

type Spanned = Span & { text?: string };

/** Every span the record carries, with where it came from. */
function spansOf(r: AnalysisRecord): [string, Spanned][] {
	const out: [string, Spanned][] = [];
	const add = (where: string, s: Spanned | null | undefined) => s && out.push([where, s]);
	r.body.forEach((s) => add('body', s));
	r.chrome.forEach((s) => add('chrome', s));
	r.sentences.forEach((s) => add('sentence', s));
	r.loaded.hits.forEach((s) => add('loaded', s));
	for (const q of r.quotes.items) {
		add('quote', q);
		add('quote.speakerSpan', q.speakerSpan);
		add('quote.cueSpan', q.cueSpan);
	}
	for (const q of r.quotes.indirect) {
		add('indirect', q);
		add('indirect.speakerSpan', q.speakerSpan);
		add('indirect.cueSpan', q.cueSpan);
	}
	r.hedging.hedges.forEach((s) => add('hedge', s));
	r.hedging.boosters.forEach((s) => add('booster', s));
	return out;
}

function expectValid(text: string) {
	const r = analyze({ id: 'p', text });
	expect(r.text).toBe(text);
	for (const [where, s] of spansOf(r)) {
		expect(Number.isInteger(s.start) && Number.isInteger(s.end), where).toBe(true);
		expect(0 <= s.start && s.start <= s.end && s.end <= text.length, `${where} [${s.start}, ${s.end}) in ${text.length}`).toBe(true);
		if (s.text !== undefined) expect(text.slice(s.start, s.end), where).toBe(s.text);
	}
	for (const n of [r.wordCount, r.loaded.per1000, r.hedging.hedgesPer1000, r.quotes.quotedShare]) expect(Number.isFinite(n)).toBe(true);
	for (const s of r.sentences) expect(s.end > s.start).toBe(true);
	return r;
}

// Strings built from the pieces that break text pipelines: quote marks, apostrophes,
// CRLF, astral characters, lone surrogates, NUL, and words the analyzers look for.
const piece = fc.constantFrom(
	'"', '“', '”', '‘', '’', "'", '«', '»', '„', '\r\n', '\n\n', '\n', ' ', '\t', '\u0000', '\ud800', '\udc00', '😀', '𝕏',
	'said', 'told reporters', 'according to', 'may', 'May', 'reportedly', 'so-called', 'regime', 'clearly', 'about 200',
	'Putin', 'Xi Jinping', 'the Kremlin', 'a senior US official', '.', ',', ':', '—', '…', 'Leave a Reply', '#tag', 'https://x.io/a'
);
const messy = fc.array(fc.oneof(piece, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 60 }).map((a) => a.join(''));

// Real news sentences from the tuning passages, shuffled and cut, with marks and words dropped in between: the
// analyzers' rules meet sentence ends, name runs and quote marks in orders no passage has ("… with the Prime Minister" at
// the very end of a text once crashed name harvesting).
const newsSentences = readFileSync(new URL('../gold/passages.dev-c.jsonl', import.meta.url), 'utf8')
	.split('\n')
	.filter(Boolean)
	.flatMap((line) => (JSON.parse(line) as { text: string }).text.split(/(?<=[.!?”"’])\s+/));
const glue = fc.constantFrom(' ', ' ', ' ', '\n\n', '“', '”', '"', '‘', '’', ', ', ': ', ' — ', ' the Prime Minister', ' said', ' cannot,', ' IDF', ' al-', '-');
const shuffledNews = fc
	.array(fc.tuple(fc.constantFrom(...newsSentences), glue, fc.nat(200)), { minLength: 1, maxLength: 14 })
	.map((parts) => parts.map(([sentence, g, cut]) => (cut < 40 ? sentence.slice(0, cut + 5) : sentence) + g).join(''));

describe('analyze on any input', () => {
	test('returns a record whose spans are all in range and slice their own text (random strings)', () => {
		fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => void expectValid(s)), { numRuns: 150 });
	});

	test('returns a record whose spans are all in range and slice their own text (news-like pieces)', () => {
		fc.assert(fc.property(messy, (s) => void expectValid(s)), { numRuns: 250 });
	});

	test('returns a record whose spans are all in range and slice their own text (real sentences, shuffled and cut)', () => {
		fc.assert(fc.property(shuffledNews, (s) => void expectValid(s)), { numRuns: 200 });
	});

	test.each(['The talks were held in Paris with the Foreign Minister', 'Officials said the talks went well and met the Prime Minister'])(
		'a text ending in a run of titles with no name does not throw: %s',
		(text) => void expectValid(text)
	);

	test.each([
		['the empty string', ''],
		['a lone high surrogate', '\ud83d'],
		['NUL characters', 'a\u0000b\u0000 said "x\u0000"'],
		['CRLF paragraphs', 'Title here now\r\n\r\nPutin said: “We are ready.”\r\n\r\nXi said he “may” come.'],
		['1 MB of one line', 'The minister said the talks were useful. '.repeat(25_000)],
		['10,000 unmatched quote marks', '“'.repeat(10_000)],
		['quotes nested 50 deep', '“'.repeat(50) + 'deep' + '”'.repeat(50) + ' he said.'],
		['only chrome', 'Home\nNews\nSport\n\nLeave a Reply']
	])('handles %s', (_name, text) => {
		expectValid(text);
	});
});
