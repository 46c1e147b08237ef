import Papa from 'papaparse';
import { z } from 'zod';
import { decodeText, InputError, type InputErrorCode } from '$lib/text/decode';
import { extractPage } from '$lib/text/html';
import type { Limits } from './limits';
import type { ArticleDraft, ImportErrorItem, InputRef, SaveResult, Store } from './store';

/**
 * Turning what users send (pasted text, uploaded files, JSON) into article drafts,
 * one `InputError` per bad input, so one bad file never sinks the batch.
 */

export type FileKind = 'text' | 'html' | 'ndjson' | 'csv';

const KINDS: Record<string, FileKind> = {
	txt: 'text',
	text: 'text',
	md: 'text',
	markdown: 'text',
	html: 'html',
	htm: 'html',
	xhtml: 'html',
	ndjson: 'ndjson',
	jsonl: 'ndjson',
	csv: 'csv'
};

export const ACCEPTED_EXTENSIONS = Object.keys(KINDS).map((k) => `.${k}`);

/**
 * A client's file name, reduced to a label: the last path segment, no control
 * characters, at most 200 characters. It is stored as metadata and shown as
 * text; it never becomes a path.
 */
export function safeName(name: string | null | undefined, fallback: string): string {
	const base = (name ?? '').split(/[\\/]/).pop() ?? '';
	const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
	return cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned;
}

/** The kind of file `name` holds, by extension; throws `InputError('unsupported_type')`. */
export function kindOf(name: string): FileKind {
	const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
	const kind = ext ? KINDS[ext] : undefined;
	if (!kind) throw new InputError('unsupported_type', `slant: "${name}" is not a supported type; expected one of ${ACCEPTED_EXTENSIONS.join(', ')}`);
	return kind;
}

const metaSchema = z.object({
	text: z.string({ error: 'expected "text" as a string' }),
	outlet: z.string().nullish(),
	title: z.string().nullish(),
	author: z.string().nullish(),
	date: z.string().nullish(),
	url: z.string().nullish(),
	filename: z.string().nullish(),
	allowDuplicate: z.boolean().optional()
});

type Meta = Omit<ArticleDraft, 'ref' | 'text'>;

function metaOf(v: z.infer<typeof metaSchema>): Meta {
	return { outlet: v.outlet ?? null, title: v.title ?? null, author: v.author ?? null, date: v.date ?? null, url: v.url ?? null, allowDuplicate: v.allowDuplicate };
}

/** Text sent as a string gets the same checks as a file: size, empty, control characters. */
function checkText(text: string, name: string, limits: Limits): string {
	return decodeText(new TextEncoder().encode(text), name, { maxBytes: limits.maxFileBytes });
}

function label(ref: InputRef): string {
	const where = ref.line ? ` line ${ref.line}` : '';
	return ref.filename ? `${ref.filename}${where}` : `article ${ref.index}${where}`;
}

function errorItem(ref: InputRef, e: unknown): ImportErrorItem {
	if (e instanceof InputError) return { ...ref, code: e.code, reason: e.message };
	return { ...ref, code: 'unreadable', reason: `slant: could not read "${label(ref)}": ${(e as Error).message}` };
}

type Drafts = { drafts: ArticleDraft[]; errors: ImportErrorItem[] };

/** Drafts from one decoded file of a given kind; batch files yield one draft per row. */
export function draftsFromText(text: string, kind: FileKind, ref: InputRef, limits: Limits, meta: Meta = {}): Drafts {
	const name = ref.filename ?? `article ${ref.index}`;
	if (kind === 'text') return { drafts: [{ ref, text, source: ref.filename ?? null, ...meta }], errors: [] };
	if (kind === 'html') {
		const page = extractPage(text);
		if (page.text.trim() === '') throw new InputError('empty', `slant: "${name}" holds no article text`);
		const pick = (a: string | null | undefined, b: string | null) => (a?.trim() ? a : b);
		return {
			drafts: [
				{
					ref,
					text: page.text,
					source: ref.filename ?? null,
					outlet: pick(meta.outlet, page.outlet),
					title: pick(meta.title, page.title),
					author: pick(meta.author, page.author),
					date: pick(meta.date, page.date),
					url: pick(meta.url, page.url),
					allowDuplicate: meta.allowDuplicate
				}
			],
			errors: []
		};
	}
	const rows: { line: number; value: unknown }[] = [];
	if (kind === 'ndjson') {
		text.split(/\r?\n/).forEach((raw, i) => {
			if (raw.trim() === '') return;
			try {
				rows.push({ line: i + 1, value: JSON.parse(raw) });
			} catch {
				rows.push({ line: i + 1, value: new InputError('invalid', `slant: "${name}" line ${i + 1} is not JSON`) });
			}
		});
	} else {
		const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim().toLowerCase() });
		if (!parsed.meta.fields?.includes('text'))
			throw new InputError('invalid', `slant: "${name}" has no "text" column; expected columns text, outlet, title, author, date, url`);
		// Line numbers count the header as line 1 (rows holding quoted newlines shift them).
		parsed.data.forEach((row, i) => rows.push({ line: i + 2, value: row }));
	}
	if (rows.length === 0) throw new InputError('empty', `slant: "${name}" holds no articles`);
	const out: Drafts = { drafts: [], errors: [] };
	for (const { line, value } of rows) {
		const rowRef = { ...ref, line };
		try {
			if (value instanceof InputError) throw value;
			const parsed = metaSchema.safeParse(value);
			if (!parsed.success) throw new InputError('invalid', `slant: "${name}" line ${line}: ${parsed.error.issues[0].message}`);
			const rowText = checkText(parsed.data.text, `${name} line ${line}`, limits);
			out.drafts.push({ ref: rowRef, text: rowText, source: ref.filename ?? null, ...metaOf(parsed.data) });
		} catch (e) {
			out.errors.push(errorItem(rowRef, e));
		}
	}
	return out;
}

/** A `File` from a multipart form, or anything with a name, a size and bytes. */
export type UploadedFile = { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };

/**
 * Drafts from uploaded files. Each file's size is checked before its bytes are
 * read; each failure is reported against the file and the rest go on.
 */
export async function draftsFromFiles(files: UploadedFile[], limits: Limits, meta: Meta = {}): Promise<Drafts> {
	const out: Drafts = { drafts: [], errors: [] };
	for (const [index, file] of files.entries()) {
		const filename = safeName(file.name, `file ${index}`);
		const ref = { index, filename };
		try {
			if (file.size > limits.maxFileBytes) {
				const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
				throw new InputError('too_large', `slant: expected at most ${mb(limits.maxFileBytes)} MB, found ${mb(file.size)} MB in "${filename}"`);
			}
			const kind = kindOf(filename);
			const text = decodeText(new Uint8Array(await file.arrayBuffer()), filename, { maxBytes: limits.maxFileBytes });
			const got = draftsFromText(text, kind, ref, limits, meta);
			out.drafts.push(...got.drafts);
			out.errors.push(...got.errors);
		} catch (e) {
			out.errors.push(errorItem(ref, e));
		}
	}
	return out;
}

/** Drafts from the JSON API's `articles` array. A `filename` ending in `.html` marks `text` as a saved page. */
export function draftsFromJson(articles: unknown[], limits: Limits): Drafts {
	const out: Drafts = { drafts: [], errors: [] };
	articles.forEach((raw, index) => {
		const parsed = metaSchema.safeParse(raw);
		const filename = parsed.success && parsed.data.filename ? safeName(parsed.data.filename, `article ${index}`) : undefined;
		const ref: InputRef = filename ? { index, filename } : { index };
		try {
			if (!parsed.success) throw new InputError('invalid', `slant: article ${index}: ${parsed.error.issues[0].message}`);
			const text = checkText(parsed.data.text, filename ?? `article ${index}`, limits);
			const kind = filename && /\.(html?|xhtml)$/i.test(filename) ? 'html' : 'text';
			const got = draftsFromText(text, kind, ref, limits, metaOf(parsed.data));
			out.drafts.push(...got.drafts);
			out.errors.push(...got.errors);
		} catch (e) {
			out.errors.push(errorItem(ref, e));
		}
	});
	return out;
}

const requestSchema = z.object({
	story: z.string({ error: 'expected "story" as a slug' }),
	storyTitle: z.string().optional(),
	allowDuplicate: z.boolean().optional(),
	articles: z.array(z.unknown(), { error: 'expected "articles" as an array' })
});

/** Save the JSON API's body: `{ story, articles: [...] }`. Throws `InputError` when the request as a whole is wrong. */
export async function importJson(store: Store, body: unknown, limits: Limits): Promise<SaveResult> {
	const parsed = requestSchema.safeParse(body);
	if (!parsed.success) throw new InputError('invalid', `slant: ${parsed.error.issues[0].message}`);
	const { story, articles, allowDuplicate, storyTitle } = parsed.data;
	checkCount(articles.length, limits);
	const { drafts, errors } = draftsFromJson(articles, limits);
	return merge(errors, await store.saveArticles(story, drafts, { allowDuplicate, storyTitle }));
}

/** Save uploaded files (and optionally pasted text) into `story`. */
export async function importFiles(
	store: Store,
	story: string,
	files: UploadedFile[],
	limits: Limits,
	options: { allowDuplicate?: boolean; storyTitle?: string } = {}
): Promise<SaveResult> {
	checkCount(files.length, limits);
	const { drafts, errors } = await draftsFromFiles(files, limits);
	return merge(errors, await store.saveArticles(story, drafts, options));
}

export function checkCount(n: number, limits: Limits): void {
	if (n === 0) throw new InputError('empty', 'slant: expected at least one article or file, found none');
	if (n > limits.maxFiles) throw new InputError('too_large', `slant: expected at most ${limits.maxFiles} files per batch, found ${n}; send several batches`);
}

function merge(errors: ImportErrorItem[], result: SaveResult): SaveResult {
	return { saved: result.saved, errors: [...errors, ...result.errors].sort((a, b) => a.index - b.index || (a.line ?? 0) - (b.line ?? 0)) };
}

/** HTTP status for each input error, used at the route boundary. */
export const STATUS: Record<InputErrorCode, number> = {
	empty: 400,
	invalid: 400,
	unreadable: 400,
	too_large: 413,
	binary: 415,
	not_utf8: 415,
	unsupported_type: 415,
	not_english: 422,
	duplicate: 409
};

/** `201` all saved, `207` some failed, else the status of the (common) failure. */
export function batchStatus(result: SaveResult): number {
	if (result.errors.length === 0) return 201;
	if (result.saved.length > 0) return 207;
	const codes = new Set(result.errors.map((e) => e.code));
	return codes.size === 1 ? STATUS[result.errors[0].code] : 400;
}
