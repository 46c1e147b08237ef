/**
 * Fill patterns: the second cue beside colour for quote groups. Each is the
 * SVG content of a 6×6 pattern tile, drawn in translucent black so it reads on
 * any group colour. Index 0 has none.
 */
export const PATTERNS: string[][] = [
	[],
	['M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2'],
	['M0,3 h6'],
	['M3,0 v6'],
	['M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2', 'M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2'],
	['M0,3 h6', 'M3,0 v6'],
	['M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2']
];

/** Pattern index for a group's position in the legend (cycling, never the empty one after the first). */
export function patternFor(index: number): number {
	return index === 0 ? 0 : ((index - 1) % (PATTERNS.length - 1)) + 1;
}
