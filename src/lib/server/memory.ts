import { analyze } from '$lib/nlp/analyze';
import type { GroupConfig } from '$lib/nlp/quotes';
import type { AnalysisRecord } from '$lib/nlp/types';
import { slugify } from '$lib/slug';
import { readManifest, readSeedArticles, readSeedGroups } from './seeds';
import { summarise, type Store, type StorySummary } from './store';

/** A read-only store over the seed corpus, analysed once at start-up. */
export function createMemoryStore(): Store {
	const manifest = readManifest();
	const groups = new Map<string, GroupConfig>();
	for (const s of manifest.stories) groups.set(s.slug, (readSeedGroups(s.slug) as GroupConfig | null) ?? { groups: [] });
	const records: (AnalysisRecord & { outletSlug: string })[] = readSeedArticles().map((a) => ({
		...analyze(
			{ id: a.id, text: a.text, meta: { source: a.file, outlet: a.outlet, title: a.title, author: a.author, date: a.date, story: a.story, url: a.url ?? null } },
			{ groups: groups.get(a.story) }
		),
		outletSlug: a.outletSlug ?? slugify(a.outlet ?? 'unknown')
	}));
	const stories: StorySummary[] = manifest.stories.map((s) => ({
		slug: s.slug,
		title: s.title,
		description: s.description,
		articleCount: records.filter((r) => r.story === s.slug).length
	}));

	return {
		listStories: async () => stories,
		getStory: async (slug) => stories.find((s) => s.slug === slug) ?? null,
		listArticles: async (story) => records.filter((r) => r.story === story).map((r) => summarise(r, r.outletSlug)),
		getRecords: async (story) => records.filter((r) => r.story === story),
		getRecord: async (id) => records.find((r) => r.id === id) ?? null,
		getGroups: async (story) => groups.get(story) ?? { groups: [] }
	};
}
