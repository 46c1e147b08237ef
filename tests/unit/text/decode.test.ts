import { describe, expect, test } from 'vitest';
import { decodeText, InputError } from '../../../src/lib/text/decode';

const enc = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, littleEndian: boolean): Uint8Array {
	const out = new Uint8Array(2 + s.length * 2);
	out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
	const view = new DataView(out.buffer);
	for (let i = 0; i < s.length; i++) view.setUint16(2 + i * 2, s.charCodeAt(i), littleEndian);
	return out;
}

function codeOf(f: () => unknown): string | null {
	try {
		f();
		return null;
	} catch (e) {
		expect(e).toBeInstanceOf(InputError);
		return (e as InputError).code;
	}
}

describe('decodeText', () => {
	test('reads UTF-8 without a BOM unchanged, CRLF kept', () => {
		expect(decodeText(enc('Xi met Putin.\r\nThey talked.'), 'a.txt')).toBe('Xi met Putin.\r\nThey talked.');
	});

	test('drops a UTF-8 BOM', () => {
		expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Kremlin’s view')]), 'a.txt')).toBe('Kremlin’s view');
	});

	test.each([true, false])('reads UTF-16 with a BOM (little-endian: %s)', (le) => {
		expect(decodeText(utf16('Xi “friend” 😀', le), 'a.txt')).toBe('Xi “friend” 😀');
	});

	test.each([
		['an empty file', new Uint8Array(), 'empty'],
		['only white space', enc(' \n\t\r\n'), 'empty'],
		['a NUL byte (binary)', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]), 'binary'],
		['Latin-1 bytes', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]), 'not_utf8'],
		['control-character noise', enc('ab\u0001\u0002\u0003\u0004\u0005\u0006cd'), 'binary']
	])('rejects %s with a clear error', (_name, bytes, code) => {
		expect(codeOf(() => decodeText(bytes, 'x.txt'))).toBe(code);
	});

	test('rejects a file over the size limit and names it', () => {
		expect(() => decodeText(enc('abcdef'), 'big.txt', { maxBytes: 3 })).toThrow(/big\.txt/);
		expect(codeOf(() => decodeText(enc('abcdef'), 'big.txt', { maxBytes: 3 }))).toBe('too_large');
	});

	test('error messages name the file', () => {
		expect(() => decodeText(new Uint8Array([0xe9]), 'seeds/latin1.txt')).toThrow(/seeds\/latin1\.txt/);
	});
});
