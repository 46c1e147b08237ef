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
