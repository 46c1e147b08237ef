import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '$lib/server/db';
import { readSeedInput } from '$lib/server/seeds';
import { createSqliteStore, type SqliteStore, type SqliteStoreOptions } from '$lib/server/sqlite';
import type { Limits } from '$lib/server/limits';

/** A fresh database file in a temp folder; never `data/`. */
export function tempDb(): { path: string; dir: string; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'slant-unit-'));
	return { dir, path: join(dir, 'slant.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Re-scores in this thread unless `options` ask for threads: a worker started from source takes seconds to compile the analyzer and load its model. */
export function openTestStore(path: string, options: SqliteStoreOptions = {}, seed = false): SqliteStore {
	const store = createSqliteStore(openDb(path), { rescoreWorkers: 0, ...options });
	if (seed && store.isEmpty()) store.importSeeds(readSeedInput());
	return store;
}

export const LIMITS: Limits = { maxFileBytes: 5 * 1024 * 1024, maxFiles: 500, maxRequestBytes: 64 * 1024 * 1024 };

/** A paragraph of plain English news prose, `n` times, numbered so each text is distinct. */
export function prose(tag: string, n = 3): string {
	return Array.from(
		{ length: n },
		(_, i) =>
			`Officials in the capital said on Tuesday that talks about ${tag} would continue next week, and that the two delegations had agreed on a timetable for paragraph ${i}. The minister told reporters the meeting had been useful.`
	).join('\n\n');
}

export function file(name: string, content: string | Uint8Array): File {
	return new File([(typeof content === 'string' ? new TextEncoder().encode(content) : content) as Uint8Array<ArrayBuffer>], name);
}
