import { createHash } from 'node:crypto';
import { ANALYZER_VERSION } from '$lib/nlp/analyze';
import type { StorySettings } from './settings';

// Every shipped lexicon file, bundled at build time: editing any of them changes
// the hash and so every cache key, and stored records are re-scored.
const LEXICON_FILES = import.meta.glob('/src/lib/lexicons/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/** Hash of the shipped lexicon data, computed once per process. */
export const LEXICON_HASH = sha256(
	Object.keys(LEXICON_FILES)
		.sort()
		.map((k) => `${k}\n${LEXICON_FILES[k]}`)
		.join('\n')
).slice(0, 16);

/**
 * The key a cached record must carry to be current: analyzer version plus a hash
 * of everything else that can change a record (lexicon data, the story's groups and
 * lexicon changes).
 */
export function cacheKey(settings: StorySettings, analyzerVersion = ANALYZER_VERSION, lexiconHash = LEXICON_HASH): string {
	const config = sha256(`${lexiconHash}\n${JSON.stringify(settings.groups)}\n${JSON.stringify(settings.lexicon)}`).slice(0, 16);
	return `${analyzerVersion}:${config}`;
}
