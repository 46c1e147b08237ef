import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { ANALYZER_VERSION } from '$lib/nlp/analyze';
import { DEFAULT_ENTRIES } from '$lib/nlp/lexicon';
import { cacheKey } from '$lib/server/cache';
import { EMPTY_GROUPS, EMPTY_LEXICON_CHANGES } from '$lib/server/settings';
import { openTestStore, prose, tempDb } from './helpers';

let tmp: ReturnType<typeof tempDb>;
beforeEach(() => (tmp = tempDb()));
afterEach(() => tmp.cleanup());

const base = { groups: EMPTY_GROUPS, lexicon: EMPTY_LEXICON_CHANGES };
const scoredAt = (store: ReturnType<typeof openTestStore>, id: string) => store.getRecord(id).then((r) => r?.analyzerVersion);

test.each([
	['the analyzer version', cacheKey(base, '9.9.9')],
	['the lexicon data', cacheKey(base, undefined, 'otherhash')],
	['the groups', cacheKey({ ...base, groups: { groups: [{ id: 'a', label: 'A', colour: '#000000' }] } })],
	['the lexicon changes', cacheKey({ ...base, lexicon: { ...EMPTY_LEXICON_CHANGES, disable: ['regime'] } })]
])('the cache key changes with %s', (_what, key) => expect(key).not.toBe(cacheKey(base)));

test('a record cached by an older analyzer is re-computed on read', async () => {
	const old = openTestStore(tmp.path, { analyzerVersion: '0.0.1-old' });
	const { saved } = await old.saveArticles('s', [{ ref: { index: 0 }, text: prose('x') }]);
	await old.close();
	const store = openTestStore(tmp.path);
	expect(await scoredAt(store, saved[0].id)).not.toBe('0.0.1-old');
	await store.close();
});

test('stale records are re-scored at start-up by rescoreStale', async () => {
	const old = openTestStore(tmp.path, { lexiconHash: 'old-lexicon' });
	await old.saveArticles('s', [{ ref: { index: 0 }, text: prose('x') }, { ref: { index: 1 }, text: prose('y') }]);
	await old.close();
	const store = openTestStore(tmp.path);
	await store.rescoreStale();
	expect((await store.rescoreProgress('s')).running).toBe(true);
	await store.whenRescored('s');
	expect(await store.rescoreProgress('s')).toEqual({ done: 2, total: 2, running: false });
	await store.close();
});

test.each([0, 2])('saving settings re-scores the story on %i worker threads and the overview shows the new numbers', async (rescoreWorkers) => {
	const store = openTestStore(tmp.path, { batchSize: 1, rescoreWorkers }, true);
	const story = 'china-russia-military-ties-2024-05';
	const before = await store.listArticles(story);
	const settings = (await store.getSettings(story))!;
	// Disable every entry: disabling only the entries that matched can let a neighbour match instead ("bully" → "bullying").
	const progress = await store.saveSettings(story, { ...settings, lexicon: { ...settings.lexicon, disable: DEFAULT_ENTRIES.map((e) => e.id) } });
	expect(progress.running).toBe(true);
	await store.whenRescored(story);
	const after = await store.listArticles(story);
	expect(before.some((a) => a.loadedPer1000 > 0)).toBe(true);
	expect(after.every((a) => a.loadedPer1000 === 0)).toBe(true);
	await store.close();
});

test('a settings change while re-scoring restarts the job with the newest settings', async () => {
	const store = openTestStore(tmp.path, { batchSize: 1 }, true);
	const story = 'china-russia-military-ties-2024-05';
	const settings = (await store.getSettings(story))!;
	await store.saveSettings(story, { ...settings, lexicon: { ...settings.lexicon, disable: ['a-first'] } });
	await store.saveSettings(story, { ...settings, lexicon: { ...settings.lexicon, disable: ['a-second'] } });
	await store.whenRescored(story);
	const key = cacheKey((await store.getSettings(story))!);
	await store.close();
	const db = new Database(tmp.path, { readonly: true });
	const keys = db.prepare('SELECT DISTINCT cache_key AS k FROM records').all() as { k: string }[];
	db.close();
	expect(keys).toEqual([{ k: key }]);
});

test('invalid settings are refused and the old ones kept', async () => {
	const store = openTestStore(tmp.path, {}, true);
	const story = 'china-russia-military-ties-2024-05';
	const before = await store.getSettings(story);
	await expect(store.saveSettings(story, { groups: { groups: [{ id: 'A B', label: '', colour: 'red' }] }, lexicon: EMPTY_LEXICON_CHANGES })).rejects.toMatchObject({ code: 'invalid' });
	expect(await store.getSettings(story)).toEqual(before);
	await store.close();
});

test('reading a stale story serves the cached records and re-scores them in the background', async () => {
	const old = openTestStore(tmp.path, { analyzerVersion: '0.0.1-old' });
	await old.saveArticles('s', [{ ref: { index: 0 }, text: prose('x') }]);
	await old.close();
	const keys = () => {
		const db = new Database(tmp.path, { readonly: true });
		const rows = db.prepare('SELECT cache_key AS k FROM records').all() as { k: string }[];
		db.close();
		return rows.map((r) => r.k.split(':')[0]);
	};
	const store = openTestStore(tmp.path);
	expect(await store.getRecords('s')).toHaveLength(1);
	expect((await store.rescoreProgress('s')).running).toBe(true);
	expect(keys()).toEqual(['0.0.1-old']);
	await store.whenRescored('s');
	expect(keys()).toEqual([ANALYZER_VERSION]);
	await store.close();
});
