import type { AnalysisRecord, GroupInfo } from '$lib/nlp/types';
import type { ArticleSummary } from '$lib/server/store';
import type { QuoteRow } from '$lib/charts/stack';
import { outletOrder } from '$lib/charts/summary';
import { slugify } from '$lib/slug';

/** Outlet slug of a record, from the story's summaries (the store knows it; records may not). */
export function slugOf(articles: ArticleSummary[], record: AnalysisRecord): string {
	return articles.find((a) => a.id === record.id)?.outletSlug ?? slugify(record.outlet ?? 'unknown');
}

/**
 * Quoted words by group per outlet, with speakers, and for each group the
 * reader link to its first quote (in the article quoting that group most).
 * Reads the summaries' quote digests only, never full records.
 */
export function quoteRows(articles: ArticleSummary[]): QuoteRow[] {
	return outletOrder(articles).map(({ slug, name }) => {
		const wordsByGroup: Record<string, number> = {};
		const speakers = new Map<string, { name: string; group: string; words: number; quotes: number }>();
		const best = new Map<string, { words: number; href: string }>();
		for (const a of articles) {
			if (a.outletSlug !== slug || !a.quotes) continue;
			const { quotes } = a;
			for (const [g, w] of Object.entries(quotes.wordsByGroup)) wordsByGroup[g] = (wordsByGroup[g] ?? 0) + w;
			for (const s of quotes.speakers) {
				const id = `${s.group}|${s.actorId ?? s.name}`;
				const cur = speakers.get(id) ?? { name: s.name, group: s.group, words: 0, quotes: 0 };
				cur.words += s.words;
				cur.quotes += s.quotes;
				speakers.set(id, cur);
			}
			for (const [g, w] of Object.entries(quotes.wordsByGroup)) {
				const index = quotes.firstSpeechByGroup[g];
				if (index === undefined) continue;
				if ((best.get(g)?.words ?? -1) < w) best.set(g, { words: w, href: `/article/${encodeURIComponent(a.id)}?layer=quotes#quote-${index + 1}` });
			}
		}
		return {
			slug,
			name,
			wordsByGroup,
			speakers: [...speakers.values()],
			firstByGroup: Object.fromEntries([...best.entries()].map(([g, b]) => [g, b.href]))
		};
	});
}

export type TermTotal = { term: string; category: string; alternative: string | null; count: number; narrator: number; href: string };

/** Loaded terms of some records, most used first, each linked to its first use. */
export function termTotals(records: AnalysisRecord[]): TermTotal[] {
	const out = new Map<string, TermTotal>();
	for (const r of records) {
		const hits = [...r.loaded.hits].sort((a, b) => a.start - b.start);
		hits.forEach((h, i) => {
			const cur = out.get(h.entry) ?? {
				term: h.term,
				category: h.category,
				alternative: h.alternative,
				count: 0,
				narrator: 0,
				href: `/article/${encodeURIComponent(r.id)}?layer=loaded#loaded-${i + 1}`
			};
			cur.count++;
			if (!h.inQuote) cur.narrator++;
			out.set(h.entry, cur);
		});
	}
	return [...out.values()].sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
}

export type ActorTotal = { name: string; group: string; groupLabel: string; colour: string; named: boolean; quotes: number; words: number; labels: string[]; href: string | null };

/** Speakers of some records, most quoted words first, with the labels (roles) each record gives them. */
export function actorTotals(records: AnalysisRecord[], groups: GroupInfo[]): ActorTotal[] {
	const out = new Map<string, ActorTotal>();
	for (const r of records) {
		for (const s of r.quotes.speakers) {
			const id = s.actorId ?? `${s.group}|${s.name}`;
			const g = groups.find((x) => x.id === s.group);
			const cur = out.get(id) ?? {
				name: s.name,
				group: s.group,
				groupLabel: g?.label ?? 'Other or unknown',
				colour: g?.colour ?? '#8a8a8a',
				named: s.named,
				quotes: 0,
				words: 0,
				labels: [],
				href: null
			};
			cur.quotes += s.quotes;
			cur.words += s.words;
			const qi = r.quotes.items.findIndex((q) => (q.actorId ?? q.speaker) === (s.actorId ?? s.name));
			if (qi >= 0 && !cur.href) cur.href = `/article/${encodeURIComponent(r.id)}?layer=quotes#quote-${qi + 1}`;
			for (const q of r.quotes.items) {
				if ((q.actorId ?? q.speaker) !== (s.actorId ?? s.name) || !q.role) continue;
				if (!cur.labels.includes(q.role)) cur.labels.push(q.role);
			}
			out.set(id, cur);
		}
	}
	return [...out.values()].sort((a, b) => b.words - a.words || b.quotes - a.quotes);
}
