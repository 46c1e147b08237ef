import fc from 'fast-check';
import { expect, test } from 'vitest';
import { normaliseWords } from '../../src/lib/nlp/actors';

/** What normaliseWords() means, as regular expressions; the module does the same in one pass. */
function byRegex(s: string): string[] {
	return s
		.toLowerCase()
		.replace(/[’‘]/g, "'")
		.replace(/'s\b/g, " 's")
		.split(/[\s,\-‐–]+/)
		.filter(Boolean);
}

const pieces = ["'", '’', '‘', 's', 'S', 'x', 'Putin', ' ', '\u00a0', ',', '-', '‐', '–', '.', '_', '1', 'İ', 'Σ', '\t'];

test('normaliseWords splits as the regular expressions it replaces, on any mix of names, marks and separators', () => {
	fc.assert(
		fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join('')), (s) => {
			expect(normaliseWords(s)).toEqual(byRegex(s));
		}),
		{ numRuns: 3000 }
	);
	fc.assert(
		fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (s) => {
			expect(normaliseWords(s)).toEqual(byRegex(s));
		}),
		{ numRuns: 2000 }
	);
});

test.each([
	["Russia's ambassador", ['russia', "'s", 'ambassador']],
	['Putin’s.', ['putin', "'s."]],
	["O'Shea", ["o'shea"]],
	['Secretary-General', ['secretary', 'general']],
	['think tank, Beijing', ['think', 'tank', 'beijing']]
])('%s → %j', (s, words) => {
	expect(normaliseWords(s)).toEqual(words);
});
