import { InputError } from '$lib/text/decode';
import { checkCount, draftsFromFiles, draftsFromText, safeName } from './import';
import type { Limits } from './limits';
import { checkSlug } from './sqlite';
import type { ArticleDraft, ImportErrorItem, SaveResult, Store } from './store';

/**
 * The import page's two steps: `preview` reads files and pasted text into drafts
 * whose metadata the user can edit; `save` stores the edited drafts.
 */

/** A draft as the page shows and posts it back: plain strings only. */
export type FormDraft = { filename: string; text: string; outlet: string; title: string; author: string; date: string; url: string };

export type PreviewResult = { story: string; storyTitle: string; drafts: FormDraft[]; errors: ImportErrorItem[] };

export type SaveFormResult = SaveResult & { story: string; duplicates: FormDraft[] };

const FIELDS = ['filename', 'text', 'outlet', 'title', 'author', 'date', 'url'] as const;

function toForm(d: ArticleDraft): FormDraft {
	return {
		filename: d.ref.filename ? `${d.ref.filename}${d.ref.line ? ` line ${d.ref.line}` : ''}` : '',
		text: d.text,
		outlet: d.outlet ?? '',
		title: d.title ?? '',
		author: d.author ?? '',
		date: d.date ?? '',
		url: d.url ?? ''
	};
}

function storyOf(form: FormData): { story: string; storyTitle: string } {
	const story = String(form.get('story') ?? '').trim();
	if (story === '') throw new InputError('invalid', 'slant: choose a story, or type a slug for a new one');
	return { story: checkSlug(story), storyTitle: String(form.get('storyTitle') ?? '').trim() };
}

/** Step one: files and pasted text to editable drafts; metadata prefilled from HTML pages. */
export async function previewForm(form: FormData, limits: Limits): Promise<PreviewResult> {
	const { story, storyTitle } = storyOf(form);
	const files = form.getAll('files').filter((f): f is File => typeof f !== 'string' && f.size > 0 && f.name !== '');
	const pasted = String(form.get('paste') ?? '');
	checkCount(files.length + (pasted.trim() ? 1 : 0), limits);
	const { drafts, errors } = await draftsFromFiles(files, limits);
	if (pasted.trim()) {
		const ref = { index: files.length, filename: 'pasted text' };
		try {
			if (new TextEncoder().encode(pasted).length > limits.maxFileBytes) throw new InputError('too_large', 'slant: the pasted text is over the size limit');
			drafts.push(...draftsFromText(pasted, 'text', ref, limits).drafts);
		} catch (e) {
			if (!(e instanceof InputError)) throw e;
			errors.push({ ...ref, code: e.code, reason: e.message });
		}
	}
	return { story, storyTitle, drafts: drafts.map(toForm), errors };
}

/** Step two: save the drafts as edited. `allowDuplicate` saves texts the story already holds. */
export async function saveForm(store: Store, form: FormData, limits: Limits): Promise<SaveFormResult> {
	const { story, storyTitle } = storyOf(form);
	const columns = Object.fromEntries(FIELDS.map((f) => [f, form.getAll(f).map(String)])) as Record<(typeof FIELDS)[number], string[]>;
	const n = columns.text.length;
	if (FIELDS.some((f) => columns[f].length !== n)) throw new InputError('invalid', 'slant: the form was damaged in transit; preview the files again');
	checkCount(n, limits);
	const rows: FormDraft[] = Array.from({ length: n }, (_, i) => Object.fromEntries(FIELDS.map((f) => [f, columns[f][i]])) as FormDraft);
	const drafts: ArticleDraft[] = [];
	const errors: ImportErrorItem[] = [];
	rows.forEach((r, index) => {
		const filename = r.filename ? safeName(r.filename, `article ${index}`) : undefined;
		const ref = filename ? { index, filename } : { index };
		if (new TextEncoder().encode(r.text).length > limits.maxFileBytes) {
			errors.push({ ...ref, code: 'too_large', reason: `slant: "${filename ?? `article ${index}`}" is over the size limit` });
			return;
		}
		drafts.push({ ref, text: r.text, source: filename ?? null, outlet: r.outlet, title: r.title, author: r.author, date: r.date, url: r.url });
	});
	const result = await store.saveArticles(story, drafts, { allowDuplicate: form.get('allowDuplicate') === 'true', storyTitle });
	const all = [...errors, ...result.errors].sort((a, b) => a.index - b.index);
	return { story, saved: result.saved, errors: all, duplicates: all.filter((e) => e.code === 'duplicate').map((e) => rows[e.index]) };
}
