import type { Span } from '../../src/lib/nlp/types';

/** Span overlap as intersection over union of character ranges: 1 for identical spans, 0 for disjoint ones. */
export function overlap(a: Span, b: Span): number {
	const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
	if (inter <= 0) return 0;
	const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
	return inter / union;
}

export type Pair<G, P> = { gold: G; pred: P; overlap: number };
export type Matching<G, P> = { pairs: Pair<G, P>[]; missed: G[]; falseHits: P[] };

/**
 * One-to-one matching of gold and predicted spans whose overlap is at least
 * `threshold`. Greedy by overlap, best first: with spans this short, greedy
 * and optimal assignment agree except in contrived cases.
 */
export function matchSpans<G extends Span, P extends Span>(gold: readonly G[], pred: readonly P[], threshold: number): Matching<G, P> {
	const candidates: { g: number; p: number; o: number }[] = [];
	for (let g = 0; g < gold.length; g++)
		for (let p = 0; p < pred.length; p++) {
			const o = overlap(gold[g], pred[p]);
			if (o > 0 && o >= threshold) candidates.push({ g, p, o });
		}
	candidates.sort((a, b) => b.o - a.o || a.g - b.g || a.p - b.p);
	const usedG = new Set<number>();
	const usedP = new Set<number>();
	const pairs: Pair<G, P>[] = [];
	for (const c of candidates) {
		if (usedG.has(c.g) || usedP.has(c.p)) continue;
		usedG.add(c.g);
		usedP.add(c.p);
		pairs.push({ gold: gold[c.g], pred: pred[c.p], overlap: c.o });
	}
	pairs.sort((a, b) => a.gold.start - b.gold.start);
	return {
		pairs,
		missed: gold.filter((_, i) => !usedG.has(i)),
		falseHits: pred.filter((_, i) => !usedP.has(i))
	};
}

export type Counts = { tp: number; fp: number; fn: number };

/** Precision, recall and F1; null where the ratio is undefined (no predictions, no gold, or neither). */
export type Scores = { precision: number | null; recall: number | null; f1: number | null };

/** Scores from counts. F1 is 2·tp / (2·tp + fp + fn), so it is 0, not NaN, when nothing was predicted. */
export function scores({ tp, fp, fn }: Counts): Scores {
	return {
		precision: tp + fp > 0 ? tp / (tp + fp) : null,
		recall: tp + fn > 0 ? tp / (tp + fn) : null,
		f1: tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : null
	};
}

export function addCounts(a: Counts, b: Counts): Counts {
	return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export const ZERO: Counts = { tp: 0, fp: 0, fn: 0 };

/** Binary classification counts for the positive class (sentence-level hedged/biased). */
export function classCounts(pairs: readonly { gold: boolean; pred: boolean }[]): Counts {
	let tp = 0;
	let fp = 0;
	let fn = 0;
	for (const { gold, pred } of pairs) {
		if (gold && pred) tp++;
		else if (pred) fp++;
		else if (gold) fn++;
	}
	return { tp, fp, fn };
}

function nameWords(s: string): string[] {
	return s
		.toLowerCase()
		.replace(/[’']s\b/g, '')
		.split(/[^\p{L}\p{N}-]+/u)
		.filter((w) => w !== '' && w !== 'the');
}

/**
 * Speaker match: both null; or, case-insensitively, the last word of the gold
 * name (the surname, or the head noun of "the Foreign Ministry") appears as a
 * word of the predicted name. "Wang" matches "Wang Wenbin"; "Putin" matches
 * "Russian President Vladimir Putin"; a pronoun never matches a name.
 */
export function isSameSpeaker(gold: string | null, pred: string | null): boolean {
	if (gold === null || pred === null) return gold === pred;
	const g = nameWords(gold);
	const p = new Set(nameWords(pred));
	return g.length > 0 && p.has(g[g.length - 1]);
}

/** Words in a plain string, as the false-hit rate counts them. */
export function countWords(text: string): number {
	return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
}
