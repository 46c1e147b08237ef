import type { GoldItem } from '../eval/gold';

/**
 * Inline gold markup, stripped to plain text with spans:
 *
 *   {{Q speaker="Wang Wenbin" group="china-gov":words inside the marks}}   speech quote
 *   {{Q speaker=null role="senior official" group="us-gov":…}}            anonymous speaker
 *   {{S:special military operation}}                                       scare quote
 *   {{I speaker="Putin" group="russia-gov":the talks were warm}}           indirect speech
 *   {{C kind="navigation":Home}}                                            page chrome
 *   [[L:regime]]  [[L category="x":…]]                                      loaded term
 *   [[Hm:may]] [[Ha:reportedly]] [[He:appear to]] [[Hv:some analysts say]]
 *   [[Hd:so-called]] [[Hx:about]]                                           hedges by type
 *   [[B:clearly]]                                                           booster
 *
 * Quote marks stay outside the markup, as written. Tags nest freely.
 */

const HEDGE_CODES: Record<string, string> = {
	Hm: 'modal',
	Ha: 'adverb',
	He: 'epistemic-verb',
	Hv: 'vague-attribution',
	Hd: 'distancing',
	Hx: 'approximator'
};

/** A parsed item: every layer present, maybe empty. */
export type MarkedItem = GoldItem & Layers;

type Layers = Required<Pick<GoldItem, 'quotes' | 'indirect' | 'hedges' | 'boosters' | 'loaded' | 'chrome'>>;

type Frame = { open: '{{' | '[['; tag: string; attrs: Record<string, string | null>; start: number };

function parseHeader(header: string, where: string): { tag: string; attrs: Record<string, string | null> } {
	const m = /^(\w+)\s*(.*)$/s.exec(header);
	if (!m) throw new Error(`slant: ${where}: expected a tag like "Q" or "L", got "${header}"`);
	const attrs: Record<string, string | null> = {};
	const re = /(\w+)=(?:"([^"]*)"|(null))/g;
	let a: RegExpExecArray | null;
	let rest = m[2];
	while ((a = re.exec(m[2]))) {
		attrs[a[1]] = a[3] ? null : a[2];
		rest = rest.replace(a[0], '');
	}
	if (rest.trim() !== '') throw new Error(`slant: ${where}: cannot read attributes "${rest.trim()}"`);
	return { tag: m[1], attrs };
}

/** Strip the markup from `source`; returns the plain text and every annotated layer (all present, maybe empty). */
export function parseMarkup(id: string, source: string): MarkedItem {
	let text = '';
	const stack: Frame[] = [];
	const item: Layers = {
		quotes: [],
		indirect: [],
		hedges: [],
		boosters: [],
		loaded: [],
		chrome: []
	};
	let i = 0;
	while (i < source.length) {
		const two = source.slice(i, i + 2);
		if (two === '{{' || two === '[[') {
			const colon = source.indexOf(':', i + 2);
			if (colon === -1) throw new Error(`slant: ${id}: tag at ${i} has no ":"`);
			const { tag, attrs } = parseHeader(source.slice(i + 2, colon), `${id} at ${i}`);
			stack.push({ open: two, tag, attrs, start: text.length });
			i = colon + 1;
			continue;
		}
		if (two === '}}' || two === ']]') {
			const f = stack.pop();
			if (!f || (f.open === '{{') !== (two === '}}')) throw new Error(`slant: ${id}: unbalanced "${two}" at ${i}`);
			close(id, f, text.length, item);
			i += 2;
			continue;
		}
		text += source[i];
		i++;
	}
	if (stack.length) throw new Error(`slant: ${id}: unclosed tag "${stack[stack.length - 1].tag}"`);
	for (const layer of Object.values(item)) layer.sort((a, b) => a.start - b.start || a.end - b.end);
	for (const layer of Object.values(item))
		for (const s of layer)
			if (text.slice(s.start, s.end).trim() !== text.slice(s.start, s.end))
				throw new Error(`slant: ${id}: span "${text.slice(s.start, s.end)}" has outer whitespace`);
	return { id, text, ...item };
}

function close(id: string, f: Frame, end: number, item: Layers): void {
	const span = { start: f.start, end };
	const speaker = f.attrs.speaker === undefined ? null : f.attrs.speaker;
	const role = f.attrs.role ?? undefined;
	switch (f.tag) {
		case 'Q':
			if (f.attrs.speaker === undefined) throw new Error(`slant: ${id}: speech quote at ${f.start} has no speaker (use speaker=null)`);
			item.quotes.push({ ...span, kind: 'speech', speaker, group: f.attrs.group ?? 'other', ...(role ? { role } : {}) });
			return;
		case 'S':
			item.quotes.push({ ...span, kind: 'scare', speaker: null, group: 'other' });
			return;
		case 'I':
			if (f.attrs.speaker === undefined) throw new Error(`slant: ${id}: indirect quote at ${f.start} has no speaker (use speaker=null)`);
			item.indirect.push({ ...span, speaker, group: f.attrs.group ?? 'other', ...(role ? { role } : {}) });
			return;
		case 'C':
			item.chrome.push({ ...span, ...(f.attrs.kind ? { kind: f.attrs.kind } : {}) });
			return;
		case 'L':
			item.loaded.push({ ...span, ...(f.attrs.category ? { category: f.attrs.category } : {}) });
			return;
		case 'B':
			item.boosters.push({ ...span, type: 'booster' });
			return;
		default:
			if (HEDGE_CODES[f.tag]) {
				item.hedges.push({ ...span, type: HEDGE_CODES[f.tag] });
				return;
			}
			throw new Error(`slant: ${id}: unknown tag "${f.tag}" at ${f.start}`);
	}
}

/**
 * Split a passages source file into items. Each passage starts with a header
 * line `=== <id> [tag …]`; lines starting with `%` are annotator notes.
 */
export function parsePassages(source: string): GoldItem[] {
	const items: GoldItem[] = [];
	const chunks = source.split(/^=== /m).slice(1);
	for (const chunk of chunks) {
		const nl = chunk.indexOf('\n');
		const [id, ...tags] = chunk.slice(0, nl).trim().split(/\s+/);
		const body = chunk
			.slice(nl + 1)
			.split('\n')
			.filter((l) => !l.startsWith('%'))
			.join('\n')
			.trim();
		const item = parseMarkup(id, body);
		items.push(tags.length ? { id: item.id, text: item.text, tags, ...withoutIdText(item) } : item);
	}
	return items;
}

function withoutIdText(item: GoldItem): Omit<GoldItem, 'id' | 'text'> {
	const { id: _id, text: _text, ...rest } = item;
	return rest;
}
