import { z } from 'zod';
import countriesData from '../lexicons/countries.json';
import bodiesData from '../lexicons/bodies.json';
import figuresData from '../lexicons/public-figures.json';
import { provenance, validateData } from './validate';

/**
 * Gazetteers: the world's countries (names, demonyms, capitals) and the
 * office-holders international news quotes most. They let a speaker be
 * placed when the text names no country beside them: "Venezuelan Defence
 * Minister …", "a spokesman in Caracas", "Erdoğan’s spokesman", "Kaja Kallas
 * said". Words only: a story's group config still decides which group a
 * country's government belongs to.
 */

const CountriesSchema = z.object({
	...provenance,
	entries: z.array(
		z.object({
			id: z.string().regex(/^[a-z]{2}$/),
			country: z.string().min(1),
			aliases: z.array(z.string().min(1)),
			demonyms: z.array(z.string().min(1)),
			capitals: z.array(z.string().min(1)),
			seats: z.array(z.string().min(1)).optional(),
			ambiguous: z.array(z.string().min(1)).optional()
		})
	)
});

const FiguresSchema = z.object({
	...provenance,
	entries: z.array(
		z
			.object({
				name: z.string().min(1),
				aliases: z.array(z.string().min(1)).optional(),
				country: z.string().regex(/^[a-z]{2}$/).optional(),
				org: z.string().min(1).optional(),
				role: z.string().min(1),
				note: z.string().min(1).optional()
			})
			.refine((f) => !!f.country !== !!f.org, 'expected exactly one of "country" and "org"')
	)
});

const BodiesSchema = z.object({
	...provenance,
	entries: z.array(
		z
			.object({
				acronym: z.string().min(1),
				name: z.string().min(1),
				country: z.string().regex(/^[a-z]{2}$/).optional(),
				org: z.string().min(1).optional(),
				state: z.boolean(),
				note: z.string().min(1)
			})
			.refine((b) => !(b.country && b.org), 'expected at most one of "country" and "org"')
	)
});

const countries = validateData(CountriesSchema, countriesData, 'countries.json').entries;
const figures = validateData(FiguresSchema, figuresData, 'public-figures.json').entries;
const bodies = validateData(BodiesSchema, bodiesData, 'bodies.json').entries;

const lower = (s: string) => {
	const l = s.toLowerCase();
	return l.indexOf('’') === -1 && l.indexOf('‘') === -1 && l.indexOf('`') === -1 ? l : l.replace(/[’‘`]/g, "'");
};

// Capitals and names more often a given name, a city elsewhere or a plain word in English news: never role words.
// (countries.json marks more terms `ambiguous`, such as "Turkey" or "Georgia", but news uses those for the country.)
const NOT_PLACES = new Set(['male', 'victoria', 'sofia', 'kingston', 'chad', 'car', 'nassau', 'santiago', 'georgetown', 'wellington', 'san josé', 'san jose']);

/** Every lower-case word or phrase that names a country or speaks for it: "venezuelan", "caracas", "türkiye". */
export const COUNTRY_WORDS: ReadonlySet<string> = new Set(
	countries.flatMap((c) => [c.country, ...c.aliases, ...c.demonyms, ...c.capitals, ...(c.seats ?? [])].map(lower)).filter((w) => !NOT_PLACES.has(w))
);

// The word a country's rule terms are most likely to list: its first demonym ("turkish"), else its name.
const demonymOf = new Map(countries.map((c) => [c.id, lower(c.demonyms[0] ?? c.country)]));

/** What the gazetteer knows of a person: words that place them ("turkish", "president") and their role. */
export type Figure = { words: string[]; role: string; /** The demonym or organisation that places them, when the list gives one. */ place: string | null };

function figureWords(f: (typeof figures)[number]): Figure {
	const place = f.country ? demonymOf.get(f.country) : f.org ? lower(f.org) : undefined;
	return { words: [...(place ? [place] : []), ...lower(f.role).split(/\s+/)], role: f.role, place: place ?? null };
}

const byName = new Map<string, Figure>();
const bySurname = new Map<string, Figure | null>();
for (const f of figures) {
	const known = figureWords(f);
	for (const n of [f.name, ...(f.aliases ?? [])]) byName.set(lower(n), known);
	// A family name alone places only when one listed person bears it ("Erdoğan’s spokesman").
	const parts = f.name.split(/\s+/);
	const surname = lower(parts[parts.length - 1]).replace(/^(?:al|el)-/, '');
	if (surname.length > 3) bySurname.set(surname, bySurname.has(surname) ? null : known);
}

/** The listed person a full name or alias names ("Recep Tayyip Erdoğan", "Erdogan"), if any. */
export function figureNamed(name: string): Figure | null {
	return byName.get(lower(name)) ?? null;
}

/** The one listed person with this family name, if exactly one: for "Erdoğan’s spokesman". */
export function figureBySurname(word: string): Figure | null {
	return bySurname.get(lower(word)) ?? null;
}

/** What the gazetteer knows of a body named by an acronym: its full name and words that place it ("israeli", "government"). */
export type Body = { name: string; words: string[] };

const byAcronym = new Map<string, Body>(
	bodies.map((b) => {
		const place = b.country ? demonymOf.get(b.country) : b.org ? lower(b.org) : undefined;
		return [b.acronym, { name: b.name, words: [...(place ? [place] : []), ...(b.state && b.country ? ['government'] : [])] }];
	})
);

/** The body a news acronym names ("IDF" → Israel Defense Forces), matched case and all, if listed. */
export function bodyByAcronym(acronym: string): Body | null {
	return byAcronym.get(acronym) ?? null;
}
