import init from './001_init.sql?raw';
import quoteDigest from './002_quote_digest.sql?raw';

/**
 * Numbered schema migrations, applied in order. `PRAGMA user_version` holds the
 * number of the last one applied. Append; never edit a migration that has shipped.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
	{ version: 1, name: '001_init', sql: init },
	{ version: 2, name: '002_quote_digest', sql: quoteDigest }
];
