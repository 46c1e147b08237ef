import { describe, expect, test } from 'vitest';
import { GroupRules } from '../../../src/lib/nlp/actors';
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

describe('groups for speakers the config does not list', () => {
	test.each([
		['a think-tank fellow', '“The drills are a show of force,” said Ivan Petrov, a senior fellow at a Berlin think-tank.', 'expert-analyst'],
		['a university researcher', '“Neither side wants a break,” said Anna Kim, a researcher at Seoul National University.', 'expert-analyst'],
		['a former ambassador, even with a nationality', '“This is a marriage of convenience,” said Tom Hardy, a former British ambassador to Moscow.', 'expert-analyst'],
		['a speaker placed by a relative clause', '“The partnership has limits,” said Chen Li, who studies Russia at a Shanghai think tank.', 'expert-analyst'],
		['a French minister', '“We are deeply concerned,” said French Foreign Minister Paul Martin.', 'west-allies'],
		['a German government spokesperson', '“We are deeply concerned,” a German government spokesperson said.', 'west-allies'],
		['a South Korean official', '“This is a threat to the region,” a South Korean official said.', 'west-allies'],
		['an Australian minister', '“This is a threat to the region,” said Jane Miller, Australia’s defence minister.', 'west-allies'],
		['a NATO official', '“We are watching closely,” a NATO official told reporters.', 'west-allies'],
		['a Ukrainian minister', '“This is a threat to us all,” said Ukrainian Foreign Minister Ivan Bondar.', 'ukraine'],
		['"the Chinese side"', '“Both sides will deepen their cooperation,” the Chinese side said.', 'china-gov'],
		['a readout by its issuer', '“The talks were candid,” according to a readout issued by the Russian side.', 'russia-gov'],
		['an ambassador by their own country, not the host country', '“It is a partnership of equals,” the Chinese ambassador to Russia, Zhang Wei, told a newspaper.', 'china-gov'],
		['an embassy by its country, not its city', '“We are watching closely,” the US embassy in Moscow said.', 'us-gov'],
		['officials by the only place they are in', '“We see no progress,” officials in Brussels said.', 'west-allies'],
		['an official by a listed leader’s name as modifier', '“We are concerned,” a senior Biden administration official said.', 'us-gov'],
		['a director with a place after the apposition', 'Ivan Petrov, director of the Carnegie Russia Eurasia Center in Berlin, said the visit was “about optics”.', 'expert-analyst']
	])('places %s', (_, text, group) => {
		expect(groupOf(text)).toEqual([group]);
	});

	test.each([
		['a named spokesman, from the country the paragraph is about', 'Beijing rejected the report on Tuesday. “The accusations are groundless,” foreign ministry spokesman Zhou Ming told a briefing.', 'china-gov'],
		['a spokesman, from the ministry named with its country earlier', 'The Russian foreign ministry summoned the ambassador on Monday.\n\nWashington had expelled two diplomats. “This will not go unanswered,” ministry spokesman Ivan Orlov said.', 'russia-gov'],
		['anonymous diplomats, from the country of their sentence', '“The vote was unanimous,” diplomats said after the meeting of EU ambassadors in Brussels.', 'west-allies'],
		['a minister, from the paragraph before', 'Moscow hit back at the new sanctions on Friday.\n\n“This is economic warfare,” Deputy Foreign Minister Ivan Orlov told reporters.', 'russia-gov']
	])('gives %s', (_, text, group) => {
		expect(groupOf(text)).toEqual([group]);
	});

	test('resolves "the German chancellor" to the person mentioned with that title earlier', () => {
		const text = 'German Chancellor Karl Weber flew to Beijing on Monday.\n\n“We expect China to use its influence,” the German chancellor said.';
		expect(quotesOf(text).items.map((q) => [q.speaker, q.group])).toEqual([['Karl Weber', 'west-allies']]);
	});

	test('takes no country from the context when the mentions tie', () => {
		expect(groupOf('Moscow and Beijing both reacted. “We regret the decision,” foreign ministry spokesman Zhou Ming said.')).toEqual(['other']);
	});

	test('takes no country from the context for a role of its own place', () => {
		expect(groupOf('Chinese jets flew near the island again. “We tracked twenty aircraft,” Taiwan’s defence ministry said.')).toEqual(['other']);
	});

	test('takes no country from the context for a speaker without a government role', () => {
		expect(groupOf('Beijing rejected the report on Tuesday. “The market was quiet today,” said Petra Holm, a shopkeeper.')).toEqual(['other']);
	});

	test('keeps anonymous plural sources unnamed with their role and nationality group', () => {
		const text = 'Russian media reported that the talks would go on. Chinese diplomats said the visit was a success.';
		const q = quotesOf(text);
		expect(q.indirect.map((x) => [x.speaker, x.named, x.role, x.group])).toEqual([
			[null, false, 'Russian media', 'media-outlet'],
			[null, false, 'Chinese diplomats', 'china-gov']
		]);
	});

	test('places two speakers of different groups named together in the joint group', () => {
		expect(groupOf('“We will stand together,” Putin and Xi said after the talks.')).toEqual(['joint-statement']);
	});

	test('places two speakers of one group named together in that group', () => {
		expect(groupOf('“We will stand together,” Putin and Lavrov said after the talks.')).toEqual(['russia-gov']);
	});
});

describe('group rule terms with gaps', () => {
	const config = parseGroupConfig(
		{ groups: [{ id: 'expert', label: 'Experts', colour: '#009E73' }], rules: [{ type: 'role', terms: ['former * ambassador'], group: 'expert' }] },
		'story.json'
	);

	test.each([
		['no word', 'a former ambassador', 'expert'],
		['one word', 'a former US ambassador', 'expert'],
		['two words', 'a former United States ambassador', 'expert']
	])('lets "*" stand for %s', (_, speaker, group) => {
		expect(groupOf(`“The talks will fail,” said Tom Hardy, ${speaker}.`, config)).toEqual([group]);
	});

	test('lets "*" stand for no more than two words', () => {
		const rules = new GroupRules(config);
		expect([rules.groupOf(['former', 'us', 'ambassador']), rules.groupOf(['former', 'long', 'serving', 'us', 'ambassador'])]).toEqual(['expert', 'other']);
	});

	test('rejects a term that starts with a gap, naming the file and the term', () => {
		expect(() => parseGroupConfig({ groups: [{ id: 'x', label: 'X', colour: '#000000' }], rules: [{ type: 'role', terms: ['* ambassador'], group: 'x' }] }, 'story.json')).toThrow(
			/story\.json: rule term "\* ambassador" starts or ends with "\*"/
		);
	});
});

describe('groups from the gazetteers', () => {
	test.each([
		['a demonym the roles list does not know', '“It is an act of war,” Venezuelan Defence Minister Vladimir Padrino López said.', 'other', 'Vladimir Padrino López'],
		['a listed office-holder named without a country', '“Nobody should doubt our resolve,” Mark Rutte said.', 'west-allies', 'Mark Rutte'],
		['an office-holder’s spokesman', '“We will not take sides,” Erdoğan’s spokesman, Ömer Çelik, said.', 'west-allies', 'Ömer Çelik'],
		['a capital for a government', '“The border stays open,” a government spokesman in Ankara said.', 'west-allies', null]
	])('places %s', (_, text, group, speaker) => {
		expect(quotesOf(text).items[0]).toMatchObject({ group, speaker });
	});

	test('"the Ukrainian leader" resolves to the Ukrainian president named before', () => {
		const text = 'Zelensky said Ukraine needed more air defence. “We need ten more systems,” the Ukrainian leader said.';
		expect(quotesOf(text).items[0].speaker).toBe('Volodymyr Zelensky');
	});
});

test.each([
	// The country whose region it is places its governor; the attacker's drones weigh less.
	['Ukrainian drones hit an oil depot in Russia’s Belgorod region overnight, the regional governor said.', 'russia-gov'],
	['Russian missiles struck a power plant in Ukraine’s Kharkiv region, the regional governor said.', 'ukraine']
])('a regional official belongs to the country that owns the region: %s', (text, group) => {
	expect(quotesOf(text).indirect[0]?.group).toBe(group);
});

test('a listed office-holder named in the paragraph places an official with no country word', () => {
	const text =
		'The Supreme Court heard arguments over whether President Donald Trump can impose the tariffs.\n\nSolicitor General D. John Sauer told the justices that the tariffs were a tool of foreign policy.';
	expect(quotesOf(text).indirect[0]).toMatchObject({ speaker: 'D. John Sauer', group: 'us-gov' });
});

test.each([
	['ECB President Christine Lagarde said the decision had been unanimous.', 'west-allies'],
	['The Department of Homeland Security said the hub would open next month.', 'us-gov'],
	// A country's own foreign office is not the British one.
	['Pakistan’s foreign office said it remained open to talks on all issues.', 'other']
])('the seed config places institutions by name: %s', (text, group) => {
	expect(quotesOf(text).indirect[0]?.group).toBe(group);
});
