import { error, json } from '@sveltejs/kit';
import { getStore } from '$lib/server';
import { attachment, storyJson } from '$lib/server/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const store = getStore();
	const [story, settings] = [await store.getStory(params.story), await store.getSettings(params.story)];
	if (!story || !settings) error(404, `No story "${params.story}"`);
	return json(storyJson(story, await store.getRecords(params.story), settings), {
		headers: { 'content-disposition': attachment(params.story, 'json') }
	});
};
