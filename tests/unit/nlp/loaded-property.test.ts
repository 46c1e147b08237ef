import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { emptyQuotes } from '../../../src/lib/nlp/quotes';
import { loadedOf } from './loaded.helpers';

// Lexicon words mixed with noise, so the matcher's paths run, not just the no-hit path.
const pieces = ['regime', 'slammed', 'utterly', 'cynical', 'not', 'hard-line', 'puppet', 'so', '“', '”', '-', '.', ' ', '\n', 'é', '😀', 'attack'];
const texts = fc.oneof(fc.string(), fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(' ')));

describe('loaded language on any string', () => {
	test('never throws and every hit slices its own text within bounds', () => {
		fc.assert(
			fc.property(texts, (text) => {
				const section = loadedOf(text, emptyQuotes());
				let previousEnd = 0;
				for (const h of section.hits) {
					expect(h.start).toBeGreaterThanOrEqual(previousEnd);
					expect(h.end).toBeGreaterThan(h.start);
					expect(h.end).toBeLessThanOrEqual(text.length);
					expect(text.slice(h.start, h.end)).toBe(h.text);
					previousEnd = h.end;
				}
			}),
			{ numRuns: 300 }
		);
	});
});
