import data from '../lexicons/language.json';
import { isLetter, widthOf } from './chars';
import type { Language } from './types';

const CODES = Object.keys(data.languages);
/** word → indices into CODES of the languages that list it. */
const INDEX = new Map<string, number[]>();
Object.values(data.languages).forEach((list, i) => {
	for (const w of list.split(' ')) INDEX.set(w, [...(INDEX.get(w) ?? []), i]);
});
const EN = CODES.indexOf('en');
// Longer words are in no list: skip the lookup.
const MAX_LISTED = Math.max(...[...INDEX.keys()].map((w) => w.length));

const SCRIPTS: [RegExp, string][] = [
	[/\p{Script=Cyrillic}/u, 'ru'],
	[/\p{Script=Han}/u, 'zh'],
	[/\p{Script=Arabic}/u, 'ar'],
	[/\p{Script=Hebrew}/u, 'he'],
	[/\p{Script=Greek}/u, 'el'],
	[/\p{Script=Devanagari}/u, 'hi'],
	[/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
	[/\p{Script=Hangul}/u, 'ko'],
	[/\p{Script=Thai}/u, 'th']
];

// A sample is enough to tell a language, and keeps this cheap on a 5 MB text.
const SAMPLE_CHARS = 20_000;

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;

/** Letters and Latin letters, with an ASCII fast path: English text never reaches the regular expressions. */
function countLetters(s: string): { letters: number; latin: number } {
	let letters = 0;
	let latin = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 128) {
			if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
				letters++;
				latin++;
			}
		} else if (c < 0xd800 || c > 0xdfff) {
			const ch = s[i];
			if (LETTER.test(ch)) {
				letters++;
				if (LATIN.test(ch)) latin++;
			}
		}
	}
	return { letters, latin };
}

/** Words (runs of letters) in `lower`, and per language how many are on its list. */
function countListed(lower: string): { words: number; counts: number[] } {
	const counts = new Array<number>(CODES.length).fill(0);
	let words = 0;
	let i = 0;
	while (i < lower.length) {
		let cp = lower.codePointAt(i)!;
		if (!isLetter(cp)) {
			i += widthOf(cp);
			continue;
		}
		const start = i;
		do {
			i += widthOf(cp);
			cp = lower.codePointAt(i) ?? 0;
		} while (i < lower.length && isLetter(cp));
		words++;
		if (i - start > MAX_LISTED) continue;
		const langs = INDEX.get(lower.slice(start, i));
		if (langs) for (const l of langs) counts[l]++;
	}
	return { words, counts };
}

/**
 * Tell English from other languages by function-word share (and script for
 * non-Latin text). Short texts are `und` and treated as English, so that a
 * one-line test input still scores.
 */
export function detectLanguage(text: string): Language {
	const sample = text.slice(0, SAMPLE_CHARS);
	const { letters, latin } = countLetters(sample);
	if (letters >= 40 && latin < letters * 0.5) {
		const code = SCRIPTS.find(([re]) => re.test(sample))?.[1] ?? 'und';
		return { code, isEnglish: false, englishScore: 0 };
	}
	const { words, counts } = countListed(sample.toLowerCase());
	if (words < 20) return { code: 'und', isEnglish: true, englishScore: 0 };
	const english = counts[EN] / words;
	let best = 0;
	for (let i = 1; i < counts.length; i++) if (counts[i] > counts[best]) best = i;
	const bestShare = counts[best] / words;
	const isEnglish = best === EN ? english >= 0.1 : english >= bestShare * 1.5 && english >= 0.1;
	return { code: isEnglish ? 'en' : bestShare >= 0.08 ? CODES[best] : 'und', isEnglish, englishScore: Math.round(english * 1000) / 1000 };
}
