import { expect, test } from 'vitest';
import type { AnalysisRecord, ErrorRecord } from '$lib/nlp/types';
import { openScorer, openThreadPool, scoreParallel, scoreParallelJson } from '$lib/server/score-pool';
import { scoreRecord, scoreRows, type ArticleInput, type StoredArticle } from '$lib/server/score-task';
import { EMPTY_GROUPS, EMPTY_LEXICON_CHANGES } from '$lib/server/settings';
import { prose } from './helpers';

// These run the worker threads from source, through worker-boot.js and tsx, as `npm run score` and `vite dev` do.

const article = (i: number): ArticleInput => ({ id: `a${i}`, text: prose(`topic ${i}`, 1 + (i % 4)), meta: { source: `a${i}.txt` } });
const unreadable: ErrorRecord = { id: 'gone', source: 'gone.txt', error: 'slant: "gone.txt" does not exist', errorCode: 'unreadable' };
// analyze() never throws on a string; a non-string stands in for the bug that would make it throw.
const broken = { id: 'broken', text: null, meta: { source: 'broken.txt' } } as unknown as ArticleInput;

async function collect(inputs: Iterable<ArticleInput | ErrorRecord>, workers: number): Promise<(AnalysisRecord | ErrorRecord)[]> {
	const out: (AnalysisRecord | ErrorRecord)[] = [];
	for await (const r of scoreParallel(inputs, workers)) out.push(r);
	return out;
}

test.each([1, 2])('scoreParallel on %i thread(s) yields the same records as scoring in this thread, in input order', async (workers) => {
	const inputs = Array.from({ length: 30 }, (_, i) => article(i));
	expect(await collect(inputs, workers)).toEqual(inputs.map(scoreRecord));
});

test('articles sharing one group config, sent once per thread and then by key, score as in this thread', async () => {
	const groups = {
		groups: [
			{ id: 'gov', label: 'Government', colour: '#0072B2' },
			{ id: 'other', label: 'Other', colour: '#999999' }
		],
		actors: [{ id: 'jane-roe', name: 'Jane Roe', aliases: ['Roe'], group: 'gov' }],
		rules: []
	};
	const inputs = Array.from({ length: 12 }, (_, i) => ({ ...article(i), text: `${prose(`topic ${i}`, 1)}\n\n“We will act,” Jane Roe said.`, groups }));
	const out = await collect(inputs, 2);
	expect(out).toEqual(inputs.map(scoreRecord));
	expect(out.every((r) => 'quotes' in r && r.quotes.items[0]?.group === 'gov')).toBe(true);
});

test('an unreadable input and an article that fails come back as error records, and the rest still score', async () => {
	const out = await collect([article(0), unreadable, broken, article(1)], 2);
	expect(out.map((r) => r.id)).toEqual(['a0', 'gone', 'broken', 'a1']);
	expect(out[1]).toEqual(unreadable);
	expect(out[2]).toMatchObject({ id: 'broken', source: 'broken.txt', errorCode: 'invalid', error: expect.stringMatching(/^slant: analysis of "broken" failed/) });
	expect('error' in out[3]).toBe(false);
});

test('scoreParallel reads its input lazily, at most four articles per thread ahead of what it yielded', async () => {
	let read = 0;
	function* inputs() {
		for (let i = 0; i < 100; i++, read++) yield article(i);
	}
	const stream = scoreParallel(inputs(), 2);
	await stream.next();
	expect(read).toBeLessThanOrEqual(2 * 4 + 1);
	await stream.return(undefined);
});

test('a pool starts one thread per worker asked for and runs both kinds of task', async () => {
	const pool = await openThreadPool(2);
	try {
		expect(pool.size()).toBe(2);
		expect(await pool.run({ kind: 'record', article: article(3) })).toEqual(scoreRecord(article(3)));
	} finally {
		await pool.close();
	}
});

const stored = (i: number): StoredArticle => ({ id: `s${i}`, story: 's', text: prose(`story ${i}`), source: null, outlet: `Outlet ${i % 2}`, title: null, author: null, date: null, url: null });
const settings = { groups: EMPTY_GROUPS, lexicon: EMPTY_LEXICON_CHANGES };

test.each([0, 2])('a re-scoring scorer with %i worker(s) returns the rows of scoring in this thread, a failed article as { id, error }', async (workers) => {
	const batch = [stored(0), { ...stored(1), text: null } as unknown as StoredArticle, stored(2)];
	const scorer = await openScorer(workers);
	try {
		expect(scorer.isThreaded).toBe(workers > 0);
		const rows = await scorer.score(batch, settings);
		expect(rows).toEqual(scoreRows(batch, settings));
		expect(rows.map((r) => ('error' in r ? 'error' : 'row'))).toEqual(['row', 'error', 'row']);
	} finally {
		await scorer.close();
	}
});

test('re-scoring jobs open at once share one set of threads', async () => {
	const [a, b] = await Promise.all([openScorer(2), openScorer(1)]);
	expect([a.parallel, b.parallel]).toEqual([2, 1]);
	await a.close();
	// The pool outlives the first job while the second still scores on it.
	expect(await b.score([stored(0)], settings)).toEqual(scoreRows([stored(0)], settings));
	await b.close();
});

test('scoreParallelJson yields each record serialised by its thread, the same JSON as here, an unreadable input too', async () => {
	const inputs = [article(0), unreadable, article(1)];
	const out: { id: string; json: string; error: string | null }[] = [];
	for await (const r of scoreParallelJson(inputs, 2)) out.push(r);
	expect(out.map((r) => r.id)).toEqual(['a0', 'gone', 'a1']);
	expect(out.map((r) => JSON.parse(r.json))).toEqual([scoreRecord(article(0)), unreadable, scoreRecord(article(1))]);
	expect(out.map((r) => r.error)).toEqual([null, unreadable.error, null]);
});
