import { error, json } from '@sveltejs/kit';
import { getStore } from '$lib/server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const store = getStore();
	if (!(await store.getStory(params.story))) error(404, `No story "${params.story}"`);
	return json(await store.rescoreProgress(params.story), { headers: { 'cache-control': 'no-store' } });
};
