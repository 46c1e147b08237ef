import { z } from 'zod';
import { COUNTRY_WORDS } from './gazetteer';
import { provenance, validateData } from './validate';
import verbsData from '../lexicons/reporting-verbs.json';
import rolesData from '../lexicons/roles.json';
import defaultGroupsData from '../lexicons/groups-default.json';

// ---------------------------------------------------------------- reporting verbs and roles


const VerbsSchema = z.object({
	...provenance,
	entries: z.array(
		z.object({
			term: z.string().min(1),
			forms: z.array(z.string().min(1)).min(1),
			category: z.string().min(1),
			indirect: z.boolean(),
			note: z.string().min(1)
		})
	),
	phrases: z.array(z.object({ term: z.string().min(1), category: z.string().min(1), note: z.string().min(1) }))
});

const RolesSchema = z.object({
	...provenance,
	entries: z.array(z.object({ term: z.string().min(1), category: z.string().min(1), note: z.string().min(1) }))
});

/** One reporting verb form ("said") with its lemma entry. */
export type VerbInfo = { lemma: string; category: string; isIndirect: boolean; isWeak: boolean };

function loadVerbs(): Map<string, VerbInfo> {
	const data = validateData(VerbsSchema, verbsData, 'reporting-verbs.json');
	const forms = new Map<string, VerbInfo>();
	for (const e of data.entries) {
		for (const f of e.forms) {
			if (forms.has(f)) throw new Error(`reporting-verbs.json: duplicate form "${f}" in "${e.term}"`);
			forms.set(f, { lemma: e.term, category: e.category, isIndirect: e.indirect, isWeak: e.category === 'weak' });
		}
	}
	return forms;
}

function loadRoles(): Map<string, Set<string>> {
	const data = validateData(RolesSchema, rolesData, 'roles.json');
	const byCategory = new Map<string, Set<string>>();
	for (const e of data.entries) {
		const set = byCategory.get(e.category) ?? new Set<string>();
		if (set.has(e.term)) throw new Error(`roles.json: duplicate term "${e.term}" in category "${e.category}"`);
		set.add(e.term);
		byCategory.set(e.category, set);
	}
	return byCategory;
}

/** Reporting verb forms, lower case → lemma entry. */
export const VERBS = loadVerbs();
const ROLES = loadRoles();
const roleSet = (category: string) => ROLES.get(category) ?? new Set<string>();
/** Words of speaker phrases, by job. All lower case. */
export const WORDS = {
	title: roleSet('title'),
	person: roleSet('person'),
	government: roleSet('government'),
	organisation: roleSet('organisation'),
	anonymous: roleSet('anonymous'),
	anonymousPhrase: [...roleSet('anonymous-phrase')],
	// Every country's names, demonyms and capitals from the gazetteer, plus blocs and regions ("Western", "EU").
	nationality: new Set([...roleSet('nationality'), ...COUNTRY_WORDS]),
	collective: roleSet('collective'),
	pronoun: roleSet('pronoun'),
	definite: roleSet('definite'),
	document: roleSet('document'),
	female: roleSet('female'),
	male: roleSet('male')
};

/** A body word, singular or plural ("Centers for Disease Control"). */
export function isBodyWord(w: string): boolean {
	return WORDS.organisation.has(w) || (w.endsWith('s') && WORDS.organisation.has(w.slice(0, -1)));
}

// ---------------------------------------------------------------- group configs

const GroupRuleSchema = z.object({
	type: z.enum(['organisation', 'role', 'nationality']),
	terms: z.array(z.string().min(1)).min(1),
	group: z.string().min(1),
	needs: z.literal('government').optional(),
	note: z.string().optional()
});

const GroupConfigSchema = z.object({
	source: z.string().optional(),
	licence: z.string().optional(),
	updated: z.string().optional(),
	story: z.string().optional(),
	note: z.string().optional(),
	groups: z.array(z.object({ id: z.string().min(1), label: z.string().min(1), colour: z.string().regex(/^#[0-9a-fA-F]{6}$/), note: z.string().optional() })),
	actors: z
		.array(
			z.object({
				id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
				name: z.string().min(1),
				aliases: z.array(z.string().min(1)),
				group: z.string().min(1),
				kind: z.enum(['person', 'organisation']).optional(),
				note: z.string().optional()
			})
		)
		.optional(),
	rules: z.array(GroupRuleSchema).optional()
});

/** A rule placing speakers the config does not list: by organisation name, role word, or nationality (+ a government word when `needs` says so). */
/** Lower-case particles inside personal names: "Lula da Silva", "Ursula von der Leyen", "Ahmed al-Sharaa". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'da', 'do', 'dos', 'das', 'di', 'du', 'del', 'della', 'van', 'von', 'der', 'den', 'al', 'bin', 'ibn', 'el', 'la', 'le']);

export type GroupRule = z.infer<typeof GroupRuleSchema>;

/**
 * A story's actor groups: groups with label and colour, known actors with
 * aliases, and rules for everyone else. Rules apply in order; the first that
 * matches wins; speakers no rule places are `other`.
 */
export type GroupConfig = z.infer<typeof GroupConfigSchema>;

/** Validates a group config (a story's `seeds/groups/<story>.json`); throws naming `file` and the bad entry. */
export function parseGroupConfig(data: unknown, file: string): GroupConfig {
	const config = validateData(GroupConfigSchema, data, file);
	const ids = new Set<string>();
	for (const g of config.groups) {
		if (ids.has(g.id)) throw new Error(`${file}: duplicate group "${g.id}"`);
		ids.add(g.id);
	}
	const actorIds = new Set<string>();
	for (const a of config.actors ?? []) {
		if (actorIds.has(a.id)) throw new Error(`${file}: duplicate actor "${a.id}"`);
		actorIds.add(a.id);
		if (!ids.has(a.group)) throw new Error(`${file}: actor "${a.id}" has unknown group "${a.group}"`);
	}
	for (const r of config.rules ?? []) {
		if (!ids.has(r.group)) throw new Error(`${file}: rule "${r.terms[0]}" has unknown group "${r.group}"`);
		// A gap needs words on both sides: "former * ambassador", not "* ambassador".
		const open = r.terms.find((t) => /^\*|\*$/.test(t.trim()));
		if (open) throw new Error(`${file}: rule term "${open}" starts or ends with "*"; expected words on both sides of a gap`);
	}
	return config;
}

/** The generic config used when a story has none: generic groups and rules, no actors. */
export const DEFAULT_GROUPS: GroupConfig = parseGroupConfig(defaultGroupsData, 'groups-default.json');
