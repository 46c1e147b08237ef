import { afterEach, beforeEach, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '$lib/server/migrations';
import { openDb } from '$lib/server/db';
import { openTestStore, prose, tempDb } from './helpers';

let tmp: ReturnType<typeof tempDb>;
beforeEach(() => (tmp = tempDb()));
afterEach(() => tmp.cleanup());

const draft = (text: string, extra: Record<string, unknown> = {}, index = 0) => ({ ref: { index }, text, ...extra });

test('a new database is migrated to the latest schema version', () => {
	const db = openDb(tmp.path);
	expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
	db.close();
});

test('the database runs in WAL mode with foreign keys on and full sync', () => {
	const db = openDb(tmp.path);
	expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
	expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
	expect(db.pragma('synchronous', { simple: true })).toBe(2);
	db.close();
});

test('opening a migrated database again applies no migration twice', () => {
	openDb(tmp.path).close();
	const db = openDb(tmp.path);
	expect((db.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'articles'`).get() as { n: number }).n).toBe(1);
	db.close();
});

test('a database from a newer build is refused rather than damaged', () => {
	const raw = new Database(tmp.path);
	raw.pragma('user_version = 999');
	raw.close();
	expect(() => openDb(tmp.path)).toThrow(/newer than this build/);
});

test('the seed story is imported with its manifest ids and outlets', async () => {
	const store = openTestStore(tmp.path, {}, true);
	const [story] = await store.listStories();
	expect(story.slug).toBe('china-russia-military-ties-2024-05');
	const articles = await store.listArticles(story.slug);
	expect(articles.map((a) => a.id)).toContain('000_48ec3a1b8ee53d86');
	expect(articles.map((a) => a.outletSlug)).toEqual(['antiwar', 'american-age', 'times-on-ru', 'ft-republished', 'caravanserai']);
	await store.close();
});

test('the seed story keeps its group config', async () => {
	const store = openTestStore(tmp.path, {}, true);
	const groups = await store.getGroups('china-russia-military-ties-2024-05');
	expect(groups.groups.map((g) => g.id)).toContain('russia-gov');
	await store.close();
});

test('a saved article gets a sequence-and-hash id and is listed in its new story', async () => {
	const store = openTestStore(tmp.path);
	const { saved, errors } = await store.saveArticles('my-story', [draft(prose('trade'), { outlet: 'Daily Planet', title: 'Talks go on' })]);
	expect(errors).toEqual([]);
	expect(saved[0].id).toMatch(/^000_[0-9a-f]{16}$/);
	expect((await store.getStory('my-story'))?.articleCount).toBe(1);
	expect((await store.listArticles('my-story'))[0]).toMatchObject({ outlet: 'Daily Planet', outletSlug: 'daily-planet', title: 'Talks go on' });
	await store.close();
});

test('a saved article is stored verbatim and its record is readable by id', async () => {
	const store = openTestStore(tmp.path);
	const text = prose('fish') + '\n\n  trailing space  ';
	const { saved } = await store.saveArticles('s', [draft(text)]);
	expect((await store.getRecord(saved[0].id))?.text).toBe(text);
	await store.close();
});

test('a saved article survives closing and reopening the database', async () => {
	const store = openTestStore(tmp.path);
	const { saved } = await store.saveArticles('s', [draft(prose('grain'))]);
	await store.close();
	const again = openTestStore(tmp.path);
	expect((await again.getRecord(saved[0].id))?.id).toBe(saved[0].id);
	await again.close();
});

test('the same text twice in a story is reported as a duplicate naming the first', async () => {
	const store = openTestStore(tmp.path);
	const { saved } = await store.saveArticles('s', [draft(prose('oil'))]);
	const second = await store.saveArticles('s', [draft(prose('oil'), { outlet: 'Other' })]);
	expect(second.saved).toEqual([]);
	expect(second.errors[0]).toMatchObject({ code: 'duplicate', duplicateOf: saved[0].id });
	await store.close();
});

test('a duplicate is saved when allowDuplicate is set', async () => {
	const store = openTestStore(tmp.path);
	await store.saveArticles('s', [draft(prose('oil'))]);
	const second = await store.saveArticles('s', [draft(prose('oil'))], { allowDuplicate: true });
	expect(second.saved).toHaveLength(1);
	expect((await store.getStory('s'))?.articleCount).toBe(2);
	await store.close();
});

test('the same text in another story is not a duplicate', async () => {
	const store = openTestStore(tmp.path);
	await store.saveArticles('a', [draft(prose('oil'))]);
	expect((await store.saveArticles('b', [draft(prose('oil'))])).saved).toHaveLength(1);
	await store.close();
});

test('a repeated text within one batch is saved once', async () => {
	const store = openTestStore(tmp.path);
	const r = await store.saveArticles('s', [draft(prose('gas'), {}, 0), draft(prose('gas'), {}, 1)]);
	expect(r.saved.map((s) => s.index)).toEqual([0]);
	expect(r.errors.map((e) => [e.index, e.code])).toEqual([[1, 'duplicate']]);
	await store.close();
});

test('a non-English article is saved, flagged and not scored', async () => {
	const store = openTestStore(tmp.path);
	const text = 'Die Regierung hat am Dienstag erklärt, dass die Gespräche über den Handel in der nächsten Woche fortgesetzt werden sollen. Der Minister sagte, das Treffen sei nützlich gewesen, und die beiden Delegationen hätten sich auf einen Zeitplan geeinigt.';
	const { saved } = await store.saveArticles('s', [draft(text)]);
	expect(saved[0].isEnglish).toBe(false);
	expect(saved[0].warnings.join(' ')).toMatch(/not English/);
	expect((await store.getRecord(saved[0].id))?.loaded.hits).toEqual([]);
	await store.close();
});

test('a bad story slug is refused', async () => {
	const store = openTestStore(tmp.path);
	await expect(store.saveArticles('../etc', [draft(prose('x'))])).rejects.toMatchObject({ code: 'invalid' });
	await store.close();
});

test('a failed write leaves no partial batch behind', async () => {
	const store = openTestStore(tmp.path);
	const db = openDb(tmp.path);
	// A trigger that fails the second insert stands in for a crash inside the transaction.
	db.exec(`CREATE TRIGGER boom BEFORE INSERT ON articles WHEN (SELECT COUNT(*) FROM articles) >= 1 BEGIN SELECT RAISE(ABORT, 'boom'); END`);
	db.close();
	await expect(store.saveArticles('s', [draft(prose('a'), {}, 0), draft(prose('b'), {}, 1)])).rejects.toThrow(/boom/);
	expect(await store.listArticles('s')).toEqual([]);
	await store.close();
});
