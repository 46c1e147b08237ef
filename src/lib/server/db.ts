import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

/** Where the database lives: `SLANT_DB`, else `data/slant.db` under the working directory. */
export function dbPath(): string {
	return resolve(process.env.SLANT_DB ?? 'data/slant.db');
}

/**
 * Open (creating when new) the database at `path` and bring its schema up to date.
 * `:memory:` gives a private in-memory database, for tests.
 */
export function openDb(path = dbPath()): Db {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const db = new Database(path);
	db.pragma('journal_mode = WAL');
	// FULL fsyncs the WAL on every commit: an article acknowledged to a client
	// survives a power cut, not only a killed process (NORMAL would survive SIGKILL
	// but may lose the last commits on power loss). Imports are rare, so the cost is small.
	db.pragma('synchronous = FULL');
	db.pragma('foreign_keys = ON');
	db.pragma('busy_timeout = 5000');
	migrate(db);
	return db;
}

/** Apply the migrations newer than the database's `user_version`, each in its own transaction. */
export function migrate(db: Db): number {
	const current = db.pragma('user_version', { simple: true }) as number;
	const latest = MIGRATIONS.at(-1)?.version ?? 0;
	if (current > latest) throw new Error(`slant: the database is at schema version ${current}, newer than this build (${latest}); upgrade slant`);
	for (const m of MIGRATIONS) {
		if (m.version <= current) continue;
		db.transaction(() => {
			db.exec(m.sql);
			db.pragma(`user_version = ${m.version}`);
		})();
	}
	return db.pragma('user_version', { simple: true }) as number;
}
