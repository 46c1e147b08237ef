import { recordsToCsv } from '$lib/csv';
import type { AnalysisRecord } from '$lib/nlp/types';
import type { StorySettings } from './settings';

/**
 * Story exports. The CSV has one row per article; its columns are listed in
 * `CSV_COLUMNS` (`$lib/csv`) and documented in the README.
 */

/** The story as CSV: one row per article, columns from `$lib/csv`. */
export function storyCsv(records: AnalysisRecord[], settings: StorySettings): string {
	return recordsToCsv(records, settings.groups.groups.map((g) => g.id));
}

/** The story as JSON: its settings and the full records with spans. */
export function storyJson(story: { slug: string; title: string; description: string }, records: AnalysisRecord[], settings: StorySettings) {
	return { story: { slug: story.slug, title: story.title, description: story.description }, settings, records };
}

/** A `content-disposition` value for a download named after a story slug (slugs are `[a-z0-9-]`). */
export function attachment(slug: string, ext: string): string {
	return `attachment; filename="${slug.replace(/[^a-z0-9-]/g, '')}.${ext}"`;
}
