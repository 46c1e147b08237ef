import type { ArticleMeta, HedgeType, QuoteKind, Span } from '../../src/lib/nlp/types';

/**
 * The gold format: one item per JSONL line. A layer key that is present but
 * empty means "annotated: none here"; a missing key means "not annotated", and
 * that layer is not scored on that item.
 */

export type GoldQuote = Span & { kind: QuoteKind; speaker: string | null; group: string; role?: string };
export type GoldIndirect = Span & { speaker: string | null; group: string; role?: string };
export type GoldHedge = Span & { type: Exclude<HedgeType, 'booster'> | string };
export type GoldBooster = Span & { type?: 'booster' };
export type GoldLoaded = Span & { category?: string };
export type GoldChrome = Span & { kind?: string };

export type GoldItem = {
	id: string;
	text: string;
	/** Free labels; `neutral` marks wire-style passages with no loaded terms. */
	tags?: string[];
	meta?: ArticleMeta;
	quotes?: GoldQuote[];
	indirect?: GoldIndirect[];
	hedges?: GoldHedge[];
	boosters?: GoldBooster[];
	loaded?: GoldLoaded[];
	chrome?: GoldChrome[];
	/** Sentence-level labels, for public sets whose items are single sentences. */
	sentence?: { isHedged?: boolean; isBiased?: boolean };
};

export const LAYERS = ['quotes', 'indirect', 'loaded', 'hedges', 'boosters', 'chrome'] as const;
export type LayerName = (typeof LAYERS)[number];

export const HEDGE_TYPES = ['modal', 'adverb', 'epistemic-verb', 'vague-attribution', 'distancing', 'approximator'] as const;

/** Every problem with an item's spans, as readable lines; empty when the item is sound. */
export function checkItem(item: GoldItem): string[] {
	const problems: string[] = [];
	if (!item.id) problems.push('item without an id');
	for (const layer of LAYERS) {
		const spans = item[layer] as Span[] | undefined;
		if (spans === undefined) continue;
		if (!Array.isArray(spans)) {
			problems.push(`${item.id}: ${layer} is not an array`);
			continue;
		}
		for (const s of spans) {
			if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > item.text.length || s.start >= s.end)
				problems.push(`${item.id}: ${layer} span [${s.start}, ${s.end}) is outside the text or empty`);
			else if (item.text.slice(s.start, s.end).trim() !== item.text.slice(s.start, s.end))
				problems.push(`${item.id}: ${layer} span "${item.text.slice(s.start, s.end)}" has outer whitespace`);
		}
	}
	for (const h of item.hedges ?? [])
		if (!(HEDGE_TYPES as readonly string[]).includes(h.type)) problems.push(`${item.id}: hedge type "${h.type}" is not one of ${HEDGE_TYPES.join(', ')}`);
	for (const q of item.quotes ?? [])
		if (q.kind !== 'speech' && q.kind !== 'scare') problems.push(`${item.id}: quote kind "${q.kind}" is not speech or scare`);
	return problems;
}

/** Every problem with a split: each item's, and ids used twice. */
export function checkSplit(items: readonly GoldItem[]): string[] {
	const seen = new Set<string>();
	const problems = items.flatMap(checkItem);
	for (const it of items) {
		if (seen.has(it.id)) problems.push(`duplicate id "${it.id}"`);
		seen.add(it.id);
	}
	return problems;
}

/** Parse JSONL text into gold items; blank lines are skipped. */
export function parseJsonl(text: string, name: string): GoldItem[] {
	return text
		.split('\n')
		.map((line, i) => ({ line: line.trim(), n: i + 1 }))
		.filter((l) => l.line !== '')
		.map(({ line, n }) => {
			try {
				return JSON.parse(line) as GoldItem;
			} catch (e) {
				throw new Error(`slant: ${name}:${n}: expected one JSON object per line, got ${(e as Error).message}`);
			}
		});
}
