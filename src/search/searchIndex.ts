import { defaults } from '../config.js';
import type { Article } from '../corpus/types.js';
import { buildSearchData, type SearchIndexData } from './buildSearchData.js';
import { chooseExcerpt } from './chooseExcerpt.js';
import { expandTerm, } from './expandTerm.js';
import { articleFilter, type SearchFilters } from './filters.js';
import { indexTerms } from './indexTerms.js';
import { queryTerms } from './normalize.js';
import { Postings, type PostingsData } from './postings.js';
import { ArticleScorer, type RankedArticle } from './scoreArticles.js';
import { TermDictionary } from './termDictionary.js';
import { boundedDistance } from './termMatch.js';

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
   * @default 600
   */
  excerptLength?: number;
}

const defaultSearchOptions: Required<Omit<SearchOptions, 'filters'>> = { ...defaults.search };

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

/**
 * The search index over the coverage: an inverted index of passages (body paragraphs) and one of headlines and
 * standfirsts, over one sorted term dictionary (edit-distance, prefix and word-form matching), in flat typed arrays.
 * Answers a question with the best articles, each with its best passage as an excerpt.
 * @example
 * const index = SearchIndex.build(corpus.articles);
 * index.search('how many were injured in Bab Amr').hits[0].excerpt
 * // => '… There were more than 50 people **injured** in **Bab** **Amr** today.'
 */
export class SearchIndex {
  readonly #articles: readonly Article[];
  readonly #data: SearchIndexData;
  readonly #dictionary: TermDictionary;
  readonly #scorer: ArticleScorer;

  private constructor(articles: readonly Article[], data: SearchIndexData) {
    this.#articles = articles;
    this.#data = data;
    this.#dictionary = new TermDictionary(data.dictionary);
    this.#scorer = new ArticleScorer({
      passages: new Postings(data.passages),
      heads: new Postings(data.heads),
      passageArticle: data.passageArticle,
      articlePassages: data.articlePassages,
    });
    this.#dictionary.forms(''); // builds the stem map now rather than during the first question
  }

  /** Builds the index over `articles` (body paragraphs are the passages; crossheads and captions are not answers). */
  static build(articles: readonly Article[]): SearchIndex {
    return new SearchIndex(articles, buildSearchData(articles));
  }

  /**
   * Rebuilds an index from {@link SearchIndex.toData}'s output over the same articles, without tokenizing again.
   * @example SearchIndex.fromData(articles, index.toData()).passageCount === index.passageCount // => true
   */
  static fromData(articles: readonly Article[], data: SearchIndexData): SearchIndex {
    if (data.articlePassages.length !== articles.length + 1) {
      throw new Error(`SearchIndex.fromData: the data indexes ${data.articlePassages.length - 1} articles, not ${articles.length}`);
    }
    return new SearchIndex(articles, data);
  }

  /** The index as plain data (typed arrays and a term list) for persisting; see {@link SearchIndex.fromData}. */
  toData(): SearchIndexData {
    return this.#data;
  }

  /** How many articles are indexed. */
  get articleCount(): number {
    return this.#articles.length;
  }

  /** How many passages are indexed. */
  get passageCount(): number {
    return this.#data.passageArticle.length;
  }

  /**
   * Answers `question` with the best-matching articles, best first, grouped by article (its best passage shown).
   * Returns no hits, and suggestions, when no article matches enough of the question.
   */
  search(question: string, options: SearchOptions = {}): SearchResult {
    const { limit, minCoverage, excerptLength } = { ...defaultSearchOptions, ...options };
    const terms = queryTerms(question);
    if (terms.length === 0) return { hits: [], terms, suggestions: [] };
    const filters = options.filters ?? {};
    const keep = Object.values(filters).some(Boolean) ? articleFilter(filters) : null;
    const expansions = terms.map((term) => expandTerm(term, this.#dictionary));
    const ranked = this.#scorer.rank(
      terms.map((term, index) => ({ expansions: expansions[index]!, weight: this.#idf(term) })),
      { limit, minCoverage, allowed: keep && ((article) => keep(this.#articles[article]!)) },
    );
    // Which query terms each matching index term answers: to bold it in the excerpt and to list the matched terms.
    const answers = new Map<number, number[]>();
    expansions.forEach((list, index) => {
      for (const { id } of list) (answers.get(id) ?? answers.set(id, []).get(id)!).push(index);
    });
    const hits = ranked.map((entry) => this.#hit(entry, terms, answers, excerptLength));
    const suggestions = hits.length > 0 ? [] : this.suggest(terms);
    return { hits, terms, suggestions };
  }

  /** An article's hit: the passage that adds most to its headline, its excerpt, the question's terms it matched. */
  #hit({ article: articleIndex, score, passages }: RankedArticle, terms: string[], answers: Map<number, number[]>, excerptLength: number): SearchHit {
    const article = this.#articles[articleIndex]!;
    const { passages: passageIndex, heads, passageParagraph } = this.#data;
    // The postings say which of the matching terms a passage holds: no need to tokenize it again.
    const matching = (postings: PostingsData, doc: number) => [...answers.keys()].filter((id) => contains(postings, id, doc));
    const docTerms = new Set(matching(heads, articleIndex));
    const headline = new Set(indexTerms(article.headline));
    // "homs shellng" on an article headlined "…Homs…" shows the passage about shelling rather than another mention
    // of Homs: most terms the headline lacks, then most of the question, then the best scored.
    let best = -1;
    let bestKey: [number, number] = [-1, -1];
    for (const { passage } of passages) {
      const found = matching(passageIndex, passage);
      for (const id of found) docTerms.add(id);
      const questionTerms = new Set(found.flatMap((id) => answers.get(id)!));
      const key: [number, number] = [found.filter((id) => !headline.has(this.#dictionary.terms[id]!)).length, questionTerms.size];
      if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) [best, bestKey] = [passageParagraph[passage]!, key];
    }
    const answered = new Set([...docTerms].flatMap((id) => answers.get(id)!));
    const text = best >= 0 ? article.paragraphs[best]!.text : (article.standfirst ?? firstBody(article));
    const words = [...docTerms].map((id) => this.#dictionary.terms[id]!);
    return {
      article,
      score,
      paragraphIndex: best,
      excerpt: chooseExcerpt(text, words, { maxLength: excerptLength }),
      matchedTerms: terms.filter((_, index) => answered.has(index)),
    };
  }

  /** Inverse passage frequency of a term (all its forms together); a term the coverage lacks weighs most. */
  #idf(term: string): number {
    const frequency = this.#dictionary.forms(term).reduce((sum, id) => sum + this.#dictionary.passageFrequency[id]!, 0);
    return Math.log((this.passageCount + 1) / (frequency + 0.5));
  }

  /**
   * "Did you mean": for each term the coverage does not contain, the closest terms it does contain (fewest edits,
   * then same first letter, then most frequent).
   * @example index.suggest(['shellng']) // => ['shelling']
   */
  suggest(terms: readonly string[]): string[] {
    const { passageFrequency } = this.#dictionary;
    const suggestions = new Set<string>();
    for (const term of terms) {
      // Five are as many as a reply shows; each more term would cost a dictionary scan for nothing.
      if (suggestions.size >= MAX_SUGGESTIONS) break;
      const id = this.#dictionary.id(term);
      if (term.length < 3 || (id >= 0 && passageFrequency[id]! > 0)) continue;
      const close = this.#dictionary
        .fuzzy(term, term.length >= 5 ? 2 : 1)
        .filter((candidate) => passageFrequency[candidate]! > 0)
        .map((candidate) => {
          const word = this.#dictionary.terms[candidate]!;
          return { word, key: [boundedDistance(term, word, 2), word[0] === term[0] ? 0 : 1, -passageFrequency[candidate]!] };
        })
        .sort((a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]! || a.key[2]! - b.key[2]!);
      for (const { word } of close.slice(0, 2)) suggestions.add(word);
    }
    return [...suggestions].slice(0, MAX_SUGGESTIONS);
  }
}

/** Most "did you mean" terms offered. */
const MAX_SUGGESTIONS = 5;

function firstBody(article: Article): string {
  return article.paragraphs.find((paragraph) => paragraph.kind === 'body')?.text ?? article.headline;
}

/** Whether document `doc` is in term `id`'s postings (binary search: postings are sorted). */
function contains(postings: PostingsData, id: number, doc: number): boolean {
  let low = postings.offsets[id]!;
  let high = postings.offsets[id + 1]!;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const value = postings.docs[middle]!;
    if (value === doc) return true;
    if (value < doc) low = middle + 1;
    else high = middle;
  }
  return false;
}
