import { fail } from '@sveltejs/kit';
import { getStore } from '$lib/server';
import { ACCEPTED_EXTENSIONS, STATUS } from '$lib/server/import';
import { previewForm, saveForm } from '$lib/server/import-form';
import { checkContentLength, readBody } from '$lib/server/api';
import { readLimits } from '$lib/server/limits';
import { InputError } from '$lib/text/decode';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => ({
	stories: await getStore().listStories(),
	story: url.searchParams.get('story') ?? '',
	accept: ACCEPTED_EXTENSIONS.join(','),
	limits: readLimits()
});

/** Input errors become a 4xx with the reason; anything else is a 500. */
async function attempt<T>(step: 'preview' | 'save', request: Request, run: (form: FormData) => Promise<T>) {
	try {
		checkContentLength(request, readLimits());
		return { step, ...(await run(await readBody(() => request.formData(), 'a form'))) };
	} catch (e) {
		if (e instanceof InputError) return fail(STATUS[e.code], { step, message: e.message });
		throw e;
	}
}

export const actions = {
	preview: ({ request }) => attempt('preview', request, (form) => previewForm(form, readLimits())),
	save: ({ request }) => attempt('save', request, (form) => saveForm(getStore(), form, readLimits()))
} satisfies Actions;
