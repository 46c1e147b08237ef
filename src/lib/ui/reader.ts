import type { AnalysisRecord, GroupInfo } from '$lib/nlp/types';
import { OTHER_GROUP } from '$lib/charts/stack';
import { segment, type Highlight, type Segment } from './segments';

/** What a highlight says about itself on hover, on focus and in the evidence list. */
export type Note = {
	key: string;
	layer: 'loaded' | 'quote' | 'hedge' | 'booster' | 'chrome';
	/** The words highlighted. */
	text: string;
	title: string;
	lines: string[];
	/** Quote group colour, for the legend swatch. */
	colour?: string;
	group?: string;
	/** Short inline label shown before quotes and chrome. */
	tag?: string;
};

export type ReaderData = { segments: Segment[]; notes: Record<string, Note>; groups: GroupInfo[] };

const HEDGE_TYPES: Record<string, string> = {
	modal: 'modal verb (may, might, could)',
	adverb: 'hedging adverb (possibly, apparently)',
	'epistemic-verb': 'verb of belief or appearance (suggest, appear, believe)',
	'vague-attribution': 'vague attribution (sources say, it is reported)',
	distancing: 'distancing (so-called, alleged)',
	approximator: 'approximator (about, some, around)',
	booster: 'booster (clearly, certainly, undoubtedly)'
};

export function hedgeTypeLabel(type: string): string {
	return HEDGE_TYPES[type] ?? type;
}

function words(text: string, max = 90): string {
	const t = text.replace(/\s+/g, ' ').trim();
	return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

/**
 * Highlights and their explanations for one record. Keys number each layer's
 * items in text order from 1 (`quote-1`, `loaded-4`), the fragments that
 * charts and scores link to.
 */
export function buildReader(record: AnalysisRecord, storyGroups: GroupInfo[] = []): ReaderData {
	const groups = [...(record.quotes.groups.length ? record.quotes.groups : storyGroups)];
	if (!groups.some((g) => g.id === 'other')) groups.push(OTHER_GROUP);
	const groupOf = (id: string) => groups.find((g) => g.id === id) ?? OTHER_GROUP;
	const highlights: Highlight[] = [];
	const notes: Record<string, Note> = {};
	const quoteKey = new Map<string, string>();

	record.chrome.forEach((c, i) => {
		const key = `chrome-${i + 1}`;
		highlights.push({ key, layer: 'chrome', start: c.start, end: c.end });
		notes[key] = { key, layer: 'chrome', text: words(record.text.slice(c.start, c.end)), title: `Not counted: ${c.kind.replace(/-/g, ' ')}`, lines: [c.reason], tag: 'not counted' };
	});
	record.body.forEach((b, i) => {
		if (b.kind === 'byline' || b.kind === 'dateline') highlights.push({ key: `unscored-${i + 1}`, layer: 'unscored', start: b.start, end: b.end });
	});
	record.hedging.hedgedSentences.forEach((s, i) => {
		const span = record.sentences[s];
		if (span) highlights.push({ key: `sentence-${i + 1}`, layer: 'sentence', start: span.start, end: span.end });
	});
	record.quotes.items.forEach((q, i) => {
		const key = `quote-${i + 1}`;
		quoteKey.set(q.id, key);
		const g = groupOf(q.group);
		highlights.push({ key, layer: 'quote', start: q.start, end: q.end });
		const who = q.speaker ?? (q.role ? `unnamed: ${q.role}` : 'unattributed');
		const lines = [
			`Group: ${g.label}`,
			q.role && q.speaker ? `Role: ${q.role}` : '',
			q.cue ? `Cue: “${q.cue}”` : `Found by: ${q.attribution}`,
			q.kind === 'scare' ? 'Scare quotes: the writer’s distance from a word, not someone’s speech; not counted as a voice' : `${q.words} words`,
			q.continues ? `Continues ${quoteKey.get(q.continues) ?? q.continues}` : '',
			q.depth > 0 ? 'Nested quote: counts for the outer speaker' : '',
			q.isUnclosed ? 'No closing mark: runs to the end of the paragraph' : ''
		].filter(Boolean);
		notes[key] = {
			key,
			layer: 'quote',
			text: words(q.text),
			title: q.kind === 'scare' ? 'Scare quotes' : `Quote: ${who}`,
			lines,
			colour: g.colour,
			group: g.id,
			tag: q.kind === 'scare' ? 'scare quotes' : `${who} · ${g.label}`
		};
	});
	const cues = [
		...record.hedging.hedges.map((h) => ({ ...h, layer: 'hedge' as const })),
		...record.hedging.boosters.map((h) => ({ ...h, layer: 'booster' as const }))
	];
	let hedgeN = 0;
	let boosterN = 0;
	for (const h of cues.sort((a, b) => a.start - b.start)) {
		const key = h.layer === 'hedge' ? `hedge-${++hedgeN}` : `booster-${++boosterN}`;
		highlights.push({ key, layer: h.layer, start: h.start, end: h.end });
		notes[key] = {
			key,
			layer: h.layer,
			text: h.text,
			title: `${h.layer === 'hedge' ? 'Hedge' : 'Booster'}: ${h.text}`,
			lines: [
				`Type: ${hedgeTypeLabel(h.type)}`,
				// Older records (before hedging notes) lack `note`.
				h.note ?? '',
				h.inQuote ? `Inside a quote${h.quoteId && quoteKey.has(h.quoteId) ? ` (${quoteKey.get(h.quoteId)})` : ''}: the speaker’s words` : 'Outlet’s own voice'
			].filter(Boolean)
		};
	}
	[...record.loaded.hits]
		.sort((a, b) => a.start - b.start)
		.forEach((h, i) => {
			const key = `loaded-${i + 1}`;
			highlights.push({ key, layer: 'loaded', start: h.start, end: h.end });
			notes[key] = {
				key,
				layer: 'loaded',
				text: h.text,
				title: `Loaded term: ${h.term}`,
				lines: [
					`Category: ${h.category.replace(/-/g, ' ')} · strength ${h.strength} of 3`,
					h.note,
					h.alternative ? `Neutral alternative: ${h.alternative}` : 'No neutral alternative listed',
					h.inQuote ? `Inside a quote${h.quoteId && quoteKey.has(h.quoteId) ? ` (${quoteKey.get(h.quoteId)})` : ''}: a quoted voice` : 'Outlet’s own voice',
					h.isNegated ? 'Negated (“not a …”): noted, still counted' : ''
				].filter(Boolean)
			};
		});
	return { segments: segment(record.text, highlights), notes, groups };
}
