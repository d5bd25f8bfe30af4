import type { Article, ArticleFormat, Paragraph } from '../corpus/types.js';
import type { QuoteIndexJSON } from '../quotes/index.js';
import { finishNow } from '../search/steps.js';
import type { IndexSnapshot } from './indexCache.js';
import { StringReader, unpackedFields, unpackedParagraphs, unpackingQuotes, type PackedSnapshot, type StringGroup } from './packSnapshot.js';

/** Where an article restored from a packed snapshot finds its paragraphs' string ids. */
interface ParagraphIds {
  reader: StringReader;
  /** The packed snapshot's `paragraphStarts` and `paragraphs`. */
  starts: Uint32Array;
  ids: Int32Array;
}

let paragraphsOf: (article: RestoredArticle) => Paragraph[];
let replaceParagraphs: (article: RestoredArticle, paragraphs: Paragraph[]) => void;

/**
 * `paragraphs` of a {@link RestoredArticle}: an own, enumerable accessor (a spread, `structuredClone` or `toEqual`
 * sees the paragraphs as of a plain article), the same functions for every article so that they all share one shape.
 */
const PARAGRAPHS: PropertyDescriptor = {
  get(this: RestoredArticle) {
    return paragraphsOf(this);
  },
  set(this: RestoredArticle, paragraphs: Paragraph[]) {
    replaceParagraphs(this, paragraphs);
  },
  enumerable: true,
  configurable: true,
};

/**
 * An article of a persisted start: its fields read at once, its paragraphs made when first read. Their text is most
 * of a snapshot's strings (12.5 of 14 MB at 7,050 articles), and decoding it was the largest step on the way to ready;
 * /ask reads the paragraphs of the articles it shows, and the bot's preparation after ready reads the rest.
 */
class RestoredArticle implements Article {
  declare id: string;
  declare headline: string;
  declare standfirst: string | null;
  declare section: string | null;
  declare tags: string[];
  declare source: string | null;
  declare date: string | null;
  declare url: string | null;
  declare byline: string | null;
  declare credit: string | null;
  declare license: string | null;
  declare format: ArticleFormat;
  declare paragraphs: Paragraph[];
  #from: ParagraphIds | null;
  readonly #index: number;
  #paragraphs: Paragraph[] | null = null;

  constructor(from: ParagraphIds, fields: Int32Array, index: number) {
    unpackedFields(from.reader, fields, index, this);
    this.#from = from;
    this.#index = index;
    Object.defineProperty(this, 'paragraphs', PARAGRAPHS);
  }

  static {
    paragraphsOf = (article) => {
      if (article.#paragraphs) return article.#paragraphs;
      const { reader, starts, ids } = article.#from!;
      const paragraphs = unpackedParagraphs(reader, starts, ids, article.#index);
      article.#paragraphs = paragraphs;
      article.#from = null;
      return paragraphs;
    };
    replaceParagraphs = (article, paragraphs) => {
      article.#paragraphs = paragraphs;
      article.#from = null;
    };
  }
}

/**
 * The snapshot of a packed one read back on a persisted start ({@link unpackSnapshot} does it all at once, for a
 * worker's): its articles' paragraphs made when first read, its quotations unpacked when first read, both straight
 * from the packed arrays and string chunks (views into the cache file's sections, see cacheSections.ts: nothing copied).
 * `readSection`: called before the paragraphs' text or the quotations are first read, to read their section of the
 * file (see `completeSection`); when it returns false, the strings of that section read as '' and reading `quotes`
 * throws.
 * @example restoreSnapshot(packSnapshot(snapshot)).corpus.articles[0]!.paragraphs // => [{ kind: 'body', text: '…' }, …]
 */
export function restoreSnapshot(packed: PackedSnapshot, readSection: ((section: StringGroup) => boolean) | null = null): IndexSnapshot {
  const reader = new StringReader(packed.strings, readSection);
  const from: ParagraphIds = { reader, starts: packed.paragraphStarts, ids: packed.paragraphs };
  const articles: Article[] = new Array<Article>(packed.paragraphStarts.length - 1);
  for (let a = 0; a < articles.length; a += 1) articles[a] = new RestoredArticle(from, packed.articleFields, a);
  const terms = new Array<string>(packed.searchTerms.length);
  for (let t = 0; t < terms.length; t += 1) terms[t] = reader.must(packed.searchTerms[t]!);
  const search = { ...packed.search, dictionary: { terms, passageFrequency: packed.search.dictionary.passageFrequency } };
  let quotes: QuoteIndexJSON | null = null;
  // Holds the quotations' packed arrays (their own section of the file) until they are unpacked, then lets them go.
  // The packed snapshot itself, not its arrays: readQuotes puts them in it.
  let pending: Pick<PackedSnapshot, 'quotes' | 'quoteIndex'> | null = packed;
  // Let go with it: it holds the file read back (and through it the packed snapshot, every chunk's bytes included).
  let readQuotes = readSection && (() => readSection('quotes'));
  return Object.defineProperty({ version: packed.version, key: packed.key, corpus: { articles, skipped: packed.skipped }, search } as IndexSnapshot, 'quotes', {
    enumerable: true,
    get: () => {
      if (pending) {
        if (readQuotes && !readQuotes()) throw new Error('the quotations could not be read from the index cache file');
        quotes = finishNow(unpackingQuotes(reader, pending, articles));
        pending = null;
        readQuotes = null;
      }
      return quotes!;
    },
  });
}
