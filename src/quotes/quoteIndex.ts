import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Article } from '../corpus/types.js';
import { queryTerms, STOP_WORDS } from '../search/index.js';
import { finishInSteps, finishNow, nextTurn, type Steps } from '../search/steps.js';
import { boundedDistance, foldTerm, foldText, words } from '../text/index.js';
import { extractQuotes } from './extractQuotes.js';
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
 * copy through `v8.serialize` or a worker's `postMessage`. Without them (version 1), they are rebuilt from `quotes`.
 */
export interface QuoteIndexJSON {
  version: 1 | 2;
  quotes: Quote[];
  articles: [string, ArticleInfo][];
  /** MiniSearch's own serialised text index over the quotations (`JSON.stringify(miniSearch)`). */
  text?: string;
  /** The speaker directory's {@link SpeakerDirectoryData}, as JSON. */
  speakers?: string;
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
/** Candidates the inverted index hands to the fuzzy ranking. */
const CANDIDATES = 50;
/** Leading words of a "who said …" question, and quotation marks, are not part of the quotation searched for. */
const QUESTION_PREFIX = /^\s*(?:who\s+(?:said|says|say|did\s+say|told|wrote|tweeted)(?:\s+that)?|which\s+\w+\s+said)\s*[:,]?\s*/iu;
const QUOTE_MARKS = /["“”„«»‘’]|(?:^|\s)'|'(?=\s|$)/gu;

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

/** Index entries of the text index serialised between two yields of {@link stringifyingTextIndex}. */
const STRINGIFY_TERMS = 500;

/**
 * `JSON.stringify(index)`, the same string, made in steps: MiniSearch's plain object has one large array (`index`, an
 * entry per term); it is serialised {@link STRINGIFY_TERMS} entries per step, the other fields at once.
 */
function* stringifyingTextIndex(index: TextIndex): Steps<string> {
  const plain = index.toJSON() as unknown as Record<string, unknown>;
  yield;
  const fields: string[] = [];
  for (const [key, value] of Object.entries(plain)) {
    if (key !== 'index' || !Array.isArray(value)) {
      fields.push(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
      continue;
    }
    const entries: string[] = [];
    for (let from = 0; from < value.length; from += STRINGIFY_TERMS) {
      entries.push(JSON.stringify(value.slice(from, from + STRINGIFY_TERMS)).slice(1, -1));
      yield;
    }
    fields.push(`${JSON.stringify(key)}:[${entries.filter((part) => part.length > 0).join(',')}]`);
  }
  return `{${fields.join(',')}}`;
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
  #savedText: string | undefined;
  #savedSpeakers: string | undefined;

  private constructor(quotes: Quote[], articles: Map<string, ArticleInfo>, saved: Pick<QuoteIndexJSON, 'text' | 'speakers'> = {}) {
    this.#quotes = quotes;
    this.#articles = articles;
    this.#savedText = saved.text;
    this.#savedSpeakers = saved.speakers;
  }

  get #byArticle(): Map<string, Quote[]> {
    if (this.#byArticleMap) return this.#byArticleMap;
    const byArticle = new Map<string, Quote[]>();
    for (const quote of this.#quotes) {
      const list = byArticle.get(quote.articleId);
      if (list) list.push(quote);
      else byArticle.set(quote.articleId, [quote]);
    }
    return (this.#byArticleMap = byArticle);
  }

  get #speakers(): SpeakerDirectory {
    if (this.#speakerDirectory) return this.#speakerDirectory;
    const saved = this.#savedSpeakers;
    // Once restored, the text is dropped: the structure holds the same, and toJSON can serialise it again.
    this.#savedSpeakers = undefined;
    return (this.#speakerDirectory =
      saved === undefined ? SpeakerDirectory.fromQuotes(this.#quotes) : SpeakerDirectory.fromData(JSON.parse(saved) as SpeakerDirectoryData, this.#quotes));
  }

  get #text(): TextIndex {
    if (this.#textIndex) return this.#textIndex;
    const saved = this.#savedText;
    this.#savedText = undefined;
    if (saved !== undefined) return (this.#textIndex = MiniSearch.loadJSON(saved, textIndexOptions));
    return (this.#textIndex = finishNow(this.#buildingText()));
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
    return new QuoteIndex(json.quotes, new Map(json.articles), json);
  }

  /** The index as plain data, for saving: the quotations, their articles and the built lookup structures. */
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
    const text = this.#savedText ?? (yield* stringifyingTextIndex(this.#text));
    yield;
    const speakers = this.#savedSpeakers ?? JSON.stringify(this.#speakers.toData());
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
   * {@link prepare} for an index made while the bot answers (the quotations arriving after a cold start): the text
   * index is built {@link STEP_QUOTES} quotations at a time, or restored from its persisted form, with the event loop
   * turning between steps, so no interaction waits behind it. `speakers`: the speaker directory built elsewhere (a
   * worker thread) as `SpeakerDirectoryData` JSON, awaited once the text index is built; restoring it is a fraction
   * of building it. Without it, or when it resolves null, the directory is built here, in one step.
   * @example await index.prepareInSteps(parts.speakers); index.prepared // => true
   */
  async prepareInSteps(speakers: Promise<string | null> = Promise.resolve(null)): Promise<void> {
    if (!this.#textIndex) {
      const saved = this.#savedText;
      this.#savedText = undefined;
      const text = saved !== undefined ? await MiniSearch.loadJSONAsync(saved, textIndexOptions) : await this.#buildTextInSteps();
      // A lookup meanwhile may have made it already (synchronously): the first one made is kept.
      this.#textIndex ??= text;
    }
    const directory = await speakers;
    if (directory !== null && !this.#speakerDirectory && this.#savedSpeakers === undefined) this.#savedSpeakers = directory;
    // One structure per turn: the speaker directory and the per-article lists in one go held the loop for 60 ms.
    await nextTurn();
    void this.#speakers;
    await nextTurn();
    this.prepare();
  }

  async #buildTextInSteps(): Promise<TextIndex> {
    return finishInSteps(this.#buildingText());
  }

  /** The text index built {@link STEP_QUOTES} quotations per step (see `finishInSteps`). */
  *#buildingText(): Steps<TextIndex> {
    const text: TextIndex = new MiniSearch(textIndexOptions);
    for (let id = 0; id < this.#quotes.length; id += 1) {
      if (id > 0 && id % STEP_QUOTES === 0) yield;
      const quote = this.#quotes[id]!;
      // Indirect speech is the reporter's wording, not words anyone said: only quotations are searched by text.
      if (quote.kind !== 'indirect') text.add({ id, quote: quote.quote });
    }
    return text;
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
