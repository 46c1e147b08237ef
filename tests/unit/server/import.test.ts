import fc from 'fast-check';
import { expect, test } from 'vitest';
import { batchStatus, draftsFromFiles, draftsFromJson, kindOf, safeName } from '$lib/server/import';
import { file, LIMITS, prose } from './helpers';

const small = { ...LIMITS, maxFileBytes: 1000 };

test.each([
	['empty', file('a.txt', ''), 'empty'],
	['white space only', file('a.txt', '  \n\t '), 'empty'],
	['too large', file('big.txt', 'x'.repeat(1001)), 'too_large'],
	['binary', file('pic.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])), 'binary'],
	['undecodable', file('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72])), 'not_utf8'],
	['unsupported type', file('report.pdf', 'hello'), 'unsupported_type'],
	['no extension', file('README', 'hello'), 'unsupported_type'],
	['an SVG image', file('drawing.svg', '<svg onload="alert(1)"></svg>'), 'unsupported_type']
])('a file that is %s is refused with code %s naming the file', async (_label, f, code) => {
	const { drafts, errors } = await draftsFromFiles([f], small);
	expect(drafts).toEqual([]);
	expect(errors[0].code).toBe(code);
	expect(errors[0].reason).toContain(f.name);
});

test('a file over the limit is refused from its size before its bytes are read', async () => {
	let read = false;
	const huge = { name: 'huge.txt', size: 10 ** 9, arrayBuffer: async () => ((read = true), new ArrayBuffer(0)) };
	const { errors } = await draftsFromFiles([huge], LIMITS);
	expect(errors[0].code).toBe('too_large');
	expect(read).toBe(false);
});

test('one bad file does not stop the good ones in the same batch', async () => {
	const { drafts, errors } = await draftsFromFiles([file('a.txt', prose('a')), file('b.exe', 'MZ'), file('c.md', prose('c'))], LIMITS);
	expect(drafts.map((d) => d.ref.filename)).toEqual(['a.txt', 'c.md']);
	expect(errors.map((e) => e.filename)).toEqual(['b.exe']);
});

test.each([
	['../../etc/passwd.txt', 'passwd.txt'],
	['C:\\Users\\me\\story.txt', 'story.txt'],
	['..', 'file 0'],
	['a\u0000b\nc.txt', 'abc.txt']
])('the uploaded name %j is reduced to the label %j', (name, label) => expect(safeName(name, 'file 0')).toBe(label));

test('no uploaded name, however hostile, becomes a path or leaves its folder', () => {
	fc.assert(
		fc.property(fc.string({ unit: 'binary' }), (name) => {
			const label = safeName(name, 'file 0');
			expect(label).not.toMatch(/[\\/\u0000-\u001f]/);
			expect(['', '.', '..']).not.toContain(label);
			expect(label.length).toBeLessThanOrEqual(200);
		})
	);
});

test('a name with a path is stored as its last segment only', async () => {
	const { drafts } = await draftsFromFiles([file('../../../tmp/evil.txt', prose('x'))], LIMITS);
	expect(drafts[0].source).toBe('evil.txt');
});

test.each([
	['story.HTM', 'html'],
	['notes.md', 'text'],
	['batch.jsonl', 'ndjson'],
	['batch.csv', 'csv']
])('%s is read as %s', (name, kind) => expect(kindOf(name)).toBe(kind));

test('an ndjson batch gives one draft per line and reports bad lines by number', async () => {
	const lines = [JSON.stringify({ text: prose('a'), outlet: 'A' }), 'not json', JSON.stringify({ text: '' }), JSON.stringify({ outlet: 'no text' })];
	const { drafts, errors } = await draftsFromFiles([file('batch.ndjson', lines.join('\n'))], LIMITS);
	expect(drafts.map((d) => d.outlet)).toEqual(['A']);
	expect(errors.map((e) => [e.line, e.code])).toEqual([
		[2, 'invalid'],
		[3, 'empty'],
		[4, 'invalid']
	]);
});

test('a csv batch reads the documented columns in any case and order', async () => {
	const csv = `URL,Title,Text,Outlet,author,date\nhttps://x.test/1,Talks,"${prose('a').replace(/\n/g, ' ')}",Daily Planet,Lois Lane,2024-05-16\n`;
	const { drafts } = await draftsFromFiles([file('batch.csv', csv)], LIMITS);
	expect(drafts[0]).toMatchObject({ outlet: 'Daily Planet', title: 'Talks', author: 'Lois Lane', date: '2024-05-16', url: 'https://x.test/1' });
});

test('a csv without a text column is refused naming the file', async () => {
	const { errors } = await draftsFromFiles([file('batch.csv', 'title,outlet\nA,B\n')], LIMITS);
	expect(errors[0]).toMatchObject({ filename: 'batch.csv', code: 'invalid' });
});

test('a JSON article without text is reported by its index', () => {
	const { errors } = draftsFromJson([{ text: prose('a') }, { outlet: 'x' }], LIMITS);
	expect(errors.map((e) => [e.index, e.code])).toEqual([[1, 'invalid']]);
});

test.each([
	[{ saved: [{}], errors: [] }, 201],
	[{ saved: [{}], errors: [{ code: 'empty' }] }, 207],
	[{ saved: [], errors: [{ code: 'duplicate' }] }, 409],
	[{ saved: [], errors: [{ code: 'too_large' }, { code: 'empty' }] }, 400]
])('a batch result %j answers HTTP %i', (result, status) => expect(batchStatus(result as never)).toBe(status));
