import type { AnalysisRecord, GroupInfo } from '$lib/nlp/types';
import { actorTotals, termTotals, type TermTotal } from './story';

export type Side = { label: string; records: AnalysisRecord[] };

export type ActorLabels = { name: string; a: string[]; b: string[] };

export type WordDiff = {
	onlyA: TermTotal[];
	onlyB: TermTotal[];
	shared: { term: string; a: number; b: number; category: string }[];
	/** Actors quoted by both sides, with the labels each gives them. */
	actors: ActorLabels[];
};

/** The words one side uses where the other does not: loaded terms, and labels for the same actors. */
export function diffWords(a: Side, b: Side, groups: GroupInfo[]): WordDiff {
	const ta = termTotals(a.records);
	const tb = termTotals(b.records);
	const inB = new Map(tb.map((t) => [t.term, t]));
	const inA = new Map(ta.map((t) => [t.term, t]));
	const aa = actorTotals(a.records, groups);
	const ab = actorTotals(b.records, groups);
	return {
		onlyA: ta.filter((t) => !inB.has(t.term)),
		onlyB: tb.filter((t) => !inA.has(t.term)),
		shared: ta.filter((t) => inB.has(t.term)).map((t) => ({ term: t.term, a: t.count, b: inB.get(t.term)!.count, category: t.category })),
		actors: aa
			.filter((x) => ab.some((y) => y.name === x.name))
			.map((x) => ({ name: x.name, a: x.labels, b: ab.find((y) => y.name === x.name)!.labels }))
	};
}
