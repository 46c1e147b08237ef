import { ANALYZER_VERSION } from '$lib/nlp/analyze';
import type { GroupConfig } from '$lib/nlp/quotes';
import type { AnalysisRecord } from '$lib/nlp/types';
import { slugify } from '$lib/slug';
import { InputError } from '$lib/text/decode';
import { cacheKey, LEXICON_HASH, sha256 } from './cache';
import type { Db } from './db';
import { recordRow, type RecordRow } from './record-row';
import { openScorer, rescoreWorkers } from './score-pool';
import { scoreArticle } from './score-task';
import { EMPTY_GROUPS, EMPTY_LEXICON_CHANGES, parseGroups, parseLexiconChanges, type StorySettings } from './settings';
import type {
	ArticleDraft,
	ArticleSummary,
	ImportErrorItem,
	QuoteDigest,
	RescoreProgress,
	SavedArticle,
	SaveOptions,
	SaveResult,
	Store,
	StorySummary
} from './store';

export type SqliteStoreOptions = {
	/** Overrides, for tests that simulate an analyzer or lexicon upgrade. */
	analyzerVersion?: string;
	lexiconHash?: string;
	/** Articles per re-scoring batch: one message to a worker thread, one transaction. */
	batchSize?: number;
	/** Worker threads for re-scoring (0: in-process); default `SLANT_RESCORE_WORKERS`, else the cores, capped. */
	rescoreWorkers?: number;
};

type ArticleRow = {
	id: string;
	story: string;
	seq: number;
	text: string;
	source: string | null;
	outlet: string | null;
	outlet_slug: string;
	title: string | null;
	author: string | null;
	date: string | null;
	url: string | null;
};

type StoryRow = { slug: string; title: string; description: string; groups_json: string; lexicon_json: string };

type Job = RescoreProgress & { restart: boolean; promise: Promise<void> };

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** Throws `InputError('invalid')` unless `slug` is a story slug (lower-case letters, digits, hyphens). */
export function checkSlug(slug: string): string {
	if (!SLUG.test(slug)) throw new InputError('invalid', `slant: expected a story slug of lower-case letters, digits and hyphens, found "${slug.slice(0, 100)}"`);
	return slug;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The store over an open SQLite database (see `openDb`). */
export type SqliteStore = Store & {
	/** Import the seed corpus in one transaction (first start). */
	importSeeds(seed: SeedInput): void;
	/** True when the database holds no story yet. */
	isEmpty(): boolean;
};

export function createSqliteStore(db: Db, options: SqliteStoreOptions = {}): SqliteStore {
	const version = options.analyzerVersion ?? ANALYZER_VERSION;
	const lexiconHash = options.lexiconHash ?? LEXICON_HASH;
	const batchSize = options.batchSize ?? 20;
	const jobs = new Map<string, Job>();
	const keys = new Map<string, string>();

	const q = {
		stories: db.prepare(`SELECT s.slug, s.title, s.description, (SELECT COUNT(*) FROM articles a WHERE a.story = s.slug) AS articleCount FROM stories s ORDER BY s.created_at, s.slug`),
		story: db.prepare(`SELECT slug, title, description, groups_json, lexicon_json FROM stories WHERE slug = ?`),
		count: db.prepare(`SELECT COUNT(*) AS n FROM articles WHERE story = ?`),
		insertStory: db.prepare(`INSERT INTO stories (slug, title, description, groups_json, lexicon_json, created_at) VALUES (?, ?, ?, ?, ?, ?)`),
		updateSettings: db.prepare(`UPDATE stories SET groups_json = ?, lexicon_json = ? WHERE slug = ?`),
		nextSeq: db.prepare(`SELECT COALESCE(MAX(seq), -1) + 1 AS n FROM articles`),
		duplicate: db.prepare(`SELECT id FROM articles WHERE story = ? AND text_sha256 = ? ORDER BY seq LIMIT 1`),
		insertArticle: db.prepare(
			`INSERT INTO articles (id, story, seq, text, text_sha256, source, outlet, outlet_slug, title, author, date, url, created_at)
			 VALUES (@id, @story, @seq, @text, @sha, @source, @outlet, @outletSlug, @title, @author, @date, @url, @createdAt)`
		),
		upsertRecord: db.prepare(
			`INSERT INTO records (article_id, cache_key, record_json, outlet, title, author, date, word_count, sentence_count, is_english,
				loaded_per1000, narrator_per1000, quoted_per1000, loaded_weighted, hedges_per1000, boosters_per1000, hedged_sentence_share,
				certainty, balance, anonymous_share, quoted_share, quotes_json, scored_at)
			 VALUES (@id, @key, @json, @outlet, @title, @author, @date, @wordCount, @sentenceCount, @isEnglish, @loadedPer1000, @narratorPer1000,
				@quotedPer1000, @loadedWeighted, @hedgesPer1000, @boostersPer1000, @hedgedSentenceShare, @certainty, @balance, @anonymousShare,
				@quotedShare, @quotesJson, @scoredAt)
			 ON CONFLICT (article_id) DO UPDATE SET cache_key = excluded.cache_key, record_json = excluded.record_json, outlet = excluded.outlet,
				title = excluded.title, author = excluded.author, date = excluded.date, word_count = excluded.word_count,
				sentence_count = excluded.sentence_count, is_english = excluded.is_english, loaded_per1000 = excluded.loaded_per1000,
				narrator_per1000 = excluded.narrator_per1000, quoted_per1000 = excluded.quoted_per1000, loaded_weighted = excluded.loaded_weighted,
				hedges_per1000 = excluded.hedges_per1000, boosters_per1000 = excluded.boosters_per1000,
				hedged_sentence_share = excluded.hedged_sentence_share, certainty = excluded.certainty, balance = excluded.balance,
				anonymous_share = excluded.anonymous_share, quoted_share = excluded.quoted_share, quotes_json = excluded.quotes_json,
				scored_at = excluded.scored_at`
		),
		summaries: db.prepare(
			`SELECT a.id, a.story, COALESCE(r.outlet, a.outlet, 'Unknown outlet') AS outlet, a.outlet_slug AS outletSlug,
				COALESCE(r.title, a.title) AS title, COALESCE(r.author, a.author) AS author, COALESCE(r.date, a.date) AS date,
				r.word_count AS wordCount, r.sentence_count AS sentenceCount, r.is_english AS isEnglish, r.loaded_per1000 AS loadedPer1000,
				r.narrator_per1000 AS narratorPer1000, r.quoted_per1000 AS quotedPer1000, r.loaded_weighted AS loadedWeighted,
				r.hedges_per1000 AS hedgesPer1000, r.boosters_per1000 AS boostersPer1000, r.hedged_sentence_share AS hedgedSentenceShare,
				r.certainty, r.balance, r.anonymous_share AS anonymousShare, r.quoted_share AS quotedShare, r.quotes_json AS quotesJson
			 FROM articles a JOIN records r ON r.article_id = a.id WHERE a.story = ? ORDER BY a.seq`
		),
		records: db.prepare(`SELECT a.*, r.cache_key, r.record_json FROM articles a LEFT JOIN records r ON r.article_id = a.id WHERE a.story = ? ORDER BY a.seq`),
		record: db.prepare(`SELECT a.*, r.cache_key, r.record_json FROM articles a LEFT JOIN records r ON r.article_id = a.id WHERE a.id = ?`),
		recordsByIds: db.prepare(
			`SELECT a.*, r.cache_key, r.record_json FROM articles a LEFT JOIN records r ON r.article_id = a.id
			 WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.seq`
		),
		staleCount: db.prepare(`SELECT COUNT(*) AS n FROM articles a LEFT JOIN records r ON r.article_id = a.id WHERE a.story = ? AND (r.cache_key IS NULL OR r.cache_key != ?)`),
		staleBatch: db.prepare(
			`SELECT a.* FROM articles a LEFT JOIN records r ON r.article_id = a.id
			 WHERE a.story = ? AND a.seq > ? AND (r.cache_key IS NULL OR r.cache_key != ?) ORDER BY a.seq LIMIT ?`
		)
	};

	function storyRow(slug: string): StoryRow | null {
		return (q.story.get(slug) as StoryRow | undefined) ?? null;
	}

	function settingsOf(row: StoryRow): StorySettings {
		return { groups: JSON.parse(row.groups_json) as GroupConfig, lexicon: JSON.parse(row.lexicon_json) };
	}

	function keyFor(story: string): string {
		let key = keys.get(story);
		if (!key) {
			const row = storyRow(story);
			key = cacheKey(row ? settingsOf(row) : { groups: EMPTY_GROUPS, lexicon: EMPTY_LEXICON_CHANGES }, version, lexiconHash);
			keys.set(story, key);
		}
		return key;
	}

	function settingsFor(story: string): StorySettings {
		const row = storyRow(story);
		return row ? settingsOf(row) : { groups: EMPTY_GROUPS, lexicon: EMPTY_LEXICON_CHANGES };
	}

	function writeRow(row: RecordRow, key: string): void {
		q.upsertRecord.run({ ...row, key, scoredAt: new Date().toISOString() });
	}

	function writeRecord(record: AnalysisRecord, key: string): void {
		writeRow(recordRow(record), key);
	}

	const writeRecords = db.transaction((records: AnalysisRecord[], key: string) => {
		for (const r of records) writeRecord(r, key);
	});

	const writeRows = db.transaction((rows: RecordRow[], key: string) => {
		for (const r of rows) writeRow(r, key);
	});

	/** The cached record, re-computed (and re-cached) when stale. */
	function current(row: (ArticleRow & { cache_key: string | null; record_json: string | null }) | undefined): AnalysisRecord | null {
		if (!row) return null;
		const key = keyFor(row.story);
		if (row.cache_key === key && row.record_json) return JSON.parse(row.record_json) as AnalysisRecord;
		const record = scoreArticle(row, settingsFor(row.story));
		writeRecords([record], key);
		return record;
	}

	function ensureStorySync(slug: string, title?: string, description = '', settings?: StorySettings): StorySummary {
		checkSlug(slug);
		if (!storyRow(slug)) {
			const s = settings ?? { groups: EMPTY_GROUPS, lexicon: EMPTY_LEXICON_CHANGES };
			q.insertStory.run(slug, title?.trim() || slug, description, JSON.stringify(s.groups), JSON.stringify(s.lexicon), new Date().toISOString());
		}
		return storySummary(slug)!;
	}

	function storySummary(slug: string): StorySummary | null {
		const row = storyRow(slug);
		if (!row) return null;
		return { slug: row.slug, title: row.title, description: row.description, articleCount: (q.count.get(slug) as { n: number }).n };
	}

	// One function owns the re-scoring loop. Batches are analysed on worker threads
	// (one wink model each) while this thread reads the next batch and writes the
	// finished ones, each batch in one transaction.
	async function runRescore(story: string, job: Job): Promise<void> {
		// Start on a later tick: the request that started the job answers first.
		await yieldToLoop();
		const stale = (q.staleCount.get(story, keyFor(story)) as { n: number }).n;
		const workers = options.rescoreWorkers ?? rescoreWorkers(stale, batchSize);
		const scorer = await openScorer(Math.min(workers, Math.ceil(stale / batchSize)));
		if (scorer.isThreaded) console.log(`slant: re-scoring ${stale} articles of "${story}" on ${scorer.parallel} worker threads`);
		let failure: unknown = null;
		try {
			do {
				job.restart = false;
				const key = keyFor(story);
				const settings = settingsFor(story);
				job.total = (q.staleCount.get(story, key) as { n: number }).n;
				job.done = 0;
				let after = -1;
				const inFlight = new Set<Promise<void>>();
				while (!job.restart && failure === null) {
					const batch = q.staleBatch.all(story, after, key, batchSize) as ArticleRow[];
					if (batch.length === 0) break;
					after = batch[batch.length - 1].seq;
					const done = scorer
						.score(batch, settings)
						.then((results) => {
							const rows: RecordRow[] = [];
							for (const r of results) {
								if ('row' in r) rows.push(r.row);
								else console.error(`slant: could not re-score ${r.id}: ${r.error}`);
							}
							// A settings change during the batch makes these records stale already.
							if (keyFor(story) === key) writeRows(rows, key);
							job.done += batch.length;
						})
						.catch((e: unknown) => {
							failure ??= e;
						})
						.finally(() => inFlight.delete(done));
					inFlight.add(done);
					if (inFlight.size >= scorer.parallel * 2) await Promise.race(inFlight);
					// In-process scoring blocks while it runs: let requests through between batches.
					await yieldToLoop();
				}
				await Promise.all(inFlight);
				if (failure !== null) throw failure;
			} while (job.restart);
		} finally {
			await scorer.close();
		}
	}

	function startRescore(story: string): RescoreProgress {
		const running = jobs.get(story);
		if (running?.running) {
			running.restart = true;
			return progressOf(running);
		}
		const total = (q.staleCount.get(story, keyFor(story)) as { n: number }).n;
		const job: Job = { done: 0, total, running: true, restart: false, promise: Promise.resolve() };
		jobs.set(story, job);
		job.promise = runRescore(story, job)
			.catch((e) => console.error(`slant: re-scoring "${story}" failed: ${(e as Error).message}`))
			.finally(() => {
				job.running = false;
				job.done = job.total;
			});
		return progressOf(job);
	}

	function progressOf(job: RescoreProgress): RescoreProgress {
		return { done: job.done, total: job.total, running: job.running };
	}

	function hasStale(story: string): boolean {
		return (q.staleCount.get(story, keyFor(story)) as { n: number }).n > 0;
	}

	const insertBatch = db.transaction((story: string, drafts: { draft: ArticleDraft; record: AnalysisRecord; sha: string }[], allowDuplicate: boolean, key: string) => {
		const saved: SavedArticle[] = [];
		const errors: ImportErrorItem[] = [];
		let seq = (q.nextSeq.get() as { n: number }).n;
		for (const { draft, record, sha } of drafts) {
			const dup = q.duplicate.get(story, sha) as { id: string } | undefined;
			if (dup && !(allowDuplicate || draft.allowDuplicate)) {
				errors.push(duplicateError(draft, dup.id));
				continue;
			}
			const id = `${String(seq).padStart(3, '0')}_${sha.slice(0, 16)}`;
			seq++;
			const outlet = draft.outlet?.trim() || null;
			q.insertArticle.run({
				id,
				story,
				seq: seq - 1,
				text: draft.text,
				sha,
				source: draft.source ?? draft.ref.filename ?? null,
				outlet,
				outletSlug: slugify(outlet ?? record.outlet ?? 'unknown'),
				title: draft.title?.trim() || null,
				author: draft.author?.trim() || null,
				date: draft.date?.trim() || null,
				url: draft.url?.trim() || null,
				createdAt: new Date().toISOString()
			});
			const final = { ...record, id };
			writeRecord(final, key);
			saved.push({
				...draft.ref,
				id,
				story,
				outlet: final.outlet,
				title: final.title,
				wordCount: final.wordCount,
				isEnglish: final.language.isEnglish,
				warnings: final.warnings
			});
		}
		return { saved, errors };
	});

	function duplicateError(draft: ArticleDraft, of: string): ImportErrorItem {
		const name = draft.ref.filename ? `"${draft.ref.filename}"${draft.ref.line ? ` (line ${draft.ref.line})` : ''}` : `article ${draft.ref.index}`;
		return { ...draft.ref, code: 'duplicate', reason: `slant: ${name} has the same text as ${of}, already in this story; send allowDuplicate to save it again`, duplicateOf: of };
	}

	const importSeedsTx = db.transaction((seed: SeedInput) => {
		for (const s of seed.stories) ensureStorySync(s.slug, s.title, s.description, s.settings);
		for (const a of seed.articles) {
			const sha = sha256(a.text);
			const outletSlug = a.outletSlug ?? slugify(a.outlet ?? 'unknown');
			const seqMatch = /^(\d+)_/.exec(a.id);
			const seq = seqMatch ? Number(seqMatch[1]) : (q.nextSeq.get() as { n: number }).n;
			const row = { id: a.id, story: a.story, seq, text: a.text, source: a.file, outlet: a.outlet, outlet_slug: outletSlug, title: a.title, author: a.author, date: a.date, url: a.url ?? null };
			q.insertArticle.run({ ...row, sha, outletSlug, createdAt: new Date().toISOString() });
			writeRecord(scoreArticle(row, settingsFor(a.story)), keyFor(a.story));
		}
	});

	return {
		async listStories() {
			return q.stories.all() as StorySummary[];
		},
		async getStory(slug) {
			return storySummary(slug);
		},
		async listArticles(story) {
			// Overview numbers come straight from columns; stale rows are re-scored in the background.
			if (!jobs.get(story)?.running && hasStale(story)) startRescore(story);
			const rows = q.summaries.all(story) as (Omit<ArticleSummary, 'isEnglish' | 'quotes'> & { isEnglish: number; quotesJson: string | null })[];
			return rows.map(({ quotesJson, ...r }) => ({
				...r,
				isEnglish: r.isEnglish === 1,
				...(quotesJson ? { quotes: JSON.parse(quotesJson) as QuoteDigest } : {})
			}));
		},
		async getRecords(story) {
			// Re-scoring a large story inline would stall this request for minutes; stale
			// records are served as cached (each names its analyzer version) while the job runs.
			const rows = q.records.all(story) as NonNullable<Parameters<typeof current>[0]>[];
			const key = keyFor(story);
			if (!jobs.get(story)?.running && rows.some((r) => r.cache_key !== key)) startRescore(story);
			return rows.map((r) => (r.record_json ? (JSON.parse(r.record_json) as AnalysisRecord) : current(r)!));
		},
		async getRecord(id) {
			return current(q.record.get(id) as Parameters<typeof current>[0]);
		},
		async getRecordsByIds(ids) {
			// As in getRecords: stale records are served as cached while their story is re-scored.
			const rows = q.recordsByIds.all(JSON.stringify(ids)) as NonNullable<Parameters<typeof current>[0]>[];
			for (const story of new Set(rows.filter((r) => r.cache_key !== keyFor(r.story)).map((r) => r.story))) {
				if (!jobs.get(story)?.running) startRescore(story);
			}
			return rows.map((r) => (r.record_json ? (JSON.parse(r.record_json) as AnalysisRecord) : current(r)!));
		},
		async getGroups(story) {
			return settingsFor(story).groups;
		},
		async ensureStory(slug, title) {
			return ensureStorySync(slug, title);
		},
		async saveArticles(story, drafts, options: SaveOptions = {}) {
			checkSlug(story);
			ensureStorySync(story, options.storyTitle);
			const errors: ImportErrorItem[] = [];
			const ready: { draft: ArticleDraft; record: AnalysisRecord; sha: string }[] = [];
			const seen = new Map<string, string>();
			const allowDuplicate = options.allowDuplicate === true;
			for (const draft of drafts) {
				const sha = sha256(draft.text);
				const inBatch = seen.get(sha);
				if (inBatch !== undefined && !(allowDuplicate || draft.allowDuplicate)) {
					errors.push({ ...duplicateError(draft, inBatch), reason: `slant: ${draft.ref.filename ? `"${draft.ref.filename}"` : `article ${draft.ref.index}`} has the same text as ${inBatch} in this batch` });
					continue;
				}
				seen.set(sha, draft.ref.filename ?? `article ${draft.ref.index}`);
				const settings = settingsFor(story);
				const meta = { id: 'pending', story, text: draft.text, source: draft.source ?? draft.ref.filename ?? null, outlet: draft.outlet?.trim() || null, title: draft.title?.trim() || null, author: draft.author?.trim() || null, date: draft.date?.trim() || null, url: draft.url?.trim() || null };
				ready.push({ draft, sha, record: scoreArticle(meta, settings) });
				// Long batches must not starve other clients of the event loop.
				if (ready.length % 5 === 0) await yieldToLoop();
			}
			// Settings may have changed while scoring; such records are re-scored lazily.
			const result = insertBatch(story, ready, allowDuplicate, keyFor(story));
			return { saved: result.saved, errors: [...errors, ...result.errors].sort((a, b) => a.index - b.index || (a.line ?? 0) - (b.line ?? 0)) } satisfies SaveResult;
		},
		async getSettings(story) {
			const row = storyRow(story);
			return row ? settingsOf(row) : null;
		},
		async saveSettings(story, settings) {
			if (!storyRow(story)) throw new InputError('invalid', `slant: no story "${story}"`);
			const clean = { groups: parseGroups(settings.groups), lexicon: parseLexiconChanges(settings.lexicon) };
			db.transaction(() => q.updateSettings.run(JSON.stringify(clean.groups), JSON.stringify(clean.lexicon), story))();
			keys.delete(story);
			return startRescore(story);
		},
		async rescoreProgress(story) {
			const job = jobs.get(story);
			if (job) return progressOf(job);
			const total = (q.count.get(story) as { n: number }).n;
			return { done: total, total, running: false };
		},
		async rescoreStale() {
			for (const s of q.stories.all() as StorySummary[]) if (hasStale(s.slug)) startRescore(s.slug);
		},
		async whenRescored(story) {
			while (jobs.get(story)?.running) await jobs.get(story)!.promise;
		},
		async close() {
			await Promise.all([...jobs.values()].map((j) => j.promise));
			db.close();
		},
		importSeeds(seed: SeedInput) {
			importSeedsTx(seed);
		},
		isEmpty() {
			return (q.stories.all() as unknown[]).length === 0;
		}
	};
}

/** The seed corpus in the shape the store imports on first start. */
export type SeedInput = {
	stories: { slug: string; title: string; description: string; settings: StorySettings }[];
	articles: { id: string; story: string; file: string; text: string; outlet: string | null; outletSlug?: string; title: string | null; author: string | null; date: string | null; url?: string | null }[];
};
