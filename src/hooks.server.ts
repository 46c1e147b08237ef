import type { Handle, ServerInit } from '@sveltejs/kit';
import { getStore } from '$lib/server';

// Open the database (importing the seed story on first start) before the first
// request, and re-score records left stale by an analyzer or lexicon upgrade.
export const init: ServerInit = async () => {
	await getStore().rescoreStale();
};

// Exports and API answers carry user text; never let a browser sniff them into HTML.
export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	return response;
};
