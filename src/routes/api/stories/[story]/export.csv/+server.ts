import { error } from '@sveltejs/kit';
import { getStore } from '$lib/server';
import { attachment, storyCsv } from '$lib/server/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const store = getStore();
	const settings = await store.getSettings(params.story);
	if (!settings) error(404, `No story "${params.story}"`);
	const csv = storyCsv(await store.getRecords(params.story), settings);
	return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': attachment(params.story, 'csv') } });
};
