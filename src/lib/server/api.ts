import { json } from '@sveltejs/kit';
import { InputError } from '$lib/text/decode';
import { batchStatus, importFiles, importJson, STATUS } from './import';
import { readLimits, type Limits } from './limits';
import type { Store } from './store';

/**
 * The JSON API's request handling, kept out of the route files: size checks
 * before parsing, typed input errors mapped to statuses here and nowhere else.
 */

/** An `InputError` as a JSON response; anything else is rethrown for SvelteKit's 500. */
export function errorResponse(e: unknown): Response {
	if (e instanceof InputError) return json({ error: { code: e.code, reason: e.message } }, { status: STATUS[e.code] });
	throw e;
}

/** Refuse a body over the request limit from its `content-length`, before reading a byte of it. */
export function checkContentLength(request: Request, limits: Limits): void {
	const length = Number(request.headers.get('content-length') ?? NaN);
	if (Number.isFinite(length) && length > limits.maxRequestBytes) {
		const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
		throw new InputError('too_large', `slant: expected a request of at most ${mb(limits.maxRequestBytes)} MB, found ${mb(length)} MB; send several batches`);
	}
}

/**
 * Read a body, turning adapter-node's own limit (`BODY_SIZE_LIMIT`, enforced while
 * streaming, e.g. for chunked requests without a length) into the same `too_large`.
 */
export async function readBody<T>(read: () => Promise<T>, what: string): Promise<T> {
	try {
		return await read();
	} catch (e) {
		if ((e as { status?: number }).status === 413) throw new InputError('too_large', 'slant: the request body is over the server limit (BODY_SIZE_LIMIT); send several batches');
		throw new InputError('invalid', `slant: expected ${what}`);
	}
}

/** `POST /api/articles`: JSON `{ story, articles }` or a multipart form with `story` and `files`. */
export async function handleImport(store: Store, request: Request, limits = readLimits()): Promise<Response> {
	try {
		checkContentLength(request, limits);
		const type = request.headers.get('content-type') ?? '';
		let result;
		if (type.startsWith('application/json')) {
			const body = await readBody(() => request.json(), 'a JSON body { "story": …, "articles": [ … ] }');
			result = await importJson(store, body, limits);
		} else if (type.startsWith('multipart/form-data')) {
			const form = await readBody(() => request.formData(), 'a multipart form with "story" and "files"');
			const story = String(form.get('story') ?? '');
			const files = form.getAll('files').filter((f): f is File => typeof f !== 'string');
			result = await importFiles(store, story, files, limits, {
				allowDuplicate: form.get('allowDuplicate') === 'true',
				storyTitle: String(form.get('storyTitle') ?? '') || undefined
			});
		} else {
			throw new InputError('unsupported_type', `slant: expected application/json or multipart/form-data, found "${type.slice(0, 80)}"`);
		}
		return json(result, { status: batchStatus(result) });
	} catch (e) {
		return errorResponse(e);
	}
}
