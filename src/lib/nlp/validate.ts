import { z } from 'zod';

/**
 * Checks a lexicon or config file against `schema` and returns its data.
 * Throws an error naming the file and the first bad entry, so a broken data
 * file fails loudly when it is loaded, never halfway through an analysis.
 */
export function validateData<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
	const parsed = schema.safeParse(data);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	const path = issue.path.join('.');
	let entry = '';
	// Quote the bad entry's term or id so the message points at something searchable.
	const [list, index] = issue.path;
	if (typeof list === 'string' && typeof index === 'number' && data && typeof data === 'object') {
		const item = (data as Record<string, unknown[]>)[list]?.[index] as Record<string, unknown> | undefined;
		const name = item?.term ?? item?.id;
		if (typeof name === 'string') entry = ` ("${name}")`;
	}
	throw new Error(`${file}: bad entry at ${path || '(root)'}${entry}: ${issue.message}`);
}

/** Fields every slant data file carries. */
export const provenance = {
	source: z.string().min(1),
	licence: z.string().min(1),
	updated: z.string().min(1)
};
