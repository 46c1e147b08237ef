import { error, fail, redirect } from '@sveltejs/kit';
import { listEntries } from '$lib/nlp/lexicon';
import { getStore } from '$lib/server';
import { STATUS } from '$lib/server/import';
import { applySettingsEdit, type SettingsEdit } from '$lib/server/settings-form';
import { InputError } from '$lib/text/decode';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const store = getStore();
	const [story, settings] = [await store.getStory(params.story), await store.getSettings(params.story)];
	if (!story || !settings) error(404, `No story "${params.story}"`);
	const entries = listEntries().map((e) => ({ id: e.id, term: e.term, category: e.category }));
	return { story, settings, entries, progress: await store.rescoreProgress(params.story) };
};

/** Apply one edit, save, start re-scoring, and come back to the page showing progress. */
function edit(kind: SettingsEdit): Actions[string] {
	return async ({ params, request }) => {
		const store = getStore();
		const current = await store.getSettings(params.story!);
		if (!current) error(404, `No story "${params.story}"`);
		try {
			await store.saveSettings(params.story!, await applySettingsEdit(current, kind, await request.formData()));
		} catch (e) {
			if (e instanceof InputError) return fail(STATUS[e.code], { message: e.message, edit: kind });
			throw e;
		}
		redirect(303, `/stories/${params.story}/settings?saved=${kind}`);
	};
}

export const actions = {
	groups: edit('groups'),
	json: edit('json'),
	import: edit('import'),
	disable: edit('disable'),
	enable: edit('enable'),
	recategorise: edit('recategorise'),
	add: edit('add'),
	remove: edit('remove')
} satisfies Actions;
