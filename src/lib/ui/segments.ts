/**
 * Splitting a text into runs at every highlight boundary, so that overlapping
 * layers (a loaded term inside a quote inside a hedged sentence) render as
 * properly nested `<mark>`s: each run carries the highlights covering it,
 * outermost first.
 */

export type HighlightLayer = 'chrome' | 'unscored' | 'sentence' | 'quote' | 'hedge' | 'booster' | 'loaded';

export type Highlight = {
	/** Unique in the article; also the anchor id of the first run (`loaded-3`). */
	key: string;
	layer: HighlightLayer;
	start: number;
	end: number;
};

export type Piece = { key: string; layer: HighlightLayer; isFirst: boolean };
export type Segment = { start: number; end: number; text: string; pieces: Piece[] };

/** Outer layers first; within a layer the longer span is the outer one. */
const RANK: Record<HighlightLayer, number> = { chrome: 0, unscored: 0, sentence: 1, quote: 2, hedge: 3, booster: 3, loaded: 4 };

/**
 * Runs of `text` cut at every highlight start and end, each with its
 * highlights outermost first. Spans outside the text or empty are ignored.
 * @example segment('a bc d', [{ key: 'q', layer: 'quote', start: 2, end: 4 }]).map((s) => s.text) // ['a ', 'bc', ' d']
 */
export function segment(text: string, highlights: Highlight[]): Segment[] {
	const valid = highlights
		.map((h) => ({ ...h, start: Math.max(0, h.start), end: Math.min(text.length, h.end) }))
		.filter((h) => h.end > h.start)
		.sort((a, b) => RANK[a.layer] - RANK[b.layer] || b.end - b.start - (a.end - a.start) || a.start - b.start);
	const cuts = new Set<number>([0, text.length]);
	for (const h of valid) {
		cuts.add(h.start);
		cuts.add(h.end);
	}
	const points = [...cuts].sort((a, b) => a - b);
	const seen = new Set<string>();
	const out: Segment[] = [];
	for (let i = 0; i < points.length - 1; i++) {
		const start = points[i];
		const end = points[i + 1];
		if (end <= start) continue;
		const pieces: Piece[] = [];
		for (const h of valid) {
			if (h.start <= start && h.end >= end) {
				pieces.push({ key: h.key, layer: h.layer, isFirst: !seen.has(h.key) });
				seen.add(h.key);
			}
		}
		out.push({ start, end, text: text.slice(start, end), pieces });
	}
	return out;
}
