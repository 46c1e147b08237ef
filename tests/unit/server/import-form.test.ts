import { afterEach, beforeEach, expect, test } from 'vitest';
import { previewForm, saveForm } from '$lib/server/import-form';
import { file, LIMITS, openTestStore, prose, tempDb } from './helpers';

let tmp: ReturnType<typeof tempDb>;
beforeEach(() => (tmp = tempDb()));
afterEach(() => tmp.cleanup());

const html = `<html><head><meta property="og:site_name" content="Daily Planet"><meta property="og:title" content="Talks go on"></head>
<body><article>${prose('harbour', 5)
	.split('\n\n')
	.map((p) => `<p>${p}</p>`)
	.join('')}</article></body></html>`;

function form(fields: Record<string, string | string[] | File[]>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) f.append(k, item);
	return f;
}

test('the preview prefills metadata from an uploaded page and lists bad files with reasons', async () => {
	const result = await previewForm(form({ story: 'harbour', files: [file('planet.html', html), file('x.pdf', '%PDF')] }), LIMITS);
	expect(result.drafts).toMatchObject([{ filename: 'planet.html', outlet: 'Daily Planet', title: 'Talks go on' }]);
	expect(result.errors).toMatchObject([{ filename: 'x.pdf', code: 'unsupported_type' }]);
});

test('pasted text becomes a draft of its own', async () => {
	const result = await previewForm(form({ story: 'harbour', paste: prose('paste') }), LIMITS);
	expect(result.drafts).toMatchObject([{ filename: 'pasted text', text: prose('paste') }]);
});

test('a preview without a story is refused', async () => {
	await expect(previewForm(form({ story: '', paste: prose('x') }), LIMITS)).rejects.toMatchObject({ code: 'invalid' });
});

test('saving stores the metadata as edited and offers duplicates back for an explicit save', async () => {
	const store = openTestStore(tmp.path);
	const row = { filename: 'a.txt', text: prose('a'), outlet: 'Edited Outlet', title: 'T', author: '', date: '2025-03-04', url: '' };
	const first = await saveForm(store, form({ story: 'harbour', ...row }), LIMITS);
	expect(first.saved[0]).toMatchObject({ outlet: 'Edited Outlet', title: 'T' });
	const again = await saveForm(store, form({ story: 'harbour', ...row }), LIMITS);
	expect(again.duplicates).toEqual([row]);
	const forced = await saveForm(store, form({ story: 'harbour', allowDuplicate: 'true', ...row }), LIMITS);
	expect(forced.saved).toHaveLength(1);
	await store.close();
});

test('a save whose columns do not line up is refused rather than mixing articles and metadata', async () => {
	const store = openTestStore(tmp.path);
	const f = form({ story: 'harbour', filename: ['a', 'b'], text: [prose('a'), prose('b')], outlet: ['A'], title: ['', ''], author: ['', ''], date: ['', ''], url: ['', ''] });
	await expect(saveForm(store, f, LIMITS)).rejects.toMatchObject({ code: 'invalid' });
	await store.close();
});
