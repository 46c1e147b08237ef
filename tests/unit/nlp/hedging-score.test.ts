import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/lib/nlp/analyze';
import { analyzeHedging, ANONYMOUS_SPEAKER_CUE, findHedges } from '../../../src/lib/nlp/hedging';
import { emptyQuotes } from '../../../src/lib/nlp/quotes';
import type { IndirectQuote } from '../../../src/lib/nlp/types';
import { contextOf, quoteOf, quotesWith } from './hedging-helpers';

describe('section scores', () => {
	// Two sentences, 12 words: one hedge ("may") and one booster ("clearly").
	const text = 'The talks may collapse soon.\nBeijing clearly wants a deal with Moscow.';
	const section = analyzeHedging(contextOf(text), emptyQuotes());

	test('rates are per 1,000 body words', () => {
		expect([section.hedgesPer1000, section.boostersPer1000]).toEqual([83.333, 83.333]);
	});

	test('rates per sentence divide by body sentences', () => {
		expect([section.hedgesPerSentence, section.boostersPerSentence]).toEqual([0.5, 0.5]);
	});

	test('byType counts hedges and boosters by type', () => expect(section.byType).toEqual({ modal: 1, booster: 1 }));

	test('hedged sentences list the sentences holding a hedge', () => {
		expect([section.hedgedSentences, section.hedgedSentenceShare]).toEqual([[0], 0.5]);
	});

	test.each([
		['only hedges', 'It may rain and it might snow.', -1],
		['only boosters', 'It will clearly rain and certainly snow.', 1],
		['as many of each', 'It may rain and it will clearly snow.', 0],
		['neither', 'It rains and it snows.', 0]
	])('certainty with %s is %d', (_what, t, certainty) => expect(analyzeHedging(contextOf(t), emptyQuotes()).certainty).toBe(certainty));

	test('an empty text scores zeros, not NaN', () => {
		const empty = analyzeHedging(contextOf(''), emptyQuotes());
		expect([empty.hedgesPer1000, empty.hedgesPerSentence, empty.hedgedSentenceShare, empty.certainty]).toEqual([0, 0, 0, 0]);
	});
});

describe('narrator and quoted voices', () => {
	const text = 'Russia may send troops, officials fear. "We will clearly win, perhaps soon," he said.';
	const inner = 'We will clearly win, perhaps soon,';
	const quotes = quotesWith([quoteOf(text, inner, 'q1')], 6);

	test('a cue inside a speech quote is marked inQuote with the quote id', () => {
		const found = findHedges(contextOf(text), quotes);
		expect(found.map((c) => [c.text, c.inQuote, c.quoteId])).toEqual([
			['may', false, null],
			['officials fear', false, null],
			['clearly', true, 'q1'],
			['perhaps', true, 'q1']
		]);
	});

	test('a scare quote does not make its cues quoted', () => {
		const scare = { ...quoteOf(text, inner, 'q1'), kind: 'scare' as const };
		expect(findHedges(contextOf(text), quotesWith([scare], 0)).some((c) => c.inQuote)).toBe(false);
	});

	test('narrator rates divide by words outside quotes and quoted rates by quoted words', () => {
		const section = analyzeHedging(contextOf(text), quotes);
		// 14 body words, 6 quoted: narrator 2 hedges / 8 words; quoted 1 hedge and 1 booster / 6 words.
		expect([section.narrator, section.quoted]).toEqual([
			{ hedgesPer1000: 250, boostersPer1000: 0 },
			{ hedgesPer1000: 166.667, boostersPer1000: 166.667 }
		]);
	});
});

describe('anonymous speakers from the quotes analyzer', () => {
	// The apposition keeps the lexicon from seeing "official … says" as one phrase; only the quotes analyzer links them.
	const text = '"The pact is hollow," a senior US official, who has followed the talks for years, says. "It is a farce," some diplomats said.';

	test('an unnamed speaker of a general claim becomes a vague-attribution cue', () => {
		const q = quoteOf(text, 'The pact is hollow,', 'q1', { text: 'a senior US official', named: false });
		q.cueSpan = { start: text.indexOf('says'), end: text.indexOf('says') + 4 };
		const found = findHedges(contextOf(text), quotesWith([q], 4));
		expect(found.filter((c) => c.cue === ANONYMOUS_SPEAKER_CUE).map((c) => c.text)).toEqual(['a senior US official']);
	});

	test('a speaker already covered by a lexicon cue is not counted twice', () => {
		const q = quoteOf(text, 'It is a farce,', 'q1', { text: 'some diplomats', named: false });
		q.cueSpan = { start: text.indexOf('said'), end: text.indexOf('said') + 4 };
		const found = findHedges(contextOf(text), quotesWith([q], 4)).filter((c) => c.text.includes('diplomats'));
		expect(found.map((c) => [c.text, c.cue])).toEqual([['some diplomats said', 'source-says']]);
	});

	test.each([
		['a named speaker', { text: 'a senior US official', named: true }],
		['a pronoun', { text: 'he', named: false }],
		['an unnamed institution', { text: 'The pact', named: false }]
	])('%s is not vague attribution', (_what, speaker) => {
		const t = '"The pact is hollow," a senior US official says, he added. The pact said so.';
		const q = quoteOf(t, 'The pact is hollow,', 'q1', speaker);
		q.cueSpan = { start: t.indexOf('says'), end: t.indexOf('says') + 4 };
		expect(findHedges(contextOf(t), quotesWith([q], 4)).filter((c) => c.cue === ANONYMOUS_SPEAKER_CUE)).toEqual([]);
	});

	test('an indirect quote by a one-off unnamed official is not vague attribution', () => {
		const t = 'An official said the talks failed.';
		const indirect: IndirectQuote = {
			id: 'i1',
			start: t.indexOf('the talks'),
			end: t.length - 1,
			text: 'the talks failed',
			speaker: null,
			actorId: null,
			named: false,
			role: 'official',
			group: 'other',
			speakerSpan: { start: 0, end: 11 },
			cue: 'said',
			cueSpan: { start: 12, end: 16 },
			words: 3,
			block: 0
		};
		expect(findHedges(contextOf(t), { ...emptyQuotes(), indirect: [indirect] })).toEqual([]);
	});
});

describe('through analyze()', () => {
	test('every cue of a seed-like article slices back to its text and sits in a body sentence', () => {
		const text = [
			'Xi and Putin deepen ties',
			'',
			'Some analysts say the so-called no-limits partnership may soon include arms. According to reports, about 200 engineers travelled to Moscow in May, and officials will certainly deny it.',
			'',
			'Beijing appears to be hedging its bets, critics argue. It is believed that the deal could collapse.'
		].join('\n');
		const record = analyze({ id: 't', text });
		const all = [...record.hedging.hedges, ...record.hedging.boosters];
		expect(all.length).toBeGreaterThan(5);
		for (const c of all) {
			expect(text.slice(c.start, c.end)).toBe(c.text);
			const s = record.sentences[c.sentence];
			expect(c.start >= s.start && c.end <= s.end).toBe(true);
		}
	});
});
