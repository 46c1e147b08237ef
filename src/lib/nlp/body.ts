import boilerplateData from '../lexicons/boilerplate.json';
import { isLetter, isLetterOrNumber, isSpaceUnit, isUpper, widthOf } from './chars';
import type { ArticleMeta, BodyBlock, BodyKind, ChromeBlock, ChromeKind, Span } from './types';

/**
 * Body detection: split a saved web page into blocks and decide, for each,
 * whether it is the article (headline, byline, paragraphs, captions) or page
 * chrome (navigation, prompts, teasers, bios, hashtags). Signals are general:
 * block length, sentence shape, punctuation, position, runs of short lines and
 * a data list of common template phrases; nothing here knows a particular site.
 */

export type Block = Span & {
	/** Lines of a list-like chunk (breadcrumbs, menus) are split into one block each. */
	isListItem: boolean;
};

type Boilerplate = { phrase: string; kind: ChromeKind; end: boolean };
type Phrase = Boilerplate & { isSingle: boolean; padded: string; words: number };
type Label = { side: 'body'; kind: BodyKind } | { side: 'chrome'; kind: ChromeKind; reason: string };

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const LEFT_QUOTE = 0x2018;
const HYPHEN = 0x2d;
const OPEN_BRACKET = 0x28;
const CLOSE_BRACKET = 0x29;

const PHRASES: Phrase[] = (boilerplateData.entries as Boilerplate[]).map((e) => {
	const phrase = normalise(e.phrase);
	return { ...e, phrase, isSingle: !phrase.includes(' '), padded: ` ${phrase} `, words: phrase.split(' ').length };
});

// A block can only hold a phrase whose first word it has, so only those phrases are tried.
const PHRASES_BY_FIRST = new Map<string, number[]>();
PHRASES.forEach((p, i) => {
	const first = p.phrase.split(' ')[0];
	PHRASES_BY_FIRST.set(first, [...(PHRASES_BY_FIRST.get(first) ?? []), i]);
});

const TERMINAL = /[.!?…]["“”’‘'»«)\]]*$/;
const FUNCTION_WORDS = new Set(
	'a an the of to in on at for with and or but by from as is are was were be been has have had that this it its he she they we said will would not'.split(' ')
);
// Lower-casing never shortens a string, so a longer word is never a function word.
const FUNCTION_WORD_MAX = Math.max(...[...FUNCTION_WORDS].map((w) => w.length));

/** A short run of ASCII letters as a number, case-folded (so no string is built); -1 for any other character. */
function asciiKey(s: string, start: number, end: number): number {
	let key = 0;
	for (let i = start; i < end; i++) {
		const c = s.charCodeAt(i) | 0x20;
		if (c < 97 || c > 122) return -1;
		key = key * 27 + (c - 96);
	}
	return key;
}

const FUNCTION_KEYS = new Set([...FUNCTION_WORDS].map((w) => asciiKey(w, 0, w.length)));

/**
 * Lower case, curly apostrophes straightened, every run of characters other
 * than letters, numbers, apostrophes and brackets made one space, trimmed:
 * "Sign up — it’s free!" → "sign up it's free".
 */
export function normalise(s: string): string {
	const lower = s.toLowerCase();
	const runs: string[] = [];
	let runStart = -1;
	let i = 0;
	while (i < lower.length) {
		const cp = lower.codePointAt(i)!;
		const kept = isKept(cp);
		if (kept && runStart === -1) runStart = i;
		else if (!kept && runStart !== -1) {
			runs.push(lower.slice(runStart, i));
			runStart = -1;
		}
		i += widthOf(cp);
	}
	if (runStart !== -1) runs.push(lower.slice(runStart));
	const out = runs.join(' ');
	return out.includes('’') || out.includes('‘') ? out.replace(/[’‘]/g, "'") : out;
}

function isKept(cp: number): boolean {
	return cp === APOSTROPHE || cp === OPEN_BRACKET || cp === CLOSE_BRACKET || cp === RIGHT_QUOTE || cp === LEFT_QUOTE || isLetterOrNumber(cp);
}

// Code points other than ASCII letters, with how many kept code points their lower case has (İ → i + a combining dot: 1).
const KEPT_WHEN_LOWERED = new Map<number, number>();

function keptWhenLowered(cp: number): number {
	let n = KEPT_WHEN_LOWERED.get(cp);
	if (n === undefined) {
		const lower = String.fromCodePoint(cp).toLowerCase();
		n = 0;
		for (let i = 0; i < lower.length; ) {
			const c = lower.codePointAt(i)!;
			if (isKept(c)) n++;
			i += widthOf(c);
		}
		KEPT_WHEN_LOWERED.set(cp, n);
	}
	return n;
}

/**
 * How many code points `normalise(s)` keeps other than spaces, without building it:
 * blocks whose counts differ cannot normalise to the same text, so most blocks are
 * never normalised. Lower-casing a whole string is lower-casing each code point but
 * for the Greek final sigma, which is a letter either way.
 */
export function normalisedKey(s: string): number {
	let n = 0;
	for (let i = 0; i < s.length; ) {
		const cp = s.codePointAt(i)!;
		if (cp < 0x80) {
			if (isKept(cp)) n++;
			i++;
		} else {
			n += keptWhenLowered(cp);
			i += widthOf(cp);
		}
	}
	return n;
}

type WordStats = {
	/** Words: a letter or number, then letters, numbers, apostrophes and hyphens. */
	count: number;
	/** UTF-16 length of all words together. */
	chars: number;
	/** Words with a letter in them. */
	lettered: number;
	/** Lettered words starting with a capital. */
	capitals: number;
	/** Lettered words in FUNCTION_WORDS, case-insensitively. */
	functionWords: number;
};

/** One pass over `s`; it stops counting early once `limit` words are seen. */
function wordStats(s: string, limit = Infinity): WordStats {
	const stats: WordStats = { count: 0, chars: 0, lettered: 0, capitals: 0, functionWords: 0 };
	let i = 0;
	while (i < s.length && stats.count < limit) {
		const first = s.codePointAt(i)!;
		if (!isLetterOrNumber(first)) {
			i += widthOf(first);
			continue;
		}
		const start = i;
		let hasLetter = isLetter(first);
		i += widthOf(first);
		while (i < s.length) {
			const cp = s.codePointAt(i)!;
			if (cp === APOSTROPHE || cp === RIGHT_QUOTE || cp === HYPHEN) i++;
			else if (isLetterOrNumber(cp)) {
				hasLetter ||= isLetter(cp);
				i += widthOf(cp);
			} else break;
		}
		stats.count++;
		stats.chars += i - start;
		if (!hasLetter) continue;
		stats.lettered++;
		if (isUpper(first)) stats.capitals++;
		if (i - start <= FUNCTION_WORD_MAX) {
			const key = asciiKey(s, start, i);
			if (key !== -1 ? FUNCTION_KEYS.has(key) : FUNCTION_WORDS.has(s.slice(start, i).toLowerCase())) stats.functionWords++;
		}
	}
	return stats;
}

/** UTF-16 length of `s` without white space, as `s.replace(/\s/g, '').length`. */
function nonSpaceLength(s: string): number {
	let n = 0;
	for (let i = 0; i < s.length; i++) if (!isSpaceUnit(s.charCodeAt(i))) n++;
	return n;
}

// --------------------------------------------------------------- splitting

type Line = Span & { text: string };

function lines(text: string): Line[] {
	const out: Line[] = [];
	const re = /\r\n|\r|\n/g;
	let start = 0;
	let m: RegExpExecArray | null;
	const push = (s: number, e: number) => {
		const raw = text.slice(s, e);
		const lead = raw.length - raw.trimStart().length;
		const trimmed = raw.trim();
		out.push({ start: s + lead, end: s + lead + trimmed.length, text: trimmed });
	};
	while ((m = re.exec(text))) {
		push(start, m.index);
		start = m.index + m[0].length;
	}
	push(start, text.length);
	return out;
}

function isShortLine(l: Line): boolean {
	return wordStats(l.text, 9).count <= 8 && !TERMINAL.test(l.text);
}

/** Blocks are runs of non-blank lines; list-like runs and one-line paragraphs split per line. */
export function splitBlocks(text: string): Block[] {
	const blocks: Block[] = [];
	let run: Line[] = [];
	const flush = () => {
		if (run.length === 0) return;
		if (run.length >= 2 && run.filter(isShortLine).length / run.length >= 0.5) {
			for (const l of run) blocks.push({ start: l.start, end: l.end, isListItem: true });
		} else {
			// Join hard-wrapped lines; keep one-line paragraphs apart.
			let cur: Line | null = null;
			for (const l of run) {
				if (cur && !TERMINAL.test(cur.text) && (/^[\p{Ll}\d(,;:–—-]/u.test(l.text) || cur.text.length >= 60)) {
					cur = { start: cur.start, end: l.end, text: cur.text + ' ' + l.text };
				} else {
					if (cur) blocks.push({ start: cur.start, end: cur.end, isListItem: false });
					cur = l;
				}
			}
			if (cur) blocks.push({ start: cur.start, end: cur.end, isListItem: false });
		}
		run = [];
	};
	for (const l of lines(text)) {
		if (l.text === '') flush();
		else run.push(l);
	}
	flush();
	return blocks;
}

// --------------------------------------------------------------- features

type Features = {
	text: string;
	/** `normalise(text)`, made only when needed: short blocks, and blocks whose `key` another block shares. */
	norm: string | null;
	/** `normalisedKey(text)` */
	key: number;
	wordCount: number;
	/** UTF-16 length of the words together. */
	wordChars: number;
	isSentence: boolean;
	isTerminal: boolean;
	capitalShare: number;
	functionShare: number;
	boilerplate: { kind: ChromeKind; end: boolean } | null;
};

function boilerplateOf(normalised: string): { kind: ChromeKind; end: boolean } | null {
	const norm = normalised.replace(/^\d+\s*/, '');
	if (norm === '') return null;
	const words = norm.split(' ');
	const tried = new Set<number>();
	for (const w of words) {
		const list = PHRASES_BY_FIRST.get(w);
		if (list) for (const i of list) tried.add(i);
	}
	if (tried.size === 0) return null;
	const padded = ` ${norm} `;
	let covered = 0;
	let best: Phrase | null = null;
	// In file order: the last ending phrase, else the first, names the kind.
	for (const i of [...tried].sort((a, b) => a - b)) {
		const p = PHRASES[i];
		const hit = p.isSingle ? norm === p.phrase : padded.includes(p.padded) || norm.startsWith(p.phrase);
		if (!hit) continue;
		covered += p.words;
		if (!best || p.end) best = p;
	}
	return best && covered / words.length >= 0.5 ? { kind: best.kind, end: best.end } : null;
}

// Blocks up to this many words are matched against the template phrases, so are always normalised.
const BOILERPLATE_MAX_WORDS = 15;

function features(text: string): Features {
	const ws = wordStats(text);
	const norm = ws.count <= BOILERPLATE_MAX_WORDS ? normalise(text) : null;
	const isTerminal = TERMINAL.test(text);
	return {
		text,
		norm,
		key: normalisedKey(text),
		wordCount: ws.count,
		wordChars: ws.chars,
		isTerminal,
		isSentence: ws.count >= 8 && (isTerminal || /[.!?]\s+\p{Lu}/u.test(text)),
		capitalShare: ws.lettered ? ws.capitals / ws.lettered : 0,
		functionShare: ws.lettered ? ws.functionWords / ws.lettered : 0,
		boilerplate: norm === null ? null : boilerplateOf(norm)
	};
}

const BYLINE = /^(?:by|written by|words by|author:|reporting by|story by)\s+\S/i;
const DATE =
	/\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})\b/i;
const CAPTION = /\b(?:photo|photograph|image|picture|credit|file photo)s?\s*(?::|by\b)|\b(?:getty images|afp|reuters|ap photo|shutterstock|epa)\s*\)?$|\[[^\]]{2,80}\]$/i;
const BIO = /\b(?:is|was)\s+(?:a|an|the)\b[^.]{0,100}\b(?:editor|reporter|correspondent|writer|journalist|columnist|contributor|author|freelancer|producer)\b/i;
const SOCIAL = /\bfollow (?:him|her|them|me)\b|(?:^|\s)@\w{2,}|\btwitter\b/i;
const TEASER_END = /(?:\.\.\.|…|\[(?:…|\.\.\.)\])\s*$/;
const LIST_MARK = /^(?:\d{1,2}[.)]|[•·▪►»*–-])\s*/;

function prelabel(f: Features, block: Block): Label | null {
	const { text, wordCount } = f;
	if (wordCount === 0 || f.wordChars < nonSpaceLength(text) * 0.4) return { side: 'chrome', kind: 'symbols', reason: 'mostly symbols, no words' };
	const hashtags = text.includes('#') ? (text.match(/(?:^|\s)#[\p{L}\p{N}_]+/gu) ?? []).length : 0;
	if (hashtags >= 2 && hashtags >= wordCount * 0.5) return { side: 'chrome', kind: 'hashtags', reason: 'a line of hashtags' };
	if (f.boilerplate) return { side: 'chrome', kind: f.boilerplate.kind, reason: 'common page-template phrase' };
	// Cheap length checks before the regular expressions: most blocks are long paragraphs.
	if (wordCount <= 14 && BYLINE.test(text)) return { side: 'body', kind: 'byline' };
	if (wordCount <= 10 && DATE.test(text)) return { side: 'body', kind: 'dateline' };
	if (wordCount <= 80 && SOCIAL.test(text) && BIO.test(text)) return { side: 'chrome', kind: 'bio', reason: 'author biography with social links' };
	if (TEASER_END.test(text) && !f.isTerminal) return { side: 'chrome', kind: 'teaser', reason: 'truncated teaser ending in an ellipsis' };
	if (TEASER_END.test(text) && /\[(?:…|\.\.\.)\]\s*$/.test(text)) return { side: 'chrome', kind: 'teaser', reason: 'truncated teaser' };
	if (block.isListItem && (LIST_MARK.test(text) || wordCount <= 4)) return { side: 'chrome', kind: 'navigation', reason: 'item in a list of short lines' };
	if (LIST_MARK.test(text) && wordCount <= 8 && !f.isTerminal) return { side: 'chrome', kind: 'navigation', reason: 'short list item' };
	if (wordCount <= 60 && CAPTION.test(text)) return { side: 'body', kind: 'caption' };
	return null;
}

function isTitleLike(f: Features): boolean {
	const n = f.wordCount;
	return n >= 3 && n <= 25 && !/[.]["”’'»]*$/.test(f.text) && !f.boilerplate;
}

// --------------------------------------------------------------- classification

export type BodySplit = { body: BodyBlock[]; chrome: ChromeBlock[] };

// Words in a block that is surely article text, not a teaser or a caption.
const FULL_PARAGRAPH_WORDS = 12;

/** Label every block of `text` as body or chrome. `title`, when known, anchors the headline. */
export function detectBody(text: string, title?: string | null): BodySplit {
	const blocks = splitBlocks(text);
	const feats = blocks.map((b) => features(text.slice(b.start, b.end)));
	const pre = blocks.map((b, i) => prelabel(feats[i], b));
	const labels: Label[] = new Array(blocks.length);

	const isParagraph = (i: number) => !pre[i] && feats[i].isSentence;
	const normOf = (i: number) => (feats[i].norm ??= normalise(feats[i].text));
	const titleNorm = title ? normalise(title) : null;
	const titleKey = title ? normalisedKey(title) : -1;
	let headline =
		titleNorm !== null ? blocks.findIndex((_, i) => feats[i].key === titleKey && !blocks[i].isListItem && normOf(i) === titleNorm) : -1;
	if (headline === -1) {
		// A headline comes before the article's paragraphs: a title-like line after two full paragraphs is a subhead
		// or a quote on a line of its own, and taking it would make chrome of everything above it.
		let fullParagraphs = 0;
		headline = blocks.findIndex((_, i) => {
			if (isParagraph(i) && feats[i].wordCount >= FULL_PARAGRAPH_WORDS) fullParagraphs++;
			if (fullParagraphs >= 2) return false;
			if (pre[i] || !isTitleLike(feats[i])) return false;
			for (let j = i + 1; j < Math.min(blocks.length, i + 5); j++) if (isParagraph(j)) return true;
			return false;
		});
	}

	let paragraphs = 0;
	let ended = false;
	// Earlier blocks by key: a block repeats one of them only if their keys match.
	const seen = new Map<number, number[]>();
	for (let i = 0; i < blocks.length; i++) {
		const f = feats[i];
		const p = pre[i];
		const sameKey = seen.get(f.key);
		const isDuplicate = f.wordCount >= 4 && sameKey !== undefined && sameKey.some((j) => normOf(j) === normOf(i));
		if (sameKey) sameKey.push(i);
		else seen.set(f.key, [i]);

		if (headline !== -1 && i < headline) {
			labels[i] =
				p?.side === 'body' && (p.kind === 'byline' || p.kind === 'dateline')
					? p
					: p ?? { side: 'chrome', kind: f.wordCount <= 6 ? 'site-name' : 'navigation', reason: 'before the headline' };
			continue;
		}
		if (i === headline) {
			labels[i] = { side: 'body', kind: 'headline' };
			continue;
		}
		if (f.boilerplate?.end && paragraphs >= 2) ended = true;
		if (ended) {
			labels[i] = p?.side === 'chrome' ? p : { side: 'chrome', kind: 'teaser', reason: 'after the end of the article' };
			continue;
		}
		if (isDuplicate) {
			labels[i] = { side: 'chrome', kind: 'duplicate', reason: 'repeats an earlier block' };
			continue;
		}
		if (p) {
			labels[i] = p;
			continue;
		}
		if (f.isSentence || (f.isTerminal && f.wordCount >= 3 && paragraphs > 0)) {
			labels[i] = { side: 'body', kind: 'paragraph' };
			paragraphs++;
			continue;
		}
		if (paragraphs === 0 && headline !== -1) {
			// Between the headline and the first paragraph: a standfirst, or a site label.
			labels[i] =
				f.wordCount >= 6 && f.functionShare > 0.1
					? { side: 'body', kind: 'dek' }
					: { side: 'chrome', kind: 'site-name', reason: 'short label under the headline' };
			continue;
		}
		// A short line inside the article is a subhead when the article goes on after it.
		let next = i + 1;
		while (next < blocks.length && pre[next]?.side === 'chrome' && !feats[next].boilerplate) next++;
		const isSubhead = f.wordCount <= 12 && next < blocks.length && isParagraph(next) && !f.boilerplate;
		labels[i] = isSubhead ? { side: 'body', kind: 'subhead' } : { side: 'chrome', kind: 'boilerplate', reason: 'short line outside the article' };
	}

	// A page with no sentence-shaped block (a pasted text with no punctuation, say)
	// still has an article: keep its long unlabelled blocks rather than nothing.
	// A single sentence or a short note is all article too.
	if (paragraphs === 0) {
		blocks.forEach((_, i) => {
			const isOnly = blocks.length === 1 && feats[i].wordCount >= 3;
			if (!pre[i] && (isOnly || feats[i].wordCount >= 30)) labels[i] = { side: 'body', kind: 'paragraph' };
		});
	}

	const body: BodyBlock[] = [];
	const chrome: ChromeBlock[] = [];
	blocks.forEach((b, i) => {
		const l = labels[i];
		if (l.side === 'body') body.push({ start: b.start, end: b.end, kind: l.kind });
		else chrome.push({ start: b.start, end: b.end, kind: l.kind, reason: l.reason });
	});
	return { body, chrome };
}

/** Body kinds whose words are scored (bylines and datelines are metadata). */
export const SCORED_KINDS: ReadonlySet<BodyKind> = new Set(['headline', 'dek', 'paragraph', 'subhead', 'caption']);

/** Title, author, date and outlet read off the page when no manifest gives them. */
export function detectMeta(text: string, split: BodySplit): Required<Pick<ArticleMeta, 'title' | 'author' | 'date' | 'outlet'>> {
	const slice = (s: Span) => text.slice(s.start, s.end);
	const headline = split.body.find((b) => b.kind === 'headline');
	const byline = split.body.find((b) => b.kind === 'byline');
	const dateBlock = split.body.find((b) => b.kind === 'dateline' || b.kind === 'byline');
	const site = split.chrome.find((c) => c.kind === 'site-name');
	const author = byline ? slice(byline).replace(BYLINE, (m) => m.slice(-1)).replace(DATE, '').replace(/[|,·•]+\s*$/, '').trim() : null;
	const date = dateBlock ? (slice(dateBlock).match(DATE)?.[0] ?? null) : null;
	return {
		title: headline ? slice(headline) : null,
		author: author || null,
		date,
		outlet: site ? slice(site) : null
	};
}
