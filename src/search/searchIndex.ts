import MiniSearch, { type SearchResult as MiniResult } from 'minisearch';
import type { Article } from '../corpus/types.js';
import { chooseExcerpt } from './chooseExcerpt.js';
import { articleFilter, type SearchFilters } from './filters.js';
import { foldTerm, queryTerms, STOP_WORDS, words } from './normalize.js';
import { suggestTerms } from './suggestTerms.js';
import { termMatchQuality } from './termMatch.js';
import { stemmer } from 'stemmer';

/** Options of {@link SearchIndex.search}. */
export interface SearchOptions {
  /**
   * Most articles returned.
   * @default 30
   */
  limit?: number;
  /** Narrow to a section, an outlet or a date range. */
  filters?: SearchFilters;
  /**
   * Share of the question's terms an article must match to count as an answer (0-1). Below it, nothing is
   * returned rather than an unrelated article.
   * @default 0.5
   */
  minCoverage?: number;
  /**
   * Longest excerpt, in characters.
   * @default 400
   */
  excerptLength?: number;
}

const defaultSearchOptions: Required<Omit<SearchOptions, 'filters'>> = { limit: 30, minCoverage: 0.5, excerptLength: 600 };

/** One article that answers a question, with its best passage. */
export interface SearchHit {
  article: Article;
  score: number;
  /** Index into `article.paragraphs` of the best passage; -1 when only the headline or standfirst matched. */
  paragraphIndex: number;
  /** The matching sentence(s), Markdown-escaped, matched words in `**bold**`. */
  excerpt: string;
  /** The question's terms this article matched. */
  matchedTerms: string[];
}

/** The answer to one question. */
export interface SearchResult {
  hits: SearchHit[];
  /** The question's searchable terms (stop words dropped). */
  terms: string[];
  /** When nothing matched: close terms from the coverage's vocabulary ("did you mean"). */
  suggestions: string[];
}

/** How a passage of the index points back to its article. */
interface PassageRef {
  article: number;
  paragraph: number;
}

/** Relative weight of a headline or standfirst match against a passage match. */
const HEADLINE_WEIGHT = 0.6;

/** Fuzzy matching: one edit for terms of 5+ letters, two for 10+; prefixes for 4+ letters. Shorter terms are exact. */
const fuzzy = (term: string) => (term.length >= 5 ? 0.2 : false);
const prefix = (term: string) => term.length >= 4;

/** Tokenizes and folds text for the index; stop words and one-letter terms are not indexed. */
function indexTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of words(text)) {
    const term = foldTerm(word);
    if (term.length >= 2 && !STOP_WORDS.has(term)) terms.push(term);
  }
  return terms;
}

const miniOptions = {
  tokenize: indexTerms,
  // Terms arrive folded from `indexTerms`; queries are folded the same way in `search`.
  processTerm: (term: string) => term,
};

/**
 * The search index over the coverage: an inverted index of passages (paragraphs) and one of headlines and standfirsts,
 * both with edit-distance fuzzy terms (MiniSearch). Answers a question with the best articles, each with its best
 * passage as an excerpt.
 * @example
 * const index = SearchIndex.build(corpus.articles);
 * index.search('how many were injured in Bab Amr').hits[0].excerpt
 * // => '… There were more than 50 people **injured** in **Bab** **Amr** today.'
 */
export class SearchIndex {
  readonly #articles: readonly Article[];
  readonly #passages: MiniSearch<{ id: number; text: string }>;
  readonly #heads: MiniSearch<{ id: number; headline: string; standfirst: string }>;
  readonly #refs: PassageRef[] = [];
  readonly #vocabulary = new Map<string, number>();
  /** Words of the vocabulary by stem, built on first use: "shell" → shelling, shelled, shells. */
  #forms: Map<string, string[]> | null = null;

  private constructor(articles: readonly Article[]) {
    this.#articles = articles;
    this.#passages = new MiniSearch({ fields: ['text'], ...miniOptions });
    this.#heads = new MiniSearch({ fields: ['headline', 'standfirst'], ...miniOptions });
  }

  /** Builds the index over `articles` (body paragraphs are the passages; crossheads and captions are not answers). */
  static build(articles: readonly Article[]): SearchIndex {
    const index = new SearchIndex(articles);
    const passages: { id: number; text: string }[] = [];
    articles.forEach((article, articleIndex) => {
      article.paragraphs.forEach((paragraph, paragraphIndex) => {
        if (paragraph.kind !== 'body') return;
        passages.push({ id: index.#refs.length, text: paragraph.text });
        index.#refs.push({ article: articleIndex, paragraph: paragraphIndex });
        for (const term of new Set(indexTerms(paragraph.text))) index.#vocabulary.set(term, (index.#vocabulary.get(term) ?? 0) + 1);
      });
    });
    index.#passages.addAll(passages);
    index.#heads.addAll(articles.map((article, id) => ({ id, headline: article.headline, standfirst: article.standfirst ?? '' })));
    index.#formsOf(''); // builds the stem map now rather than during the first question
    return index;
  }

  /** How many articles are indexed. */
  get articleCount(): number {
    return this.#articles.length;
  }

  /** How many passages are indexed. */
  get passageCount(): number {
    return this.#refs.length;
  }

  /**
   * Answers `question` with the best-matching articles, best first, grouped by article (its best passage shown).
   * Returns no hits, and suggestions, when no article matches enough of the question.
   */
  search(question: string, options: SearchOptions = {}): SearchResult {
    const { limit, minCoverage, excerptLength } = { ...defaultSearchOptions, ...options };
    const terms = queryTerms(question);
    if (terms.length === 0) return { hits: [], terms, suggestions: [] };
    const keep = articleFilter(options.filters ?? {});
    const allowed = (articleIndex: number) => keep(this.#articles[articleIndex]!);
    // Each term as typed (fuzzy and prefix); a word the coverage never uses also as the forms of it that it does use,
    // matched exactly: "shelling" finds "shelled". The index is not stemmed, which would defeat fuzzy matching of
    // typos; and only absent words are expanded, since BM25 would add up the scores of several forms of one word.
    const variants = terms.flatMap((term) => (this.#vocabulary.has(term) ? [] : this.#formsOf(term)));
    const query = {
      combineWith: 'OR' as const,
      queries: [{ combineWith: 'OR' as const, queries: terms }, { combineWith: 'OR' as const, queries: variants, fuzzy: false, prefix: false }],
    };

    const passageResults = this.#passages.search(query, {
      fuzzy,
      prefix,
      filter: (result) => allowed(this.#refs[result.id as number]!.article),
    });
    const headResults = this.#heads.search(query, {
      fuzzy,
      prefix,
      boost: { headline: 2 },
      filter: (result) => allowed(result.id as number),
    });

    // Group by article: every matching passage of it, best first, and its headline match.
    const byArticle = new Map<number, { passages: MiniResult[]; head: MiniResult | null }>();
    for (const result of passageResults) {
      const article = this.#refs[result.id as number]!.article;
      const entry = byArticle.get(article);
      if (entry) entry.passages.push(result);
      else byArticle.set(article, { passages: [result], head: null });
    }
    for (const result of headResults) {
      const entry = byArticle.get(result.id as number);
      if (entry) entry.head = result;
      else byArticle.set(result.id as number, { passages: [], head: result });
    }

    const weights = terms.map((term) => this.#idf(term));
    const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
    const ranked: { article: number; score: number; passage: MiniResult | null; matched: string[]; docTerms: string[] }[] = [];
    for (const [article, { passages, head }] of byArticle) {
      const docTerms = new Set([...passages.flatMap((passage) => passage.terms), ...(head?.terms ?? [])]);
      // Coverage: the share of the question (weighted by how rare each term is) that the article answers, and how
      // well (exact beats fuzzy beats prefix). A common word alone ("world") does not answer "who won the world cup".
      let covered = 0;
      const matched: string[] = [];
      terms.forEach((term, index) => {
        let quality = 0;
        for (const docTerm of docTerms) quality = Math.max(quality, termMatchQuality(term, docTerm));
        if (quality > 0) matched.push(term);
        covered += quality * weights[index]!;
      });
      const coverage = covered / totalWeight;
      if (coverage < minCoverage) continue;
      const passage = bestPassage(passages, this.#articles[article]!);
      const score = ((passages[0]?.score ?? 0) + HEADLINE_WEIGHT * (head?.score ?? 0)) * coverage ** 2;
      ranked.push({ article, score, passage, matched, docTerms: [...docTerms] });
    }
    ranked.sort((a, b) => b.score - a.score || a.article - b.article);

    const hits = ranked.slice(0, limit).map(({ article: articleIndex, score, passage, matched, docTerms }): SearchHit => {
      const article = this.#articles[articleIndex]!;
      const paragraphIndex = passage ? this.#refs[passage.id as number]!.paragraph : -1;
      const text = paragraphIndex >= 0 ? article.paragraphs[paragraphIndex]!.text : (article.standfirst ?? firstBody(article));
      return { article, score, paragraphIndex, excerpt: chooseExcerpt(text, docTerms, { maxLength: excerptLength }), matchedTerms: matched };
    });
    const suggestions = hits.length > 0 ? [] : this.suggest(terms);
    return { hits, terms, suggestions };
  }

  /** Inverse passage frequency of a term (all its forms together); a term the coverage lacks weighs most. */
  #idf(term: string): number {
    const frequency = this.#formsOf(term).reduce((sum, form) => sum + (this.#vocabulary.get(form) ?? 0), 0);
    return Math.log((this.#refs.length + 1) / (frequency + 0.5));
  }

  /** The words of the vocabulary that share `term`'s stem (at most 8, the most frequent). */
  #formsOf(term: string): string[] {
    if (!this.#forms) {
      const byStem = new Map<string, string[]>();
      for (const word of this.#vocabulary.keys()) {
        const stem = stemmer(word);
        const forms = byStem.get(stem);
        if (forms) forms.push(word);
        else byStem.set(stem, [word]);
      }
      for (const forms of byStem.values()) forms.sort((a, b) => this.#vocabulary.get(b)! - this.#vocabulary.get(a)!).splice(8);
      this.#forms = byStem;
    }
    return this.#forms.get(stemmer(term)) ?? [];
  }

  /**
   * "Did you mean": for each term the coverage does not contain, the closest terms it does contain.
   * @example index.suggest(['shellng']) // => ['shelling']
   */
  suggest(terms: readonly string[]): string[] {
    const suggestions = new Set<string>();
    for (const term of terms) {
      if (this.#vocabulary.has(term)) continue;
      for (const close of suggestTerms(term, this.#vocabulary, 2)) suggestions.add(close);
    }
    return [...suggestions].slice(0, 5);
  }
}

/**
 * The passage to show for an article: the one that adds most to its headline (terms the headline lacks), then the one
 * matching most of the question, then the best scored. "homs shellng" on an article headlined "…Homs…" shows the
 * passage about shelling rather than another mention of Homs.
 */
function bestPassage(passages: MiniResult[], article: Article): MiniResult | null {
  const headline = new Set(indexTerms(article.headline));
  let best: MiniResult | null = null;
  let bestKey: [number, number] = [-1, -1];
  for (const passage of passages) {
    const novel = passage.terms.filter((term) => !headline.has(term)).length;
    const key: [number, number] = [novel, passage.queryTerms.length];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) [best, bestKey] = [passage, key];
  }
  return best;
}

function firstBody(article: Article): string {
  return article.paragraphs.find((paragraph) => paragraph.kind === 'body')?.text ?? article.headline;
}
