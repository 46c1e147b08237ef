import { afterEach, beforeEach, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import type { AnalysisRecord } from '$lib/nlp/types';
import { rescoreWorkers } from '$lib/server/score-pool';
import { digestQuotes, type ArticleSummary } from '$lib/server/store';
import { buildOverview } from '$lib/ui/overview';
import { quoteRows } from '$lib/ui/story';
import { openTestStore, prose, tempDb } from './helpers';

let tmp: ReturnType<typeof tempDb>;
beforeEach(() => (tmp = tempDb()));
afterEach(() => tmp.cleanup());

const STORY = 'china-russia-military-ties-2024-05';

/** The overview's quote links as the records give them: each group's first speech quote, in the article quoting it most. */
function linksFromRecords(articles: ArticleSummary[], records: AnalysisRecord[]): Record<string, Record<string, string>> {
	const out: Record<string, Record<string, string>> = {};
	for (const a of articles) {
		const r = records.find((x) => x.id === a.id)!;
		for (const [g, w] of Object.entries(r.quotes.wordsByGroup)) {
			const i = r.quotes.items.findIndex((q) => q.group === g && q.kind === 'speech');
			if (i < 0) continue;
			const best = articles.filter((b) => b.outletSlug === a.outletSlug).map((b) => records.find((x) => x.id === b.id)!.quotes.wordsByGroup[g] ?? 0);
			if (w === Math.max(...best)) (out[a.outletSlug] ??= {})[g] ??= `/article/${a.id}?layer=quotes#quote-${i + 1}`;
		}
	}
	return out;
}

test('listArticles carries each record’s quote digest', async () => {
	const store = openTestStore(tmp.path, {}, true);
	const [articles, records] = await Promise.all([store.listArticles(STORY), store.getRecords(STORY)]);
	expect(articles.map((a) => a.quotes)).toEqual(records.map(digestQuotes));
	expect(articles.some((a) => Object.keys(a.quotes!.firstSpeechByGroup).length > 0)).toBe(true);
	await store.close();
});

test('the quote chart built from summaries links each group to its first speech quote', async () => {
	const store = openTestStore(tmp.path, {}, true);
	const [articles, records] = await Promise.all([store.listArticles(STORY), store.getRecords(STORY)]);
	const rows = quoteRows(articles);
	expect(Object.fromEntries(rows.filter((r) => Object.keys(r.firstByGroup).length).map((r) => [r.slug, r.firstByGroup]))).toEqual(linksFromRecords(articles, records));
	for (const row of rows) {
		const mine = records.filter((r) => articles.find((a) => a.id === r.id)!.outletSlug === row.slug);
		expect(row.speakers.reduce((n, s) => n + s.words, 0)).toBe(mine.flatMap((r) => r.quotes.speakers).reduce((n, s) => n + s.words, 0));
	}
	await store.close();
});

test('an overview without digests still lays out, with empty quote bars', () => {
	const bare: ArticleSummary = {
		...{ id: 'a', story: 's', outlet: 'A', outletSlug: 'a', title: null, author: null, date: null, wordCount: 100, sentenceCount: 5, isEnglish: true },
		...{ loadedPer1000: 1, narratorPer1000: 1, quotedPer1000: 0, loadedWeighted: 1, hedgesPer1000: 0, boostersPer1000: 0, hedgedSentenceShare: 0 },
		...{ certainty: 0, balance: null, anonymousShare: 0, quotedShare: 0 }
	};
	const o = buildOverview([bare], []);
	expect(o.stacks.bars.map((b) => b.total)).toEqual([0]);
});

test('migration 002 fills the digest of records stored before it', async () => {
	const store = openTestStore(tmp.path, {}, true);
	const expected = (await store.getRecords(STORY)).map(digestQuotes);
	await store.close();
	// Back to schema 1: no digest column.
	const db = new Database(tmp.path);
	db.exec('ALTER TABLE records DROP COLUMN quotes_json');
	db.pragma('user_version = 1');
	db.close();
	const reopened = openTestStore(tmp.path);
	expect((await reopened.listArticles(STORY)).map((a) => a.quotes)).toEqual(expected);
	await reopened.close();
});

test('re-scoring rewrites the digest with the record', async () => {
	const store = openTestStore(tmp.path, { batchSize: 2, rescoreWorkers: 0 }, true);
	const before = await store.listArticles(STORY);
	const settings = (await store.getSettings(STORY))!;
	await store.saveSettings(STORY, { ...settings, groups: { groups: [] } });
	await store.whenRescored(STORY);
	const [after, records] = await Promise.all([store.listArticles(STORY), store.getRecords(STORY)]);
	expect(after.map((a) => a.quotes)).toEqual(records.map(digestQuotes));
	expect(after.map((a) => a.quotes)).not.toEqual(before.map((a) => a.quotes));
	await store.close();
});

test('getRecordsByIds returns the asked records in story order and skips unknown ids', async () => {
	const store = openTestStore(tmp.path);
	const { saved } = await store.saveArticles('s', [0, 1, 2].map((i) => ({ ref: { index: i }, text: prose(`topic ${i}`) })));
	const got = await store.getRecordsByIds([saved[2].id, 'nope', saved[0].id]);
	expect(got.map((r) => r.id)).toEqual([saved[0].id, saved[2].id]);
	expect(await store.getRecordsByIds([])).toEqual([]);
	await store.close();
});

test.each([
	[1000, 20, undefined, Math.min(8, (await import('node:os')).availableParallelism())],
	[1000, 20, '3', 3],
	[1000, 20, '0', 0],
	[30, 20, '8', 2],
	[5, 20, '4', 1],
	[1000, 20, 'many', Math.min(8, (await import('node:os')).availableParallelism())]
])('a job of %i articles in batches of %i with SLANT_RESCORE_WORKERS=%s uses %i workers', (total, batch, env, expected) => {
	expect(rescoreWorkers(total, batch, env)).toBe(expected);
});
