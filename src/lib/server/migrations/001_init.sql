-- Stories own their settings: actor groups and lexicon changes, both JSON.
CREATE TABLE stories (
	slug TEXT PRIMARY KEY,
	title TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	groups_json TEXT NOT NULL DEFAULT '{"groups":[]}',
	lexicon_json TEXT NOT NULL DEFAULT '{"add":[],"disable":[],"recategorise":[]}',
	created_at TEXT NOT NULL
);

-- Articles verbatim, as decoded (or as extracted from HTML), with their metadata.
CREATE TABLE articles (
	id TEXT PRIMARY KEY,
	story TEXT NOT NULL REFERENCES stories (slug) ON DELETE CASCADE,
	seq INTEGER NOT NULL UNIQUE,
	text TEXT NOT NULL,
	text_sha256 TEXT NOT NULL,
	source TEXT,
	outlet TEXT,
	outlet_slug TEXT NOT NULL,
	title TEXT,
	author TEXT,
	date TEXT,
	url TEXT,
	created_at TEXT NOT NULL
);
CREATE INDEX articles_story ON articles (story, seq);
CREATE INDEX articles_hash ON articles (story, text_sha256);

-- The cached analysis: the full record as JSON, plus the numbers overview pages
-- need as columns, so a 1,000-article story lists without parsing records.
CREATE TABLE records (
	article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	cache_key TEXT NOT NULL,
	record_json TEXT NOT NULL,
	outlet TEXT,
	title TEXT,
	author TEXT,
	date TEXT,
	word_count INTEGER NOT NULL,
	sentence_count INTEGER NOT NULL,
	is_english INTEGER NOT NULL,
	loaded_per1000 REAL NOT NULL,
	narrator_per1000 REAL NOT NULL,
	quoted_per1000 REAL NOT NULL,
	loaded_weighted REAL NOT NULL,
	hedges_per1000 REAL NOT NULL,
	boosters_per1000 REAL NOT NULL,
	hedged_sentence_share REAL NOT NULL,
	certainty REAL NOT NULL,
	balance REAL,
	anonymous_share REAL NOT NULL,
	quoted_share REAL NOT NULL,
	scored_at TEXT NOT NULL
);
CREATE INDEX records_key ON records (cache_key);
