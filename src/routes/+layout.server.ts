import { getStore } from '$lib/server';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async () => {
	const stories = await getStore().listStories();
	return { stories: stories.map((s) => ({ slug: s.slug, title: s.title })) };
};
