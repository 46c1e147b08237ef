import { describe, expect, test } from 'vitest';
import countriesData from '../../src/lib/lexicons/countries.json';
import bodiesData from '../../src/lib/lexicons/bodies.json';
import figuresData from '../../src/lib/lexicons/public-figures.json';
import { bodyByAcronym } from '../../src/lib/nlp/gazetteer';

interface Country {
	id: string;
	country: string;
	aliases: string[];
	demonyms: string[];
	capitals: string[];
	seats: string[];
	ambiguous?: string[];
}

interface Figure {
	name: string;
	aliases: string[];
	country?: string;
	org?: string;
	role: string;
	note: string;
}

interface Gazetteer<E> {
	source: string;
	licence: string;
	updated: string;
	note: string;
	entries: E[];
}

const countries = countriesData as unknown as Gazetteer<Country>;
const figures = figuresData as unknown as Gazetteer<Figure>;

// UN member states (193) plus Taiwan, Kosovo, Palestine, Vatican City, Hong Kong and Western Sahara.
const EXPECTED_IDS = `ad ae af ag al am ao ar at au az ba bb bd be bf bg bh bi bj bn bo br bs bt bw by bz ca cd cf cg ch ci cl cm cn co cr cu cv cy cz
	de dj dk dm do dz ec ee eg eh er es et fi fj fm fr ga gb gd ge gh gm gn gq gr gt gw gy hk hn hr ht hu id ie il in iq ir is it jm jo jp
	ke kg kh ki km kn kp kr kw kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mr mt mu mv mw mx my mz na ne ng ni nl no
	np nr nz om pa pe pg ph pk pl ps pt pw py qa ro rs ru rw sa sb sc sd se sg si sk sl sm sn so sr ss st sv sy sz td tg th tj tl tm tn to
	tr tt tv tw tz ua ug us uy uz va vc ve vn vu ws xk ye za zm zw`.split(/\s+/);

// Terms that really do name two countries in English news; each is claimed by exactly these ids.
const SHARED_TERMS: Record<string, string[]> = {
	congo: ['cd', 'cg'],
	congolese: ['cd', 'cg']
};

const FOLD: Record<string, string> = { ø: 'o', æ: 'ae', ð: 'd', þ: 'th', ł: 'l', đ: 'd', ß: 'ss', ı: 'i', œ: 'oe' };

/** How terms compare: lower case, diacritics folded, straight apostrophes, hyphens and runs of spaces as one space. */
function key(s: string): string {
	return s
		.toLowerCase()
		.replace(/[øæðþłđßıœ]/g, (c) => FOLD[c])
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[’‘]/g, "'")
		.replace(/[\s\-‐–]+/g, ' ')
		.trim();
}

const termsOf = (c: Country) => [c.country, ...c.aliases, ...c.demonyms, ...c.capitals, ...c.seats];
const countryIds = new Set(countries.entries.map((c) => c.id));

/** Every string in a value, with its path, for the empty-string check. */
function strings(value: unknown, path: string): [string, string][] {
	if (typeof value === 'string') return [[path, value]];
	if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
	if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
	return [];
}

describe.each([
	['countries.json', countries as Gazetteer<unknown>],
	['public-figures.json', figures as Gazetteer<unknown>]
])('%s', (_file, data) => {
	test('has the house header', () => {
		expect(data.licence).toBe('MIT');
		expect(data.updated).toBe('2026-11-23');
		expect(data.source.length).toBeGreaterThan(0);
		expect(data.note.length).toBeGreaterThan(0);
		expect(Array.isArray(data.entries)).toBe(true);
	});

	test('has no empty or padded strings', () => {
		const bad = strings(data, '$').filter(([, s]) => s.trim() === '' || s !== s.trim() || /\s{2}/.test(s));
		expect(bad).toEqual([]);
	});
});

describe('countries.json', () => {
	test('ids are unique two-letter lower-case codes, sorted', () => {
		const ids = countries.entries.map((c) => c.id);
		for (const id of ids) expect(id).toMatch(/^[a-z]{2}$/);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual([...ids].sort());
	});

	test('lists every UN member state and the six other territories, and nothing else', () => {
		expect(EXPECTED_IDS).toHaveLength(199);
		expect(countries.entries.map((c) => c.id)).toEqual([...EXPECTED_IDS].sort());
	});

	test('entries have the expected fields and no repeated terms', () => {
		for (const c of countries.entries) {
			expect(c.country, c.id).toBeTruthy();
			for (const list of [c.aliases, c.demonyms, c.capitals, c.seats]) {
				expect(Array.isArray(list), c.id).toBe(true);
				expect(new Set(list).size, `${c.id}: ${list.join(', ')}`).toBe(list.length);
			}
			for (const alias of c.aliases) expect(alias, c.id).not.toMatch(/^the\s/i);
		}
	});

	test('no term belongs to two countries, except the declared shared ones', () => {
		const owners = new Map<string, Set<string>>();
		for (const c of countries.entries) {
			for (const term of termsOf(c)) {
				const k = key(term);
				if (!owners.has(k)) owners.set(k, new Set());
				owners.get(k)!.add(c.id);
			}
		}
		const shared = Object.fromEntries([...owners].filter(([, ids]) => ids.size > 1).map(([k, ids]) => [k, [...ids].sort()]));
		expect(shared).toEqual(SHARED_TERMS);
	});

	test('ambiguous terms are terms of their own entry', () => {
		for (const c of countries.entries) {
			const own = new Set(termsOf(c));
			for (const term of c.ambiguous ?? []) expect(own.has(term), `${c.id}: ${term}`).toBe(true);
		}
	});

	test('shared terms are flagged as ambiguous where they occur', () => {
		for (const c of countries.entries) {
			for (const term of termsOf(c)) {
				if (key(term) in SHARED_TERMS) expect(c.ambiguous ?? [], `${c.id}: ${term}`).toContain(term);
			}
		}
	});
});

describe('public-figures.json', () => {
	test('has a substantial list of people', () => {
		expect(figures.entries.length).toBeGreaterThanOrEqual(400);
	});

	test('each person has exactly one of a known country or an org', () => {
		for (const p of figures.entries) {
			expect((p.country === undefined) !== (p.org === undefined), p.name).toBe(true);
			if (p.country !== undefined) expect(countryIds.has(p.country), `${p.name}: ${p.country}`).toBe(true);
			if (p.org !== undefined) expect(p.org, p.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
		}
	});

	test('roles are lower-case role words and every person has a note', () => {
		for (const p of figures.entries) {
			expect(p.role, p.name).toMatch(/^[a-z][a-z -]*[a-z]$/);
			expect(p.note.length, p.name).toBeGreaterThan(0);
			expect(Array.isArray(p.aliases), p.name).toBe(true);
		}
	});

	test('no name or alias belongs to two people', () => {
		const owners = new Map<string, Set<string>>();
		for (const p of figures.entries) {
			for (const n of [p.name, ...p.aliases]) {
				const k = key(n);
				if (!owners.has(k)) owners.set(k, new Set());
				owners.get(k)!.add(p.name);
			}
		}
		expect([...owners].filter(([, names]) => names.size > 1)).toEqual([]);
	});

	test('aliases repeat neither the name nor its bare surname', () => {
		for (const p of figures.entries) {
			expect(new Set(p.aliases).size, p.name).toBe(p.aliases.length);
			expect(p.aliases, p.name).not.toContain(p.name);
			const last = key(p.name).split(' ').pop();
			for (const alias of p.aliases) expect(key(alias), `${p.name}: ${alias}`).not.toBe(last);
		}
	});

	test('no person is named by a country term', () => {
		const countryTerms = new Set(countries.entries.flatMap((c) => termsOf(c).map(key)));
		const clashes = figures.entries.flatMap((p) => [p.name, ...p.aliases].filter((n) => countryTerms.has(key(n))));
		expect(clashes).toEqual([]);
	});
});

describe('bodies.json', () => {
	const bodies = bodiesData as { entries: { acronym: string; name: string; country?: string; org?: string; state: boolean; note: string }[] };

	test('each acronym is listed once, with a name and a note, and at most one known country or org', () => {
		const acronyms = bodies.entries.map((b) => b.acronym);
		expect(new Set(acronyms).size).toBe(acronyms.length);
		for (const b of bodies.entries) {
			expect(b.name.length, b.acronym).toBeGreaterThan(b.acronym.length - 1);
			expect(b.note.length, b.acronym).toBeGreaterThan(0);
			expect(b.country !== undefined && b.org !== undefined, b.acronym).toBe(false);
			if (b.country !== undefined) expect(countryIds.has(b.country), `${b.acronym}: ${b.country}`).toBe(true);
		}
	});

	test("a state body brings its country's demonym and 'government'; an international one its org; case matters", () => {
		expect(bodyByAcronym('IDF')).toEqual({ name: 'Israel Defense Forces', words: ['israeli', 'government'] });
		expect(bodyByAcronym('IAEA')?.words).toEqual(['iaea']);
		expect(bodyByAcronym('idf')).toBeNull();
	});
});
