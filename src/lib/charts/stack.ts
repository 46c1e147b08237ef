import { sum } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import type { GroupInfo } from '$lib/nlp/types';

/** Quoted words of one outlet, by group, with who said them. */
export type QuoteRow = {
	slug: string;
	name: string;
	wordsByGroup: Record<string, number>;
	speakers: { name: string; group: string; words: number; quotes: number }[];
	/** Per group, where the first quote of that group lives: article id and reader fragment. */
	firstByGroup: Record<string, string>;
};

export type StackSegment = {
	group: string;
	label: string;
	colour: string;
	/** Index of the group's pattern, the second cue beside colour. */
	pattern: number;
	/** Per cent of the chart's width. */
	x: number;
	width: number;
	words: number;
	share: number;
	speakers: string[];
	href: string | null;
};

export type StackBar = { slug: string; name: string; y: number; total: number; segments: StackSegment[] };

export const STACK = { left: 0, right: 99, top: 4, row: 50, bar: 22, axis: 36 } as const;
export const OTHER_GROUP: GroupInfo = { id: 'other', label: 'Other or unknown', colour: '#8a8a8a' };

/** The story's groups plus `other`, plus any group a record names that the config lacks. */
export function legendGroups(groups: GroupInfo[], rows: QuoteRow[]): GroupInfo[] {
	const out = [...groups];
	const known = new Set(out.map((g) => g.id));
	const extra = new Set(rows.flatMap((r) => Object.keys(r.wordsByGroup)));
	if (!known.has('other')) extra.add('other');
	for (const id of extra) if (!known.has(id)) out.push(id === 'other' ? OTHER_GROUP : { id, label: id, colour: OTHER_GROUP.colour });
	return out;
}

/**
 * One 100% bar per outlet, stacked by group (d3-shape's stack). Outlets with
 * no direct quotes get an empty bar, so rows line up with the other charts.
 */
export function quoteStacks(rows: QuoteRow[], groups: GroupInfo[]): { bars: StackBar[]; groups: GroupInfo[]; height: number } {
	const legend = legendGroups(groups, rows);
	const keys = legend.map((g) => g.id);
	const shares = rows.map((r) => {
		const total = sum(keys, (k) => r.wordsByGroup[k] ?? 0);
		return Object.fromEntries(keys.map((k) => [k, total ? (r.wordsByGroup[k] ?? 0) / total : 0]));
	});
	const series = stack<Record<string, number>>().keys(keys)(shares);
	const x = scaleLinear().domain([0, 1]).range([STACK.left, STACK.right]);
	const bars = rows.map((r, i) => {
		const total = sum(keys, (k) => r.wordsByGroup[k] ?? 0);
		const segments: StackSegment[] = [];
		series.forEach((s, gi) => {
			const [a, b] = s[i];
			if (b - a <= 0) return;
			const g = legend[gi];
			segments.push({
				group: g.id,
				label: g.label,
				colour: g.colour,
				pattern: gi,
				x: x(a),
				width: x(b) - x(a),
				words: r.wordsByGroup[g.id] ?? 0,
				share: b - a,
				speakers: r.speakers
					.filter((sp) => sp.group === g.id)
					.sort((p, q) => q.words - p.words)
					.map((sp) => sp.name),
				href: r.firstByGroup[g.id] ?? null
			});
		});
		return { slug: r.slug, name: r.name, y: STACK.top + i * STACK.row, total, segments };
	});
	return { bars, groups: legend, height: STACK.top + rows.length * STACK.row + STACK.axis };
}
