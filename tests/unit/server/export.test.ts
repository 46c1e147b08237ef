import Papa from 'papaparse';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { CSV_COLUMNS } from '$lib/csv';
import { storyCsv } from '$lib/server/export';
import { openTestStore, prose, tempDb } from './helpers';

let tmp: ReturnType<typeof tempDb>;
beforeEach(() => (tmp = tempDb()));
afterEach(() => tmp.cleanup());

test('the CSV has the documented columns, then one share column per group, and one row per article', async () => {
	const store = openTestStore(tmp.path, {}, true);
	const slug = 'china-russia-military-ties-2024-05';
	const settings = (await store.getSettings(slug))!;
	const parsed = Papa.parse<string[]>(storyCsv(await store.getRecords(slug), settings).trim());
	expect(parsed.data[0]).toEqual([...CSV_COLUMNS.map((c) => c.name), ...settings.groups.groups.map((g) => `share_${g.id}`)]);
	expect(parsed.data).toHaveLength(6);
	await store.close();
});

test('a title that a spreadsheet would run as a formula is escaped in the CSV', async () => {
	const store = openTestStore(tmp.path);
	await store.saveArticles('s', [{ ref: { index: 0 }, text: prose('x'), title: '=HYPERLINK("http://evil.test","click")' }]);
	const csv = storyCsv(await store.getRecords('s'), (await store.getSettings('s'))!);
	expect(Papa.parse<Record<string, string>>(csv, { header: true }).data[0].title).toBe(`'=HYPERLINK("http://evil.test","click")`);
	await store.close();
});
