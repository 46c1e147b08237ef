import data from '../lexicons/language.json';
import { isLetter, widthOf } from './chars';
import { tokenIndexAt, type Doc } from './doc';
import type { Language, Span } from './types';

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

type Letters = { letters: number; latin: number };

/** Letters and Latin letters in `s[from, to)`, added to `into`, with an ASCII fast path: English text never reaches the regular expressions. */
function countLetters(s: string, from = 0, to = s.length, into: Letters = { letters: 0, latin: 0 }): Letters {
	let { letters, latin } = into;
	for (let i = from; i < to; i++) {
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
	into.letters = letters;
	into.latin = latin;
	return into;
}

/**
 * Adds to `counts`, per language, the runs of letters in `lower` on its list, and returns how many runs
 * there are ("anti-vaccine" two, "2nd" one). A string that is one run is looked up as it is, unsliced.
 */
function countListed(lower: string, counts: number[]): number {
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
		const langs = INDEX.get(start === 0 && i === lower.length ? lower : lower.slice(start, i));
		if (langs) for (const l of langs) counts[l]++;
	}
	return words;
}

const noCounts = () => new Array<number>(CODES.length).fill(0);

/**
 * Tell English from other languages by function-word share (and script for
 * non-Latin text). Short texts are `und` and treated as English, so that a
 * one-line test input still scores.
 */
export function detectLanguage(text: string): Language {
	const sample = text.slice(0, SAMPLE_CHARS);
	const letters = countLetters(sample);
	if (isNonLatin(letters)) return nonLatin(sample);
	const counts = noCounts();
	return decide(countListed(sample.toLowerCase(), counts), counts);
}

/**
 * detectLanguage() over `blocks` of a tokenised text, as analyze() runs it: the
 * same sample and decision, with words read from wink's tokens (lower-cased
 * already) instead of a second scan of the characters.
 */
export function detectLanguageInDoc(doc: Doc, blocks: readonly Span[]): Language {
	const { text, tokens } = doc;
	const letters: Letters = { letters: 0, latin: 0 };
	const counts = noCounts();
	let words = 0;
	let budget = SAMPLE_CHARS;
	for (const block of blocks) {
		if (budget <= 0) break;
		const end = Math.min(block.end, block.start + budget);
		countLetters(text, block.start, end, letters);
		// The same runs as detectLanguage() finds in the characters, read from each token's lower-cased form.
		for (let t = tokenIndexAt(doc, block.start); t < tokens.length && tokens[t].start < end; t++) words += countListed(tokens[t].lower, counts);
		budget -= end - block.start + 1;
	}
	if (isNonLatin(letters)) return nonLatin(blocks.map((b) => text.slice(b.start, b.end)).join('\n').slice(0, SAMPLE_CHARS));
	return decide(words, counts);
}

function isNonLatin({ letters, latin }: Letters): boolean {
	return letters >= 40 && latin < letters * 0.5;
}

function nonLatin(sample: string): Language {
	const code = SCRIPTS.find(([re]) => re.test(sample))?.[1] ?? 'und';
	return { code, isEnglish: false, englishScore: 0 };
}

function decide(words: number, counts: readonly number[]): Language {
	if (words < 20) return { code: 'und', isEnglish: true, englishScore: 0 };
	const english = counts[EN] / words;
	let best = 0;
	for (let i = 1; i < counts.length; i++) if (counts[i] > counts[best]) best = i;
	const bestShare = counts[best] / words;
	const isEnglish = best === EN ? english >= 0.1 : english >= bestShare * 1.5 && english >= 0.1;
	return { code: isEnglish ? 'en' : bestShare >= 0.08 ? CODES[best] : 'und', isEnglish, englishScore: Math.round(english * 1000) / 1000 };
}
