import { describe, expect, test } from 'vitest';
import { findMarkedQuotes } from '../../../src/lib/nlp/quote-marks';

/** Quoted texts of a one-block string. */
const quoted = (text: string) => findMarkedQuotes(text, [{ start: 0, end: text.length }]).map((q) => text.slice(q.start, q.end));

describe('quote marks', () => {
	test.each([
		['straight double', 'He said "we are ready" today.', 'we are ready'],
		['curly double', 'He said “we are ready” today.', 'we are ready'],
		['curly single', 'He said ‘we are ready’ today.', 'we are ready'],
		['straight single', "He said 'we are ready' today.", 'we are ready'],
		['guillemets', 'Il a dit «nous sommes prêts» hier.', 'nous sommes prêts'],
		['low-9 German style', 'Er sagte „wir sind bereit“ heute.', 'wir sind bereit'],
		['low-9 closed by a right mark', 'Er sagte „wir sind bereit” heute.', 'wir sind bereit']
	])('finds a %s quote without its marks', (_, text, inside) => {
		expect(quoted(text)).toEqual([inside]);
	});

	test.each([
		['a possessive', 'Russia’s army and China’s navy held drills.'],
		['a decade', 'Ties have grown since the ’90s and the 2000s.'],
		['a contraction pair', 'They played rock ’n’ roll all night.'],
		['a plural possessive', 'The students’ union met the teachers’ union.'],
		['straight apostrophes', "Russia's army and the students' union don't agree."]
	])('never takes %s for a quote', (_, text) => {
		expect(quoted(text)).toEqual([]);
	});

	test('keeps apostrophes inside a single-quoted span', () => {
		expect(quoted('The report called it ‘Russia’s war’ on Monday.')).toEqual(['Russia’s war']);
	});

	test('finds a quote nested in a quote, with its depth', () => {
		const text = 'He said “there are no ‘forbidden’ areas” today.';
		const qs = findMarkedQuotes(text, [{ start: 0, end: text.length }]);
		expect(qs.map((q) => [text.slice(q.start, q.end), q.depth])).toEqual([
			['there are no ‘forbidden’ areas', 0],
			['forbidden', 1]
		]);
	});

	test('ends an unclosed quote at the end of its paragraph, not the article', () => {
		const text = 'He said “we are ready to talk.\n\nThe next paragraph is narration.';
		const first = { start: 0, end: text.indexOf('\n') };
		const second = { start: text.lastIndexOf('\n') + 1, end: text.length };
		const qs = findMarkedQuotes(text, [first, second]);
		expect(qs.map((q) => [text.slice(q.start, q.end), q.isUnclosed])).toEqual([['we are ready to talk.', true]]);
	});

	test('drops an unclosed single mark, which is most often an apostrophe', () => {
		expect(quoted('The ‘old guard said nothing.')).toEqual([]);
	});
});
