import type { AnalysisRecord, GroupInfo } from '$lib/nlp/types';
import { actorTotals, termTotals, type TermTotal } from './story';
import type { ArticleSummary } from '$lib/server/store';
import { PROFILE_METRICS } from '$lib/charts/metrics';
import { pairRows } from '$lib/charts/pair';
import { storyStyles } from './overview';

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

export type SideChoice = { kind: 'article' | 'outlet'; value: string };

/** `?a=` values: an article id, or `outlet:slug` for all of an outlet's articles. */
export function parseSide(raw: string | null): SideChoice | null {
	if (!raw) return null;
	return raw.startsWith('outlet:') ? { kind: 'outlet', value: raw.slice(7) } : { kind: 'article', value: raw };
}


function resolve(choice: SideChoice, articles: ArticleSummary[]): ArticleSummary[] {
	return choice.kind === 'outlet' ? articles.filter((x) => x.outletSlug === choice.value) : articles.filter((x) => x.id === choice.value);
}

/** Two sides of one story aligned: metrics, loaded terms one uses and the other does not, labels for shared actors. */
export function buildCompare(articles: ArticleSummary[], records: AnalysisRecord[], groups: GroupInfo[], a: SideChoice, b: SideChoice) {
	const sa = resolve(a, articles);
	const sb = resolve(b, articles);
	if (!sa.length || !sb.length) return null;
	const styles = storyStyles(articles);
	const label = (c: SideChoice, s: ArticleSummary[]) => (c.kind === 'outlet' ? `${s[0].outlet} (all ${s.length})` : `${s[0].outlet}: ${s[0].title ?? 'Untitled'}`);
	const short = (c: SideChoice, s: ArticleSummary[]) => (c.kind === 'outlet' ? s[0].outlet : s[0].outlet);
	const recs = (s: ArticleSummary[]) => records.filter((r) => s.some((x) => x.id === r.id));
	const allGroups = [...groups, { id: 'other', label: 'Other or unknown', colour: '#8a8a8a' }];
	return {
		a: { label: label(a, sa), short: short(a, sa), style: styles[sa[0].outletSlug], articles: sa },
		b: { label: label(b, sb), short: short(b, sb), style: styles[sb[0].outletSlug], articles: sb },
		pair: pairRows(articles, sa, sb, PROFILE_METRICS),
		words: diffWords({ label: label(a, sa), records: recs(sa) }, { label: label(b, sb), records: recs(sb) }, allGroups)
	};
}

/** Picker options: every article, then every outlet. */
export function compareOptions(articles: ArticleSummary[]) {
	const outlets = [...new Map(articles.map((x) => [x.outletSlug, x.outlet])).entries()];
	return [
		...articles.map((x) => ({ value: x.id, label: `${x.outlet}: ${x.title ?? 'Untitled'}` })),
		...outlets.map(([slug, name]) => ({ value: `outlet:${slug}`, label: `All of ${name}` }))
	];
}
