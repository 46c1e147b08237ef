import { describe, expect, test } from 'vitest';
import { findHedges } from '../../../src/lib/nlp/hedging';
import { emptyQuotes } from '../../../src/lib/nlp/quotes';
import { contextOf } from './hedging-helpers';

/** The cues found in `text`, as `text|type` strings, in text order. */
function cues(text: string): string[] {
	return findHedges(contextOf(text), emptyQuotes()).map((c) => `${c.text}|${c.type}`);
}

describe('hedge cues of every type', () => {
	test.each([
		['The talks may collapse.', 'may|modal'],
		['Russia might send more troops.', 'might|modal'],
		['The deal could collapse within weeks.', 'could|modal'],
		['Such a pact would alarm Washington.', 'would|modal'],
		['It may not be enough.', 'may|modal'],
		['The Kremlin would likely welcome help.', 'would|modal'],
		['Russia May Send Troops To Belarus', 'May|modal']
	])('finds the epistemic modal in "%s"', (text, cue) => expect(cues(text)).toContain(cue));

	test.each([
		['reportedly', 'Officials reportedly met in Minsk.'],
		['allegedly', 'The shells were allegedly shipped by rail.'],
		['apparently', 'The plan apparently stalled.'],
		['possibly', 'The drills were possibly the largest yet.'],
		['likely', 'The two leaders are likely to meet again.'],
		['presumably', 'The weapons were presumably sold.'],
		['seemingly', 'Beijing seemingly ignored the warning.'],
		['perhaps', 'This is perhaps the closest tie in decades.'],
		['probably', 'The drones were probably assembled in Iran.']
	])('finds the adverb "%s"', (word, text) => expect(cues(text)).toContain(`${word}|adverb`));

	test.each([
		['Beijing appears to be hedging its bets.', 'appears|epistemic-verb'],
		['The summit seemed to produce little.', 'seemed|epistemic-verb'],
		['The data suggest a shift in trade.', 'suggest|epistemic-verb'],
		['Western officials believe North Korea sent shells.', 'believe|epistemic-verb'],
		['The alliance is thought to be strong.', 'is thought to|epistemic-verb'],
		['He is understood to have left Moscow.', 'is understood to|epistemic-verb'],
		['The Pentagon estimated that 300 died.', 'estimated|epistemic-verb']
	])('finds the epistemic verb in "%s"', (text, cue) => expect(cues(text)).toContain(cue));

	test.each([
		['Some analysts say the deal is weak.', 'Some analysts say'],
		['Critics argue it will fail.', 'Critics argue'],
		['Observers note the timing.', 'Observers note'],
		['Experts warn of escalation.', 'Experts warn'],
		['It is believed that he left.', 'It is believed'],
		['According to reports, the talks failed.', 'According to reports'],
		['The talks lasted three hours, Russian media reported.', 'Russian media reported'],
		['Some analysts said the summit was a success.', 'Some analysts said'],
		['There are reports that troops moved.', 'There are reports'],
		['People familiar with the matter said it was signed.', 'People familiar with the matter'],
		['Many believe the war is over.', 'Many believe']
	])('finds the vague attribution in "%s"', (text, phrase) => expect(cues(text)).toContain(`${phrase}|vague-attribution`));

	test.each([
		['The so-called peace plan was rejected.', 'so-called'],
		['Moscow denied the purported deal.', 'purported'],
		['The alleged shipment was seized.', 'alleged'],
		['It invaded what Moscow calls a threat.', 'what Moscow calls'],
		['They vowed to resist what they said was US pressure.', 'what they said was']
	])('finds the distancing in "%s"', (text, phrase) => expect(cues(text)).toContain(`${phrase}|distancing`));

	test.each([
		['About 200 troops took part.', 'About'],
		['Some 200 troops took part.', 'Some'],
		['Nearly 300 people came.', 'Nearly'],
		['Trade rose around 40 percent.', 'around'],
		['Roughly a third of the oil went east.', 'Roughly'],
		['The talks lasted about three hours.', 'about'],
		['An estimated 10,000 soldiers died.', 'An estimated'],
		['It cost $200 million or so.', 'or so']
	])('finds the approximator in "%s"', (text, word) => expect(cues(text)).toContain(`${word}|approximator`));
});

describe('boosters', () => {
	test.each([
		['China clearly wants Russia to win.', 'clearly'],
		['He will undoubtedly return.', 'undoubtedly'],
		['This is certainly the closest tie.', 'certainly'],
		['In fact, trade fell.', 'In fact'],
		['Of course, Beijing denies it.', 'Of course'],
		['It is without doubt a turning point.', 'without doubt'],
		['The pact is definitely a military one.', 'definitely'],
		['The message was obviously aimed at Washington.', 'obviously'],
		['He will certainly go.', 'will certainly'],
		['They must have known about the shipments.', 'must'],
		['Russia will never accept these terms.', 'never'],
		['China will always stand with Russia.', 'always'],
		['It is clear that the West is worried.', 'It is clear that']
	])('finds the booster in "%s"', (text, word) => expect(cues(text)).toContain(`${word}|booster`));
});

describe('traps that are not hedges', () => {
	test.each([
		['the month after a preposition', 'In May 2024, Putin visited Beijing.'],
		['the month with a day', 'May 16 was the first day of the visit.'],
		['the month at the end of a clause', 'The visit took place in May.'],
		['a person called May', 'May said the talks would be hard.'],
		['"could not" as inability', 'Officials said they could not attend the talks.'],
		['"couldn\'t" as inability', 'The minister couldn’t attend the summit.'],
		['"could" as past ability', 'As a boy he could swim across the river.'],
		['"could only" as ability', 'Kyiv could only watch as the talks went ahead.'],
		['"may" as permission', 'You may leave the room now.'],
		['"may … only" as a rule', 'Foreign visitors may enter the zone only with a permit.'],
		['"about" as a preposition of topic', 'The leaders held talks about trade.'],
		['"around" as a place', 'Bases around the world were on alert.'],
		['"some" before a noun', 'Some countries joined the talks.'],
		['"nearly" before a verb', 'The talks nearly collapsed.'],
		['"might" as a noun', 'Russian military might impressed the crowd.'],
		['"would" as reported future', 'Putin said he would visit Beijing next year.'],
		['"would" as volition', 'China would like to see peace.'],
		['"would" as refusal', 'The embassy would not comment.'],
		['"would" as a habit', 'He would often visit the front.'],
		['"appeared" as showing up', 'He appeared in court on Monday.'],
		['"suggested" as a proposal', 'Xi suggested holding more talks.'],
		['"believe in"', 'They believe in a multipolar world.'],
		['"think about"', 'Leaders must think about the future.'],
		['"supposed to" as expectation', 'The talks were supposed to start at noon.'],
		['a one-off report by unnamed officials', 'The meeting was the 43rd, officials said.'],
		['an inverted one-off report', 'The war, said US officials, was over.'],
		['a duty "must"', 'We must be honest about what we see.'],
		['a plain past "never"', 'China has never provided lethal weapons.'],
		['"not always"', 'The two sides have not always agreed.'],
		['"as soon as possible"', 'Talks will resume as soon as possible.'],
		['"clearly" after "not"', 'The border is not clearly marked.']
	])('finds nothing in %s', (_what, text) => expect(cues(text)).toEqual([]));

	test('a request with "could you" is not a hedge', () => expect(cues('Could you repeat that?')).toEqual([]));
});

describe('spans', () => {
	const text = 'Some Western analysts say the so-called deal, signed in May, could reportedly cover about 200 jets. Of course it may rain.';

	test('every cue slices back to its text', () => {
		for (const c of findHedges(contextOf(text), emptyQuotes())) expect(text.slice(c.start, c.end)).toBe(c.text);
	});

	test('cues come in text order without overlaps', () => {
		const found = findHedges(contextOf(text), emptyQuotes());
		for (let i = 1; i < found.length; i++) expect(found[i].start).toBeGreaterThanOrEqual(found[i - 1].end);
	});

	test('each cue carries the index of its sentence', () => {
		const found = findHedges(contextOf(text), emptyQuotes());
		expect(found.map((c) => [c.text, c.sentence])).toEqual([
			['Some Western analysts say', 0],
			['so-called', 0],
			['could', 0],
			['reportedly', 0],
			['about', 0],
			['Of course', 1],
			['may', 1]
		]);
	});

	test('a longer cue wins over the shorter one inside it', () => {
		expect(cues('He almost certainly left.')).toEqual(['almost certainly|adverb']);
	});

	test('a cue never spans two paragraphs', () => {
		expect(cues('They spoke to analysts\nSay no more.')).toEqual([]);
	});
});
