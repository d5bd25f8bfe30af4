import type { Article } from '../corpus/types.js';
import { indexTerms } from './indexTerms.js';
import { PostingsBuilder, type PostingsData } from './postings.js';
import type { TermDictionaryData } from './termDictionary.js';

/** Everything a `SearchIndex` holds besides the articles: typed arrays and one list of terms, cheap to persist. */
export interface SearchIndexData {
  dictionary: TermDictionaryData;
  /** Body paragraphs ("passages"), the answers. */
  passages: PostingsData;
  /** Headline (counted twice) and standfirst of each article; document id = article index. */
  heads: PostingsData;
  /** Article index of each passage. */
  passageArticle: Uint32Array;
  /** Index in `article.paragraphs` of each passage. */
  passageParagraph: Uint32Array;
  /** Passages of article a are `articlePassages[a]` … `articlePassages[a + 1] - 1`. */
  articlePassages: Uint32Array;
}

/** A headline says more than a standfirst: its terms count twice. */
const HEADLINE_REPEAT = 2;

/** Counts terms per document with one flat array over term ids, instead of a Map per document. */
class TermCounter {
  readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  #counts = new Uint32Array(1 << 16);
  #touched: number[] = [];

  /** Adds `times` occurrences of each of `terms` to the current document. */
  count(terms: readonly string[], times = 1): void {
    for (const term of terms) {
      let id = this.ids.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.ids.set(term, id);
        this.terms.push(term);
        if (id >= this.#counts.length) {
          const bigger = new Uint32Array(this.#counts.length * 2);
          bigger.set(this.#counts);
          this.#counts = bigger;
        }
      }
      if (this.#counts[id] === 0) this.#touched.push(id);
      this.#counts[id]! += times;
    }
  }

  /** The current document's (term id, count) pairs; starts the next document. */
  take(): [number, number][] {
    const pairs = this.#touched.map((id): [number, number] => [id, this.#counts[id]!]);
    for (const id of this.#touched) this.#counts[id] = 0;
    this.#touched = [];
    return pairs;
  }
}

/**
 * Tokenizes `articles` into the passage and headline indexes (body paragraphs are the passages; crossheads and
 * captions are not answers). Term ids are positions in the sorted term list.
 * @example buildSearchData([article]).dictionary.terms // => ['amr', 'bab', 'homs', 'injured', …]
 */
export function buildSearchData(articles: readonly Article[]): SearchIndexData {
  const counter = new TermCounter();
  const passages = new PostingsBuilder();
  const heads = new PostingsBuilder();
  const passageArticle: number[] = [];
  const passageParagraph: number[] = [];
  const articlePassages = new Uint32Array(articles.length + 1);
  const frequency: number[] = [];

  articles.forEach((article, articleIndex) => {
    articlePassages[articleIndex] = passageArticle.length;
    article.paragraphs.forEach((paragraph, paragraphIndex) => {
      if (paragraph.kind !== 'body') return;
      const terms = indexTerms(paragraph.text);
      counter.count(terms);
      const pairs = counter.take();
      for (const [id] of pairs) frequency[id] = (frequency[id] ?? 0) + 1;
      passages.add(pairs, terms.length);
      passageArticle.push(articleIndex);
      passageParagraph.push(paragraphIndex);
    });
    counter.count(indexTerms(article.headline), HEADLINE_REPEAT);
    if (article.standfirst) counter.count(indexTerms(article.standfirst));
    heads.add(counter.take());
  });
  articlePassages[articles.length] = passageArticle.length;

  const order = counter.terms.map((_, id) => id).sort((a, b) => (counter.terms[a]! < counter.terms[b]! ? -1 : 1));
  const remap = new Uint32Array(order.length);
  order.forEach((id, rank) => {
    remap[id] = rank;
  });
  return {
    dictionary: {
      terms: order.map((id) => counter.terms[id]!),
      passageFrequency: Uint32Array.from(order, (id) => frequency[id] ?? 0),
    },
    passages: passages.finish(remap).data,
    heads: heads.finish(remap).data,
    passageArticle: Uint32Array.from(passageArticle),
    passageParagraph: Uint32Array.from(passageParagraph),
    articlePassages,
  };
}
