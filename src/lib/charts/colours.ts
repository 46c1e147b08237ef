import {
	symbolCircle,
	symbolCross,
	symbolDiamond,
	symbolSquare,
	symbolStar,
	symbolTriangle,
	symbolWye,
	symbol,
	type SymbolType
} from 'd3-shape';

/**
 * Outlet colours: the Okabe–Ito palette, which stays distinguishable under the
 * common colour-vision deficiencies. Yellow is left out: it vanishes on white.
 * Each outlet also gets a shape, the second cue where colours must be told apart.
 */
export const OUTLET_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

const SYMBOLS: { name: string; type: SymbolType }[] = [
	{ name: 'circle', type: symbolCircle },
	{ name: 'square', type: symbolSquare },
	{ name: 'triangle', type: symbolTriangle },
	{ name: 'diamond', type: symbolDiamond },
	{ name: 'cross', type: symbolCross },
	{ name: 'star', type: symbolStar },
	{ name: 'wye', type: symbolWye }
];

export type OutletStyle = { slug: string; name: string; colour: string; shape: string; index: number };

/**
 * One colour and shape per outlet, assigned in alphabetical order of slug so the
 * same story gives every page the same colours.
 * @example outletStyles([{ slug: 'antiwar', name: 'Antiwar.com' }]).antiwar.colour // '#0072B2'
 */
export function outletStyles(outlets: { slug: string; name: string }[]): Record<string, OutletStyle> {
	const unique = [...new Map(outlets.map((o) => [o.slug, o])).values()].sort((a, b) => a.slug.localeCompare(b.slug));
	const out: Record<string, OutletStyle> = {};
	unique.forEach((o, i) => {
		out[o.slug] = {
			slug: o.slug,
			name: o.name,
			colour: OUTLET_COLOURS[i % OUTLET_COLOURS.length],
			shape: SYMBOLS[i % SYMBOLS.length].name,
			index: i
		};
	});
	return out;
}

/** SVG path data of a shape centred on (0, 0), `area` in square pixels. */
export function shapePath(shape: string, area = 110): string {
	const type = SYMBOLS.find((s) => s.name === shape)?.type ?? symbolCircle;
	return symbol(type, area)() ?? '';
}

export const SHAPES = SYMBOLS.map((s) => s.name);

/** A readable label for tight spaces: drops a parenthetical and trims to `max` characters. */
export function shortName(name: string, max = 16): string {
	const plain = name.replace(/\s*\(.*?\)\s*/g, ' ').trim() || name;
	return plain.length <= max ? plain : plain.slice(0, max - 1).trimEnd() + '…';
}
