import { analyze } from '../../src/lib/nlp/analyze';
import type { GroupConfig } from '../../src/lib/nlp/quotes';
import type { AnalysisRecord, Span } from '../../src/lib/nlp/types';
import { HEDGE_TYPES, LAYERS, type GoldItem, type LayerName } from './gold';
import { addCounts, classCounts, isSameSpeaker, matchSpans, scores, ZERO, type Counts, type Scores } from './match';
import type { GoldSet } from './sets';

/** The two overlap thresholds every span layer is scored at. */
export const THRESHOLDS = [0.6, 0.8] as const;

export type Accuracy = { matched: number; correct: number; accuracy: number | null };
export type LayerScore = {
	layer: LayerName;
	/** Items on which this layer is annotated. */
	items: number;
	gold: number;
	predicted: number;
	at06: Counts & Scores;
	at08: Counts & Scores;
	/** Matched (≥ 0.6) speech quotes or indirect quotes whose speaker / group is right. */
	speaker?: Accuracy;
	group?: Accuracy;
	/** Matched quotes whose kind (speech / scare) is right. */
	kind?: Accuracy;
	/** Matched hedges whose type is right (own sets only). */
	type?: Accuracy;
};
export type ClassScore = Counts & Scores & { n: number; accuracy: number | null };
export type Finding = { item: string; layer: LayerName; what: 'miss' | 'false hit' | 'wrong speaker' | 'wrong group'; context: string; detail?: string };
export type SetScore = {
	set: string;
	description: string;
	items: number;
	/** Scored body words over all items, as `analyze` counts them. */
	words: number;
	/** Items where `analyze` found no scorable text (body detection rejected it). */
	unscored: number;
	layers: LayerScore[];
	/** Sentence-level uncertain class (CoNLL-2010 style): a sentence is hedged when it holds at least one hedge cue. */
	hedgedSentences?: ClassScore;
	/** Sentence-level biased class (BABE): a sentence is biased when it holds at least one loaded hit. */
	biasedSentences?: ClassScore;
	/** Loaded hits on passages tagged `neutral`, which have none in gold. */
	neutralLoaded?: { items: number; words: number; falseHits: number; per1000: number | null };
	findings: Finding[];
	missing?: string;
	ms: number;
};

type Pred = Span & { kind?: string; speaker?: string | null; group?: string; type?: string };

function predicted(record: AnalysisRecord, layer: LayerName): Pred[] {
	switch (layer) {
		case 'quotes':
			return record.quotes.items;
		case 'indirect':
			return record.quotes.indirect;
		case 'loaded':
			return record.loaded.hits;
		case 'hedges':
			return record.hedging.hedges;
		case 'boosters':
			return record.hedging.boosters;
		case 'chrome':
			return record.chrome;
	}
}

type Tally = {
	items: number;
	gold: number;
	predicted: number;
	at: Counts[];
	speaker: Accuracy;
	group: Accuracy;
	kind: Accuracy;
	type: Accuracy;
};

function newTally(): Tally {
	const acc = () => ({ matched: 0, correct: 0, accuracy: null });
	return { items: 0, gold: 0, predicted: 0, at: THRESHOLDS.map(() => ({ ...ZERO })), speaker: acc(), group: acc(), kind: acc(), type: acc() };
}

function tick(a: Accuracy, isRight: boolean): void {
	a.matched++;
	if (isRight) a.correct++;
}

function finish(a: Accuracy): Accuracy {
	return { ...a, accuracy: a.matched > 0 ? a.correct / a.matched : null };
}

/** A span in its sentence, for reading misses: `…before ⟦span⟧ after…`. */
export function context(text: string, span: Span, width = 50): string {
	const before = text.slice(Math.max(0, span.start - width), span.start);
	const after = text.slice(span.end, span.end + width);
	const flat = (s: string) => s.replace(/\s*\n\s*/g, ' ⏎ ');
	return `…${flat(before)}⟦${flat(text.slice(span.start, span.end))}⟧${flat(after)}…`;
}

function classScore(pairs: { gold: boolean; pred: boolean }[]): ClassScore {
	const c = classCounts(pairs);
	const right = pairs.filter((p) => p.gold === p.pred).length;
	return { ...c, ...scores(c), n: pairs.length, accuracy: pairs.length ? right / pairs.length : null };
}

export type EvalOptions = { groups?: GroupConfig };

/** Run `analyze` over every item of a set and score each annotated layer. */
export function evaluateSet(set: GoldSet, options: EvalOptions = {}): SetScore {
	const t0 = performance.now();
	const tallies = new Map<LayerName, Tally>(LAYERS.map((l) => [l, newTally()]));
	const findings: Finding[] = [];
	const hedged: { gold: boolean; pred: boolean }[] = [];
	const biased: { gold: boolean; pred: boolean }[] = [];
	const neutral = { items: 0, words: 0, falseHits: 0 };
	let words = 0;
	let unscored = 0;

	for (const item of set.items) {
		const record = analyze({ id: item.id, text: item.text, meta: item.meta }, { groups: options.groups });
		words += record.wordCount;
		if (record.wordCount === 0) unscored++;
		for (const layer of LAYERS) scoreLayer(item, record, layer, tallies.get(layer)!, findings, set.isPublic);
		sentenceLabels(item, record, hedged, biased);
		if (item.tags?.includes('neutral')) {
			neutral.items++;
			neutral.words += record.wordCount;
			neutral.falseHits += record.loaded.hits.length;
		}
	}

	const layers: LayerScore[] = [];
	for (const [layer, t] of tallies) {
		if (t.items === 0) continue;
		const [c06, c08] = t.at;
		const score: LayerScore = {
			layer,
			items: t.items,
			gold: t.gold,
			predicted: t.predicted,
			at06: { ...c06, ...scores(c06) },
			at08: { ...c08, ...scores(c08) }
		};
		if (layer === 'quotes' || layer === 'indirect') {
			score.speaker = finish(t.speaker);
			score.group = finish(t.group);
		}
		if (layer === 'quotes') score.kind = finish(t.kind);
		if (layer === 'hedges' && !set.isPublic) score.type = finish(t.type);
		layers.push(score);
	}
	return {
		set: set.name,
		description: set.description,
		items: set.items.length,
		words,
		unscored,
		layers,
		...(hedged.length ? { hedgedSentences: classScore(hedged) } : {}),
		...(biased.length ? { biasedSentences: classScore(biased) } : {}),
		...(neutral.items ? { neutralLoaded: { ...neutral, per1000: neutral.words ? (neutral.falseHits * 1000) / neutral.words : null } } : {}),
		findings,
		...(set.missing ? { missing: set.missing } : {}),
		ms: Math.round(performance.now() - t0)
	};
}

function scoreLayer(item: GoldItem, record: AnalysisRecord, layer: LayerName, t: Tally, findings: Finding[], isPublic: boolean): void {
	const gold = item[layer] as (Span & { kind?: string; speaker?: string | null; group?: string; type?: string })[] | undefined;
	if (gold === undefined) return;
	const pred = predicted(record, layer);
	t.items++;
	t.gold += gold.length;
	t.predicted += pred.length;
	THRESHOLDS.forEach((threshold, i) => {
		const m = matchSpans(gold, pred, threshold);
		t.at[i] = addCounts(t.at[i], { tp: m.pairs.length, fp: m.falseHits.length, fn: m.missed.length });
		if (i !== 0) return;
		for (const g of m.missed) findings.push({ item: item.id, layer, what: 'miss', context: context(item.text, g), detail: detailOf(g) });
		for (const p of m.falseHits) findings.push({ item: item.id, layer, what: 'false hit', context: context(item.text, p), detail: detailOf(p) });
		for (const { gold: g, pred: p } of m.pairs) {
			if (layer === 'quotes') tick(t.kind, g.kind === p.kind);
			if (layer === 'hedges' && !isPublic && (HEDGE_TYPES as readonly string[]).includes(g.type ?? '')) tick(t.type, g.type === p.type);
			const isSpeech = layer === 'indirect' || (layer === 'quotes' && g.kind === 'speech');
			if (!isSpeech) continue;
			const isSpeakerRight = isSameSpeaker(g.speaker ?? null, p.speaker ?? null);
			tick(t.speaker, isSpeakerRight);
			tick(t.group, g.group === p.group);
			if (!isSpeakerRight)
				findings.push({ item: item.id, layer, what: 'wrong speaker', context: context(item.text, g), detail: `gold ${g.speaker ?? 'null'}, got ${p.speaker ?? 'null'}` });
			else if (g.group !== p.group)
				findings.push({ item: item.id, layer, what: 'wrong group', context: context(item.text, g), detail: `gold ${g.group}, got ${p.group}` });
		}
	});
}

function detailOf(s: { kind?: string; speaker?: string | null; group?: string; type?: string }): string | undefined {
	const parts = [s.kind, s.type, s.speaker !== undefined ? `speaker ${s.speaker ?? 'null'}` : undefined, s.group].filter(Boolean);
	return parts.length ? parts.join(', ') : undefined;
}

function sentenceLabels(item: GoldItem, record: AnalysisRecord, hedged: { gold: boolean; pred: boolean }[], biased: { gold: boolean; pred: boolean }[]): void {
	if (item.sentence?.isBiased !== undefined) biased.push({ gold: item.sentence.isBiased, pred: record.loaded.hits.length > 0 });
	if (item.sentence?.isHedged !== undefined) {
		hedged.push({ gold: item.sentence.isHedged, pred: record.hedging.hedges.length > 0 });
		return;
	}
	if (!item.hedges) return;
	const inside = (s: Span, x: Span) => x.start >= s.start && x.start < s.end;
	for (const s of record.sentences)
		hedged.push({ gold: item.hedges.some((h) => inside(s, h)), pred: record.hedging.hedges.some((h) => inside(s, h)) });
}
