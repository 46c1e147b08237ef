import { describe, expect, test } from 'vitest';
import { firstQuoteSpeakers, quotesOf } from './quotes.helpers';

/** Speaker of the first outermost quote. */
const firstSpeaker = (text: string) => {
	const q = quotesOf(text).items.find((i) => i.depth === 0);
	return q ? { speaker: q.speaker, attribution: q.attribution, cue: q.cue } : null;
};

describe('speaker from the reporting cue', () => {
	test.each([
		['X said after', '“We will not back down,” Maria Lopez said on Tuesday.', 'Maria Lopez', 'said'],
		['said X after', '“We will not back down,” said Maria Lopez, the union leader.', 'Maria Lopez', 'said'],
		['X told reporters', '“The deal is done,” Tom Brandt told reporters in Vienna.', 'Tom Brandt', 'told reporters'],
		['X added', '“There is more to do,” Tom Brandt added.', 'Tom Brandt', 'added'],
		['X said: before', 'Tom Brandt said: “The deal is done and it is a good one.”', 'Tom Brandt', 'said'],
		['X wrote on Telegram', 'Igor Belov wrote on Telegram: “The convoy has left the port.”', 'Igor Belov', 'wrote'],
		['wrote X', '“The convoy has left the port,” wrote Igor Belov on Telegram.', 'Igor Belov', 'wrote'],
		['quoted as saying', '“Talks will resume soon,” Anna Weiss was quoted as saying by the agency.', 'Anna Weiss', 'quoted as saying']
	])('finds the speaker of %s', (_, text, speaker, cue) => {
		expect(firstSpeaker(text)).toMatchObject({ speaker, attribution: 'cue', cue });
	});

	test('finds the speaker before a colon with no verb', () => {
		expect(firstSpeaker('Tom Brandt: “The deal is done and it is a good one.”')).toMatchObject({ speaker: 'Tom Brandt', attribution: 'colon' });
	});

	test('finds the speaker before a colon after a setting ("X, at her news conference:")', () => {
		expect(firstSpeaker('Sheinbaum, at her morning news conference: “We will keep a cool head.”')).toMatchObject({ speaker: 'Sheinbaum', attribution: 'colon' });
		expect(firstSpeaker('Maria Zakharova on Telegram: “The hysteria has lost all touch with reality.”')).toMatchObject({ speaker: 'Maria Zakharova' });
	});

	test('keeps a clause before a colon from being a speaker', () => {
		expect(firstSpeaker('The aim, at least in public, is clear: “a stronger alliance”.')?.speaker ?? null).toBeNull();
	});

	test.each([
		['called … “…”', 'Petr Kral, the leader of the Civic party, called the decision “a betrayal of every voter”.', 'Petr Kral'],
		['described … as “…”', 'Prime Minister Lena Holm described the strikes as “an unacceptable violation of our sovereignty”.', 'Lena Holm'],
		['branded … “…” (tagged as an adjective)', 'Mamuka Beridze, a senior figure in the ruling party, branded the protesters “a radical mob paid from abroad”.', 'Mamuka Beridze'],
		['dismissed … as “…”', 'Yván Gil dismissed the remarks as “a provocation written abroad”.', 'Yván Gil']
	])('finds the speaker of a naming verb: %s', (_, text, speaker) => {
		expect(firstSpeaker(text)?.speaker).toBe(speaker);
	});

	test.each([
		['an age between commas', 'Olaf Richter, 54, a farmer near the border, said: “We hear the drones every night.”', 'Olaf Richter'],
		['a hyphenated given name', 'Lai Ching-te, Taiwan’s president, said: “We will not provoke.”', 'Lai Ching-te'],
		['"cited by X as saying"', 'Deputy Minister Pavel Orlov was cited by TASS as saying: “Supplies will continue.”', 'Pavel Orlov'],
		['"X quoted Y as saying" to Y', 'The state news agency quoted Defence Minister Ana Petrova as saying the drills were “purely defensive”.', 'Ana Petrova'],
		['"X quoted Y as saying" with the quote first', '“We will not be intimidated,” Interfax quoted Deputy Minister Pavel Orlov as saying.', 'Pavel Orlov']
	])('finds the speaker past %s', (_, text, speaker) => {
		expect(firstSpeaker(text)?.speaker).toBe(speaker);
	});

	test('"before adding in English:" after a sentence that opens with a quote is the same speaker', () => {
		const items = quotesOf('„Wir bleiben“, Chancellor Karl Weber told a forum in Berlin, before adding in English: “We will not be intimidated.”').items;
		expect(items.map((q) => q.speaker)).toEqual(['Karl Weber', 'Karl Weber']);
	});

	test('a passive "was quoted as saying" keeps its subject', () => {
		expect(firstSpeaker('Pavel Orlov was quoted as saying: “Supplies will continue.”')?.speaker).toBe('Pavel Orlov');
	});

	test('finds the subject of a naming verb with a long object, and of "and said" after it', () => {
		const items = quotesOf('President Marko Ilic on Sunday called the students leading months of protests "hooligans paid from abroad" and said the state would not give in to "a colour revolution".').items;
		expect(items.map((q) => q.speaker)).toEqual(['Marko Ilic', 'Marko Ilic']);
	});

	test('a place after the subject is not an object ("The Chinese embassy in Berlin described … and said …")', () => {
		const items = quotesOf('The Chinese embassy in Berlin described the charges as “malicious hype” and said China “never interferes in the internal affairs of other countries”.').items;
		expect(items.map((q) => q.group)).toEqual(['china-gov', 'china-gov']);
	});

	test('military commands speak as bodies of their state', () => {
		expect(quotesOf('US Central Command called the attack “reckless and unprovoked”.').items[0]).toMatchObject({ speaker: 'US Central Command', group: 'us-gov' });
	});

	test('a joint statement speaks for the governments that issued it', () => {
		expect(quotesOf('France, Germany and Britain said in a joint statement that they were ready to act.').indirect[0].group).toBe('joint-statement');
	});

	test('does not take a naming verb far from the quote as its cue', () => {
		expect(firstSpeaker('The minister called for calm on Monday, before the crowd chanted “resign”.')?.speaker ?? null).toBeNull();
	});

	test('finds the speaker in "according to X" after the quote', () => {
		expect(firstSpeaker('“Supplies are running low,” according to the Red Cross.')?.speaker).toBe('Red Cross');
	});

	test('keeps a title and role with the name, as role', () => {
		const q = quotesOf('“We oppose the sanctions,” Foreign Ministry spokesperson Lena Park said.').items[0];
		expect([q.speaker, q.role]).toEqual(['Lena Park', 'Foreign Ministry spokesperson']);
	});

	test('takes the name from an apposition after a role', () => {
		const q = quotesOf('The country’s ambassador to Japan, Pavel Orlov, said: “Our ties are strong.”').items[0];
		expect([q.speaker, q.role]).toEqual(['Pavel Orlov', 'country’s ambassador to Japan']);
	});

	test('skips a relative clause between subject and cue', () => {
		expect(firstSpeaker('Tom Brandt, who has led the talks since May, said: “The deal is done.”')?.speaker).toBe('Tom Brandt');
	});

	test('takes the subject of the sentence when the cue follows "and"', () => {
		expect(firstSpeaker('In a speech, Tom Brandt praised the staff and said the result was “a triumph of patience and hard work”.')?.speaker).toBe('Tom Brandt');
	});

	test('treats organisations as speakers', () => {
		expect(firstSpeaker('“The border remains closed,” the Interior Ministry said in a statement.')?.speaker).toBe('Interior Ministry');
	});
});

describe('pronouns and continuations', () => {
	test('resolves "he added" to the last speaker', () => {
		const items = quotesOf('“We are ready for the talks to start again,” Tom Brandt said on Monday.\n\n“We have waited long enough for an answer from them,” he added.').items;
		expect(items.map((q) => [q.speaker, q.attribution])).toEqual([
			['Tom Brandt', 'cue'],
			['Tom Brandt', 'pronoun']
		]);
	});

	test('resolves "he" to the person the paragraph is about', () => {
		const text = 'Tom Brandt arrived late for the meeting in the capital.\n\n“We are ready for the talks to start again,” Maria Lopez said.\n\nTom Brandt spoke next at the meeting. “We have waited long enough,” he said.';
		expect(quotesOf(text).items.map((q) => q.speaker)).toEqual(['Maria Lopez', 'Tom Brandt']);
	});

	test('gives a second quote in the same paragraph the same speaker', () => {
		const items = quotesOf('“We are ready,” Tom Brandt said. “We have waited long enough.”').items;
		expect(items.map((q) => [q.speaker, q.attribution])).toEqual([
			['Tom Brandt', 'cue'],
			['Tom Brandt', 'continuation']
		]);
	});

	test('gives every piece of a quote over several paragraphs one speaker and links the pieces', () => {
		const text = '“We are ready to talk,” Tom Brandt said. “We have been ready for months.\n\n“Nobody asked us.”';
		const items = quotesOf(text).items;
		expect(items.map((q) => [q.text, q.speaker, q.continues])).toEqual([
			['We are ready to talk,', 'Tom Brandt', null],
			['We have been ready for months.', 'Tom Brandt', null],
			['Nobody asked us.', 'Tom Brandt', 'q2']
		]);
	});

	test('resolves "the official said" to the anonymous official quoted earlier', () => {
		const text = '“We see no progress,” a senior EU official said.\n\n“None at all,” the official said later in the day.';
		const items = quotesOf(text).items;
		expect(items.map((q) => [q.speaker, q.named, q.role])).toEqual([
			[null, false, 'senior EU official'],
			[null, false, 'senior EU official']
		]);
	});
});

describe('listed actors', () => {
	test('a speaker who shares a listed actor’s surname is not that actor', () => {
		const items = quotesOf('Petr Novak, the leader of the Civic party, spoke on Monday.\n\n“We will not give up,” Novak said.').items;
		expect(items[0]).toMatchObject({ speaker: 'Petr Novak', group: 'other' });
	});

	test('the listed actor’s surname alone still resolves to the listed actor', () => {
		expect(quotesOf('“We plan to sign the contract soon,” Novak said.').items[0]).toMatchObject({ speaker: 'Alexander Novak', group: 'russia-gov' });
	});

	test.each([
		['Turkish Foreign Minister Hakan Fidan', 'west-allies'],
		['a spokesman for the Spanish government', 'west-allies'],
		['an official in Vilnius', 'west-allies'],
		['Iran’s foreign ministry spokesman', 'other']
	])('places %s by nationality or capital', (who, group) => {
		expect(quotesOf(`“The border stays open,” ${who} said.`).items[0].group).toBe(group);
	});
});

describe('names and documents mentioned before the quote', () => {
	test('"the statement said" speaks for whoever said it in a statement', () => {
		const text = 'The Israeli military said in a statement that it had struck 40 targets.\n\n“Our forces will continue to operate,” the statement said.';
		expect(quotesOf(text).items[0].speaker).toBe('Israeli military');
	});

	test('"the statement said" speaks for whoever issued it', () => {
		expect(quotesOf('The Dutch defence ministry issued a statement on Sunday. “The drills are routine,” the statement said.').items[0]).toMatchObject({ speaker: 'Dutch defence ministry', group: 'west-allies' });
	});

	test('a family name first ("Kim Jong Un") resolves from the family name alone', () => {
		expect(quotesOf('Kim Jong Un oversaw the test. “Our deterrent is now complete,” Kim said.').items[0].speaker).toBe('Kim Jong Un');
	});

	test('a role before a comma places the name after it', () => {
		expect(quotesOf('The French president, Emmanuel Macron, struck a different tone. “Europe must defend itself,” he said.').items[0]).toMatchObject({ speaker: 'Emmanuel Macron', group: 'west-allies' });
	});

	test('the subject of a verb before a name is not its role', () => {
		expect(quotesOf('North Korean state media said Kim Jong Un had overseen the test. “It is complete,” Kim was quoted as saying.').items[0].group).not.toBe('media-outlet');
	});
});

describe('who "he" is, and texts as speakers', () => {
	test('"he" after a sentence that opens with another name is that name, not the paragraph’s first speaker', () => {
		const text = 'Kremlin spokesman Dmitry Peskov said Russia had developed immunity to sanctions. Dmitry Medvedev, deputy chairman of the Security Council, was blunter. “Washington has dropped the mask,” he wrote on Telegram.';
		expect(quotesOf(text).items[0].speaker).toBe('Dmitry Medvedev');
	});

	test('a participle after "before" takes the sentence’s subject', () => {
		expect(firstSpeaker('Chancellor Karl Weber spoke in German at a forum, before adding in English: “Europe will pay for its own security.”')?.speaker).toBe('Karl Weber');
	});

	test('a joint declaration speaks for itself', () => {
		expect(quotesOf('The leaders ended the summit with a joint declaration that criticised “indiscriminate” tariff increases.').items[0]).toMatchObject({ speaker: 'joint declaration', group: 'joint-statement' });
	});
});

describe('anonymous sources', () => {
	test.each([
		['a senior official', '“The talks are over,” a senior Japanese official said.', 'senior Japanese official'],
		['sources', '“The talks are over,” sources told the newspaper.', 'sources'],
		['diplomats', 'Diplomats say “the talks are over and nobody will restart them”.', 'Diplomats'],
		['people familiar', '“The talks are over,” two people familiar with the matter said.', 'people familiar with the matter']
	])('marks %s as unnamed and keeps the role', (_, text, role) => {
		const q = quotesOf(text).items[0];
		expect([q.speaker, q.named, q.actorId]).toEqual([null, false, null]);
		expect(q.role).toContain(role.split(' ')[0]);
	});
});

describe('scare quotes and speech', () => {
	test.each([
		['a term with no cue', 'Moscow calls the war a so-called “special military operation” in its media.'],
		['a phrase in a headline-like line', 'Leaders vow to resist ‘hostile’ pressure from abroad'],
		['a short label mid-sentence', 'The two sides described their “no limits” partnership in detail at the summit.']
	])('marks %s as a scare quote without a speaker', (_, text) => {
		const q = quotesOf(text).items[0];
		expect([q.kind, q.speaker, q.attribution]).toEqual(['scare', null, 'none']);
	});

	test('keeps a short quote with a reporting cue as speech', () => {
		const q = quotesOf('Tom Brandt said the plan was “unworkable”.').items[0];
		expect([q.kind, q.speaker]).toEqual(['speech', 'Tom Brandt']);
	});

	test('gives a nested quote the outer speaker', () => {
		const items = quotesOf('“The soldiers told us ‘we will never leave this place’ and they meant it,” Maria Lopez said.').items;
		expect(items.map((q) => [q.depth, q.kind, q.speaker])).toEqual([
			[0, 'speech', 'Maria Lopez'],
			[1, 'speech', 'Maria Lopez']
		]);
	});

	test('marks a short term nested in a quote as a scare quote', () => {
		const items = quotesOf('“They call it a ‘special operation’ but it is a war,” Maria Lopez said.').items;
		expect(items.map((q) => [q.depth, q.kind])).toEqual([
			[0, 'speech'],
			[1, 'scare']
		]);
	});
});

describe('indirect speech', () => {
	test('a fronted setting with no verb is not a reported clause', () => {
		expect(quotesOf('In a statement, the Pentagon said: “The drills are routine.”').indirect).toEqual([]);
	});

	test.each([
		['X said clause', 'Tom Brandt said the talks had been warm and productive.', 'Tom Brandt', 'the talks had been warm and productive'],
		['X said that clause', 'The ministry said on Monday that the border would reopen next week.', 'ministry', 'the border would reopen next week'],
		['according to X, clause', 'According to the Red Cross, supplies are running low in the city.', 'Red Cross', 'supplies are running low in the city'],
		['clause, X said', 'The border will reopen next week, the ministry said.', 'ministry', 'The border will reopen next week']
	])('finds %s', (_, text, speaker, clause) => {
		const x = quotesOf(text).indirect[0];
		expect(x.text).toBe(clause);
		expect(x.speaker ?? x.role).toContain(speaker);
	});

	test('keeps the anonymous role of an indirect source', () => {
		const x = quotesOf('Officials in Berlin said the package would pass before the summer.').indirect[0];
		expect([x.speaker, x.named]).toEqual([null, false]);
	});

	test('ignores verbs whose subject cannot speak', () => {
		expect(quotesOf('The visit suggests that the two sides are closer than before.').indirect).toEqual([]);
	});

	test('ignores passive cues with no speaker', () => {
		expect(quotesOf('It is believed that the figure is much higher than reported.').indirect).toEqual([]);
	});
});

describe('speakers named together', () => {
	// Rule: names joined by "and" are one joint actor, named by its members ("Anna Weiss and Tom Brandt"), not the first of them.
	test.each([
		['X and Y said after', '“We will work together on this,” Anna Weiss and Tom Brandt said after the meeting.'],
		['X and Y said before', 'Anna Weiss and Tom Brandt said the plan was “ready to go”.'],
		['X and Y as the clause subject', 'Anna Weiss and Tom Brandt signed the deal and said it was “a fresh start”.']
	])('makes one joint speaker of %s', (_, text) => {
		const q = quotesOf(text).items[0];
		expect([q.speaker, q.actorId, q.named, q.speakerKind]).toEqual(['Anna Weiss and Tom Brandt', 'anna-weiss+tom-brandt', true, 'person']);
	});

	test('resolves "they said" to names joined earlier in the sentence', () => {
		const q = quotesOf('Anna Weiss and Tom Brandt promised to fight what they said was “a cynical plan” by the council.').items[0];
		expect([q.speaker, q.attribution]).toEqual(['Anna Weiss and Tom Brandt', 'pronoun']);
	});

	test('resolves a later "they added" to the joint speaker', () => {
		const text = '“We will work together on this,” Anna Weiss and Tom Brandt said.\n\n“Nobody will stop us now,” they added.';
		expect(quotesOf(text).items.map((q) => q.speaker)).toEqual(['Anna Weiss and Tom Brandt', 'Anna Weiss and Tom Brandt']);
	});

	test('keeps "the two leaders" as written when no pair spoke before', () => {
		const q = quotesOf('The two leaders called each other “true partners” at the dinner.').items[0];
		expect([q.speaker, q.named, q.speakerKind]).toEqual(['the two leaders', true, 'person']);
	});

	test('does not join a name to a place in "between X and Y"', () => {
		expect(quotesOf('“Trade between Poland and Spain is growing,” Anna Weiss said.').items[0].speaker).toBe('Anna Weiss');
	});
});

describe('pronouns', () => {
	test('resolves "he said" to a person named in an earlier paragraph when no one has spoken yet', () => {
		const text = 'Tom Brandt arrived in the capital on Thursday for two days of talks.\n\n“We are here to listen,” he said.';
		expect(quotesOf(text).items[0].speaker).toBe('Tom Brandt');
	});

	test('does not take a weekday or a city for the person "he" means', () => {
		const text = 'The talks opened in Vienna on Thursday after a long delay.\n\n“We are here to listen,” he said.';
		expect(quotesOf(text).items[0].speaker).toBeNull();
	});

	test('skips a speaker marked as a man when resolving "she"', () => {
		const text =
			'Union spokeswoman Lena Park spoke first at the rally.\n\n“We will strike next week,” union spokesman Tom Brandt said.\n\n“The members have voted,” she added.';
		expect(quotesOf(text).items.map((q) => q.speaker)).toEqual(['Tom Brandt', 'Lena Park']);
	});

	test('resolves "what he called" before a noun as speech of the person described', () => {
		const text = 'Tom Brandt could not attend the meeting.\n\nIn a letter, the union leader Tom Brandt thanked the staff for what he called their “tireless” work.';
		const q = quotesOf(text).items[0];
		expect([q.kind, q.speaker]).toEqual(['speech', 'Tom Brandt']);
	});
});

describe('speakers across a paragraph break', () => {
	test('takes the speaker from a paragraph that ends with a colon', () => {
		const text = 'Union leader Tom Brandt told the crowd on Saturday:\n\n“We will not go back to work until the contract is signed and the pay rise is paid.”';
		expect(quotesOf(text).items[0]).toMatchObject({ speaker: 'Tom Brandt', attribution: 'cue' });
	});

	test('gives a quote standing alone the speaker of reported speech just before it', () => {
		const text = 'Tom Brandt said the union would vote on the offer next week.\n\n“Nobody should expect a quick answer from us.”';
		expect(quotesOf(text).items[0]).toMatchObject({ speaker: 'Tom Brandt', attribution: 'continuation' });
	});
});

describe('speaker kind', () => {
	test.each([
		['a person', '“We will not back down,” Maria Lopez said on Tuesday.', 'person'],
		['an organisation', '“The border remains closed,” the Interior Ministry said in a statement.', 'organisation'],
		['an anonymous source', '“The talks are over,” a senior official said.', 'anonymous'],
		['anonymous sources in the plural', '“The talks are over,” diplomats said on Monday.', 'anonymous'],
		['a document', '“Both sides will deepen their cooperation,” the joint statement said.', 'document'],
		['an unresolved pronoun', '“The talks are over,” he said.', 'unknown']
	])('marks %s', (_, text, kind) => {
		expect(quotesOf(text).items[0].speakerKind).toBe(kind);
	});

	test('marks a scare quote as having no known speaker', () => {
		expect(quotesOf('The two sides described their “no limits” partnership in detail at the summit.').items[0].speakerKind).toBe('unknown');
	});

	test('marks the speaker of indirect speech', () => {
		expect(quotesOf('Diplomats said the meeting would take place next month.').indirect[0]).toMatchObject({ speaker: null, named: false, speakerKind: 'anonymous' });
	});
});

describe('institutional speakers named indirectly', () => {
	test.each([
		['an acronym in apposition names the body', 'The UN refugee agency, UNHCR, said in a statement that transfers must be reviewed by a court.', 'UN refugee agency (UNHCR)'],
		['figures speak for whoever compiled them', 'Traffic through the canal is at half its 2023 level, according to UN estimates.', 'UN'],
		['a movement speaks as one body', 'Yemen’s Houthi movement said on Sunday that it had attacked a bulk carrier.', 'Yemen’s Houthi movement']
	])('%s', (_, text, speaker) => {
		expect(quotesOf(text).indirect[0]?.speaker).toBe(speaker);
	});

	test('a nationality is no acronym: "the embassy, US, said" is not a body called "US"', () => {
		expect(quotesOf('The ministry, US, said the talks would resume.').indirect[0]?.speaker).not.toBe('US');
	});
});

test('"the statement said" after a fronted "In a statement, X said" is X\'s', () => {
	const items = quotesOf('In a statement, the ministry of health said it had no record of the cases. “We are checking every hospital,” the statement said.').items;
	expect(items[0].role ?? items[0].speaker).toMatch(/ministry of health/i);
});

describe('quotes inside reported speech', () => {
	firstQuoteSpeakers([
		['a weak verb of the clause is not the cue', 'Trade commissioner Anna Berg said the bloc would not accept “a chokehold used as a weapon”.', 'Anna Berg'],
		['a hypothetical verb of the clause is not the cue', 'Government spokesman Karl Weber said Berlin would not comment on „the usual threats“ from Moscow.', 'Karl Weber'],
		['a relay after the whole clause keeps the reported speaker', 'President Li Wei told a study session that the country must “firmly grasp” the initiative, the state news agency reported.', 'Li Wei'],
		['an aside on the subject belongs to the subject', 'Vice-President Sara Cruz, who has called her father’s arrest a “kidnapping”, said the court was biased.', 'Sara Cruz']
	]);

	test('a named speaker of a nested report keeps the quote ("X said Y had called it “…”")', () => {
		expect(quotesOf('Dmitry Peskov said Volodymyr Zelensky had called the plan “absurd”.').items[0]?.speaker).toBe('Volodymyr Zelensky');
	});

	firstQuoteSpeakers([
		['tabloid speech verbs are cues: raged', '“The party is over,” Donald Trump raged on Truth Social.', 'Donald Trump'],
		['tabloid speech verbs are cues: fumed', '“Families will pay for this chaos,” fumed Senator Elizabeth Warren.', 'Elizabeth Warren'],
		['tabloid speech verbs are cues: gloated that', 'Union boss Dave Conroy gloated that the union would ‘shut the network down’ within a week.', 'Dave Conroy'],
		['tabloid speech verbs are cues: whined that', 'Activist Freya Lund whined that she had ‘no choice’ but to break the law.', 'Freya Lund'],
		['tabloid speech verbs are cues: lectured', 'Board chair Denise Albright lectured parents that the lessons were “age-appropriate” and lawful.', 'Denise Albright']
	]);

	test('a quote with no cue right after a sentence of reported speech goes on with its speaker', () => {
		const items = quotesOf('Shop owner Ana Ruiz says she has been robbed six times since January. “They walk in, fill their bags and walk out laughing.”').items;
		expect(items[0]?.speaker).toBe('Ana Ruiz');
		expect(items[0]?.attribution).toBe('continuation');
	});

	test('…but not when another sentence stands between', () => {
		const items = quotesOf('The minister said the talks had failed. Analysts were not surprised. “It was always going to end this way.”').items;
		expect(items[0]?.speaker).toBeNull();
	});

	test('"told us" takes the pronoun as its whole object, so the clause after it is reported speech', () => {
		const r = quotesOf('Rancher Dale Whitcomb told us his fences had been cut four times since March.');
		expect(r.indirect.map((x) => x.text)).toEqual(['his fences had been cut four times since March']);
		expect(r.indirect[0]?.speaker).toBe('Dale Whitcomb');
	});
});

describe('relayed words and wire datelines', () => {
	firstQuoteSpeakers([
		['an object pronoun', 'Alexander Lukashenko met a US delegation on Thursday. “We are not afraid of them,” BelTA quoted him as saying.', 'Alexander Lukashenko'],
		['a participle instead of "as saying"', 'The state agency also quoted Kim Jong Un calling the exercise a “reckless war rehearsal”.', 'Kim Jong Un'],
		['an apposition naming the relayed person', 'Xinhua cited a command spokesman, Senior Colonel Shi Yi, as saying the drills tested the ability to “seize comprehensive control” of the seas.', 'Shi Yi'],
		['a dateline before the subject', 'BEIJING (Reuters) — China’s Ministry of Commerce on Friday vowed “resolute countermeasures” against new US curbs.', 'Ministry of Commerce'],
		['a dateline with a date', 'BEIJING, Oct 10 (Xinhua) — China’s Ministry of Commerce on Friday vowed “resolute countermeasures” against new US curbs.', 'Ministry of Commerce'],
		['an object and "to" between a directive verb and the quote', 'The African Union on Monday urged Ethiopia and Eritrea to “step back from the brink”.', 'African Union'],
		['a Korean given name with a long hyphenated syllable', 'Opposition lawmaker Park Soo-young called the trial a “witch hunt”.', 'Park Soo-young']
	]);
});

describe('acronyms', () => {
	test.each([
		['defined in brackets', 'The Armed Forces of the Philippines (AFP) said two ships were rammed. “This was deliberate,” the AFP said.', 'Armed Forces of the Philippines'],
		['from the initials of a name met before', 'South Korea’s Joint Chiefs of Staff said the missile flew 1,100 km. “Our military maintains full readiness,” the JCS said.', 'Joint Chiefs of Staff'],
		['over hyphenated parts', 'The army’s media wing, Inter-Services Public Relations, reported shelling. The ISPR called it “a cowardly act”.', 'Inter-Services Public Relations']
	])('an acronym %s names the body in full', (_, text, full) => {
		expect(quotesOf(text).items[0]?.speaker).toContain(full);
	});

	test('an acronym and its full name are one actor', () => {
		const r = quotesOf('The Rapid Support Forces said they took the city. “We liberated it,” the RSF said. “We will hold it,” the Rapid Support Forces added.');
		expect(new Set(r.items.map((q) => q.actorId)).size).toBe(1);
	});

	test('"quoted him calling" relays the man named before', () => {
		expect(quotesOf('Kim Jong Un oversaw the launch. The state agency also quoted him calling the exercise a “reckless war rehearsal”.').items[0]?.speaker).toBe('Kim Jong Un');
	});
});

describe('reported clauses', () => {
	const clauseOf = (text: string) => {
		const x = quotesOf(text).indirect[0];
		return x ? { speaker: x.speaker, role: x.role, clause: text.slice(x.start, x.end) } : null;
	};

	test('an acronym in brackets between the name and the verb', () => {
		expect(clauseOf('The Kenya National Commission on Human Rights (KNCHR) said at least eight people had been killed.')?.clause).toBe('at least eight people had been killed');
	});

	test('a subject with commas inside ("Sudan, South Sudan and Chad")', () => {
		expect(clauseOf('The World Health Organization said on Tuesday that cholera cases in Sudan, South Sudan and Chad had risen by about 30 percent.')?.clause).toBe(
			'cholera cases in Sudan, South Sudan and Chad had risen by about 30 percent'
		);
	});

	test.each([
		['a figure that', 'The defence ministry said air defences had destroyed 62 drones, a figure that could not be independently verified.', 'air defences had destroyed 62 drones'],
		['the first … in', 'The Houthi movement said on Wednesday it had attacked a bulk carrier, the first claimed strike on shipping in four months.', 'it had attacked a bulk carrier']
	])('the narrator’s aside after the clause (%s) is not reported', (_, text, clause) => {
		expect(clauseOf(text)?.clause).toBe(clause);
	});

	test.each([
		['Analysts at Goldman Sachs said in a note that the market could see a surplus.', 'Analysts at Goldman Sachs'],
		['Some villagers in Batken said they feared losing their pastures.', 'villagers in Batken'],
		['Rescuers in Mandalay believe dozens remain trapped.', 'Rescuers in Mandalay']
	])('people described by where they are or work stay anonymous: %s', (text, role) => {
		expect(clauseOf(text)).toMatchObject({ speaker: null, role });
	});
});

describe('a body named by its kind', () => {
	test('"the company said" is the company that spoke last, not a state agency', () => {
		const r = quotesOf('The Tanker Shipping Company said its ships would avoid the Red Sea “for the foreseeable future”. The UK Maritime Trade Operations agency said a vessel was hit. “Security remains too uncertain,” the company said.');
		expect(r.items.map((q) => q.speaker)).toEqual(['Tanker Shipping Company', 'Tanker Shipping Company']);
	});

	test('"the group said" is the armed group that spoke last', () => {
		const r = quotesOf('The Rapid Support Forces said they had taken the town. The group accused the army of using families “as human shields”.');
		expect(r.items[0]?.speaker).toBe('Rapid Support Forces');
	});
});

test.each([
	['Commerce ministry spokesperson He Yongqian said China had approved the licences and accused Brussels of “hyping up a non-issue”.', 'He Yongqian'],
	['Zhang Wei spoke first. He said the talks were over. “We are ready,” he said.', 'Zhang Wei']
])('the family name He after a role, not the pronoun: %s', (text, speaker) => {
	expect(quotesOf(text).items[0]?.speaker).toBe(speaker);
});

test('a source relaying a whole reported sentence adds no reported speech of its own ("…, Xinhua reported")', () => {
	const r = quotesOf('President Li Wei told a study session that the country must “firmly grasp” the initiative, the state news agency reported.');
	expect(r.indirect.map((x) => x.speaker)).toEqual(['Li Wei']);
});

test.each([
	['A Home Office spokesman said the deal was “starting to bite”.', 'Home Office', true],
	['A Chinese spokesman said the talks were “constructive”.', null, false]
])('an unnamed spokesperson speaks for the body named before the role: %s', (text, speaker, named) => {
	expect(quotesOf(text).items[0]).toMatchObject({ speaker, named });
});

test('a quote over three paragraphs whose cue comes in the last piece gives every piece its speaker', () => {
	const text =
		'Estonia asked for consultations on Friday after three jets entered its airspace.\n\n“This was not a mistake. Three armed jets do not get lost together over the gulf.\n\n“Russia is testing us to see how far it can go before anyone answers.\n\n“The answer has to be unity,” Prime Minister Kristen Michal told parliament.';
	expect(quotesOf(text).items.map((q) => q.speaker)).toEqual(['Kristen Michal', 'Kristen Michal', 'Kristen Michal']);
});

test('"he" after a long title before a name is the named person, not the title', () => {
	const text = 'NATO Secretary General Mark Rutte said jets had been scrambled. He said the alliance would respond “at a time of our choosing”.';
	expect(quotesOf(text).items[0]?.speaker).toBe('Mark Rutte');
});

test('an acronym in brackets before an apposition naming the speaker', () => {
	const text = 'The leader of the Republican People’s Party (CHP), Özgür Özel, called it “a coup against the ballot box”.';
	expect(quotesOf(text).items[0]?.speaker).toBe('Özgür Özel');
});

test('a scare quote inside someone’s speech is theirs: kind scare, their speaker, not counted twice', () => {
	const r = quotesOf('Dmitry Medvedev was blunter. “Washington has dropped the mask. Their ‘peace’ was always a trick,” he wrote on Telegram.');
	const inner = r.items.find((q) => q.depth > 0);
	expect(inner).toMatchObject({ kind: 'scare', speaker: 'Dmitry Medvedev' });
	expect(r.speakers.find((s) => s.name === 'Dmitry Medvedev')?.quotes).toBe(1);
});

test.each([
	['Exiled opposition leader Sviatlana Tsikhanouskaya welcomed the release but said the dictator was “trading hostages for concessions”.', 'Sviatlana Tsikhanouskaya'],
	['Prime Minister Benjamin Netanyahu’s office said the strikes had targeted gunmen. “Hamas will pay a heavy price,” the statement said.', 'Prime Minister Benjamin Netanyahu’s office']
])('%s', (text, speaker) => {
	expect(quotesOf(text).items.at(-1)?.speaker).toBe(speaker);
});

test.each([
	['The Ministry of Industry and Trade said the deal would “open new markets”.', 'Ministry of Industry and Trade'],
	['The Department of Trade and Industry said exports were “holding up”.', 'Department of Trade and Industry']
])('"and" inside a body’s name joins its fields: %s', (text, speaker) => {
	expect(quotesOf(text).items[0]?.speaker).toBe(speaker);
});

test('a name starts after the last role word of its run, and the role words place it', () => {
	const text =
		'US Trade Representative Jamieson Greer said the deal was done. Vietnam will cut tariffs, the Ministry of Industry and Trade said, calling it “balanced”.';
	const r = quotesOf(text);
	expect(r.indirect[0]).toMatchObject({ speaker: 'Jamieson Greer', group: 'us-gov' });
	// "Trade" is a word of the ministry's name, not Greer's surname.
	expect(r.items[0]?.speaker).toBe('Ministry of Industry and Trade');
});

test.each([
	['China’s Ministry of Commerce vowed “resolute countermeasures”. “The US side has weaponised export controls,” a ministry spokesperson said.', 'Ministry of Commerce'],
	// Another country's ministry is not "a Chinese ministry spokesperson".
	['Japan’s Ministry of Defence said it was watching. “We oppose this,” a Chinese ministry spokesperson said.', null]
])('an unnamed ministry spokesperson speaks for the ministry that spoke last: %s', (text, speaker) => {
	expect(quotesOf(text).items.at(-1)?.speaker ?? null).toBe(speaker);
});

test('one capitalised word with no title and no full name is a body, so "the company" can mean it', () => {
	const r = quotesOf('Maersk said it would keep routing ships around the Cape. “The Red Sea is too risky,” the company said.');
	expect(r.indirect[0]).toMatchObject({ speaker: 'Maersk', speakerKind: 'organisation' });
	expect(r.items[0]?.speaker).toBe('Maersk');
});

test('a surname alone, after the full name, is still the person', () => {
	const r = quotesOf('Sarah Klein, a shipping analyst, spoke first. Klein said the market would “wait and see”.');
	expect(r.items[0]).toMatchObject({ speaker: 'Sarah Klein', speakerKind: 'person' });
});

test('"it" in "what it called" is the body its sentence opens with', () => {
	const r = quotesOf('China’s Eastern Theater Command began drills around the island in what it called a “stern warning to separatist forces”.');
	expect(r.items[0]).toMatchObject({ speaker: 'Eastern Theater Command', group: 'china-gov' });
});

test.each([
	['German federal prosecutors said they had charged a man with spying for China.', 'German federal prosecutors', true],
	['Prosecutors in Cologne said they were investigating a group of hackers.', 'Prosecutors in Cologne', true],
	['Two prosecutors said the case against the minister was weak.', null, false]
])('prosecutors named by their country or seat are a prosecution service: %s', (text, speaker, named) => {
	expect(quotesOf(text).indirect[0]).toMatchObject({ speaker, named });
});

test('a body’s acronym before the titles is role, not name: "IAEA Director General Rafael Grossi"', () => {
	const r = quotesOf('IAEA Director General Rafael Grossi said the plant had lost power. “This is not sustainable,” Grossi told reporters.');
	expect(r.items[0]).toMatchObject({ speaker: 'Rafael Grossi', role: 'IAEA Director General' });
});

test.each([
	['Ukraine’s General Staff said its forces had struck the depot.', 'General Staff', 'organisation'],
	['Embassy staff said the building was safe.', null, 'anonymous']
])('"Staff" capitalised names a body; "staff" are people: %s', (text, speaker, speakerKind) => {
	expect(quotesOf(text).indirect[0]).toMatchObject({ speaker, speakerKind });
});

test('a name word with a letter outside ASCII after its capital ("Hạnh") stays in the name', () => {
	const text = 'Ministry spokeswoman Nguyễn Thị Hạnh told a briefing in Hanoi: “The agreement is balanced.” She added that talks would go on.';
	expect(quotesOf(text).items[0]?.speaker).toBe('Nguyễn Thị Hạnh');
});

test.each([
	['In a joint statement on Monday, Mali, Burkina Faso and Niger said they would leave the court.', 'Mali, Burkina Faso and Niger'],
	// An opening adverbial is no member of the list.
	['In Paris, Macron and Merz said the plan was solid and would hold.', 'Macron and Merz'],
	['On Monday, France, Germany and Italy said the plan was solid and would hold.', 'France, Germany and Italy']
])('a comma list of names ending in "and" speaks together: %s', (text, speaker) => {
	expect(quotesOf(text).indirect[0]?.speaker).toBe(speaker);
});

test('a country of two words speaks as its state, not as a person named by its second word', () => {
	expect(quotesOf('Burkina Faso said the plan was “fine” for now.').items[0]).toMatchObject({ speaker: 'Burkina Faso', speakerKind: 'organisation' });
});

test.each([
	['Kim Yo Jong, vice department director of the Central Committee of the Workers’ Party of Korea, said in a press statement that the drills laid bare the “sinister intention” of Washington.', 'Kim Yo Jong'],
	['RSF commander Mohamed Hamdan Dagalo said in a video address that his forces were fighting “the remnants of the old regime”.', 'Mohamed Hamdan Dagalo'],
	['“The real criminals are the insurers,” Tamsin Reid, 24, one of the four, said outside court.', 'Tamsin Reid'],
	['"He should have been locked up years ago," fumed City Councilwoman Vickie Paladino (R-Queens).', 'Vickie Paladino'],
	['Illinois Gov. JB Pritzker, who has smeared federal agents as “jackbooted thugs”, hailed the ruling.', 'JB Pritzker'],
	['Judge April Perry ruled that the administration had not shown “anything close to a rebellion” in the state.', 'April Perry']
])('%s', (text, speaker) => {
	expect(quotesOf(text).items[0]?.speaker).toBe(speaker);
});

test('"the spokesman said" with no spokesman before is the body that spoke last', () => {
	const text = 'The DPRK Ministry of National Defence said in a statement that the army would respond. “We do not make empty warnings,” the spokesman said.';
	expect(quotesOf(text).items[0]?.speaker).toBe('DPRK Ministry of National Defence');
});

test.each(['Campaigners say the true toll is probably far higher.', 'Scientists warn that the plumes could smother marine life.'])(
	'a plural people noun opening the sentence is an anonymous source, not a name: %s',
	(text) => {
		expect(quotesOf(text).indirect[0]).toMatchObject({ speaker: null, named: false });
	}
);

test('"Secretary of State Marco Rubio": a singular title opening the sentence keeps its name', () => {
	expect(quotesOf('Secretary of State Marco Rubio said the talks had gone well.').indirect[0]?.speaker).toBe('Marco Rubio');
});

test('a nationality inside a capitalised run names a body, not a role: "South China Morning Post"', () => {
	expect(quotesOf('The South China Morning Post reported that the talks had stalled over the summer.').indirect[0]?.speaker).toBe('South China Morning Post');
});

test.each([
	['A spokesman for the DPRK Ministry of National Defence said the army would “mercilessly retaliate”.', 'DPRK Ministry of National Defence'],
	['A spokesperson for the Chinese embassy in Tokyo said the remarks were “irresponsible”.', 'Chinese embassy in Tokyo'],
	// Only a body named whole: "the US mission to the UN" is not the UN.
	['A spokesperson for the US mission to the UN said Washington “supported the effort”.', null]
])('"a spokesman for" a named body speaks for the body: %s', (text, speaker) => {
	expect(quotesOf(text).items[0]?.speaker ?? null).toBe(speaker);
});

test.each([
	['Cases rose sharply this year, the Centers for Disease Control and Prevention said on Wednesday. “Vaccination works,” the agency said.', 'Centers for Disease Control and Prevention'],
	// "the French interior ministry" describes a body of its own, not the one that spoke last.
	['The Home Office said crossings had fallen this month. “Our officers stopped 34 boats,” the French interior ministry said.', 'French interior ministry']
])('a bare "the agency" is the institution that spoke last: %s', (text, speaker) => {
	expect(quotesOf(text).items.at(-1)?.speaker).toBe(speaker);
});

test('"the company said" is not resolved to a quantified phrase inside a quote ("every company")', () => {
	const text =
		'Commissioner Teresa Ribera said the rules were clear. “The rules apply to every company that operates in Europe,” she said.\n\nApple said it would appeal. “The Commission is punishing us,” the company said in a statement.';
	expect(quotesOf(text).items.at(-1)?.speaker).toBe('Apple');
});

test('a clause after the quote opened by "after" has its own speaker: the cue before the quote wins', () => {
	const text = 'Prime Minister Donald Tusk accused Belarus of “weaponising migrants” after border guards reported nearly 300 attempts.';
	expect(quotesOf(text).items[0]?.speaker).toBe('Donald Tusk');
});

test('a cue after a dash following the quote belongs to the aside, not the quote', () => {
	const text = 'Rep. Delia Ramirez called the agents “masked thugs” — a smear the Department of Homeland Security said put officers at risk.';
	expect(quotesOf(text).items[0]?.speaker).toBe('Delia Ramirez');
});

test('"the regional government" is a body, not a person whose title holds "government"', () => {
	const text =
		'Elijan Anayat, a spokesperson for the regional government, said the claims were “the lie of the century”.\n\nThe regional government said all trainees had graduated by 2019. “The centres are closed,” the regional government said.';
	expect(quotesOf(text).items.at(-1)?.speaker).not.toBe('Elijan Anayat');
});

test.each([
	['The IDF said the men had approached the fence.', 'Israel Defense Forces (IDF)', 'other'],
	['The CDC said three people had died of measles this year.', 'Centers for Disease Control and Prevention (CDC)', 'us-gov'],
	['The PLA said the drills around the island were routine.', 'People’s Liberation Army (PLA)'.replace('’', "'"), 'china-gov']
])('a body news names by acronym is shown by its full name and placed by its country: %s', (text, speaker, group) => {
	expect(quotesOf(text).indirect[0]).toMatchObject({ speaker, group });
});

test('an acronym the article defines wins over the gazetteer', () => {
	const text = 'The Independent Development Fund (IDF) said the grants had run out. The IDF said it would ask for more money.';
	expect(quotesOf(text).indirect.map((q) => q.speaker)).toEqual(['Independent Development Fund', 'Independent Development Fund']);
});

test.each([
	['Brazil’s COP30 president, André Corrêa do Lago, told delegates that a deal was “within reach”.', 'André Corrêa do Lago'],
	['“We will win,” said Luiz Inácio Lula da Silva.', 'Luiz Inácio Lula da Silva'],
	['European Commission President Ursula von der Leyen said the deal was “balanced”.', 'Ursula von der Leyen'],
	['RSF commander Mohamed Hamdan Dagalo, known as Hemedti, said in a video address that his forces were fighting “the remnants of the old regime”.', 'Mohamed Hamdan Dagalo']
])('name particles and irregular participles in appositions: %s', (text, speaker) => {
	expect(quotesOf(text).items[0]?.speaker).toBe(speaker);
});

test.each([
	['Umm Khaled al-Najjar said her nephews had been killed. "Then why are we still burying children?" the 41-year-old said.', 'Umm Khaled al-Najjar'],
	['Defence Minister Boris Pistorius warned of a long confrontation. „Russia is rearming at a pace that leaves us no choice,“ the SPD politician said.', 'Boris Pistorius'],
	['Asked about the euro, Christine Lagarde smiled. Later, the former French finance minister said: "We do not target the exchange rate."', 'Christine Lagarde']
])('a person described by an age or a role not used before is the person the paragraph is about: %s', (text, speaker) => {
	expect(quotesOf(text).items.at(-1)?.speaker).toBe(speaker);
});

test.each([
	['Greenland’s prime minister, Jens-Frederik Nielsen, said the island was “not for sale”.', 'Jens-Frederik Nielsen'],
	['Cambodia’s defence ministry spokeswoman, Lieutenant General Maly Socheata, said Thai forces had “trampled” the deal.', 'Maly Socheata'],
	['Qatar’s foreign ministry spokesman, Majed al-Ansari, said mediators were “in contact” with both sides.', 'Majed al-Ansari'],
	['Senator Bill Cassidy, a Louisiana Republican who chairs the Senate health committee, said the panel had “lost its way”.', 'Bill Cassidy'],
	['Commerce and Industry Minister Piyush Goyal said India would “not accept” the deal.', 'Piyush Goyal'],
	['Conservative MPs are uneasy. One, who asked not to be named, said: ‘We are chasing Reform down a rabbit hole.’', null]
])('appositions with titles, hyphens and particles; "and" inside a title; a number is no name: %s', (text, speaker) => {
	expect(quotesOf(text).items[0]?.speaker ?? null).toBe(speaker);
});

test.each([
	['South Korean President Lee Jae-myung met Sanae Takaichi in Tokyo. “We cannot choose our neighbours,” Lee said.', 'Lee Jae-myung'],
	['Taiwan President Lai Ching-te visited the academy. “Peace is built on strength,” Lai said.', 'Lai Ching-te']
])('a surname alone finds a full name with a hyphenated given name: %s', (text, speaker) => {
	expect(quotesOf(text).items[0]?.speaker).toBe(speaker);
});

test('"the diplomat said" right after Maria Zakharova spoke in the paragraph is her', () => {
	const text =
		'Foreign Ministry Spokeswoman Maria Zakharova told a briefing that Europe was preparing "for a big war with Russia". "Nobody believes them," the diplomat said.';
	expect(quotesOf(text).items.at(-1)?.speaker).toBe('Maria Zakharova');
});

test('a place after "in" is not harvested as a person for "the 41-year-old"', () => {
	const text = 'Umm Khaled al-Najjar lives in Khan Younis. "Then why are we still burying children?" the 41-year-old said.';
	expect(quotesOf(text).items[0]?.speaker).toBe('Umm Khaled al-Najjar');
});

test('"the Bank said" after the Bank of England spoke is the Bank of England', () => {
	const text = 'Inflation had fallen to 3.8 per cent, the Bank of England said on Thursday. Inflation would fall further by the summer, the Bank said.';
	expect(quotesOf(text).indirect.map((q) => q.speaker)).toEqual(['Bank of England', 'Bank of England']);
});

test('"she said" at the end of a quote over two paragraphs is the person the first paragraph is about', () => {
	const text =
		'Fayval Williams said aid was on its way. “The ports are open,” she said.\n\nIn Westmoreland, Marcia Brown, 63, stood where her kitchen used to be. "The roof went first, then the walls.\n\n"Two weeks later, we are still waiting for someone to come and see," she said.';
	expect(quotesOf(text).items.slice(-2).map((q) => q.speaker)).toEqual(['Marcia Brown', 'Marcia Brown']);
});

test('"the head of the IAEA" is the person the text names with the IAEA in their title, even later', () => {
	const text =
		'The plant lost power again, the head of the IAEA said, warning that the situation was “extremely fragile”.\n\nIAEA Director General Rafael Grossi said diesel generators were running.';
	expect(quotesOf(text).items[0]?.speaker).toBe('Rafael Grossi');
});
