import { expect, test } from 'vitest';
import { quotesOf } from './quotes.helpers';

/**
 * News-style passages written for these tests (not from the seeds or the gold
 * set), each quote annotated with its expected speaker, group and kind. They
 * cover the hard cases of issue 4 in running text rather than one sentence.
 */
const passage = [
	'Japan’s defence minister, Kenji Sato, warned on Tuesday that the joint patrols were “a grave concern for our national security”.',
	'“We will continue to monitor the situation closely,” Sato told a news conference in Tokyo. “Any incursion will be met with a response.”',
	'A spokesperson for the Chinese embassy in Tokyo dismissed the remarks as “groundless hype”.',
	'“China and Russia are conducting normal cooperation that targets no third party,” the spokesperson said in a written statement.',
	'Military analysts were divided. “This is signalling, pure and simple,” said Dr Helen Marsh, a senior fellow at the Royal United Services Institute in London.',
	'Li Wei, a professor of international relations at Fudan University, said the drills were “routine and long planned”.',
	'The Kremlin’s spokesman, Dmitry Peskov, told reporters: “Our military cooperation with China is not directed against anyone.”',
	'“We are not a party to this conflict,” Chinese Foreign Ministry spokeswoman Mao Ning told a regular briefing in Beijing on Wednesday.',
	'NATO Secretary-General Mark Rutte said the alliance was “watching closely”. The EU’s top diplomat, Kaja Kallas, went further: “This partnership is a threat to Europe.”',
	'In a statement, the Russian Defence Ministry said the bombers had “strictly observed international rules”.',
	'“The flights were planned in advance and lasted about eight hours over neutral waters,” the ministry continued.',
	'“This has been coming for a long time,” said one Western diplomat in Brussels. “Nobody should be surprised.',
	'“The question is what Europe does next.”',
	'The Chinese side has described the partnership as having “no limits” and “no forbidden zones”, language that alarmed officials in Washington.'
].join('\n\n');

// [quoted text, speaker (null: anonymous or none), group, kind]
const expected: [string, string | null, string, 'speech' | 'scare'][] = [
	['a grave concern for our national security', 'Kenji Sato', 'west-allies', 'speech'],
	['We will continue to monitor the situation closely,', 'Kenji Sato', 'west-allies', 'speech'],
	['Any incursion will be met with a response.', 'Kenji Sato', 'west-allies', 'speech'],
	['groundless hype', 'Chinese embassy in Tokyo', 'china-gov', 'speech'],
	['China and Russia are conducting normal cooperation that targets no third party,', 'Chinese embassy in Tokyo', 'china-gov', 'speech'],
	['This is signalling, pure and simple,', 'Helen Marsh', 'expert-analyst', 'speech'],
	['routine and long planned', 'Li Wei', 'expert-analyst', 'speech'],
	['Our military cooperation with China is not directed against anyone.', 'Dmitry Peskov', 'russia-gov', 'speech'],
	['We are not a party to this conflict,', 'Mao Ning', 'china-gov', 'speech'],
	['watching closely', 'Mark Rutte', 'west-allies', 'speech'],
	['This partnership is a threat to Europe.', 'Kaja Kallas', 'west-allies', 'speech'],
	['strictly observed international rules', 'Russian Defence Ministry', 'russia-gov', 'speech'],
	['The flights were planned in advance and lasted about eight hours over neutral waters,', 'Russian Defence Ministry', 'russia-gov', 'speech'],
	['This has been coming for a long time,', null, 'west-allies', 'speech'],
	['Nobody should be surprised.', null, 'west-allies', 'speech'],
	['The question is what Europe does next.', null, 'west-allies', 'speech'],
	['no limits', null, 'other', 'scare'],
	['no forbidden zones', null, 'other', 'scare']
];

const found = quotesOf(passage).items.filter((q) => q.depth === 0);

test('finds every quote of the annotated passage and nothing else', () => {
	expect(found.map((q) => q.text)).toEqual(expected.map((e) => e[0]));
});

test.each(expected)('attributes “%s” to %s (%s, %s)', (text, speaker, group, kind) => {
	const q = found.find((f) => f.text === text);
	expect(q && [q.speaker, q.group, q.kind]).toEqual([speaker, group, kind]);
});
