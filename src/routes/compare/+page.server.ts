import { getStore } from '$lib/server';
import { buildCompare, compareOptions, parseSide } from '$lib/ui/compare';
import { withoutDigests } from '$lib/ui/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const store = getStore();
	const stories = await store.listStories();
	const first = parseSide(url.searchParams.get('a'));
	const fromArticle = first?.kind === 'article' ? (await store.getRecord(first.value))?.story : null;
	const slug = url.searchParams.get('story') ?? fromArticle ?? stories[0]?.slug;
	const story = stories.find((s) => s.slug === slug) ?? null;
	if (!story) return { story: null, options: [], a: null, b: null, compare: null };
	const [summaries, groups] = await Promise.all([store.listArticles(story.slug), store.getGroups(story.slug)]);
	const articles = withoutDigests(summaries);
	const a = first ?? (articles[0] ? { kind: 'article' as const, value: articles[0].id } : null);
	const b = parseSide(url.searchParams.get('b')) ?? (articles[1] ? { kind: 'article' as const, value: articles[1].id } : null);
	// Full records of the two sides only: the story's numbers come from summaries.
	const ids = articles.filter((x) => [a, b].some((s) => s && (s.kind === 'outlet' ? x.outletSlug === s.value : x.id === s.value))).map((x) => x.id);
	const compare = a && b ? buildCompare(articles, await store.getRecordsByIds(ids), groups.groups, a, b) : null;
	const raw = (s: typeof a) => (s ? (s.kind === 'outlet' ? `outlet:${s.value}` : s.value) : null);
	return { story, options: compareOptions(articles), a: raw(a), b: raw(b), compare };
};
