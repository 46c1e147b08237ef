/**
 * Character classes by code point. Body detection and language detection read
 * every character of every article; Unicode-property regexes over whole blocks
 * were among the hottest lines, so each class is looked up in a table that the
 * same regexes fill, once per distinct character.
 */

const LETTER = 1;
const NUMBER = 2;
const UPPER = 4;
/** What `/\s/` matches (JavaScript white space and line terminators). */
const SPACE = 8;
const KNOWN = 128;

const RE_LETTER = /\p{L}/u;
const RE_NUMBER = /\p{N}/u;
const RE_UPPER = /\p{Lu}/u;
const RE_SPACE = /\s/;

function classify(cp: number): number {
	const ch = String.fromCodePoint(cp);
	return (
		KNOWN |
		(RE_LETTER.test(ch) ? LETTER : 0) |
		(RE_NUMBER.test(ch) ? NUMBER : 0) |
		(RE_UPPER.test(ch) ? UPPER : 0) |
		(cp <= 0xffff && RE_SPACE.test(ch) ? SPACE : 0)
	);
}

// Filled on first sight; astral code points are rare enough to classify each time.
const BMP = new Uint8Array(0x10000);

function classOf(cp: number): number {
	if (cp > 0xffff) return classify(cp);
	return BMP[cp] || (BMP[cp] = classify(cp));
}

/** `\p{L}` */
export function isLetter(cp: number): boolean {
	return (classOf(cp) & LETTER) !== 0;
}

/** `[\p{L}\p{N}]` */
export function isLetterOrNumber(cp: number): boolean {
	return (classOf(cp) & (LETTER | NUMBER)) !== 0;
}

/** `\p{Lu}` */
export function isUpper(cp: number): boolean {
	return (classOf(cp) & UPPER) !== 0;
}

/** Whether a word starts with a capital letter (`\p{Lu}`); ASCII by char code, the rest from the table. */
export function startsUpper(w: string): boolean {
	const c = w.charCodeAt(0);
	if (c < 128) return c >= 65 && c <= 90;
	return w.length > 0 && isUpper(w.codePointAt(0)!);
}

/** `\s`, for one UTF-16 code unit. */
export function isSpaceUnit(unit: number): boolean {
	return (classOf(unit) & SPACE) !== 0;
}

/** UTF-16 length of a code point. */
export function widthOf(cp: number): number {
	return cp > 0xffff ? 2 : 1;
}
