import { json } from '@sveltejs/kit';
import { getStore } from '$lib/server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => json(await getStore().listStories());
