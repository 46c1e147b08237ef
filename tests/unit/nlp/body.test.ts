import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { detectBody, detectMeta, normalise, normalisedKey, splitBlocks } from '../../../src/lib/nlp/body';

const seed = (id: string) => readFileSync(`seeds/${id}.txt`, 'utf8');

function chromeOf(text: string): string[] {
	return detectBody(text).chrome.map((c) => text.slice(c.start, c.end));
}
function bodyOf(text: string) {
	return detectBody(text).body.map((b) => ({ kind: b.kind, text: text.slice(b.start, b.end) }));
}

// Our own reading of each seed page: which blocks are page chrome (by their opening words).
const EXPECTED_CHROME: Record<string, string[]> = {
	'000_48ec3a1b8ee53d86': ['Dave DeCamp is the news editor'],
	'001_ba4853400bd4b778': ['American Age Official', 'Next Post', 'Attack kills 10 in Syria', 'BEIRUT (AP)'],
	'002_b54ce457970aa6fa': [
		'Connect with us',
		'Hi, what are you looking for?',
		'The Times On Ru',
		'1. The Times On RU',
		'2. /',
		'3. News',
		'4. /',
		'5. Xi and Putin talk',
		'Click to comment',
		'Leave a Reply',
		'Your email address',
		'Take A Look',
		'You may be interested in:',
		'The Chinese brand has completely',
		'Corporate clients of Russian Post',
		'Former Deputy Head',
		'VELIKY NOVGOROD'
	],
	'003_f330e069ddbd22ae': ['Stay informed with free updates', '#Vladimir #Putin', 'About Author', 'Leave a Reply'],
	'004_cba03b44a77f68cf': ['Chinese warships steam in formation', 'Do you like this article?', '0 Comment(s)', 'Comment Policy']
};

describe.each(Object.entries(EXPECTED_CHROME))('seed %s', (id, expected) => {
	const text = seed(id);

	test('page chrome is exactly the blocks we judged chrome', () => {
		const chrome = chromeOf(text);
		expect(chrome.length).toBe(expected.length);
		expected.forEach((start, i) => expect(chrome[i].startsWith(start), `${chrome[i]} should start with ${start}`).toBe(true));
	});

	test('every block that is not chrome is in the body, in order, with a headline first', () => {
		const { body, chrome } = detectBody(text);
		const blocks = splitBlocks(text);
		expect(body.length + chrome.length).toBe(blocks.length);
		expect(body.find((b) => b.kind !== 'byline' && b.kind !== 'dateline')?.kind).toBe('headline');
	});
});

describe('seed block kinds', () => {
	test('captions are body; a repeated caption is chrome', () => {
		const text = seed('004_cba03b44a77f68cf');
		expect(bodyOf(text).filter((b) => b.kind === 'caption')).toHaveLength(1);
		expect(detectBody(text).chrome[0].kind).toBe('duplicate');
	});

	test('short lines inside the article are subheads', () => {
		const subheads = bodyOf(seed('004_cba03b44a77f68cf')).filter((b) => b.kind === 'subhead');
		expect(subheads.map((s) => s.text)).toEqual(['Provocative drills', "Hardly a 'neutral party'", 'Growing co-operation']);
	});

	test('a standfirst under the headline is a dek', () => {
		expect(bodyOf(seed('000_48ec3a1b8ee53d86'))[1]).toEqual({
			kind: 'dek',
			text: 'The Pentagon issued a fresh warning to China about its relationship with Russia as Putin was visiting Beijing'
		});
	});

	test('the last paragraph before the comment form is still body', () => {
		const body = bodyOf(seed('002_b54ce457970aa6fa'));
		expect(body.at(-1)?.text).toMatch(/^As for the full scope/);
	});
});

// Pages in layouts the seeds do not have.
const BLOG = `Skip to content
Home
World
Politics
Opinion

Ministers agree new grain corridor after night of talks

By Maria Lopez | 14 March 2025

Ministers from four countries agreed early on Saturday to reopen a grain corridor across the Black Sea, ending weeks of uncertainty for exporters.

The deal, reached after eleven hours of talks in Istanbul, allows ships to sail under an inspection regime run by a joint centre.

"This is a fragile agreement, but it is an agreement," one of the negotiators told reporters as the talks ended.

Share this article
Facebook
Twitter
Email

Related stories

Wheat prices fall to a two-year low as harvest estimates rise...

Port strike enters second week...

© 2025 Example Media Group. All rights reserved. Privacy Policy | Terms of Use`;

const PLAIN = `Flooding closes main rail line\r\nHeavy rain closed the main rail line between the two cities on Tuesday, the operator said.\r\nEngineers expect the line to reopen by the weekend if the water recedes.\r\nPassengers were advised to check before travelling.`;

describe('pages in other layouts', () => {
	test('a blog layout: menu, share list, related teasers and footer are chrome', () => {
		const body = bodyOf(BLOG);
		expect(body.map((b) => b.kind)).toEqual(['headline', 'byline', 'paragraph', 'paragraph', 'paragraph']);
		const chrome = chromeOf(BLOG);
		for (const c of ['Skip to content', 'Home', 'Share this article', 'Facebook', 'Related stories', '© 2025 Example Media Group. All rights reserved. Privacy Policy | Terms of Use'])
			expect(chrome).toContain(c);
	});

	test('detected metadata comes from the headline and byline', () => {
		const meta = detectMeta(BLOG, detectBody(BLOG));
		expect(meta.title).toBe('Ministers agree new grain corridor after night of talks');
		expect(meta.author).toBe('Maria Lopez');
		expect(meta.date).toBe('14 March 2025');
	});

	test('one-line paragraphs with CRLF and no blank lines are each a paragraph', () => {
		expect(bodyOf(PLAIN).map((b) => b.kind)).toEqual(['headline', 'paragraph', 'paragraph', 'paragraph']);
	});

	test('hard-wrapped lines join into one paragraph', () => {
		const text = 'Storm hits coast\n\nThe storm reached the coast late on Monday and\nknocked out power to thousands of homes, the utility\nsaid in a statement.\n\nCrews worked through the night to restore power to the worst-hit areas.';
		const body = bodyOf(text);
		expect(body[1]).toEqual({ kind: 'paragraph', text: 'The storm reached the coast late on Monday and\nknocked out power to thousands of homes, the utility\nsaid in a statement.' });
	});

	test('a text with no punctuation still has a body', () => {
		const text = 'word '.repeat(200).trim();
		expect(bodyOf(text)).toHaveLength(1);
	});

	test('an empty or blank text has no blocks', () => {
		expect(detectBody('')).toEqual({ body: [], chrome: [] });
		expect(detectBody(' \n\n \r\n')).toEqual({ body: [], chrome: [] });
	});
});

describe('normalisedKey: a count that equal normalised texts share, so most blocks are never normalised', () => {
	const keptOfNorm = (s: string) => [...normalise(s)].filter((c) => c !== ' ').length;

	test('equals the kept characters of normalise() for every code point, alone and between capitals', () => {
		const wrong: string[] = [];
		for (let cp = 0; cp <= 0x10ffff; cp++) {
			if (cp >= 0xd800 && cp <= 0xdfff) continue;
			const ch = String.fromCodePoint(cp);
			for (const s of [ch, `A${ch}B`]) if (normalisedKey(s) !== keptOfNorm(s)) wrong.push(`U+${cp.toString(16)} in ${JSON.stringify(s)}`);
		}
		expect(wrong).toEqual([]);
	});

	test.each([
		['Greek final sigma, which lower-cases by context', 'ΟΔΟΣ ΑΘΗΝΑΣ'],
		['a dotted capital I, which lower-cases to two code points', 'İSTANBUL’s (old) port'],
		['a lone surrogate', 'a\ud800b'],
		['mixed punctuation and apostrophes', '“Sign up — it’s free!” (1/2)']
	])('and for whole strings: %s', (_, s) => {
		expect(normalisedKey(s)).toBe(keptOfNorm(s));
	});

	test('a repeated block is still found when it differs only in case and punctuation', () => {
		const para = 'The ministry said the talks would resume next week in Geneva, officials confirmed on Monday.';
		const text = `Headline of the story here\n\n${para}\n\n${para.toUpperCase().replace(/,/g, ' —')}\n\nAnother paragraph follows here with more words than eight in it.`;
		const chrome = detectBody(text).chrome.map((c) => ({ kind: c.kind, text: text.slice(c.start, c.end) }));
		expect(chrome).toContainEqual({ kind: 'duplicate', text: para.toUpperCase().replace(/,/g, ' —') });
	});
});

test('a title-like line after two full paragraphs is no headline, so the paragraphs above it stay body', () => {
	const text =
		'Campaigners say the true toll is probably far higher than the official count released on Monday.\n\nScientists warn that sediment plumes could smother marine life hundreds of kilometres away.\n\nAfD co-leader Alice Weidel raged: „The climate ideologues are ruining our country, one bill at a time.“\n';
	const split = detectBody(text);
	expect(split.chrome).toEqual([]);
	expect(split.body.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
});
