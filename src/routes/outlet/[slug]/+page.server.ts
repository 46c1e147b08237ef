import { error } from '@sveltejs/kit';
import { getStore } from '$lib/server';
import { buildOutlet } from '$lib/ui/outlet';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const store = getStore();
	const stories = await store.listStories();
	const asked = url.searchParams.get('story');
	// An outlet may cover several stories: the one asked for, else the first that has it.
	for (const s of asked ? stories.filter((x) => x.slug === asked) : stories) {
		const articles = await store.listArticles(s.slug);
		if (!articles.some((a) => a.outletSlug === params.slug)) continue;
		const [records, groups] = await Promise.all([store.getRecords(s.slug), store.getGroups(s.slug)]);
		return { story: s, outlet: buildOutlet(articles, records, groups.groups, params.slug) };
	}
	error(404, `No outlet "${params.slug}" in ${asked ? `story "${asked}"` : 'any story'}`);
};
