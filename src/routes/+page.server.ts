import { error } from '@sveltejs/kit';
import { getStore } from '$lib/server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const store = getStore();
	const stories = await store.listStories();
	const slug = url.searchParams.get('story') ?? stories[0]?.slug;
	const story = slug ? await store.getStory(slug) : null;
	if (!story) error(404, 'No story to show');
	return { stories, story, articles: await store.listArticles(story.slug) };
};
