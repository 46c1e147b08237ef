/**
 * Every lexicon shipped in `src/lib/lexicons/`, read generically for the
 * methods page: provenance (`source`, `licence`, `updated`) and entries, with
 * whichever of the usual fields each file has. Files are data, so this never
 * needs to know one loader's API.
 */
const FILES = import.meta.glob<Record<string, unknown>>('/src/lib/lexicons/*.json', { eager: true, import: 'default' });

const FIELDS = ['term', 'phrase', 'acronym', 'name', 'country', 'org', 'role', 'demonyms', 'capitals', 'category', 'type', 'kind', 'strength', 'alternative', 'note', 'source'] as const;

export type LexiconTable = {
	file: string;
	source: string;
	licence: string;
	updated: string | null;
	note: string | null;
	count: number;
	columns: string[];
	rows: string[][];
};

function text(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (Array.isArray(v)) return v.map(text).join(', ');
	if (typeof v === 'object') return '';
	return String(v);
}

/** Lexicons with their entries as rows of text; files without an `entries` list show provenance only. */
export function listLexicons(): LexiconTable[] {
	return Object.entries(FILES)
		.map(([path, data]) => {
			const entries = Array.isArray(data.entries) ? (data.entries as Record<string, unknown>[]) : [];
			const columns = FIELDS.filter((f) => entries.some((e) => e && e[f] !== undefined && e[f] !== null));
			return {
				file: path.split('/').pop() ?? path,
				source: text(data.source) || 'not stated',
				licence: text(data.licence) || 'not stated',
				updated: text(data.updated) || null,
				note: text(data.note) || null,
				count: entries.length,
				columns: [...columns],
				rows: entries.map((e) => columns.map((c) => text(e[c])))
			};
		})
		.sort((a, b) => a.file.localeCompare(b.file));
}

/** What each file is for, in a student's words. */
export const LEXICON_ROLES: Record<string, string> = {
	'loaded-curated.json': 'Loaded terms: the main list',
	'loaded-style-guides.json': 'Loaded terms from newsroom style guides',
	'loaded-vader.json': 'Loaded terms drawn from the VADER sentiment lexicon',
	'loaded-evaluative.json': 'Evaluative words',
	'hedges.json': 'Hedges',
	'boosters.json': 'Boosters',
	'reporting-verbs.json': 'Reporting verbs: cues that attribute a quote',
	'roles.json': 'Titles and roles: how speakers are recognised',
	'boilerplate.json': 'Page chrome: phrases that mark text as not part of the article',
	'language.json': 'Language detection: common function words',
	'groups-default.json': 'Default speaker groups',
	'countries.json': 'Countries: names, demonyms and capitals that place a speaker',
	'public-figures.json': 'Office-holders: who serves which country or organisation',
	'bodies.json': 'Bodies named by acronym: their full name and the country or organisation that places them'
};
