import { z } from 'zod';
import { parseGroupConfig, type GroupConfig } from '$lib/nlp/quotes';
import type { LexiconChanges } from '$lib/nlp/types';
import { InputError } from '$lib/text/decode';

/** A story's settings as edited on the settings page and exported as JSON. */
export type StorySettings = { groups: GroupConfig; lexicon: LexiconChanges };

export const EMPTY_LEXICON_CHANGES: LexiconChanges = { add: [], disable: [], recategorise: [] };
export const EMPTY_GROUPS: GroupConfig = { groups: [] };

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id of letters, digits and hyphens');
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #D55E00');

// The quotes analyzer owns the full group config (actors, aliases, rules); here we
// check the part every page relies on and keep the rest as written.
const groupsSchema = z.looseObject({
	groups: z.array(z.looseObject({ id, label: z.string().trim().min(1), colour }))
});

const words = z.array(z.string().min(1)).min(1);
const entrySchema = z.strictObject({
	id,
	term: z.string().trim().min(1),
	category: z.string().trim().min(1),
	strength: z.union([z.literal(1), z.literal(2), z.literal(3)]),
	alternative: z.string().min(1).nullable(),
	note: z.string().min(1),
	source: z.string().min(1),
	pos: z.array(z.string().regex(/^[A-Z]+$/)).min(1).optional(),
	unless: z.strictObject({ prev: words.optional(), next: words.optional(), sentence: words.optional() }).optional()
});
const lexiconSchema = z.strictObject({
	add: z.array(entrySchema).default([]),
	disable: z.array(id).default([]),
	recategorise: z.array(z.strictObject({ entry: id, category: z.string().trim().min(1) })).default([])
});

function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
	const parsed = schema.safeParse(value);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	const at = issue.path.length ? ` at ${issue.path.join('.')}` : '';
	throw new InputError('invalid', `slant: ${what}${at}: ${issue.message}`);
}

/** Validate a group config; throws `InputError('invalid')` naming the bad field. */
export function parseGroups(value: unknown): GroupConfig {
	check(groupsSchema, value, 'group config'); // ids and colours in the forms the settings page and CSS expect
	try {
		// The analyzer's own validator also checks actors and rules against the groups.
		return parseGroupConfig(value, 'group config');
	} catch (e) {
		throw new InputError('invalid', `slant: ${(e as Error).message}`);
	}
}

/** Validate a story's lexicon changes; throws `InputError('invalid')` naming the bad field. */
export function parseLexiconChanges(value: unknown): LexiconChanges {
	return check(lexiconSchema, value, 'lexicon changes') as LexiconChanges;
}

/** Validate settings JSON as exported (`{ groups, lexicon }`); either part may be missing. */
export function parseSettings(value: unknown, current: StorySettings): StorySettings {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw new InputError('invalid', 'slant: expected settings as a JSON object { "groups": …, "lexicon": … }');
	const v = value as Record<string, unknown>;
	return {
		groups: v.groups === undefined ? current.groups : parseGroups(v.groups),
		lexicon: v.lexicon === undefined ? current.lexicon : parseLexiconChanges(v.lexicon)
	};
}

/** Parse JSON text from a form field, naming the field when it is not JSON. */
export function parseJsonField(text: string, field: string): unknown {
	try {
		return JSON.parse(text);
	} catch (e) {
		throw new InputError('invalid', `slant: expected JSON in "${field}": ${(e as Error).message}`);
	}
}
