import type { ArticleSummary } from '$lib/server/store';
import type { Unit } from './format';

/** Reader layers a metric's evidence lives in. */
export type Layer = 'loaded' | 'quotes' | 'hedges';
export const LAYERS: { id: Layer; label: string }[] = [
	{ id: 'loaded', label: 'Loaded terms' },
	{ id: 'quotes', label: 'Quotes' },
	{ id: 'hedges', label: 'Hedges and boosters' }
];

export type MetricKey =
	| 'narratorPer1000'
	| 'quotedPer1000'
	| 'loadedPer1000'
	| 'hedgesPer1000'
	| 'boostersPer1000'
	| 'hedgedSentenceShare'
	| 'certainty'
	| 'balance'
	| 'anonymousShare'
	| 'quotedShare';

export type Metric = {
	key: MetricKey;
	/** Chart and table heading. */
	label: string;
	/** A few words for tight table headers. */
	short: string;
	unit: Unit;
	/** Section id on `/methods`. */
	methods: string;
	layer: Layer;
	/** Fragment of the first piece of evidence in the reader. */
	first: string;
	/** Whether a higher value is "more" of the thing in plain words. */
	more: string;
	less: string;
	/** Fixed domain for bounded measures. */
	domain?: [number, number];
};

export const METRICS: Record<MetricKey, Metric> = {
	loadedPer1000: {
		key: 'loadedPer1000', label: 'Loaded terms per 1,000 words', short: 'Loaded, all', unit: 'per1000',
		methods: 'loaded', layer: 'loaded', first: 'loaded-1', more: 'uses the most loaded terms', less: 'uses the fewest'
	},
	narratorPer1000: {
		key: 'narratorPer1000', label: 'Loaded terms per 1,000 words, outlet’s own voice', short: 'Loaded, own voice', unit: 'per1000',
		methods: 'loaded-voice', layer: 'loaded', first: 'loaded-1', more: 'uses the most loaded terms in its own voice', less: 'the fewest'
	},
	quotedPer1000: {
		key: 'quotedPer1000', label: 'Loaded terms per 1,000 words, in quoted voices', short: 'Loaded, quoted', unit: 'per1000',
		methods: 'loaded-voice', layer: 'loaded', first: 'loaded-1', more: 'carries the most loaded terms inside quotes', less: 'the fewest'
	},
	hedgesPer1000: {
		key: 'hedgesPer1000', label: 'Hedges per 1,000 words', short: 'Hedges', unit: 'per1000',
		methods: 'hedges', layer: 'hedges', first: 'hedge-1', more: 'hedges the most', less: 'the least'
	},
	boostersPer1000: {
		key: 'boostersPer1000', label: 'Boosters per 1,000 words', short: 'Boosters', unit: 'per1000',
		methods: 'boosters', layer: 'hedges', first: 'booster-1', more: 'uses the most boosters', less: 'the fewest'
	},
	hedgedSentenceShare: {
		key: 'hedgedSentenceShare', label: 'Share of sentences with a hedge', short: 'Hedged sentences', unit: 'share',
		methods: 'hedged-sentences', layer: 'hedges', first: 'hedge-1', more: 'hedges the most sentences', less: 'the fewest', domain: [0, 1]
	},
	certainty: {
		key: 'certainty', label: 'Certainty (boosters against hedges)', short: 'Certainty', unit: 'index',
		methods: 'certainty', layer: 'hedges', first: 'booster-1', more: 'sounds the most certain', less: 'the least', domain: [-1, 1]
	},
	balance: {
		key: 'balance', label: 'Quote balance across groups', short: 'Balance', unit: 'index',
		methods: 'balance', layer: 'quotes', first: 'quote-1', more: 'spreads its quotes most evenly across groups', less: 'the least', domain: [0, 1]
	},
	anonymousShare: {
		key: 'anonymousShare', label: 'Share of quoted words from unnamed sources', short: 'Anonymous', unit: 'share',
		methods: 'anonymous', layer: 'quotes', first: 'quote-1', more: 'leans most on unnamed sources', less: 'the least', domain: [0, 1]
	},
	quotedShare: {
		key: 'quotedShare', label: 'Share of words inside direct quotes', short: 'Quoted', unit: 'share',
		methods: 'quoted-share', layer: 'quotes', first: 'quote-1', more: 'quotes the most', less: 'the least', domain: [0, 1]
	}
};

/** The overview's small multiples, in reading order. */
export const OVERVIEW_METRICS: MetricKey[] = [
	'narratorPer1000',
	'quotedPer1000',
	'hedgesPer1000',
	'boostersPer1000',
	'hedgedSentenceShare',
	'certainty',
	'balance',
	'anonymousShare',
	'quotedShare'
];

export function metricValue(a: ArticleSummary, key: MetricKey): number | null {
	return a[key];
}

/** Link to the evidence behind a metric: the reader with its layer on and the first instance targeted. */
export function evidenceHref(articleId: string, key: MetricKey): string {
	const m = METRICS[key];
	return `/article/${encodeURIComponent(articleId)}?layer=${m.layer}#${m.first}`;
}

export function methodsHref(key: MetricKey): string {
	return `/methods#${METRICS[key].methods}`;
}

/** Every measure, for an outlet's or an article pair's profile. */
export const PROFILE_METRICS: MetricKey[] = ['loadedPer1000', ...OVERVIEW_METRICS];
