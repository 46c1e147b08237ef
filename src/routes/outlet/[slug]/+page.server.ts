import { error } from '@sveltejs/kit';
import { getStore } from '$lib/server';
import { buildOutlet } from '$lib/ui/outlet';
import { withoutDigests } from '$lib/ui/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const store = getStore();
	const stories = await store.listStories();
	const asked = url.searchParams.get('story');
	// An outlet may cover several stories: the one asked for, else the first that has it.
	for (const s of asked ? stories.filter((x) => x.slug === asked) : stories) {
		const articles = await store.listArticles(s.slug);
		const mine = articles.filter((a) => a.outletSlug === params.slug).map((a) => a.id);
		if (!mine.length) continue;
		// Terms and actors need this outlet's full records only; the story's numbers come from summaries.
		const [records, groups] = await Promise.all([store.getRecordsByIds(mine), store.getGroups(s.slug)]);
		return { story: s, outlet: buildOutlet(withoutDigests(articles), records, groups.groups, params.slug) };
	}
	error(404, `No outlet "${params.slug}" in ${asked ? `story "${asked}"` : 'any story'}`);
};
