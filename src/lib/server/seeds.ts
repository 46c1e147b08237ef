import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { decodeText } from '$lib/text/decode';
import { EMPTY_GROUPS, EMPTY_LEXICON_CHANGES, parseGroups } from './settings';
import type { SeedInput } from './sqlite';

const ManifestSchema = z.object({
	stories: z.array(z.object({ slug: z.string().min(1), title: z.string(), description: z.string().default(''), groups: z.string().optional() })),
	articles: z.array(
		z.object({
			file: z.string().min(1),
			id: z.string().min(1),
			story: z.string().min(1),
			outlet: z.string().nullable(),
			outletSlug: z.string().optional(),
			title: z.string().nullable(),
			author: z.string().nullable(),
			date: z.string().nullable(),
			url: z.string().nullable().optional(),
			note: z.string().optional()
		})
	)
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type SeedArticle = Manifest['articles'][number] & { text: string };

/** Where the seed corpus lives: `SLANT_SEEDS`, else `seeds/` under the working directory. */
export function seedsDir(): string {
	return resolve(process.env.SLANT_SEEDS ?? 'seeds');
}

export function readManifest(dir = seedsDir()): Manifest {
	const path = join(dir, 'manifest.json');
	const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
	if (!parsed.success) throw new Error(`slant: ${path} is not a valid manifest: ${parsed.error.message}`);
	return parsed.data;
}

/** The manifest's articles with their text, decoded exactly as the CLI decodes files. */
export function readSeedArticles(dir = seedsDir()): SeedArticle[] {
	return readManifest(dir).articles.map((a) => ({ ...a, text: decodeText(readFileSync(join(dir, a.file)), a.file) }));
}

/** The seed story's group config, if shipped (`seeds/groups/<story>.json`). */
export function readSeedGroups(story: string, dir = seedsDir()): unknown | null {
	const path = join(dir, 'groups', `${story}.json`);
	return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

/** The manifest's stories (with their group configs) and articles, ready for the store's first-start import. */
export function readSeedInput(dir = seedsDir()): SeedInput {
	const manifest = readManifest(dir);
	return {
		stories: manifest.stories.map((s) => {
			const groups = readSeedGroups(s.groups ?? s.slug, dir);
			return { slug: s.slug, title: s.title, description: s.description, settings: { groups: groups === null ? EMPTY_GROUPS : parseGroups(groups), lexicon: EMPTY_LEXICON_CHANGES } };
		}),
		articles: readSeedArticles(dir)
	};
}
