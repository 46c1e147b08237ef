import { describe, expect, test } from 'vitest';
import { HEDGE_LEXICON, loadHedgeLexicon } from '../../../src/lib/nlp/hedge-lexicon';
import { findHedges } from '../../../src/lib/nlp/hedging';
import { emptyQuotes } from '../../../src/lib/nlp/quotes';
import { contextOf } from './hedging-helpers';

const head = { source: 'test', licence: 'MIT', updated: '2026-11-23' };
const entry = { id: 'perhaps', term: 'perhaps', type: 'adverb', note: 'possibility' };

describe('hedge lexicon loading', () => {
	test('the shipped lexicon loads with hedges and boosters', () => {
		const types = new Set(HEDGE_LEXICON.entries.map((e) => e.type));
		expect([...types].sort()).toEqual(['adverb', 'approximator', 'booster', 'distancing', 'epistemic-verb', 'modal', 'vague-attribution']);
	});

	test.each([
		['a missing licence', { source: 'x', updated: '2026-11-23', entries: [entry] }, /^h\.json: licence/],
		['a bad date', { ...head, updated: 'today', entries: [entry] }, /^h\.json: updated: expected YYYY-MM-DD/],
		['an entry without a note', { ...head, entries: [{ ...entry, note: undefined }] }, /^h\.json: entry "perhaps": note/],
		['an unknown type', { ...head, entries: [{ ...entry, type: 'vibe' }] }, /^h\.json: entry "perhaps": type/],
		['an unknown guard', { ...head, entries: [{ ...entry, guard: 'mood' }] }, /^h\.json: entry "perhaps": guard/],
		['an unknown class', { ...head, entries: [{ ...entry, term: '<nope> perhaps' }] }, /^h\.json: entry "perhaps": unknown class <nope>/],
		['a duplicate id', { ...head, entries: [entry, { ...entry, term: 'maybe' }] }, /^h\.json: duplicate id "perhaps"/],
		['a duplicate term', { ...head, entries: [entry, { ...entry, id: 'perhaps-2' }] }, /^h\.json: duplicate term "perhaps"/],
		['a pattern of optional steps only', { ...head, entries: [{ ...entry, term: 'perhaps?' }] }, /every step is optional/]
	])('rejects %s, naming the file and entry', (_what, data, message) => {
		expect(() => loadHedgeLexicon([{ file: 'h.json', data }])).toThrow(message);
	});

	test('indexes a pattern under every word it can start with', () => {
		const lex = loadHedgeLexicon([{ file: 'h.json', data: { ...head, entries: [{ ...entry, id: 'x', term: 'so? called|dubbed' }] } }]);
		expect([...lex.byFirst.keys()].sort()).toEqual(['called', 'dubbed', 'so']);
	});

	test('a pattern that starts with a POS tag is found', () => {
		const lex = loadHedgeLexicon([{ file: 'h.json', data: { ...head, entries: [{ ...entry, id: 'x', term: '<@NUM> percent', type: 'approximator' }] } }]);
		const text = 'Turnout rose to 30 percent on Sunday.';
		expect(findHedges(contextOf(text), emptyQuotes(), lex).map((c) => text.slice(c.start, c.end))).toEqual(['30 percent']);
	});
});
