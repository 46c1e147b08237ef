import { describe, expect, test } from 'vitest';
import { diffGolden } from '../../scripts/eval/golden';
import { classCounts, isSameSpeaker, matchSpans, overlap, scores } from '../../scripts/eval/match';

describe('overlap', () => {
	test.each([
		[{ start: 0, end: 10 }, { start: 0, end: 10 }, 1],
		[{ start: 0, end: 10 }, { start: 10, end: 20 }, 0],
		[{ start: 0, end: 10 }, { start: 5, end: 15 }, 5 / 15],
		[{ start: 0, end: 10 }, { start: 2, end: 8 }, 0.6],
		[{ start: 0, end: 4 }, { start: 20, end: 30 }, 0]
	])('overlap of %o and %o is %d (intersection over union)', (a, b, want) => {
		expect(overlap(a, b)).toBeCloseTo(want, 10);
	});

	test('overlap is symmetric', () => {
		expect(overlap({ start: 3, end: 9 }, { start: 0, end: 5 })).toBe(overlap({ start: 0, end: 5 }, { start: 3, end: 9 }));
	});
});

describe('matchSpans', () => {
	test('a span inside a longer gold span matches at 0.6 but not at 0.8', () => {
		const gold = [{ start: 0, end: 10 }];
		const pred = [{ start: 0, end: 7 }];
		expect(matchSpans(gold, pred, 0.6).pairs).toHaveLength(1);
		expect(matchSpans(gold, pred, 0.8).pairs).toHaveLength(0);
	});

	test('each gold span matches at most one prediction, the best one', () => {
		const gold = [{ start: 0, end: 10 }];
		const pred = [
			{ start: 0, end: 8 },
			{ start: 0, end: 10 }
		];
		const m = matchSpans(gold, pred, 0.6);
		expect(m.pairs.map((p) => p.pred)).toEqual([{ start: 0, end: 10 }]);
		expect(m.falseHits).toEqual([{ start: 0, end: 8 }]);
	});

	test('unmatched gold spans are misses and unmatched predictions are false hits', () => {
		const m = matchSpans([{ start: 0, end: 5 }], [{ start: 10, end: 15 }], 0.6);
		expect([m.missed, m.falseHits]).toEqual([[{ start: 0, end: 5 }], [{ start: 10, end: 15 }]]);
	});
});

describe('scores', () => {
	test('precision, recall and F1 come from the counts', () => {
		const s = scores({ tp: 3, fp: 1, fn: 2 });
		expect(s.precision).toBeCloseTo(0.75);
		expect(s.recall).toBeCloseTo(0.6);
		expect(s.f1).toBeCloseTo(2 / 3);
	});

	test('no predictions against some gold gives F1 0 and no precision', () => {
		expect(scores({ tp: 0, fp: 0, fn: 4 })).toEqual({ precision: null, recall: 0, f1: 0 });
	});

	test('nothing predicted and nothing in gold gives no figures at all', () => {
		expect(scores({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: null, recall: null, f1: null });
	});

	test('class counts count the positive class only', () => {
		expect(
			classCounts([
				{ gold: true, pred: true },
				{ gold: false, pred: true },
				{ gold: true, pred: false },
				{ gold: false, pred: false }
			])
		).toEqual({ tp: 1, fp: 1, fn: 1 });
	});
});

describe('isSameSpeaker', () => {
	test.each([
		['Wang Wenbin', 'Wang Wenbin', true],
		['Vladimir Putin', 'Russian President Vladimir Putin', true],
		['Vladimir Putin', 'putin', true],
		['Foreign Ministry', 'China’s Foreign Ministry', true],
		['Vladimir Putin', 'Xi Jinping', false],
		['Vladimir Putin', 'he', false],
		[null, null, true],
		[null, 'Dmitry Peskov', false],
		['Dmitry Peskov', null, false]
	])('gold %s and predicted %s match: %s', (gold, pred, want) => {
		expect(isSameSpeaker(gold, pred)).toBe(want);
	});
});

describe('diffGolden', () => {
	test('identical records have no changes', () => {
		const g = { wordCount: 3, body: [{ start: 0, end: 3, text: 'abc' }] };
		expect(diffGolden(g, structuredClone(g))).toEqual([]);
	});

	test('added and removed spans are listed with their text', () => {
		const before = { hits: [{ start: 0, end: 6, text: 'regime' }] };
		const after = { hits: [{ start: 10, end: 17, text: 'slammed' }] };
		expect(diffGolden(before, after)).toEqual(['- hits [0, 6) "regime"', '+ hits [10, 17) "slammed"']);
	});

	test('a changed number is shown before and after', () => {
		expect(diffGolden({ numbers: { per1000: 1.5 } }, { numbers: { per1000: 2 } })).toEqual(['~ numbers.per1000: 1.5 → 2']);
	});

	test('a changed attribute of a kept span is shown at its offsets', () => {
		const before = { items: [{ start: 1, end: 4, speaker: 'Putin' }] };
		const after = { items: [{ start: 1, end: 4, speaker: null }] };
		expect(diffGolden(before, after)).toEqual(['~ items[1, 4).speaker: "Putin" → null']);
	});
});
