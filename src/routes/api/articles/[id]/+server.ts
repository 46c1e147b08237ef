import { error, json } from '@sveltejs/kit';
import { getStore } from '$lib/server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const record = await getStore().getRecord(params.id);
	if (!record) error(404, `No article "${params.id}"`);
	return json(record);
};
