import { expect, test } from 'vitest';
import { readDoc } from '../../../src/lib/nlp/doc';
import { analyze } from '../../../src/lib/nlp/analyze';

test('every token slices back exactly from the text', () => {
	const text = 'Xi said “it’s fine.”\r\n\r\nMr. Putin’s 12-point plan costs $20.83 billion 😀 #tag https://x.io/a?b=1\tdon’t';
	for (const t of readDoc(text).tokens) expect(text.slice(t.start, t.end)).toBe(t.value);
});

test.each([
	['Aleksandar Vučić spoke.', 'Vučić'],
	['Marko Đurić spoke.', 'Đurić'],
	['Erdoğan spoke.', 'Erdoğan'],
	['They met in Gdańsk.', 'Gdańsk']
])('a word wink splits at letters outside Latin-1 is one token again: %s', (text, word) => {
	const tok = readDoc(text).tokens.find((t) => t.value === word);
	expect(tok).toMatchObject({ value: word, type: 'word', isWord: true, pos: 'PROPN' });
});

test('sentences still cover their tokens after words are rejoined', () => {
	const doc = readDoc('Vučić spoke. Đurić answered.');
	expect(doc.sentences.map((s) => doc.text.slice(s.start, s.end))).toEqual(['Vučić spoke.', 'Đurić answered.']);
	doc.sentences.forEach((s, i) => {
		for (let t = s.first; t <= s.last; t++) expect(doc.tokens[t].sentence).toBe(i);
	});
});

test('a token wink gives no lemma ("People cannot," at a clause end) gets its normal form, and analysis does not throw', () => {
	const text = '“Buildings can be replaced. People cannot,” Premier Wab Kinew told reporters.';
	const doc = readDoc(text);
	for (const t of doc.tokens) expect(typeof t.lemma).toBe('string');
	expect(doc.tokens.find((t) => t.value === 'cannot')?.lemma).toBeTruthy();
	expect(() => analyze({ id: 'x', text })).not.toThrow();
});

const sentencesOf = (text: string) => readDoc(text).sentences.map((s) => text.slice(s.start, s.end).trim());

test.each([
	['He met U.S. President Joe Biden. Then U.S. officials left.', ['He met U.S. President Joe Biden.', 'Then U.S. officials left.']],
	['Sanctions hit the U.S. The talks ended.', ['Sanctions hit the U.S.', 'The talks ended.']],
	['Gen. Smith met Sen. Jones on Jan. 5 at 3 p.m. on Friday.', ['Gen. Smith met Sen. Jones on Jan. 5 at 3 p.m. on Friday.']],
	['He said: “We will win.” She disagreed.', ['He said: “We will win.”', 'She disagreed.']],
	['He said: "We will win." She disagreed.', ['He said: "We will win."', 'She disagreed.']],
	['They met. "We will win," he said.', ['They met.', '"We will win," he said.']],
	['“What?” he asked. (He left.) Then more…', ['“What?” he asked.', '(He left.)', 'Then more…']],
	['It was good... for now. Prices rose 3.5 per cent!', ['It was good... for now.', 'Prices rose 3.5 per cent!']],
	['The minister said the talks\nwere useful and more\nwould follow. He left.', ['The minister said the talks\nwere useful and more\nwould follow.', 'He left.']],
	['Headline without a stop\n\nThe body starts here.', ['Headline without a stop', 'The body starts here.']],
	['A blank line holding a space\n \nstill ends a sentence.', ['A blank line holding a space', 'still ends a sentence.']]
])('sentence breaks: %s', (text, expected) => {
	expect(sentencesOf(text)).toEqual(expected);
});

test('sentences cover every token once, in order, line breaks included', () => {
	const doc = readDoc('One.\n\n\nTwo? “Three!”\r\n\r\n  Four');
	let next = 0;
	doc.sentences.forEach((s, i) => {
		expect(s.first).toBe(next);
		for (let t = s.first; t <= s.last; t++) expect(doc.tokens[t].sentence).toBe(i);
		next = s.last + 1;
	});
	expect(next).toBe(doc.tokens.length);
	expect(doc.sentences).toHaveLength(4);
});
