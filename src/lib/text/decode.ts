/**
 * Bytes to text, strictly: UTF-8 (with or without BOM) or UTF-16 with a BOM.
 * Anything else is an `InputError` naming the file, never mojibake.
 * Pure: no I/O, runs in Node and the browser.
 */

export type InputErrorCode =
	| 'empty'
	| 'too_large'
	| 'binary'
	| 'not_utf8'
	| 'unsupported_type'
	| 'not_english'
	| 'duplicate'
	| 'unreadable'
	| 'invalid';

export class InputError extends Error {
	constructor(
		readonly code: InputErrorCode,
		message: string
	) {
		super(message);
		this.name = 'InputError';
	}
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export type DecodeOptions = { maxBytes?: number };

/** Decode `bytes` read from `name`; throws `InputError` with a message that names the file. */
export function decodeText(bytes: Uint8Array, name: string, options: DecodeOptions = {}): string {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	if (bytes.length === 0) throw new InputError('empty', `slant: "${name}" is empty`);
	if (bytes.length > maxBytes) {
		const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
		throw new InputError('too_large', `slant: expected at most ${mb(maxBytes)} MB, found ${mb(bytes.length)} MB in "${name}"`);
	}

	let text: string;
	if (bytes[0] === 0xff && bytes[1] === 0xfe) text = strictDecode('utf-16le', bytes.subarray(2), name);
	else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = strictDecode('utf-16be', bytes.subarray(2), name);
	else {
		if (looksBinary(bytes)) throw new InputError('binary', `slant: "${name}" looks like a binary file, not text`);
		const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
		text = strictDecode('utf-8', body, name);
	}
	if (text.trim() === '') throw new InputError('empty', `slant: "${name}" holds only white space`);
	if (hasControlNoise(text)) throw new InputError('binary', `slant: "${name}" holds control characters, not text`);
	return text;
}

function strictDecode(encoding: string, bytes: Uint8Array, name: string): string {
	try {
		return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		const hint = encoding === 'utf-8' ? ' (save it as UTF-8; Latin-1 and Windows-1252 are not read)' : '';
		throw new InputError('not_utf8', `slant: "${name}" is not valid ${encoding.toUpperCase()}${hint}`);
	}
}

// NUL bytes never occur in UTF-8 text; a few in the first 8 KB mean a binary format.
function looksBinary(bytes: Uint8Array): boolean {
	const head = bytes.subarray(0, 8192);
	let nul = 0;
	for (const b of head) if (b === 0) nul++;
	return nul > 0;
}

function hasControlNoise(text: string): boolean {
	const sample = text.slice(0, 8192);
	const controls = sample.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
	return controls > Math.max(4, sample.length * 0.01);
}
