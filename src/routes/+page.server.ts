import { error } from '@sveltejs/kit';
import { getStore } from '$lib/server';
import { buildOverview, withoutDigests } from '$lib/ui/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const store = getStore();
	const stories = await store.listStories();
	const slug = url.searchParams.get('story') ?? stories[0]?.slug;
	const story = slug ? await store.getStory(slug) : null;
	if (!story) {
		if (!stories.length) return { stories, story: null, articles: [], overview: null };
		error(404, `No story "${slug}"`);
	}
	const [articles, groups] = await Promise.all([store.listArticles(story.slug), store.getGroups(story.slug)]);
	return { stories, story, articles: withoutDigests(articles), overview: buildOverview(articles, groups.groups) };
};
