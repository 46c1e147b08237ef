import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeQuotes, emptyQuotes, parseGroupConfig } from '../../../src/lib/nlp/quotes';
import { contextOf, quotesOf } from './quotes.helpers';

const twoGroups = parseGroupConfig(
	{
		groups: [
			{ id: 'gov', label: 'Government', colour: '#0072B2' },
			{ id: 'other', label: 'Other', colour: '#999999' }
		],
		actors: [{ id: 'ana-silva', name: 'Ana Silva', aliases: ['Silva'], group: 'gov', kind: 'person' }],
		rules: []
	},
	'two-groups.json'
);

describe('metrics', () => {
	const text =
		'“We will open the border next week,” Ana Silva said on Monday.\n\n“Nobody here believes that promise,” said Rui Costa, a shopkeeper in the town.\n\nThe so-called “reform” has been delayed twice already this year.';

	test('counts speech-quote words by group, and leaves scare quotes out', () => {
		const q = quotesOf(text, twoGroups);
		expect(q.wordsByGroup).toEqual({ gov: 7, other: 5 });
		expect(q.quotedWords).toBe(12);
	});

	test('gives shares that sum to one', () => {
		const q = quotesOf(text, twoGroups);
		expect(q.shareByGroup.gov + q.shareByGroup.other).toBeCloseTo(1, 2);
	});

	test('computes balance as entropy over the config groups: 1 when all equal', () => {
		const equal = '“We will open the border,” Ana Silva said.\n\n“Nobody believes that promise today,” said Rui Costa, a shopkeeper.';
		expect(quotesOf(equal, twoGroups).balance).toBe(1);
	});

	test('computes balance 0 when one group has every word', () => {
		expect(quotesOf('“We will open the border next week,” Ana Silva said on Monday.', twoGroups).balance).toBe(0);
	});

	test('gives balance null with no speech quotes', () => {
		expect(quotesOf('The so-called “reform” has been delayed twice already this year.', twoGroups).balance).toBeNull();
	});

	test('reports the anonymous share of speech words', () => {
		const anon = '“We will open the border next week,” Ana Silva said.\n\n“That will never happen in my view,” a senior official said.';
		expect(quotesOf(anon, twoGroups).anonymousShare).toBeCloseTo(7 / 14, 2);
	});

	test('reports quoted words over body words', () => {
		const ctx = contextOf(text);
		expect(analyzeQuotes(ctx, twoGroups).quotedShare).toBeCloseTo(12 / ctx.wordCount, 2);
	});

	test('lists speakers with their quote and word counts', () => {
		expect(quotesOf(text, twoGroups).speakers).toEqual([
			{ actorId: 'ana-silva', name: 'Ana Silva', named: true, group: 'gov', quotes: 1, words: 7 },
			{ actorId: 'rui-costa', name: 'Rui Costa', named: true, group: 'other', quotes: 1, words: 5 }
		]);
	});

	test('counts indirect speech words by group apart from quotes', () => {
		const q = quotesOf('Ana Silva said the border would open again next week.', twoGroups);
		expect([q.quotedWords, q.indirectByGroup]).toEqual([0, { gov: 7 }]);
	});

	test('gives an empty section the config groups for legends', () => {
		expect(emptyQuotes(twoGroups).groups.map((g) => g.id)).toEqual(['gov', 'other']);
	});
});

describe('bad input', () => {
	const valid = (text: string) => {
		const q = quotesOf(text);
		for (const s of [...q.items, ...q.indirect]) {
			expect(s.start).toBeGreaterThanOrEqual(0);
			expect(s.end).toBeGreaterThan(s.start);
			expect(s.end).toBeLessThanOrEqual(text.length);
			expect(text.slice(s.start, s.end)).toBe(s.text);
		}
		return q;
	};

	test('pairs 10,000 straight marks in order, with valid spans', () => {
		expect(valid('He said ' + '"word '.repeat(10_000) + 'end.').items.length).toBe(5_000);
	});

	test.each([
		['10,000 unmatched opening marks', 'He said ' + '“word '.repeat(10_000) + 'end.'],
		['10,000 unmatched closing marks', 'He said ' + 'word” '.repeat(10_000) + 'end.'],
		['10,000 unmatched single marks', 'He said ' + '‘word '.repeat(10_000) + 'end.']
	])('returns valid spans for %s, fast', (_, text) => {
		const t0 = performance.now();
		const q = valid(text);
		expect(q.items.length).toBeLessThanOrEqual(1);
		expect(performance.now() - t0).toBeLessThan(10_000);
	});

	test('returns valid spans for quotes nested 50 deep', () => {
		const text = 'He said ' + '“a ‘b '.repeat(25) + 'core' + ' c’ d”'.repeat(25) + ' today.';
		const q = valid(text);
		expect(q.items[0].depth).toBe(0);
		expect(Math.max(...q.items.map((i) => i.depth))).toBeLessThan(50);
	});

	test('handles a 1 MB paragraph in linear time', () => {
		const sentence = 'The minister said the talks were “productive and useful for both sides,” adding that “more work is needed”. ';
		const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
		const ctx = contextOf(text);
		const t0 = performance.now();
		const q = analyzeQuotes(ctx);
		expect(performance.now() - t0).toBeLessThan(20_000);
		expect(q.items.length).toBeGreaterThan(10_000);
		expect(q.items.every((i) => text.slice(i.start, i.end) === i.text)).toBe(true);
	}, 120_000);

	test('never throws and keeps spans valid on any string', () => {
		const marks = fc.constantFrom('"', "'", '“', '”', '‘', '’', '«', '»', '„', ' ', '\n\n', ',', '.', ':', ' said ', ' he ', 'Putin', 'the official');
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.string({ maxLength: 8 }), marks), { maxLength: 60 }), (parts) => {
				valid(parts.join(''));
			}),
			{ numRuns: 150 }
		);
	}, 120_000);
});
