import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Article } from '../corpus/types.js';
import { queryTerms, STOP_WORDS } from '../search/index.js';
import { finishInSteps, finishNow, nextTurn, type Steps } from '../search/steps.js';
import { boundedDistance, foldTerm, foldText, words } from '../text/index.js';
import { extractQuotes } from './extractQuotes.js';
import { joiningParts, joinParts, splittingParts, toParts, type JsonParts } from './jsonParts.js';
import { restoreTextIndex, restoringTextIndex } from './restoreTextIndex.js';
import { SpeakerDirectory, type SpeakerDirectoryData, type SpeakerSummary } from './speakerDirectory.js';
import type { Quote } from './types.js';

/** What a quotation's reply shows of its article. */
export interface ArticleInfo {
  headline: string;
  /** ISO date or date-time as the article gives it; null when unknown. */
  date: string | null;
  source: string | null;
  url: string | null;
}

/** A quotation found by its words, with its article and how well it matched (0–1, higher is better). */
export interface QuoteMatch {
  quote: Quote;
  article: ArticleInfo;
  score: number;
}

/** Options of {@link QuoteIndex.findByText}. */
export interface FindByTextOptions {
  /**
   * Share of the query's words a quotation must contain (typos and prefixes forgiven) to be returned at all.
   * @default 0.6
   */
  minCoverage?: number;
}

/**
 * The persisted form of a {@link QuoteIndex} (see `toJSON`). The built structures are kept as JSON text: restoring
 * them is a parse on first use instead of re-tokenising every quotation, and a string costs next to nothing to
 * copy through `v8.serialize` or a worker's `postMessage`. `toJSON` writes them in parts ({@link JsonParts}), which a
 * reload restores one per turn of the event loop; one whole JSON text (as an older version wrote) is read as well.
 * Without them (version 1), they are rebuilt from `quotes`.
 */
export interface QuoteIndexJSON {
  version: 1 | 2;
  quotes: Quote[];
  articles: [string, ArticleInfo][];
  /** MiniSearch's own serialised text index over the quotations (`miniSearch.toJSON()`), in parts or whole. */
  text?: JsonParts | string;
  /** The speaker directory's {@link SpeakerDirectoryData}, in parts or whole. */
  speakers?: JsonParts | string;
}

/**
 * The lookup structures of a {@link QuoteIndex} built away from the thread that answers (see
 * {@link QuoteIndex.structuresOf}): its text index and speaker directory as {@link JsonParts}.
 */
export interface QuoteStructures {
  text: JsonParts;
  speakers: JsonParts;
}

/** Saved JSON, whole or in parts, as one value (see {@link QuoteIndexJSON}). */
const savedValue = <T>(saved: JsonParts | string): T => (typeof saved === 'string' ? (JSON.parse(saved) as T) : joinParts<T>(saved));

/** {@link savedValue}, a part per step. */
function* savedValueInSteps<T>(saved: JsonParts | string): Steps<T> {
  if (typeof saved === 'string') return JSON.parse(saved) as T;
  return yield* joiningParts<T>(saved);
}

type TextIndex = MiniSearch<{ id: number; quote: string }>;
const textIndexOptions = { fields: ['quote'], processTerm };

const defaultFindOptions: Required<FindByTextOptions> = { minCoverage: 0.6 };
/** Longest `text` looked up; the `/quote text` option allows 200 characters. */
const MAX_TEXT_QUERY = 300;
/**
 * Quotations indexed between two yields of {@link QuoteIndex.prepareInSteps} (at 7,050 articles, 53,000 quotations take
 * about 0.3 s to index in all): well under a millisecond, so the step runner's budget decides when the loop turns.
 */
const STEP_QUOTES = 100;
/**
 * Quotations put in the per-article lists (or articles in the article map) per step of {@link QuoteIndex.prepareInSteps}
 * (of {@link QuoteIndex.restoring}): well under a millisecond, the step runner's budget decides when the loop turns.
 */
const STEP_LISTS = 2_000;
/** Candidates the inverted index hands to the fuzzy ranking. */
const CANDIDATES = 50;
/** Leading words of a "who said …" question, and quotation marks, are not part of the quotation searched for. */
const QUESTION_PREFIX = /^\s*(?:who\s+(?:said|says|say|did\s+say|told|wrote|tweeted)(?:\s+that)?|which\s+\w+\s+said)\s*[:,]?\s*/iu;
const QUOTE_MARKS = /["“”„«»‘’]|(?:^|\s)'|'(?=\s|$)/gu;

/** The text index over `quotes` (ids are their positions), {@link STEP_QUOTES} quotations per step (see `finishInSteps`). */
function* indexingText(quotes: readonly Quote[]): Steps<TextIndex> {
  const text: TextIndex = new MiniSearch(textIndexOptions);
  for (let id = 0; id < quotes.length; id += 1) {
    if (id > 0 && id % STEP_QUOTES === 0) yield;
    const quote = quotes[id]!;
    // Indirect speech is the reporter's wording, not words anyone said: only quotations are searched by text.
    if (quote.kind !== 'indirect') text.add({ id, quote: quote.quote });
  }
  return text;
}

const newestFirst = (a: { date: string | null }, b: { date: string | null }): number =>
  a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1;

function processTerm(term: string): string | null {
  const folded = foldTerm(term);
  return folded.length < 2 || STOP_WORDS.has(folded) ? null : folded;
}

/** True when `term` appears in `words`, as a word, a prefix of one, or with one typo for longer words. */
function containsTerm(words: readonly string[], term: string): boolean {
  const stem = term.length > 5 ? term.slice(0, term.length - 2) : term;
  return words.some((word) => word === term || word.startsWith(stem) || (term.length > 4 && boundedDistance(word, term, 1) <= 1));
}

/** The text layer's words of `text`, folded as the search index folds them. */
const foldedWords = (text: string): string[] => words(text).map(foldTerm); // foldText(text), word by word

/**
 * Every quotation of the coverage, searchable by its words ("who said …") and by speaker ("what did … say").
 * Read-only once made. The text index, the speaker directory and the by-article lists are made on first use (from
 * their persisted form when there is one): a start does not pay for lookups nobody has asked for yet.
 */
export class QuoteIndex {
  readonly #quotes: Quote[];
  readonly #articles: Map<string, ArticleInfo>;
  #byArticleMap: Map<string, Quote[]> | null = null;
  #speakerDirectory: SpeakerDirectory | null = null;
  #textIndex: TextIndex | null = null;
  /** Persisted forms not restored yet (see {@link QuoteIndexJSON}). */
  #savedText: JsonParts | string | undefined;
  #savedSpeakers: JsonParts | string | undefined;
  /** Structures built elsewhere and restored, kept until the index is saved (see {@link QuoteIndex.prepareInSteps}). */
  #keptText: JsonParts | undefined;
  #keptSpeakers: JsonParts | undefined;

  private constructor(quotes: Quote[], articles: Map<string, ArticleInfo>, saved: Pick<QuoteIndexJSON, 'text' | 'speakers'> = {}) {
    this.#quotes = quotes;
    this.#articles = articles;
    this.#savedText = saved.text;
    this.#savedSpeakers = saved.speakers;
  }

  get #byArticle(): Map<string, Quote[]> {
    this.#byArticleMap ??= finishNow(this.#listingByArticle());
    return this.#byArticleMap;
  }

  /** The per-article lists, pausing after every {@link STEP_LISTS} quotations. */
  *#listingByArticle(): Steps<Map<string, Quote[]>> {
    const byArticle = new Map<string, Quote[]>();
    for (let i = 0; i < this.#quotes.length; i += 1) {
      if (i > 0 && i % STEP_LISTS === 0) yield;
      const quote = this.#quotes[i]!;
      const list = byArticle.get(quote.articleId);
      if (list) list.push(quote);
      else byArticle.set(quote.articleId, [quote]);
    }
    return byArticle;
  }

  get #speakers(): SpeakerDirectory {
    if (this.#speakerDirectory) return this.#speakerDirectory;
    const saved = this.#savedSpeakers;
    // Once restored, the text is dropped: the structure holds the same, and toJSON can serialise it again.
    this.#savedSpeakers = undefined;
    return (this.#speakerDirectory =
      saved === undefined ? SpeakerDirectory.fromQuotes(this.#quotes) : SpeakerDirectory.fromData(savedValue<SpeakerDirectoryData>(saved), this.#quotes));
  }

  get #text(): TextIndex {
    if (this.#textIndex) return this.#textIndex;
    const saved = this.#savedText;
    this.#savedText = undefined;
    if (saved !== undefined) return (this.#textIndex = restoreTextIndex(saved, textIndexOptions));
    return (this.#textIndex = finishNow(indexingText(this.#quotes)));
  }

  /**
   * Extracts the quotations of every article and indexes them.
   * @example QuoteIndex.fromArticles([seed]).size // => 19
   */
  static fromArticles(articles: readonly Article[]): QuoteIndex {
    return QuoteIndex.fromExtracted(articles, articles.flatMap((article) => extractQuotes(article)));
  }

  /**
   * An index over quotations extracted already (e.g. on several threads), in the order `fromArticles` lists them.
   * @example QuoteIndex.fromExtracted(articles, articles.flatMap(extractQuotes)).size === QuoteIndex.fromArticles(articles).size // => true
   */
  static fromExtracted(articles: readonly Article[], quotes: Quote[]): QuoteIndex {
    const infos = new Map<string, ArticleInfo>();
    for (const article of articles) infos.set(article.id, { headline: article.headline, date: article.date, source: article.source, url: article.url });
    return new QuoteIndex(quotes, infos);
  }

  /**
   * Rebuilds an index from {@link QuoteIndex.toJSON}'s output without extracting again.
   * @example QuoteIndex.fromJSON(index.toJSON()).size === index.size // => true
   */
  static fromJSON(json: QuoteIndexJSON): QuoteIndex {
    return finishNow(QuoteIndex.restoring(json));
  }

  /**
   * {@link fromJSON} in steps of {@link STEP_LISTS} articles (run with `finishInSteps` while the bot answers: a
   * reload); the lookup structures are then made by {@link prepareInSteps}.
   * @example (await finishInSteps(QuoteIndex.restoring(index.toJSON()))).size === index.size // => true
   */
  static *restoring(json: QuoteIndexJSON): Steps<QuoteIndex> {
    const articles = new Map<string, ArticleInfo>();
    for (let i = 0; i < json.articles.length; i += 1) {
      if (i > 0 && i % STEP_LISTS === 0) yield;
      const [id, info] = json.articles[i]!;
      articles.set(id, info);
    }
    return new QuoteIndex(json.quotes, articles, json);
  }

  /**
   * The index as plain data, for saving: the quotations, their articles and the built lookup structures, these in
   * parts ({@link JsonParts}) that a reload restores a part per turn of the event loop.
   */
  toJSON(): QuoteIndexJSON {
    return finishNow(this.#serializing());
  }

  /**
   * {@link toJSON} with the event loop turning between steps (see `finishInSteps`): for an index saved while the bot
   * answers (the index written after a cold start), where serialising the text index in one go held the loop for
   * a few hundred milliseconds.
   * @example JSON.stringify(await index.toJSONInSteps()) === JSON.stringify(index.toJSON()) // => true
   */
  toJSONInSteps(): Promise<QuoteIndexJSON> {
    return finishInSteps(this.#serializing());
  }

  *#serializing(): Steps<QuoteIndexJSON> {
    const saved = (value: JsonParts | string | undefined): JsonParts | undefined => (typeof value === 'string' ? toParts(JSON.parse(value) as object) : value);
    const savedText = this.#keptText ?? saved(this.#savedText);
    const text = savedText ?? (yield* splittingParts(this.#text.toJSON()));
    yield;
    const savedSpeakers = this.#keptSpeakers ?? saved(this.#savedSpeakers);
    const speakers = savedSpeakers ?? (yield* splittingParts(this.#speakers.toData()));
    // Saved once: the copies are not kept for a second time (toJSON serialises the structures then).
    this.#keptText = this.#keptSpeakers = undefined;
    yield;
    return { version: 2, quotes: this.#quotes, articles: [...this.#articles], text, speakers };
  }

  /**
   * Makes now what is otherwise made on the first lookup (text index, speaker directory, per-article lists), so that
   * no user's first `/quote` pays for it: at 100,000 articles the text index takes about 2 s to restore.
   * @example index.prepare(); index.findByText('moral stain')[0]?.quote.speaker // => 'Alain Juppe', without the delay
   */
  prepare(): void {
    void this.#text;
    void this.#speakers;
    void this.#byArticle;
  }

  /**
   * The lookup structures over `quotes` (in the order the index will hold them), built whole and split into
   * {@link JsonParts}: for a worker thread, so that the thread that answers only restores them
   * ({@link prepareInSteps}) and, when it saves the index, writes those parts as they are instead of serialising
   * its own copy (at 7,050 articles `MiniSearch#toJSON` alone held the event loop for about 0.1 s).
   * @example index.prepareInSteps(Promise.resolve(QuoteIndex.structuresOf(quotes)))
   */
  static structuresOf(quotes: readonly Quote[]): QuoteStructures {
    return {
      text: toParts(finishNow(indexingText(quotes)).toJSON()),
      speakers: toParts(SpeakerDirectory.fromQuotes(quotes).toData()),
    };
  }

  /**
   * {@link prepare} for an index made while the bot answers (a reload, the quotations arriving after a cold start):
   * each structure is made in steps of a few milliseconds, the event loop turning between them (the shared runner,
   * `finishInSteps`), so no interaction waits behind it. `built`: the structures made elsewhere (a worker thread, see
   * {@link structuresOf}); they are restored one part ({@link JsonParts}) per step, then by MiniSearch's own stepped
   * loader, and kept until the index is saved ({@link toJSONInSteps} writes them as they are). Without them, or when
   * `built` resolves null, the text index is built here {@link STEP_QUOTES} quotations at a time (or restored from
   * the persisted form) and the speaker directory in one step; the per-article lists {@link STEP_LISTS} quotations
   * per step.
   * @example await index.prepareInSteps(parts.structures); index.prepared // => true
   */
  async prepareInSteps(built: Promise<QuoteStructures | null> = Promise.resolve(null)): Promise<void> {
    const structures = await built;
    if (structures) {
      // Kept (not dropped once restored) for the index written after a cold start; see #serializing.
      if (!this.#textIndex) this.#savedText = this.#keptText = structures.text;
      if (!this.#speakerDirectory) this.#savedSpeakers = this.#keptSpeakers = structures.speakers;
    }
    if (!this.#textIndex) {
      const saved = this.#savedText;
      this.#savedText = undefined;
      const text =
        saved === undefined
          ? await finishInSteps(indexingText(this.#quotes))
          : typeof saved === 'string'
            ? restoreTextIndex(saved, textIndexOptions)
            : await finishInSteps(restoringTextIndex(saved, textIndexOptions));
      // A lookup meanwhile may have made it already (synchronously): the first one made is kept.
      this.#textIndex ??= text;
    }
    if (!this.#speakerDirectory) {
      const saved = this.#savedSpeakers;
      if (saved !== undefined) {
        const data = await finishInSteps(savedValueInSteps<SpeakerDirectoryData>(saved));
        await nextTurn();
        const restored = await finishInSteps(SpeakerDirectory.restoring(data, this.#quotes));
        if (!this.#speakerDirectory) {
          this.#speakerDirectory = restored;
          this.#savedSpeakers = undefined;
        }
      } else {
        await nextTurn();
        void this.#speakers;
      }
    }
    if (!this.#byArticleMap) {
      await nextTurn();
      const lists = await finishInSteps(this.#listingByArticle());
      this.#byArticleMap ??= lists;
    }
  }

  /** True once the lookup structures exist (built, restored or {@link prepare}d): no lookup pays for making them. */
  get prepared(): boolean {
    return this.#textIndex !== null && this.#speakerDirectory !== null && this.#byArticleMap !== null;
  }

  /** How many quotations (all kinds) the index holds. */
  get size(): number {
    return this.#quotes.length;
  }

  /** The headline, date, source and link of an article, by id. */
  articleInfo(articleId: string): ArticleInfo | null {
    return this.#articles.get(articleId) ?? null;
  }

  /**
   * Who said it: the quotations containing the words of `text` (a "who said …" question is fine; quotation marks
   * are ignored), best first. Returns [] rather than an unrelated quotation when too few of the words match.
   * @example index.findByText('who said "moral stain"')[0]?.quote.speaker // => 'Alain Juppe'
   */
  findByText(text: string, limit = 5, options: FindByTextOptions = {}): QuoteMatch[] {
    const { minCoverage } = { ...defaultFindOptions, ...options };
    // Discord caps the option at 200 characters; console mode does not, so cut here (fuzzy matching is quadratic in
    // a term's length). The lookbehind keeps the trailing-'?' strip linear on a run of question marks.
    const query = text.slice(0, MAX_TEXT_QUERY).replace(QUESTION_PREFIX, '').replace(QUOTE_MARKS, ' ').replace(/(?<!\?)\?+\s*$/u, '').trim();
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const hits = this.#text
      .search(terms.join(' '), { combineWith: 'OR', prefix: (term) => term.length > 3, fuzzy: (term) => (term.length > 4 && term.length <= 32 ? 0.2 : false) })
      .slice(0, CANDIDATES);
    const candidates = hits
      .map((hit) => {
        const quote = this.#quotes[hit.id as number]!;
        const words = foldedWords(quote.quote);
        const coverage = terms.filter((term) => containsTerm(words, term)).length / terms.length;
        return { quote, coverage };
      })
      .filter((candidate) => candidate.coverage >= minCoverage);
    if (candidates.length === 0) return [];
    // Fuse compares the texts as the rest of the index folds them (foldText), not by its own normalisation.
    const folded = candidates.map((candidate) => ({ candidate, text: foldText(candidate.quote.quote) }));
    const fuse = new Fuse(folded, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 1, isCaseSensitive: true });
    const phrase = foldText(query);
    const fuzzy = new Map(fuse.search(phrase).map((result) => [result.item.candidate, result.score ?? 1]));
    return folded
      .map(({ candidate, text: foldedQuote }) => {
        const exact = foldedQuote.includes(phrase) ? 0.2 : 0;
        const score = Math.min(1, candidate.coverage * 0.6 + (1 - (fuzzy.get(candidate) ?? 1)) * 0.2 + exact);
        return { quote: candidate.quote, article: this.#info(candidate.quote.articleId), score };
      })
      .sort((a, b) => b.score - a.score || newestFirst(a.article, b.article))
      .slice(0, limit);
  }

  /**
   * The speaker a name denotes, however it is written ("juppé", "Mr Juppe", "Alain Juppe"); null when unknown.
   * @example index.findSpeaker('juppé')?.name // => 'Alain Juppe'
   */
  findSpeaker(name: string): SpeakerSummary | null {
    const found = this.#speakers.find(name);
    if (!found) return null;
    return { name: found.name, key: found.key, count: found.count, roles: [...found.roles], aliases: [...found.aliases] };
  }

  /**
   * What someone said: their quotations (all kinds), newest first; with `about`, only those on that subject.
   * @example index.quotesBy('Juppe', { about: 'sanctions' }).map((q) => q.quote) // => ['Europe will again harden…']
   */
  quotesBy(name: string, options: { about?: string } = {}): Quote[] {
    const found = this.#speakers.find(name);
    if (!found) return [];
    let quotes = [...found.quotes];
    const about = options.about ? queryTerms(options.about) : [];
    if (about.length > 0) {
      quotes = quotes.filter((quote) => {
        const words = foldedWords(quote.quote);
        return about.filter((term) => containsTerm(words, term)).length * 2 >= about.length;
      });
    }
    return quotes.sort(
      (a, b) =>
        newestFirst(this.#info(a.articleId), this.#info(b.articleId)) ||
        a.articleId.localeCompare(b.articleId) ||
        a.paragraphIndex - b.paragraphIndex,
    );
  }

  /**
   * Speakers for autocomplete: names starting with (or having a word starting with) `prefix`, most quoted first,
   * then close spellings.
   * @example index.suggestSpeakers('jup') // => [{ name: 'Alain Juppe', count: 7 }]
   */
  suggestSpeakers(prefix: string, limit = 25): { name: string; count: number }[] {
    return this.#speakers.suggest(prefix, limit);
  }

  /**
   * The quotations of one article, in reading order.
   * @example index.quotesOfArticle('000_8ea7bffe1f96b296.txt').length // => 19
   */
  quotesOfArticle(articleId: string): Quote[] {
    return [...(this.#byArticle.get(articleId) ?? [])];
  }

  #info(articleId: string): ArticleInfo {
    return this.#articles.get(articleId) ?? { headline: articleId, date: null, source: null, url: null };
  }
}
