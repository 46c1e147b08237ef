import { error } from '@sveltejs/kit';
import { getStore } from '$lib/server';
import { articleMeta, evidenceCounts, parseLayers } from '$lib/ui/article';
import { storyStyles } from '$lib/ui/overview';
import { buildReader } from '$lib/ui/reader';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const store = getStore();
	const record = await store.getRecord(params.id);
	if (!record) error(404, `No article with id "${params.id}"`);
	const story = record.story ? await store.getStory(record.story) : null;
	const articles = story ? await store.listArticles(story.slug) : [];
	const groups = story ? (await store.getGroups(story.slug)).groups : [];
	const summary = articles.find((a) => a.id === record.id) ?? null;
	return {
		story,
		article: articleMeta(record),
		summary,
		style: summary ? storyStyles(articles)[summary.outletSlug] : null,
		counts: evidenceCounts(record),
		layers: parseLayers(url.searchParams),
		reader: buildReader(record, groups),
		siblings: articles.filter((a) => a.id !== record.id).map((a) => ({ id: a.id, outlet: a.outlet, title: a.title }))
	};
};
