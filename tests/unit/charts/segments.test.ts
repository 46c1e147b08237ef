import { describe, expect, test } from 'vitest';
import { buildReader } from '$lib/ui/reader';
import { segment } from '$lib/ui/segments';
import { fixtureRecord, TEXT } from '../../fixtures/records';

describe('segment', () => {
	test('cuts the text at every boundary and keeps it whole', () => {
		const segs = segment('abcdef', [
			{ key: 'q', layer: 'quote', start: 1, end: 5 },
			{ key: 'l', layer: 'loaded', start: 2, end: 3 }
		]);
		expect(segs.map((s) => s.text)).toEqual(['a', 'b', 'c', 'de', 'f']);
		expect(segs.map((s) => s.text).join('')).toBe('abcdef');
	});

	test('nests highlights outermost first and marks only the first run of each', () => {
		const segs = segment('abcdef', [
			{ key: 'l', layer: 'loaded', start: 2, end: 3 },
			{ key: 'q', layer: 'quote', start: 1, end: 5 }
		]);
		expect(segs[2].pieces.map((p) => p.key)).toEqual(['q', 'l']);
		expect(segs[1].pieces).toEqual([{ key: 'q', layer: 'quote', isFirst: true }]);
		expect(segs[2].pieces[0].isFirst).toBe(false);
	});

	test('handles spans that cross without nesting', () => {
		const segs = segment('abcdef', [
			{ key: 'h', layer: 'hedge', start: 0, end: 3 },
			{ key: 'l', layer: 'loaded', start: 2, end: 5 }
		]);
		expect(segs.map((s) => [s.text, s.pieces.map((p) => p.key).join('+')])).toEqual([
			['ab', 'h'],
			['c', 'h+l'],
			['de', 'l'],
			['f', '']
		]);
	});

	test('ignores empty and out-of-range spans', () => {
		const segs = segment('abc', [
			{ key: 'x', layer: 'loaded', start: 2, end: 2 },
			{ key: 'y', layer: 'loaded', start: 1, end: 99 }
		]);
		expect(segs.map((s) => s.text)).toEqual(['a', 'bc']);
	});
});

describe('buildReader', () => {
	const r = buildReader(fixtureRecord());

	test('keeps every character of the text in order', () => {
		expect(r.segments.map((s) => s.text).join('')).toBe(TEXT);
	});

	test('nests a loaded term inside a quote inside a hedged sentence', () => {
		const brutal = r.segments.find((s) => s.text === 'brutal')!;
		expect(brutal.pieces.map((p) => p.layer)).toEqual(['sentence', 'quote', 'loaded']);
	});

	test('numbers each layer’s items in text order for deep links', () => {
		expect(Object.keys(r.notes).filter((k) => k.startsWith('loaded'))).toEqual(['loaded-1', 'loaded-2']);
		expect(r.notes['loaded-1'].text).toBe('regime');
		expect(r.notes['hedge-1'].text).toBe('may');
	});

	test('explains each highlight: alternative, speaker and group, hedge type, chrome', () => {
		expect(r.notes['loaded-1'].lines).toContain('Neutral alternative: government');
		expect(r.notes['quote-1'].title).toBe('Quote: unnamed: an official');
		expect(r.notes['quote-1'].lines).toContain('Group: Russian government');
		expect(r.notes['quote-1'].colour).toBe('#D55E00');
		expect(r.notes['hedge-1'].lines[0]).toMatch(/^Type: modal verb/);
		expect(r.notes['chrome-1'].title).toBe('Not counted: navigation');
	});

	test('an empty record reads as plain text with chrome only', () => {
		const empty = fixtureRecord({
			loaded: { ...fixtureRecord().loaded, hits: [] },
			quotes: { ...fixtureRecord().quotes, items: [] },
			hedging: { ...fixtureRecord().hedging, hedges: [], hedgedSentences: [] }
		});
		const e = buildReader(empty);
		expect(Object.keys(e.notes)).toEqual(['chrome-1', 'chrome-2']);
		expect(e.segments.map((s) => s.text).join('')).toBe(TEXT);
	});
});
