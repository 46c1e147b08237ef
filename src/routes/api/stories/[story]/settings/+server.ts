import { error, json } from '@sveltejs/kit';
import { getStore } from '$lib/server';
import { errorResponse } from '$lib/server/api';
import { attachment } from '$lib/server/export';
import { parseSettings } from '$lib/server/settings';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const settings = await getStore().getSettings(params.story);
	if (!settings) error(404, `No story "${params.story}"`);
	return json(settings, { headers: { 'content-disposition': attachment(`${params.story}-settings`, 'json') } });
};

/** Replace the settings (JSON as exported) and start re-scoring; answers the job's progress. */
export const PUT: RequestHandler = async ({ params, request }) => {
	const store = getStore();
	const current = await store.getSettings(params.story);
	if (!current) error(404, `No story "${params.story}"`);
	try {
		const settings = parseSettings(await request.json().catch(() => null), current);
		return json(await store.saveSettings(params.story, settings), { status: 202 });
	} catch (e) {
		return errorResponse(e);
	}
};
