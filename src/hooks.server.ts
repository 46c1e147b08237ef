import type { ServerInit } from '@sveltejs/kit';
import { getStore } from '$lib/server';

// Open the database (importing the seed story on first start) before the first
// request, and re-score records left stale by an analyzer or lexicon upgrade.
export const init: ServerInit = async () => {
	await getStore().rescoreStale();
};
