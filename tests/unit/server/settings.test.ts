import { expect, test } from 'vitest';
import { applySettingsEdit } from '$lib/server/settings-form';
import { EMPTY_LEXICON_CHANGES, parseGroups, parseSettings, type StorySettings } from '$lib/server/settings';

const base: StorySettings = { groups: { groups: [{ id: 'gov', label: 'Government', colour: '#D55E00' }] }, lexicon: EMPTY_LEXICON_CHANGES };
const form = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
};

test('adding an entry gives it a story id and the chosen category', async () => {
	const next = await applySettingsEdit(base, 'add', form({ term: 'thugs', category: 'pejorative-label', strength: '3' }));
	expect(next.lexicon.add).toMatchObject([{ id: 'story-thugs', term: 'thugs', category: 'pejorative-label', strength: 3 }]);
});

test('disabling an entry twice lists it once', async () => {
	const once = await applySettingsEdit(base, 'disable', form({ entry: 'regime' }));
	expect((await applySettingsEdit(once, 'disable', form({ entry: 'regime' }))).lexicon.disable).toEqual(['regime']);
});

test('changing an entry category replaces an earlier change of the same entry', async () => {
	const a = await applySettingsEdit(base, 'recategorise', form({ entry: 'regime', category: 'emotive' }));
	const b = await applySettingsEdit(a, 'recategorise', form({ entry: 'regime', category: 'distancing' }));
	expect(b.lexicon.recategorise).toEqual([{ entry: 'regime', category: 'distancing' }]);
});

test('an edit without its required field is refused naming what was expected', async () => {
	await expect(applySettingsEdit(base, 'disable', form({}))).rejects.toThrow(/expected a lexicon entry id/);
});

test('settings JSON that is not JSON is refused naming the field', async () => {
	await expect(applySettingsEdit(base, 'json', form({ groups: '{', lexicon: '{}' }))).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('"groups"') });
});

test('settings exported as JSON import back unchanged', async () => {
	const exported = JSON.stringify({ groups: { ...base.groups, actors: [{ id: 'x', name: 'X', aliases: ['Mr X'], group: base.groups.groups[0].id }] }, lexicon: { ...EMPTY_LEXICON_CHANGES, disable: ['regime'] } });
	const f = new FormData();
	f.set('settings', new File([exported], 'settings.json'));
	expect(JSON.stringify(await applySettingsEdit(base, 'import', f))).toBe(exported);
});

test('an imported settings file with only groups keeps the current lexicon changes', () => {
	const current = { ...base, lexicon: { ...EMPTY_LEXICON_CHANGES, disable: ['regime'] } };
	expect(parseSettings({ groups: base.groups }, current).lexicon.disable).toEqual(['regime']);
});

test.each([
	[{ groups: [{ id: 'a', label: 'A', colour: 'red' }] }, /colour/],
	[{ groups: [{ id: 'a', label: 'A', colour: '#000000' }, { id: 'a', label: 'B', colour: '#000000' }] }, /duplicate group "a"/],
	[{ groups: [{ id: 'Bad Id', label: 'A', colour: '#000000' }] }, /lower-case id/],
	[{}, /groups/]
])('a group config %j is refused', (value, message) => expect(() => parseGroups(value)).toThrow(message));

test('a group label and colour edit keeps the group id and its other fields', async () => {
	const withAliases: StorySettings = { ...base, groups: { groups: [{ ...base.groups.groups[0], note: 'the state' }] } };
	const next = await applySettingsEdit(withAliases, 'groups', form({ 'label:gov': 'State', 'colour:gov': '#0072b2' }));
	expect(next.groups.groups).toEqual([{ id: 'gov', label: 'State', colour: '#0072b2', note: 'the state' }]);
});
