import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dbPath, openDb } from './db';
import { readSeedInput, seedsDir } from './seeds';
import { createSqliteStore, type SqliteStore } from './sqlite';
import type { Store } from './store';

export type { ArticleSummary, Store, StorySummary } from './store';

let store: SqliteStore | null = null;

/**
 * Open the database at `path` (default `SLANT_DB` or `data/slant.db`); on first
 * start, import and score the seed corpus.
 */
export function openStore(path = dbPath()): SqliteStore {
	const s = createSqliteStore(openDb(path));
	if (s.isEmpty()) {
		// A deployment may ship without the seed corpus; it then starts with no story.
		if (existsSync(join(seedsDir(), 'manifest.json'))) s.importSeeds(readSeedInput());
		else console.warn(`slant: no seed manifest in ${seedsDir()}; starting with an empty database`);
	}
	return s;
}

/** The process-wide store, opened on first use. */
export function getStore(): Store {
	store ??= openStore();
	return store;
}
