import { slugify } from '$lib/slug';
import { InputError } from '$lib/text/decode';
import { parseGroups, parseJsonField, parseLexiconChanges, parseSettings, type StorySettings } from './settings';

/**
 * The settings page's edits, each a pure function from the current settings and
 * the posted form to new settings. Validation errors are `InputError('invalid')`.
 */

export type SettingsEdit = 'groups' | 'json' | 'disable' | 'enable' | 'recategorise' | 'add' | 'remove' | 'import';

function field(form: FormData, name: string): string {
	const v = form.get(name);
	return typeof v === 'string' ? v.trim() : '';
}

function required(form: FormData, name: string, label: string): string {
	const v = field(form, name);
	if (!v) throw new InputError('invalid', `slant: expected a ${label}`);
	return v;
}

const without = <T>(list: T[], keep: (x: T) => boolean) => list.filter(keep);

export async function applySettingsEdit(current: StorySettings, edit: SettingsEdit, form: FormData): Promise<StorySettings> {
	const lexicon = current.lexicon;
	switch (edit) {
		case 'groups': {
			// Labels and colours by group id; aliases and rules are edited as JSON.
			const groups = current.groups.groups.map((g) => ({
				...g,
				label: field(form, `label:${g.id}`) || g.label,
				colour: field(form, `colour:${g.id}`) || g.colour
			}));
			return { ...current, groups: parseGroups({ ...current.groups, groups }) };
		}
		case 'json':
			return {
				groups: parseGroups(parseJsonField(field(form, 'groups'), 'groups')),
				lexicon: parseLexiconChanges(parseJsonField(field(form, 'lexicon'), 'lexicon'))
			};
		case 'import': {
			const file = form.get('settings');
			const text = typeof file === 'string' ? file : file ? await file.text() : '';
			if (!text.trim()) throw new InputError('empty', 'slant: expected a settings JSON file');
			return parseSettings(parseJsonField(text, 'settings file'), current);
		}
		case 'disable': {
			const entry = required(form, 'entry', 'lexicon entry id to disable');
			return { ...current, lexicon: { ...lexicon, disable: [...without(lexicon.disable, (e) => e !== entry), entry] } };
		}
		case 'enable': {
			const entry = required(form, 'entry', 'lexicon entry id');
			return { ...current, lexicon: { ...lexicon, disable: without(lexicon.disable, (e) => e !== entry) } };
		}
		case 'recategorise': {
			const entry = required(form, 'entry', 'lexicon entry id');
			const category = required(form, 'category', 'category');
			const rest = without(lexicon.recategorise, (r) => r.entry !== entry);
			return { ...current, lexicon: parseLexiconChanges({ ...lexicon, recategorise: [...rest, { entry, category }] }) };
		}
		case 'add': {
			const term = required(form, 'term', 'term to add');
			const category = required(form, 'category', 'category');
			const strength = Number(field(form, 'strength') || 2);
			const entry = {
				id: `story-${slugify(term)}`,
				term,
				category,
				strength,
				alternative: field(form, 'alternative') || null,
				note: field(form, 'note') || 'added in the story settings',
				source: 'story settings'
			};
			const rest = without(lexicon.add, (e) => e.id !== entry.id);
			return { ...current, lexicon: parseLexiconChanges({ ...lexicon, add: [...rest, entry] }) };
		}
		case 'remove': {
			const entry = required(form, 'entry', 'added entry id');
			return { ...current, lexicon: { ...lexicon, add: without(lexicon.add, (e) => e.id !== entry) } };
		}
	}
}
