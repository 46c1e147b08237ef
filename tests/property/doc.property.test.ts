import fc from 'fast-check';
import { expect, test } from 'vitest';
import { readDoc } from '../../src/lib/nlp/doc';

// Text built from the pieces sentence breaks and offsets care about: stops, quotes of
// every kind, abbreviations, line breaks, spaces, letters wink splits, clitics.
const piece = fc.constantFrom('He', 'said', 'the', 'U.S.', 'Mr.', 'The', 'what', '.', '!', '?', '…', '...', '"', "'", '“', '”', '«', '»', '(', ')', ' ', ' ', '\n', '\n\n', '\r\n', '\t', '\u00a0', 'Vučić', 'can’t', "don't", '😀', '3.5', ',');
const texts = fc.oneof(fc.array(piece, { maxLength: 80 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 200 }));

test('tokens slice back from the text, and sentences cover every token once, in order', () => {
	fc.assert(
		fc.property(texts, (text) => {
			const doc = readDoc(text);
			for (const t of doc.tokens) {
				expect(t.start).toBeGreaterThanOrEqual(0);
				expect(t.end).toBeLessThanOrEqual(text.length);
				expect(text.slice(t.start, t.end)).toBe(t.value);
			}
			let next = 0;
			doc.sentences.forEach((s, i) => {
				expect(s.first).toBe(next);
				expect(s.last).toBeGreaterThanOrEqual(s.first);
				for (let t = s.first; t <= s.last; t++) expect(doc.tokens[t].sentence).toBe(i);
				expect(s.start).toBe(doc.tokens[s.first].start);
				expect(s.end).toBe(doc.tokens[s.last].end);
				next = s.last + 1;
			});
			expect(next).toBe(doc.tokens.length);
		}),
		{ numRuns: 500 }
	);
});
