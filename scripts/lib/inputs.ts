import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import type { GroupConfig } from '../../src/lib/nlp/quotes';
import type { ErrorRecord } from '../../src/lib/nlp/types';
import type { ArticleInput } from '../../src/lib/server/score-task';
import { DEFAULT_MAX_BYTES, decodeText, InputError } from '../../src/lib/text/decode';
import { extractPage } from '../../src/lib/text/html';

export type ScoreInput = ArticleInput | ErrorRecord;

const EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm', '.ndjson']);

type ManifestEntry = { file: string; id: string; story: string; outlet: string | null; title: string | null; author: string | null; date: string | null; url?: string | null };

/** Yields one input at a time (files are read lazily), so a batch of any size scores in flat memory. */
export function* readInputs(paths: readonly string[]): Generator<ScoreInput> {
	for (const path of paths) {
		if (!existsSync(path)) {
			yield errorOf(path, path, new InputError('unreadable', `slant: "${path}" does not exist`));
			continue;
		}
		if (statSync(path).isDirectory()) for (const file of walk(path)) yield* readFile(file);
		else yield* readFile(path);
	}
}

function* walk(dir: string): Generator<string> {
	for (const name of readdirSync(dir).sort()) {
		if (name.startsWith('.') || name === 'node_modules') continue;
		const path = join(dir, name);
		if (statSync(path).isDirectory()) yield* walk(path);
		else if (EXTENSIONS.has(extname(name).toLowerCase())) yield path;
	}
}

const manifests = new Map<string, { entries: Map<string, ManifestEntry>; groups: Map<string, GroupConfig | undefined> } | null>();

/** A folder's `manifest.json` (as in `seeds/`) supplies ids, metadata and the story's group config. */
function manifestFor(dir: string) {
	if (!manifests.has(dir)) {
		const path = join(dir, 'manifest.json');
		if (!existsSync(path)) manifests.set(dir, null);
		else {
			const data = JSON.parse(readFileSync(path, 'utf8')) as { articles?: ManifestEntry[] };
			const entries = new Map((data.articles ?? []).map((a) => [a.file, a]));
			manifests.set(dir, { entries, groups: new Map() });
		}
	}
	return manifests.get(dir) ?? null;
}

function groupsFor(dir: string, story: string): GroupConfig | undefined {
	const m = manifestFor(dir);
	if (!m) return undefined;
	if (!m.groups.has(story)) {
		const path = join(dir, 'groups', `${story}.json`);
		m.groups.set(story, existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as GroupConfig) : undefined);
	}
	return m.groups.get(story);
}

function idOf(path: string): string {
	return basename(path, extname(path)).replace(/[^\w.-]+/g, '_');
}

function errorOf(id: string, source: string, e: unknown): ErrorRecord {
	const error = e instanceof InputError ? e : new InputError('unreadable', `slant: cannot read "${source}": ${(e as Error).message}`);
	return { id, source, error: error.message, errorCode: error.code };
}

function* readFile(path: string): Generator<ScoreInput> {
	const source = relative(process.cwd(), path) || path;
	const ext = extname(path).toLowerCase();
	if (ext === '.ndjson') {
		yield* readNdjson(path, source);
		return;
	}
	const id = idOf(path);
	try {
		const size = statSync(path).size;
		if (size > DEFAULT_MAX_BYTES) decodeText(new Uint8Array(size), source); // throws the size error before reading
		const text = decodeText(readFileSync(path), source);
		const dir = dirname(path);
		const entry = manifestFor(dir)?.entries.get(basename(path));
		if (ext === '.html' || ext === '.htm') {
			const { text: article, ...meta } = extractPage(text);
			yield { id, text: article, meta: { source, ...meta } };
			return;
		}
		if (entry) {
			const { outlet, title, author, date, story } = entry;
			yield { id: entry.id, text, meta: { source, outlet, title, author, date, story, url: entry.url ?? null }, groups: groupsFor(dir, story) };
		} else yield { id, text, meta: { source } };
	} catch (e) {
		yield errorOf(id, source, e);
	}
}

/** Reads line by line with a fixed buffer: a 50,000-article file never sits in memory whole. */
function* lines(path: string): Generator<string> {
	const fd = openSync(path, 'r');
	const buf = Buffer.alloc(1 << 16);
	const decoder = new TextDecoder('utf-8', { fatal: false });
	let rest = '';
	try {
		for (;;) {
			const n = readSync(fd, buf, 0, buf.length, null);
			if (n === 0) break;
			rest += decoder.decode(buf.subarray(0, n), { stream: true });
			let nl: number;
			while ((nl = rest.indexOf('\n')) !== -1) {
				yield rest.slice(0, nl).replace(/\r$/, '');
				rest = rest.slice(nl + 1);
			}
		}
		rest += decoder.decode();
		if (rest.trim()) yield rest;
	} finally {
		closeSync(fd);
	}
}

function* readNdjson(path: string, source: string): Generator<ScoreInput> {
	const stem = idOf(path);
	let lineNo = 0;
	for (const line of lines(path)) {
		lineNo++;
		if (!line.trim()) continue;
		const where = `${source}:${lineNo}`;
		let item: Record<string, unknown>;
		try {
			item = JSON.parse(line);
		} catch {
			yield errorOf(`${stem}-${lineNo}`, where, new InputError('invalid', `slant: line ${lineNo} of "${source}" is not valid JSON`));
			continue;
		}
		const id = typeof item.id === 'string' && item.id ? item.id : `${stem}-${lineNo}`;
		const text = item.text;
		if (typeof text !== 'string' || !text.trim()) {
			yield errorOf(id, where, new InputError('empty', `slant: line ${lineNo} of "${source}" has no "text"`));
			continue;
		}
		const str = (k: string) => (typeof item[k] === 'string' ? (item[k] as string) : null);
		yield { id, text, meta: { source: where, outlet: str('outlet'), title: str('title'), author: str('author'), date: str('date'), story: str('story'), url: str('url') } };
	}
}
