import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/lib/nlp/analyze';
import { emptyLoaded } from '../../../src/lib/nlp/loaded';
import { emptyQuotes } from '../../../src/lib/nlp/quotes';
import { hitTexts, loadedOf, parseMarked, quoteOver, quotesOf } from './loaded.helpers';

/** A table of sentences and the loaded terms each should (or should not) flag. */
const minimalPairs = (cases: [string, string[]][]) =>
	test.each(cases)('%s → %j', (text, expected) => {
		expect(hitTexts(text)).toEqual(expected);
	});

const FIXTURES = join(__dirname, 'fixtures');

describe('minimal pairs', () => {
	minimalPairs([
		['The regime crushed the protests.', ['regime', 'crushed']],
		['The government dispersed the protests.', []],
		['Critics slammed the plan.', ['slammed']],
		['Critics criticised the plan.', []],
		['The strongman clung to power.', ['strongman']],
		['The president remained in office.', []],
		['The puppet regime held a sham vote.', ['puppet regime', 'sham']],
		['The government held a vote.', []]
	]);
});

describe('matching', () => {
	test.each([['slam'], ['slams'], ['slammed'], ['slamming']])('inflection "%s" matches the entry through its lemma', (form) => {
		const hits = loadedOf(`Opponents ${form} the decision.`).hits;
		expect(hits.map((h) => h.entry)).toEqual(['slam']);
	});

	test('the longest phrase wins over a shorter term inside it', () => {
		const hits = loadedOf('Officials met the puppet regime in the east.').hits;
		expect(hits.map((h) => [h.text, h.entry])).toEqual([['puppet regime', 'puppet-regime']]);
	});

	test.each([
		['NATO is flooding Ukraine with weapons.', ['flooding Ukraine with weapons']],
		['They flooded the eastern front lines with weapons.', ['flooded the eastern front lines with weapons']],
		['They flooded the long and busy eastern front lines with weapons.', []]
	])('a gap in a phrase spans one to four words: %s', (text, expected) => {
		expect(hitTexts(text)).toEqual(expected);
	});

	test('a multiword phrase matches across inflections of its head', () => {
		expect(hitTexts('The minister lashed out at reporters.')).toEqual(['lashed out']);
	});

	test.each([['heavy-handed'], ['heavy handed'], ['heavyhanded']])('"%s" matches the hyphenated entry however it is written', (spelling) => {
		expect(loadedOf(`A ${spelling} response followed.`).hits.map((h) => h.entry)).toEqual(['heavy-handed']);
	});

	test('a title-case headline verb tagged as a proper noun still matches', () => {
		expect(hitTexts('Xi Slams US Warnings')).toEqual(['Slams']);
	});

	test('every hit slices its own text out of the input', () => {
		const text = 'The regime’s thugs brutally crushed the protests, and the so-called government lashed out.';
		for (const h of loadedOf(text).hits) expect(text.slice(h.start, h.end)).toBe(h.text);
	});
});

describe('context rules', () => {
	test.each([
		['The EU extended its sanctions regime against Russia.'],
		['Ministers reviewed the visa-free regime for diplomats.'],
		['The new tax regime takes effect in January.'],
		['The export control regime covers chips.']
	])('"regime" as a system of rules is not loaded: %s', (text) => {
		expect(hitTexts(text)).toEqual([]);
	});

	test.each([
		['The striker led the attack in the second half of the match.', []],
		['Rebels attacked an army convoy near the border.', []],
		['Opposition leaders attacked the budget plan.', ['attacked']]
	])('"attack" counts only as criticism, not in sport or war: %s', (text, expected) => {
		expect(hitTexts(text)).toEqual(expected);
	});

	test.each([
		['The response was utterly cynical.', ['utterly', 'cynical']],
		['The tradition is deeply rooted.', []],
		['The talks were extremely productive.', []]
	])('an intensifier counts only before an evaluative word: %s', (text, expected) => {
		expect(hitTexts(text)).toEqual(expected);
	});

	test('"invasion" is loaded for migrants but not for troops', () => {
		expect(hitTexts('He warned of an invasion of migrants at the border.')).toEqual(['invasion']);
		expect(hitTexts('Russia launched its invasion of Ukraine in 2022.')).toEqual([]);
	});

	test.each([
		['This is not a regime.', true],
		['Police did not brutally crush the march.', true],
		['Police brutally crushed the march.', false]
	])('negation is noted on the hit and the hit still counts: %s', (text, isNegated) => {
		const hits = loadedOf(text).hits;
		expect(hits.length).toBeGreaterThan(0);
		expect(hits.every((h) => h.isNegated === isNegated)).toBe(true);
	});
});

describe('voices', () => {
	const text = 'The regime fell. “Those thugs must go,” the minister said.';

	test('a hit inside a speech quote is quoted, with the quote id', () => {
		const hits = loadedOf(text, quotesOf([quoteOver(text, 'Those thugs must go,', 'speech', 'q7')])).hits;
		expect(hits.map((h) => [h.text, h.inQuote, h.quoteId])).toEqual([
			['regime', false, null],
			['thugs', true, 'q7']
		]);
	});

	test('a hit inside a scare quote stays in the outlet’s voice', () => {
		const hits = loadedOf(text, quotesOf([quoteOver(text, 'Those thugs must go,', 'scare')])).hits;
		expect(hits.every((h) => !h.inQuote)).toBe(true);
	});

	test('a euphemism in scare quotes is the outlet refusing the term, not using it', () => {
		const t = 'Moscow calls the war a “special military operation”.';
		expect(loadedOf(t, quotesOf([quoteOver(t, 'special military operation', 'scare')])).hits).toEqual([]);
	});

	test('narrator and quoted rates divide by the words in each voice', () => {
		const quote = quoteOver(text, 'Those thugs must go,', 'speech');
		const section = loadedOf(text, quotesOf([quote]));
		// 10 body words, 4 of them quoted: one hit in each voice.
		expect([section.per1000, section.narratorPer1000, section.quotedPer1000]).toEqual([200, 166.667, 250]);
		expect([section.narratorHits, section.quotedHits]).toEqual([1, 1]);
	});
});

describe('metrics', () => {
	test('weighted sums strengths per 1,000 words, and byCategory counts each category', () => {
		const section = loadedOf('The thugs slammed the plan.');
		expect(section.weighted).toBe(1000);
		expect(section.byCategory).toEqual({ emotive: { count: 1, per1000: 200 }, 'pejorative-label': { count: 1, per1000: 200 } });
	});

	test('topTerms counts repeated entries, most frequent first', () => {
		const section = loadedOf('The regime said the regime would slam critics.');
		expect(section.topTerms.map((t) => [t.entry, t.count, t.alternative])).toEqual([
			['regime', 2, 'government'],
			['slam', 1, 'criticise']
		]);
	});

	test('a text without loaded words scores zero everywhere', () => {
		expect(loadedOf('The ministers met in Geneva on Tuesday.')).toEqual(emptyLoaded());
	});

	test('analyze fills the loaded section for a scored article', () => {
		const text = 'Xi and Putin toast their unholy alliance\n\nThe two leaders met in Beijing on Thursday and signed a statement on closer ties between their countries, which critics slammed.';
		const record = analyze({ id: 'a', text });
		expect(record.loaded.hits.map((h) => h.text)).toEqual(['unholy alliance', 'slammed']);
	});

	test('an empty quotes section leaves every hit in the narrator voice', () => {
		expect(loadedOf('The regime fell.', emptyQuotes()).narratorHits).toBe(1);
	});
});

describe('quality', () => {
	test('neutral wire copy has at most one false hit per 1,000 words', () => {
		const text = readFileSync(join(FIXTURES, 'loaded-neutral-wire.txt'), 'utf8');
		const record = analyze({ id: 'wire', text });
		expect(record.wordCount).toBeGreaterThan(1000);
		expect(record.loaded.per1000).toBeLessThanOrEqual(1);
	});

	test('own annotated passages reach recall 0.7 and precision 0.6', () => {
		const passages = readFileSync(join(FIXTURES, 'loaded-passages.txt'), 'utf8')
			.split(/\n\s*\n/)
			.map((p) => p.replace(/^%.*$/gm, '').trim())
			.filter(Boolean)
			.map(parseMarked);
		let tp = 0;
		let predicted = 0;
		let found = 0;
		let gold = 0;
		for (const { text, gold: spans } of passages) {
			const hits = loadedOf(text).hits;
			const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
			predicted += hits.length;
			tp += hits.filter((h) => spans.some((g) => overlaps(h, g))).length;
			gold += spans.length;
			found += spans.filter((g) => hits.some((h) => overlaps(h, g))).length;
		}
		expect(found / gold).toBeGreaterThanOrEqual(0.7);
		expect(tp / predicted).toBeGreaterThanOrEqual(0.6);
	});
});

test('a loaded term in scare quotes counts in the total but not in the outlet’s own voice', () => {
	const text = 'Protesters marched against the “brutal regime” in the capital on Monday.';
	const r = analyze({ id: 'scare', text });
	const hit = r.loaded.hits.find((h) => h.text === 'regime');
	expect(r.quotes.items.map((q) => q.kind)).toEqual(['scare']);
	expect(hit?.inScareQuote).toBe(true);
	expect(hit?.inQuote).toBe(false);
	expect(r.loaded.narratorHits).toBe(0);
	expect(r.loaded.per1000).toBeGreaterThan(0);
});

test.each([
	['Troops neutralised three fighters near the border.', 'neutralised'],
	['The government weaponised the courts against its rivals.', 'weaponised']
])('a participle wink leaves unreduced or tags as a noun still matches its verb entry: %s', (text, word) => {
	expect(analyze({ id: 'p', text }).loaded.hits.map((h) => h.text)).toContain(word);
});

describe('context rules on added entries (minimal pairs)', () => {
	minimalPairs([
		['Battered by sanctions, the economy shrank.', ['Battered']],
		['Storms battered the coast on Tuesday.', []],
		['The campaign sought to sow fear among voters.', ['sow']],
		['Farmers sow wheat in the autumn.', []],
		['The minister accused rivals of trying to fan tensions.', ['fan']],
		['A fan was installed in the plant.', []],
		['Critics called the pledge a hollow promise.', ['hollow']],
		['The hollow steel pipe was replaced.', []],
		['The CIA used rendition to move terror suspects to secret prisons.', ['rendition']],
		['A choir gave a rendition of the national anthem.', []],
		['Moscow said the new regions of Russia would hold elections.', ['new regions']],
		['The company opened offices in new regions of Asia.', []],
		['The war caused untold suffering.', ['untold']],
		['The untold story of the expedition was published.', []],
		['Beijing called them illegal sanctions.', ['illegal']],
		['Police seized illegal drugs.', []]
	]);
});

describe('context rules on the curated gap fill (minimal pairs)', () => {
	minimalPairs([
		['Critics say the dictatorship jails its opponents.', ['dictatorship']],
		['Chile returned to democracy after the dictatorship ended.', []],
		['Police called the protesters hooligans.', ['hooligans']],
		['Football hooligans fought outside the stadium before the match.', []],
		['The president thundered against the West.', ['thundered']],
		['Thunder was heard across the region.', []],
		['The minister snarled at reporters.', ['snarled']],
		['The crash snarled traffic for hours.', []],
		['Soldiers butchered civilians in the square.', ['butchered']],
		['Farmers butchered the pigs for meat.', []],
		['Russian bombs flattened the city.', ['flattened']],
		['An earthquake flattened the town.', []],
		['The town was swamped by migrants, the mayor said.', ['swamped']],
		['The office was swamped by requests.', []],
		['The discovery may stir up interest among investors.', []],
		['China rejected what it called coercion.', ['coercion']],
		['The court heard the confession was obtained through coercion.', []],
		['Moscow treats the region as its backyard.', ['backyard']],
		['The family built a pool in the backyard.', []],
		['The agency ordered the liquidation of dissidents.', ['liquidation']],
		['Creditors began the liquidation of the company.', []],
		['The purge of the generals continued.', ['purge']],
		['The hospital purged old patient files.', []],
		['His shock resignation came on Monday.', ['shock']],
		['The patient was treated for shock.', []],
		['Tehran is the paymaster of the militia.', ['paymaster']],
		['The Paymaster General published the figures.', []],
		['Sanctions crippled the economy.', ['crippled']],
		['Engineers worked to cool the crippled nuclear plant.', []],
		['The plan would spell doom for farmers.', ['doom']],
		['Relatives mourned the victims of the doomed flight.', []],
		['The minister fired back at critics.', ['fired back']],
		['Troops fired back at the gunmen.', []],
		['Moscow is holding Europe to ransom over gas.', ['holding Europe to ransom']],
		['Kidnappers held the aid workers to ransom.', []],
		['The strikes are what officers call mowing the grass.', ['mowing the grass']],
		['Volunteers were mowing the grass in the park.', []],
		['Moscow called the seizure of its frozen assets theft.', ['theft']],
		['Police arrested two men over the theft of a car.', []],
		['Western vultures are circling Ukraine’s farmland.', ['vultures']],
		['Vultures circled over the carcass in the national park.', []],
		['Zelensky condemned the latest wave of Russian terror.', ['Russian terror']],
		['Officials warned of a Russian terror cell planning attacks.', []]
	]);
});

describe('context rules on the domestic-politics gap fill (minimal pairs)', () => {
	minimalPairs([
		['Critics said the agency had become toxic under his leadership.', ['toxic']],
		['Workers were exposed to toxic chemicals at the plant.', []],
		['The governor came under fire for the remarks.', ['came under fire']],
		['The convoy came under fire near the border, troops said.', []],
		['Critics called the rally a circus.', ['circus']],
		['The circus came to town on Friday.', []],
		['Senators grilled the chief executive at the hearing.', ['grilled']],
		['He grilled burgers at the barbecue.', []],
		['The party is heading for a wipeout at the election.', ['wipeout']],
		['The surfer suffered a wipeout.', []],
		['The candidate warned of a hard left takeover.', ['hard left']],
		['The driver made a hard left turn.', []],
		['The hearing was a train wreck, aides said.', ['train wreck']],
		['Passengers were hurt in the train wreck, the NTSB said.', []],
		['He denounced the con man in the White House.', ['con man']],
		['Police arrested a con man who stole from pensioners.', []],
		['Abortion opponents call it infanticide.', ['infanticide']],
		['The mother was charged with infanticide in 1990.', []],
		['The agency is bloated and wasteful.', ['bloated']],
		['The patient felt bloated after the meal.', []],
		['Rogue prosecutors are freeing criminals.', ['Rogue prosecutors']],
		['A rogue wave struck the ship.', []],
		['He pushed socialism on the country.', ['socialism']],
		['The museum covers the history of national socialism.', []],
		['The candidate called the inquiry a hoax.', ['hoax']],
		['Police said the bomb hoax caused delays.', []],
		['Allies said the vote was rigged.', ['rigged']],
		['Militants rigged the bridge with explosives.', []],
		['The senator ripped the ruling.', ['ripped']],
		['The tornado ripped through the town.', []],
		['The MSM ignored the story.', ['MSM']],
		['The clinic tested MSM for HIV.', []],
		['A fiery but mostly peaceful protest, the anchor said.', ['fiery', 'mostly peaceful']],
		['The protests were tense but mostly peaceful.', []]
	]);
});

describe('context rules that keep plain wire usage unflagged (minimal pairs)', () => {
	minimalPairs([
		['The minister accused the opposition of trying to fan the flames of hatred.', ['fan the flames', 'hatred']],
		['Strong winds fanned the flames as firefighters battled the blaze.', []],
		['Russian artillery pounded the town overnight.', ['pounded']],
		['The storm pounded the coast with heavy rain.', []],
		['Militias wreaked havoc in the villages.', ['wreaked havoc']],
		['The storm wreaked havoc on the coast.', []],
		['He is holding Ukraine hostage to get the funds released.', ['holding Ukraine hostage']],
		['Gunmen held the passengers hostage for six hours.', []],
		['The speaker called Iran a sponsor of terrorism.', ['sponsor of terrorism']],
		['Iran remains on the list of state sponsors of terrorism.', []],
		['Critics condemned the brutality of the troops.', ['brutality']],
		['Protesters marched against police brutality.', []],
		['The minister accused the West of stoking the war.', ['stoking']],
		['Low interest rates stoked inflation last year.', []],
		['He showed contempt for the voters.', ['contempt']],
		['The editor was found in contempt of court.', []],
		['The minister called the ruling unfair.', ['unfair']],
		['The regulator fined the firm for unfair competition.', []],
		['The ministry accused the West of genocide.', ['genocide']],
		['The court will hear the genocide case next year.', []],
		['The officers fought separatists in the east.', ['separatists']],
		['Special operations forces trained in the desert.', []],
		['The regime crushed the uprising within days.', ['regime', 'crushed']],
		['A worker died after being crushed by a hay baler on the farm.', []],
		['His arm was crushed in an unguarded grain auger.', []],
		['The minister called the blockade criminal.', ['criminal']],
		['Those arrested were charged with criminal trespass and released.', []],
		['Ministers hatched a scheme to raise taxes.', ['scheme']],
		['The early release scheme, introduced last year, was extended.', []]
	]);
});

describe('terms with clitics and commas are split as wink splits the text', () => {
	minimalPairs([
		['Crowds chanted let’s go Brandon outside.', ['let’s go Brandon']],
		["Critics marched against the Don't Say Gay law.", ["Don't Say Gay"]],
		['He kept shouting Russia, Russia, Russia at rallies.', ['Russia, Russia, Russia']],
		['The reform was a dog’s breakfast.', ['dog’s breakfast']]
	]);
});

describe('a match inside a hyphenated word flags the whole word', () => {
	minimalPairs([
		['Tenants say the rent-gouging machine is bigger than ever.', ['rent-gouging']],
		['The embassy called it a spy-mania show.', ['spy-mania']],
		['Prices rose 4 percent – gouging, critics said.', ['gouging']]
	]);
});

describe('a context rule written with a plural also holds for the singular', () => {
	minimalPairs([
		// far-left is only loaded before a listed noun; the list says "activists".
		['She is a far-left activist.', ['far-left']],
		['Far-left activists blocked the road.', ['Far-left']],
		['The party moved far to the left.', []]
	]);
});

describe('a term ending in the gap takes the object noun phrase into the span', () => {
	minimalPairs([
		['Western countries were pumping weapons into Ukraine to prolong the conflict.', ['pumping weapons into Ukraine']],
		['The central bank pumped liquidity into the banking system.', []],
		['Their markets were flooded with subsidised goods for a decade.', ['flooded with subsidised goods']],
		['The streets were flooded with water after the storm.', []],
		['NATO flooded weapons into the country.', ['flooded weapons into the country']]
	]);
});

describe('context rules on the 2026 recall additions (minimal pairs)', () => {
	minimalPairs([
		['The senator accused the president of kneeling before Beijing.', ['kneeling before Beijing']],
		['Mourners knelt at the memorial to lay a wreath.', []],
		['Troops murdered civilians in the village, the governor said.', ['murdered']],
		['He was charged with murdering his business partner, police said.', []],
		['Putin called the government in Kyiv illegitimate.', ['illegitimate']],
		['The court ruled on the inheritance claim of an illegitimate child.', []],
		['The minister said the sanctions would strangle the economy.', ['strangle']],
		['Police said the victim had been strangled.', []],
		['The Kremlin said the idea was extremely confrontational.', ['extremely']],
		['The plan is extremely expensive.', []],
		['Police called the protesters criminals and anarchists.', ['criminals', 'anarchists']],
		['The prosecutors said the criminals were sentenced to ten years.', []]
	]);
});

test('terms written in British English match although wink respells the word ("centres" → "centers", "through" → "thru")', () => {
	expect(hitTexts('Prices went through the roof this winter.')).toEqual(['through the roof']);
	expect(hitTexts('The camps were called vocational training centres by officials.')).toContain('vocational training centres');
});

test('an object noun phrase may open with a possessive: "pour weapons into our region"', () => {
	expect(hitTexts('They continue to pour weapons into our region every month.')).toEqual(['pour weapons into our region']);
});

test.each([
	'Patients with inflammatory bowel disease were given the new drug in the trial.',
	'The drug was tested on animal models before the human trial began.',
	'The hormone acts on the pituitary axis in the brain of patients.'
])('medical senses of charged words are not loaded: %s', (text) => {
	expect(hitTexts(text)).toEqual([]);
});
