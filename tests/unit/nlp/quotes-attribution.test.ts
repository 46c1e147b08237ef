import { describe, expect, test } from 'vitest';
import { quotesOf } from './quotes.helpers';

/** Speaker of the first outermost quote. */
const firstSpeaker = (text: string) => {
	const q = quotesOf(text).items.find((i) => i.depth === 0);
	return q ? { speaker: q.speaker, attribution: q.attribution, cue: q.cue } : null;
};

describe('speaker from the reporting cue', () => {
	test.each([
		['X said after', '“We will not back down,” Maria Lopez said on Tuesday.', 'Maria Lopez', 'said'],
		['said X after', '“We will not back down,” said Maria Lopez, the union leader.', 'Maria Lopez', 'said'],
		['X told reporters', '“The deal is done,” Tom Brandt told reporters in Vienna.', 'Tom Brandt', 'told reporters'],
		['X added', '“There is more to do,” Tom Brandt added.', 'Tom Brandt', 'added'],
		['X said: before', 'Tom Brandt said: “The deal is done and it is a good one.”', 'Tom Brandt', 'said'],
		['X wrote on Telegram', 'Igor Belov wrote on Telegram: “The convoy has left the port.”', 'Igor Belov', 'wrote'],
		['wrote X', '“The convoy has left the port,” wrote Igor Belov on Telegram.', 'Igor Belov', 'wrote'],
		['quoted as saying', '“Talks will resume soon,” Anna Weiss was quoted as saying by the agency.', 'Anna Weiss', 'quoted as saying']
	])('finds the speaker of %s', (_, text, speaker, cue) => {
		expect(firstSpeaker(text)).toMatchObject({ speaker, attribution: 'cue', cue });
	});

	test('finds the speaker before a colon with no verb', () => {
		expect(firstSpeaker('Tom Brandt: “The deal is done and it is a good one.”')).toMatchObject({ speaker: 'Tom Brandt', attribution: 'colon' });
	});

	test('finds the speaker in "according to X" after the quote', () => {
		expect(firstSpeaker('“Supplies are running low,” according to the Red Cross.')?.speaker).toBe('Red Cross');
	});

	test('keeps a title and role with the name, as role', () => {
		const q = quotesOf('“We oppose the sanctions,” Foreign Ministry spokesperson Lena Park said.').items[0];
		expect([q.speaker, q.role]).toEqual(['Lena Park', 'Foreign Ministry spokesperson']);
	});

	test('takes the name from an apposition after a role', () => {
		const q = quotesOf('The country’s ambassador to Japan, Pavel Orlov, said: “Our ties are strong.”').items[0];
		expect([q.speaker, q.role]).toEqual(['Pavel Orlov', 'country’s ambassador to Japan']);
	});

	test('skips a relative clause between subject and cue', () => {
		expect(firstSpeaker('Tom Brandt, who has led the talks since May, said: “The deal is done.”')?.speaker).toBe('Tom Brandt');
	});

	test('takes the subject of the sentence when the cue follows "and"', () => {
		expect(firstSpeaker('In a speech, Tom Brandt praised the staff and said the result was “a triumph of patience and hard work”.')?.speaker).toBe('Tom Brandt');
	});

	test('treats organisations as speakers', () => {
		expect(firstSpeaker('“The border remains closed,” the Interior Ministry said in a statement.')?.speaker).toBe('Interior Ministry');
	});
});

describe('pronouns and continuations', () => {
	test('resolves "he added" to the last speaker', () => {
		const items = quotesOf('“We are ready for the talks to start again,” Tom Brandt said on Monday.\n\n“We have waited long enough for an answer from them,” he added.').items;
		expect(items.map((q) => [q.speaker, q.attribution])).toEqual([
			['Tom Brandt', 'cue'],
			['Tom Brandt', 'pronoun']
		]);
	});

	test('resolves "he" to the person the paragraph is about', () => {
		const text = 'Tom Brandt arrived late for the meeting in the capital.\n\n“We are ready for the talks to start again,” Maria Lopez said.\n\nTom Brandt spoke next at the meeting. “We have waited long enough,” he said.';
		expect(quotesOf(text).items.map((q) => q.speaker)).toEqual(['Maria Lopez', 'Tom Brandt']);
	});

	test('gives a second quote in the same paragraph the same speaker', () => {
		const items = quotesOf('“We are ready,” Tom Brandt said. “We have waited long enough.”').items;
		expect(items.map((q) => [q.speaker, q.attribution])).toEqual([
			['Tom Brandt', 'cue'],
			['Tom Brandt', 'continuation']
		]);
	});

	test('gives every piece of a quote over several paragraphs one speaker and links the pieces', () => {
		const text = '“We are ready to talk,” Tom Brandt said. “We have been ready for months.\n\n“Nobody asked us.”';
		const items = quotesOf(text).items;
		expect(items.map((q) => [q.text, q.speaker, q.continues])).toEqual([
			['We are ready to talk,', 'Tom Brandt', null],
			['We have been ready for months.', 'Tom Brandt', null],
			['Nobody asked us.', 'Tom Brandt', 'q2']
		]);
	});

	test('resolves "the official said" to the anonymous official quoted earlier', () => {
		const text = '“We see no progress,” a senior EU official said.\n\n“None at all,” the official said later in the day.';
		const items = quotesOf(text).items;
		expect(items.map((q) => [q.speaker, q.named, q.role])).toEqual([
			[null, false, 'senior EU official'],
			[null, false, 'senior EU official']
		]);
	});
});

describe('anonymous sources', () => {
	test.each([
		['a senior official', '“The talks are over,” a senior Japanese official said.', 'senior Japanese official'],
		['sources', '“The talks are over,” sources told the newspaper.', 'sources'],
		['diplomats', 'Diplomats say “the talks are over and nobody will restart them”.', 'Diplomats'],
		['people familiar', '“The talks are over,” two people familiar with the matter said.', 'people familiar with the matter']
	])('marks %s as unnamed and keeps the role', (_, text, role) => {
		const q = quotesOf(text).items[0];
		expect([q.speaker, q.named, q.actorId]).toEqual([null, false, null]);
		expect(q.role).toContain(role.split(' ')[0]);
	});
});

describe('scare quotes and speech', () => {
	test.each([
		['a term with no cue', 'Moscow calls the war a so-called “special military operation” in its media.'],
		['a phrase in a headline-like line', 'Leaders vow to resist ‘hostile’ pressure from abroad'],
		['a short label mid-sentence', 'The two sides described their “no limits” partnership in detail at the summit.']
	])('marks %s as a scare quote without a speaker', (_, text) => {
		const q = quotesOf(text).items[0];
		expect([q.kind, q.speaker, q.attribution]).toEqual(['scare', null, 'none']);
	});

	test('keeps a short quote with a reporting cue as speech', () => {
		const q = quotesOf('Tom Brandt said the plan was “unworkable”.').items[0];
		expect([q.kind, q.speaker]).toEqual(['speech', 'Tom Brandt']);
	});

	test('gives a nested quote the outer speaker', () => {
		const items = quotesOf('“The soldiers told us ‘we will never leave this place’ and they meant it,” Maria Lopez said.').items;
		expect(items.map((q) => [q.depth, q.kind, q.speaker])).toEqual([
			[0, 'speech', 'Maria Lopez'],
			[1, 'speech', 'Maria Lopez']
		]);
	});

	test('marks a short term nested in a quote as a scare quote', () => {
		const items = quotesOf('“They call it a ‘special operation’ but it is a war,” Maria Lopez said.').items;
		expect(items.map((q) => [q.depth, q.kind])).toEqual([
			[0, 'speech'],
			[1, 'scare']
		]);
	});
});

describe('indirect speech', () => {
	test.each([
		['X said clause', 'Tom Brandt said the talks had been warm and productive.', 'Tom Brandt', 'the talks had been warm and productive'],
		['X said that clause', 'The ministry said on Monday that the border would reopen next week.', 'ministry', 'the border would reopen next week'],
		['according to X, clause', 'According to the Red Cross, supplies are running low in the city.', 'Red Cross', 'supplies are running low in the city'],
		['clause, X said', 'The border will reopen next week, the ministry said.', 'ministry', 'The border will reopen next week']
	])('finds %s', (_, text, speaker, clause) => {
		const x = quotesOf(text).indirect[0];
		expect(x.text).toBe(clause);
		expect(x.speaker ?? x.role).toContain(speaker);
	});

	test('keeps the anonymous role of an indirect source', () => {
		const x = quotesOf('Officials in Berlin said the package would pass before the summer.').indirect[0];
		expect([x.speaker, x.named]).toEqual([null, false]);
	});

	test('ignores verbs whose subject cannot speak', () => {
		expect(quotesOf('The visit suggests that the two sides are closer than before.').indirect).toEqual([]);
	});

	test('ignores passive cues with no speaker', () => {
		expect(quotesOf('It is believed that the figure is much higher than reported.').indirect).toEqual([]);
	});
});
