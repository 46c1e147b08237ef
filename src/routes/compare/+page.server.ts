import { getStore } from '$lib/server';
import { buildCompare, compareOptions, parseSide } from '$lib/ui/compare';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const store = getStore();
	const stories = await store.listStories();
	const first = parseSide(url.searchParams.get('a'));
	const fromArticle = first?.kind === 'article' ? (await store.getRecord(first.value))?.story : null;
	const slug = url.searchParams.get('story') ?? fromArticle ?? stories[0]?.slug;
	const story = stories.find((s) => s.slug === slug) ?? null;
	if (!story) return { story: null, options: [], a: null, b: null, compare: null };
	const [articles, records, groups] = await Promise.all([store.listArticles(story.slug), store.getRecords(story.slug), store.getGroups(story.slug)]);
	const a = first ?? (articles[0] ? { kind: 'article' as const, value: articles[0].id } : null);
	const b = parseSide(url.searchParams.get('b')) ?? (articles[1] ? { kind: 'article' as const, value: articles[1].id } : null);
	const compare = a && b ? buildCompare(articles, records, groups.groups, a, b) : null;
	const raw = (s: typeof a) => (s ? (s.kind === 'outlet' ? `outlet:${s.value}` : s.value) : null);
	return { story, options: compareOptions(articles), a: raw(a), b: raw(b), compare };
};
