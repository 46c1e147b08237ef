import data from '../lexicons/language.json';
import type { Language } from './types';

const LISTS = Object.entries(data.languages).map(([code, list]) => ({ code, words: new Set(list.split(' ')) }));
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

/**
 * Tell English from other languages by function-word share (and script for
 * non-Latin text). Short texts are `und` and treated as English, so that a
 * one-line test input still scores.
 */
export function detectLanguage(text: string): Language {
	const letters = text.match(/\p{L}/gu) ?? [];
	const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c)).length;
	if (letters.length >= 40 && latin < letters.length * 0.5) {
		const sample = letters.filter((c) => !/\p{Script=Latin}/u.test(c)).slice(0, 400).join('');
		const code = SCRIPTS.find(([re]) => re.test(sample))?.[1] ?? 'und';
		return { code, isEnglish: false, englishScore: 0 };
	}
	const words = (text.toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, 5000);
	if (words.length < 20) return { code: 'und', isEnglish: true, englishScore: 0 };
	const scores = LISTS.map(({ code, words: set }) => ({ code, share: words.filter((w) => set.has(w)).length / words.length }));
	scores.sort((a, b) => b.share - a.share);
	const english = scores.find((s) => s.code === 'en')!.share;
	const best = scores[0];
	const isEnglish = best.code === 'en' ? english >= 0.1 : english >= best.share * 1.5 && english >= 0.1;
	return { code: isEnglish ? 'en' : best.share >= 0.08 ? best.code : 'und', isEnglish, englishScore: Math.round(english * 1000) / 1000 };
}
