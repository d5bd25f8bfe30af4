import type { Article } from '../corpus/types.js';
import { indexTermOf, searchWords } from './indexTerms.js';
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

/**
 * Counts the index terms of one document at a time, with flat arrays over term ids instead of a Map per document.
 * Each distinct word is folded once (word → term id): a word seen again costs one map lookup, where going through
 * `indexTerms` cost two and an array of terms per text.
 */
class TermCounter {
  /** Term of each provisional id, in the order first seen. */
  readonly terms: string[] = [];
  /** Passages holding each term, by provisional id. */
  passageFrequency = new Uint32Array(1 << 16);
  readonly #termIds = new Map<string, number>();
  /** Provisional term id of each word seen, or -1 for a word that is not indexed (stop word, one letter). */
  readonly #wordIds = new Map<string, number>();
  #counts = new Uint32Array(1 << 16);
  /** The current document's distinct term ids, in the order first seen. */
  #touched = new Uint32Array(1 << 10);
  #size = 0;

  /** Adds `times` occurrences of each index term of `text` to the current document; returns how many terms it has. */
  countText(text: string, times = 1): number {
    let terms = 0;
    for (const word of searchWords(text)) {
      let id = this.#wordIds.get(word);
      if (id === undefined) {
        id = this.#idOf(word);
        this.#wordIds.set(word, id);
      }
      if (id < 0) continue;
      terms += 1;
      if (this.#counts[id] === 0) {
        if (this.#size === this.#touched.length) this.#touched = grown(this.#touched);
        this.#touched[this.#size++] = id;
      }
      this.#counts[id]! += times;
    }
    return terms;
  }

  /** Adds the current document to `postings` (`length`: its terms, duplicates counted) and starts the next one. */
  take(postings: PostingsBuilder, length: number, passage: boolean): void {
    postings.addCounted(this.#touched, this.#size, this.#counts, length);
    for (let i = 0; i < this.#size; i += 1) {
      const id = this.#touched[i]!;
      if (passage) this.passageFrequency[id]! += 1;
      this.#counts[id] = 0;
    }
    this.#size = 0;
  }

  #idOf(word: string): number {
    const term = indexTermOf(word);
    if (term === null) return -1;
    let id = this.#termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.#termIds.set(term, id);
      this.terms.push(term);
      if (id >= this.#counts.length) {
        this.#counts = grown(this.#counts);
        this.passageFrequency = grown(this.passageFrequency);
      }
    }
    return id;
  }
}

/** A copy of `array` twice as long. */
function grown(array: Uint32Array): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
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

  articles.forEach((article, articleIndex) => {
    articlePassages[articleIndex] = passageArticle.length;
    article.paragraphs.forEach((paragraph, paragraphIndex) => {
      if (paragraph.kind !== 'body') return;
      counter.take(passages, counter.countText(paragraph.text), true);
      passageArticle.push(articleIndex);
      passageParagraph.push(paragraphIndex);
    });
    // A head's length counts the headline's terms twice, as they are counted.
    let length = counter.countText(article.headline, HEADLINE_REPEAT) * HEADLINE_REPEAT;
    if (article.standfirst) length += counter.countText(article.standfirst);
    counter.take(heads, length, false);
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
      passageFrequency: Uint32Array.from(order, (id) => counter.passageFrequency[id]!),
    },
    passages: passages.finish(remap).data,
    heads: heads.finish(remap).data,
    passageArticle: Uint32Array.from(passageArticle),
    passageParagraph: Uint32Array.from(passageParagraph),
    articlePassages,
  };
}
