import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/lib/nlp/analyze';
import type { AnalysisRecord, Span } from '../../src/lib/nlp/types';
import { decodeText } from '../../src/lib/text/decode';
import { loadGroups, ROOT, SEEDS_DIR } from './sets';

export const GOLDEN_DIR = join(ROOT, 'tests/golden');

type ManifestArticle = { id: string; file: string; story: string; outlet: string | null; title: string | null; author: string | null; date: string | null; url?: string | null };

/** Analyse every seed as the dashboard does: manifest metadata and the seed story's group config. */
export function analyzeSeeds(): AnalysisRecord[] {
	const manifest = JSON.parse(readFileSync(join(SEEDS_DIR, 'manifest.json'), 'utf8')) as { articles: ManifestArticle[] };
	const groups = loadGroups();
	return manifest.articles.map((a) => {
		const text = decodeText(readFileSync(join(SEEDS_DIR, a.file)), a.file);
		const meta = { source: a.file, outlet: a.outlet, title: a.title, author: a.author, date: a.date, story: a.story, url: a.url ?? null };
		return analyze({ id: a.id, text, meta }, { groups });
	});
}

export type Golden = Record<string, unknown>;

/**
 * The reviewed part of a record: spans with their text and the numbers, not the
 * full `text`, so that a change reads as a short diff.
 */
export function goldenOf(r: AnalysisRecord): Golden {
	const slice = (s: Span) => r.text.slice(s.start, s.end);
	const q = r.quotes;
	const l = r.loaded;
	const h = r.hedging;
	return {
		id: r.id,
		analyzerVersion: r.analyzerVersion,
		wordCount: r.wordCount,
		sentenceCount: r.sentenceCount,
		narratorWords: r.narratorWords,
		language: r.language,
		warnings: r.warnings,
		body: r.body.map((b) => ({ start: b.start, end: b.end, kind: b.kind, text: slice(b) })),
		chrome: r.chrome.map((c) => ({ start: c.start, end: c.end, kind: c.kind, reason: c.reason, text: slice(c) })),
		quotes: {
			items: q.items.map((x) => ({
				start: x.start,
				end: x.end,
				text: x.text,
				kind: x.kind,
				speaker: x.speaker,
				role: x.role,
				group: x.group,
				attribution: x.attribution,
				continues: x.continues,
				depth: x.depth
			})),
			indirect: q.indirect.map((x) => ({ start: x.start, end: x.end, text: x.text, speaker: x.speaker, role: x.role, group: x.group, cue: x.cue })),
			numbers: {
				wordsByGroup: q.wordsByGroup,
				shareByGroup: q.shareByGroup,
				balance: q.balance,
				anonymousShare: q.anonymousShare,
				quotedShare: q.quotedShare,
				quotedWords: q.quotedWords,
				indirectByGroup: q.indirectByGroup
			},
			speakers: q.speakers
		},
		loaded: {
			hits: l.hits.map((x) => ({ start: x.start, end: x.end, text: x.text, entry: x.entry, category: x.category, strength: x.strength, inQuote: x.inQuote, isNegated: x.isNegated })),
			numbers: { per1000: l.per1000, narratorPer1000: l.narratorPer1000, quotedPer1000: l.quotedPer1000, weighted: l.weighted, byCategory: l.byCategory }
		},
		hedging: {
			hedges: h.hedges.map((x) => ({ start: x.start, end: x.end, text: x.text, type: x.type, inQuote: x.inQuote })),
			boosters: h.boosters.map((x) => ({ start: x.start, end: x.end, text: x.text, type: x.type, inQuote: x.inQuote })),
			numbers: {
				hedgesPer1000: h.hedgesPer1000,
				boostersPer1000: h.boostersPer1000,
				hedgesPerSentence: h.hedgesPerSentence,
				boostersPerSentence: h.boostersPerSentence,
				byType: h.byType,
				hedgedSentenceShare: h.hedgedSentenceShare,
				certainty: h.certainty,
				narrator: h.narrator,
				quoted: h.quoted
			}
		}
	};
}

export function goldenPath(id: string): string {
	return join(GOLDEN_DIR, `${id}.json`);
}

export function readGolden(id: string): Golden | null {
	const path = goldenPath(id);
	return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Golden) : null;
}

/** Pretty-printed with tabs and a final newline, so the files diff line by line. */
export function formatGolden(g: Golden): string {
	return JSON.stringify(g, null, '\t') + '\n';
}

type SpanLike = { start: number; end: number; text?: string };

function isSpanList(x: unknown): x is SpanLike[] {
	return Array.isArray(x) && x.every((e) => e !== null && typeof e === 'object' && typeof (e as SpanLike).start === 'number' && typeof (e as SpanLike).end === 'number');
}

function isObject(x: unknown): x is Record<string, unknown> {
	return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function show(x: unknown): string {
	const s = JSON.stringify(x) ?? 'undefined';
	return s.length > 90 ? s.slice(0, 87) + '…' : s;
}

function spanLabel(s: SpanLike): string {
	const text = s.text === undefined ? '' : ` ${show(s.text)}`;
	return `[${s.start}, ${s.end})${text}`;
}

/**
 * What changed between two golden records, one readable line per change:
 * `+`/`-` for spans added or removed (with their text), `~` for a changed value.
 * Empty when they agree.
 */
export function diffGolden(expected: unknown, actual: unknown, path = ''): string[] {
	if (isSpanList(expected) && isSpanList(actual)) {
		const key = (s: SpanLike) => `${s.start}:${s.end}`;
		const before = new Map(expected.map((s) => [key(s), s]));
		const after = new Map(actual.map((s) => [key(s), s]));
		const out: string[] = [];
		for (const [k, s] of before) if (!after.has(k)) out.push(`- ${path} ${spanLabel(s)}`);
		for (const [k, s] of after) if (!before.has(k)) out.push(`+ ${path} ${spanLabel(s)}`);
		for (const [k, s] of before) {
			const t = after.get(k);
			if (t) out.push(...diffGolden(s, t, `${path}[${s.start}, ${s.end})`));
		}
		return out;
	}
	if (isObject(expected) && isObject(actual)) {
		const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
		return keys.flatMap((k) => diffGolden(expected[k], actual[k], path ? `${path}.${k}` : k));
	}
	if (JSON.stringify(expected) === JSON.stringify(actual)) return [];
	return [`~ ${path}: ${show(expected)} → ${show(actual)}`];
}
