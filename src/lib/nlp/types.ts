/**
 * The analysis record: the contract between the NLP stage, storage, the CLI,
 * the dashboard and exports. Add fields; never rename or remove one.
 *
 * Every span is `[start, end)` in UTF-16 code units into `text`, the input
 * exactly as decoded, so `text.slice(start, end) === span.text`.
 */

export type Span = { start: number; end: number };

/** Article blocks. `subhead` and `caption` are body; the rest of `ChromeKind` is not. */
export type BodyKind = 'headline' | 'dek' | 'byline' | 'dateline' | 'paragraph' | 'subhead' | 'caption';
export type ChromeKind =
	| 'navigation'
	| 'site-name'
	| 'prompt'
	| 'teaser'
	| 'bio'
	| 'hashtags'
	| 'symbols'
	| 'comments'
	| 'duplicate'
	| 'boilerplate';

export type BodyBlock = Span & { kind: BodyKind };
export type ChromeBlock = Span & { kind: ChromeKind; reason: string };

export type ArticleMeta = {
	source?: string | null;
	outlet?: string | null;
	title?: string | null;
	author?: string | null;
	date?: string | null;
	story?: string | null;
	url?: string | null;
};

export type AnalyzeInput = { id: string; text: string; meta?: ArticleMeta };

export type Language = {
	/** ISO 639-1 where known, `und` when the text is too short to tell. */
	code: string;
	isEnglish: boolean;
	/** Share of body words that are common English function words. */
	englishScore: number;
};

// ---------------------------------------------------------------- quotes

export type QuoteKind = 'speech' | 'scare';

/**
 * What kind of source speaks: a `person` (or several named together), an
 * `organisation` ("the Kremlin", "Reuters"), an `anonymous` source ("a senior
 * official", "diplomats"), a `document` ("the joint statement", "a readout"),
 * or `unknown` (no speaker found, an unresolved pronoun, a scare quote).
 */
export type SpeakerKind = 'person' | 'organisation' | 'anonymous' | 'document' | 'unknown';

export type Quote = Span & {
	/** Stable within a record: `q1`, `q2`, … in text order. */
	id: string;
	text: string;
	kind: QuoteKind;
	/** The opening mark as written (`"`, `“`, `‘`, `«`, `„`, `'`). */
	mark: string;
	/** True when no closing mark was found and the span ends at the paragraph's end. */
	isUnclosed: boolean;
	/** Display name of the actor ("Wang Wenbin"), null for anonymous or unknown speakers. */
	speaker: string | null;
	/** Story-wide actor id ("vladimir-putin"), null when there is no speaker. */
	actorId: string | null;
	named: boolean;
	/** What is known of the speaker besides the name ("Foreign Ministry spokesperson", "senior US official"). */
	role: string | null;
	/** Group id from the story's group config; `other` when unknown. */
	group: string;
	/** Person, organisation, anonymous source, document or unknown; tells "sources said" from "the ministry said". Absent in records stored by older analyzer versions. */
	speakerKind?: SpeakerKind;
	/** Where the speaker is named in the text, if anywhere near the quote. */
	speakerSpan: Span | null;
	/** The reporting cue ("said", "told reporters", "according to"). */
	cue: string | null;
	cueSpan: Span | null;
	/** How the speaker was found: `cue`, `colon`, `pronoun`, `continuation`, `none`. */
	attribution: 'cue' | 'colon' | 'pronoun' | 'continuation' | 'none';
	/** Words inside the marks. */
	words: number;
	/** Index into `record.body` of the paragraph holding the quote. */
	block: number;
	/** Id of the quote this one continues (multi-paragraph quotes), else null. */
	continues: string | null;
	/** Nesting depth: 0 for outermost quotes. Nested quotes count for the outer speaker. */
	depth: number;
};

export type IndirectQuote = Span & {
	id: string;
	/** The reported clause. */
	text: string;
	speaker: string | null;
	actorId: string | null;
	named: boolean;
	role: string | null;
	group: string;
	/** As on `Quote`. */
	speakerKind?: SpeakerKind;
	speakerSpan: Span | null;
	cue: string;
	cueSpan: Span;
	words: number;
	block: number;
};

export type SpeakerTotal = {
	actorId: string | null;
	/** Display name, or the role for anonymous speakers. */
	name: string;
	named: boolean;
	group: string;
	quotes: number;
	words: number;
};

export type GroupInfo = { id: string; label: string; colour: string };

export type QuotesSection = {
	items: Quote[];
	indirect: IndirectQuote[];
	/** Words of speech quotes by group id. */
	wordsByGroup: Record<string, number>;
	shareByGroup: Record<string, number>;
	/** Normalised Shannon entropy of `wordsByGroup` over the story's groups: 0 one voice, 1 all equal. Null with no speech quotes. */
	balance: number | null;
	/** Share of speech-quote words from anonymous speakers. */
	anonymousShare: number;
	/** Speech-quote words / body words. */
	quotedShare: number;
	quotedWords: number;
	speakers: SpeakerTotal[];
	indirectByGroup: Record<string, number>;
	/** The groups of the story's config, for legends. */
	groups: GroupInfo[];
};

// ---------------------------------------------------------------- loaded language

export type LoadedHit = Span & {
	text: string;
	/** Lexicon entry id. */
	entry: string;
	/** The entry's term as listed ("flood with weapons"). */
	term: string;
	/** Lemmas of the matched tokens, space-joined. */
	lemma: string;
	category: string;
	strength: 1 | 2 | 3;
	alternative: string | null;
	note: string;
	/** Inside a speech quote (scare quotes do not count as someone else's voice). */
	inQuote: boolean;
	/** Id of the quote holding the hit, when `inQuote`. */
	quoteId: string | null;
	/** A negation governs the hit ("not a regime"); noted, still counted. */
	isNegated: boolean;
	/** Inside scare quotes: the outlet mentions the term as someone else's; counted in `per1000`, in neither voice. */
	inScareQuote?: boolean;
};

export type CategoryScore = { count: number; per1000: number };

export type TermCount = { entry: string; term: string; category: string; count: number; alternative: string | null };

export type LoadedSection = {
	per1000: number;
	narratorPer1000: number;
	quotedPer1000: number;
	/** Strength-weighted hits per 1,000 body words. */
	weighted: number;
	byCategory: Record<string, CategoryScore>;
	topTerms: TermCount[];
	hits: LoadedHit[];
	/** Hits outside speech quotes (the outlet's own voice). */
	narratorHits?: number;
	/** Hits inside speech quotes. */
	quotedHits?: number;
};

// ---------------------------------------------------------------- hedging

export type HedgeType =
	| 'modal'
	| 'adverb'
	| 'epistemic-verb'
	| 'vague-attribution'
	| 'distancing'
	| 'approximator'
	| 'booster';

export type HedgeCue = Span & {
	text: string;
	type: HedgeType;
	/** Lexicon entry id (`anonymous-speaker` for an unnamed speaker found by the quotes analyzer). */
	cue: string;
	/** The entry's note, for the reader ("claim rests on unnamed reports"). */
	note: string;
	/** Inside a speech quote (scare quotes do not count as someone else's voice). */
	inQuote: boolean;
	/** Id of the outermost speech quote holding the cue, when `inQuote`. */
	quoteId: string | null;
	/** Index into `record.sentences`. */
	sentence: number;
};

export type VoiceRates = { hedgesPer1000: number; boostersPer1000: number };

export type HedgingSection = {
	hedges: HedgeCue[];
	boosters: HedgeCue[];
	hedgesPer1000: number;
	boostersPer1000: number;
	hedgesPerSentence: number;
	boostersPerSentence: number;
	byType: Record<string, number>;
	/** Body sentences with at least one hedge / body sentences. */
	hedgedSentenceShare: number;
	/** (boosters − hedges) / (boosters + hedges), 0 when neither. */
	certainty: number;
	narrator: VoiceRates;
	quoted: VoiceRates;
	/** Indices into `record.sentences` of sentences with at least one hedge. */
	hedgedSentences: number[];
};

// ---------------------------------------------------------------- the record

export type AnalysisRecord = {
	id: string;
	source: string | null;
	outlet: string | null;
	title: string | null;
	author: string | null;
	date: string | null;
	story: string | null;
	url: string | null;
	/** Bumped whenever a change to code or data can change a record. */
	analyzerVersion: string;
	text: string;
	body: BodyBlock[];
	chrome: ChromeBlock[];
	/** Body sentences, in text order. */
	sentences: Span[];
	wordCount: number;
	sentenceCount: number;
	/** Words in the outlet's own voice (body words outside speech quotes). */
	narratorWords: number;
	language: Language;
	/** Things a reader of the numbers should know ("not English: not scored"). */
	warnings: string[];
	loaded: LoadedSection;
	quotes: QuotesSection;
	hedging: HedgingSection;
};

/** What the CLI and the import emit for an input that could not be read. */
export type ErrorRecord = { id: string; source: string | null; error: string; errorCode: string };

// ---------------------------------------------------------------- per-story settings

/** One loaded-language lexicon entry, as stored in `src/lib/lexicons/loaded*.json` or added by a story. */
export type LoadedEntry = {
	id: string;
	term: string;
	category: string;
	strength: 1 | 2 | 3;
	alternative: string | null;
	note: string;
	source: string;
	/** Universal POS tags the matched (single-word) token must carry, e.g. `["VERB"]`. */
	pos?: string[];
	/** Context rules that drop a hit; words are compared with token lemmas and normals. */
	unless?: LoadedContextRule;
	/** Context the hit needs: "invasion" is loaded only where the sentence is about migrants. */
	only?: LoadedContextRule;
};

/** When a lexicon match is not loaded: "sanctions regime", "attack" in a sports report. */
export type LoadedContextRule = {
	/** One of the two words before the match. */
	prev?: string[];
	/** The word right after the match. */
	next?: string[];
	/** Any word of the same sentence. */
	sentence?: string[];
};

/** A story's changes to the shipped loaded-language lexicon. */
export type LexiconChanges = {
	add: LoadedEntry[];
	/** Entry ids to switch off. */
	disable: string[];
	recategorise: { entry: string; category: string }[];
};
