import { describe, expect, test } from 'vitest';
import { analyzeQuotes, DEFAULT_GROUPS, parseGroupConfig, type GroupConfig } from '../../../src/lib/nlp/quotes';
import { contextOf, quotesOf, seedGroups } from './quotes.helpers';

const groupOf = (text: string, config: GroupConfig = seedGroups) => quotesOf(text, config).items.filter((q) => q.kind === 'speech').map((q) => q.group);

describe('groups from the story config', () => {
	test.each([
		['a configured actor', '“Our ties have never been stronger,” Putin said at the ceremony.', 'russia-gov'],
		['a configured alias', '“Our ties have never been stronger,” the Chinese president said at the ceremony.', 'china-gov'],
		['an organisation name rule', '“The drills are routine and pose no threat,” the Pentagon said on Friday.', 'us-gov'],
		['a nationality with a government word', '“We will respond firmly to this move,” a Chinese Foreign Ministry spokesperson said.', 'china-gov'],
		['a nationality with an anonymous official', '“We are watching closely,” a senior US official told reporters.', 'us-gov'],
		['a role word', '“The summit was mostly symbolism,” said Ivana Kral, an analyst at a Prague think tank.', 'expert-analyst'],
		['a professor', '“Neither side wants a break,” said Professor Jan Novak of Charles University.', 'expert-analyst'],
		['a news outlet', '“Exports rose sharply in the first quarter of the year,” Reuters reported.', 'media-outlet'],
		['a joint statement', '“Both sides oppose unilateral sanctions of any kind,” the joint statement said.', 'joint-statement'],
		['Ukrainian speakers of any kind', '“We need air defence now, not next year,” a Ukrainian soldier told the newspaper.', 'ukraine'],
		['an unknown person', '“The market was quiet today,” said Petra Holm, a shopkeeper.', 'other']
	])('places %s', (_, text, group) => {
		expect(groupOf(text)).toEqual([group]);
	});

	test('gives a nationality without a government word no government group', () => {
		expect(groupOf('“We just want the war to end soon,” a Russian pensioner said in the street.')).toEqual(['other']);
	});

	test('places a surname by the role seen with the full name earlier in the article', () => {
		const text = 'German Chancellor Karl Weber flew to Beijing on Monday for two days of talks.\n\n“We expect China to use its influence on Moscow,” Weber told reporters after the meeting.';
		expect(groupOf(text)).toEqual(['west-allies']);
	});
});

describe('actor ids', () => {
	test('gives "Vladimir Putin", "Putin" and "the Russian president" one configured id', () => {
		const text =
			'“We will deepen our cooperation with China in every field,” Vladimir Putin said on Thursday.\n\n“Our partnership is not aimed at anyone,” Putin added at the press conference.\n\n“We will meet again next year in Kazan,” the Russian president said.';
		expect(new Set(quotesOf(text).items.map((q) => q.actorId))).toEqual(new Set(['vladimir-putin']));
	});

	test('resolves a surname to the full name seen earlier in the article', () => {
		const text = '“The plan will not work,” Maria Lopez said on Tuesday.\n\n“Nobody in the union believes in it,” Lopez added later that day.';
		expect(quotesOf(text).items.map((q) => q.actorId)).toEqual(['maria-lopez', 'maria-lopez']);
	});

	test('resolves a surname to a full name mentioned later in the article', () => {
		const text = '“The plan will not work,” Lopez said on Tuesday.\n\nMaria Lopez has led the union since 2019 and is seen as a hard negotiator.';
		expect(quotesOf(text).items.map((q) => [q.actorId, q.speaker])).toEqual([['maria-lopez', 'Maria Lopez']]);
	});

	test('makes ids that do not depend on the article', () => {
		const a = quotesOf('“The plan will not work at all,” Maria Lopez said on Tuesday.').items[0].actorId;
		const b = quotesOf('Union leader Maria Lopez said on Friday: “We will strike next week.”').items[0].actorId;
		expect([a, b]).toEqual(['maria-lopez', 'maria-lopez']);
	});
});

describe('group config validation', () => {
	const valid = { groups: [{ id: 'gov', label: 'Government', colour: '#0072B2' }], actors: [], rules: [] };

	test('accepts a minimal config', () => {
		expect(parseGroupConfig(valid, 'story.json').groups).toHaveLength(1);
	});

	test.each([
		['an unknown group on an actor', { ...valid, actors: [{ id: 'x', name: 'X', aliases: [], group: 'nope' }] }, /story\.json: actor "x" has unknown group "nope"/],
		['a duplicate group', { ...valid, groups: [...valid.groups, ...valid.groups] }, /story\.json: duplicate group "gov"/],
		['a bad colour', { ...valid, groups: [{ id: 'gov', label: 'Government', colour: 'blue' }] }, /story\.json: bad entry at groups\.0\.colour \("gov"\)/],
		['a rule with an unknown group', { ...valid, rules: [{ type: 'role', terms: ['minister'], group: 'nope' }] }, /story\.json: rule "minister" has unknown group "nope"/]
	])('rejects %s, naming the file and the entry', (_, config, message) => {
		expect(() => parseGroupConfig(config, 'story.json')).toThrow(message);
	});

	test('ships a seed config with the nine groups of the story', () => {
		expect(seedGroups.groups.map((g) => g.id)).toEqual(['russia-gov', 'china-gov', 'us-gov', 'west-allies', 'ukraine', 'expert-analyst', 'media-outlet', 'joint-statement', 'other']);
	});

	test('uses the generic default config for a config with no groups', () => {
		const q = analyzeQuotes(contextOf('“We will respond firmly to this move,” the foreign minister said on Monday.'), { groups: [] });
		expect(q.items[0].group).toBe('government');
	});

	test('skips malformed actors and rules instead of throwing', () => {
		const loose = { groups: seedGroups.groups, actors: [{ id: 'x' }], rules: [{ type: 'role', group: 'other' }] } as unknown as GroupConfig;
		expect(() => analyzeQuotes(contextOf('“We will respond firmly to this move,” the minister said.'), loose)).not.toThrow();
	});

	test('uses the generic default config when a story has none', () => {
		expect(analyzeQuotes(contextOf('“We will respond firmly to this move,” the foreign minister said on Monday.')).groups.map((g) => g.id)).toEqual(
			DEFAULT_GROUPS.groups.map((g) => g.id)
		);
		expect(groupOf('“We will respond firmly to this move,” the foreign minister said on Monday.', DEFAULT_GROUPS)).toEqual(['government']);
	});
});
