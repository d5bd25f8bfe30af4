import type { Article, ArticleFormat, ParagraphKind, SkippedFile } from '../corpus/types.js';
import type { ArticleInfo, Quote, QuoteIndexJSON, QuoteKind } from '../quotes/index.js';
import type { SearchIndexData } from '../search/index.js';
import type { IndexSnapshot } from './indexCache.js';

/**
 * Every distinct string of a snapshot, once, as UTF-8 in one buffer: string `i` is bytes `ends[i - 1]` … `ends[i]`.
 * One buffer copies (and crosses a worker boundary) at memory speed, where `v8.deserialize` or a structured clone
 * of a million small objects and strings takes seconds; identical strings (article ids of quotations, speakers,
 * sources) come back shared instead of copied once per use.
 */
export interface PackedStrings {
  bytes: Uint8Array;
  ends: Uint32Array;
}

/**
 * An {@link IndexSnapshot} with its articles and quotations as string ids in integer arrays (-1 for null): what is
 * persisted and what a worker posts. The search data is kept as is (typed arrays already).
 */
export interface PackedSnapshot {
  version: number;
  key: string;
  strings: PackedStrings;
  /** Per article, {@link ARTICLE_FIELDS} string ids. */
  articleFields: Int32Array;
  /** Paragraphs of article a are `paragraphStarts[a]` … `paragraphStarts[a + 1] - 1`; per paragraph, kind and text ids. */
  paragraphStarts: Uint32Array;
  paragraphs: Int32Array;
  skipped: SkippedFile[];
  /** The search data, its dictionary's terms moved to `searchTerms` (string ids). */
  search: SearchIndexData;
  searchTerms: Int32Array;
  /** Per quotation, {@link QUOTE_FIELDS} values (string ids, and the paragraph index as a number). */
  quotes: Int32Array;
  quoteIndex: Omit<QuoteIndexJSON, 'quotes' | 'articles'> & {
    /** The quotation index's article list when it is not exactly the corpus's articles in order, else null. */
    articles: [string, ArticleInfo][] | null;
  };
}

const ARTICLE_FIELDS = ['id', 'headline', 'standfirst', 'section', 'source', 'date', 'url', 'byline', 'credit', 'license', 'format'] as const;
const QUOTE_FIELDS = 6;

/** Collects distinct strings and gives each an id. */
class StringPacker {
  readonly #ids = new Map<string, number>();
  readonly #values: string[] = [];

  id(value: string | null): number {
    if (value === null) return -1;
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = this.#values.length;
      this.#ids.set(value, id);
      this.#values.push(value);
    }
    return id;
  }

  pack(): PackedStrings {
    const ends = new Uint32Array(this.#values.length);
    let total = 0;
    this.#values.forEach((value, i) => (ends[i] = total += Buffer.byteLength(value, 'utf8')));
    // Not from Buffer's shared pool: the buffer may be transferred to another thread, which detaches it.
    const bytes = Buffer.allocUnsafeSlow(total);
    let offset = 0;
    for (const value of this.#values) offset += bytes.write(value, offset, 'utf8');
    return { bytes, ends };
  }
}

/** Reads strings back by id, decoding each once (a shared id gives the same string). */
class StringReader {
  readonly #bytes: Buffer;
  readonly #ends: Uint32Array;
  readonly #decoded: (string | undefined)[];

  constructor(strings: PackedStrings) {
    this.#bytes = Buffer.from(strings.bytes.buffer, strings.bytes.byteOffset, strings.bytes.byteLength);
    this.#ends = strings.ends;
    this.#decoded = new Array<string | undefined>(strings.ends.length);
  }

  get(id: number): string | null {
    if (id < 0) return null;
    return (this.#decoded[id] ??= this.#bytes.toString('utf8', id === 0 ? 0 : this.#ends[id - 1]!, this.#ends[id]!));
  }

  must(id: number): string {
    return this.get(id) ?? '';
  }
}

const sameArticles = (articles: readonly Article[], infos: readonly [string, ArticleInfo][]): boolean =>
  articles.length === infos.length &&
  infos.every(([id, info], i) => {
    const article = articles[i]!;
    return id === article.id && info.headline === article.headline && info.date === article.date && info.source === article.source && info.url === article.url;
  });

/**
 * Packs a snapshot for saving or posting (see {@link PackedSnapshot}).
 * @example unpackSnapshot(packSnapshot(snapshot)).corpus.articles.length === snapshot.corpus.articles.length // => true
 */
export function packSnapshot(snapshot: IndexSnapshot): PackedSnapshot {
  const strings = new StringPacker();
  const { articles } = snapshot.corpus;
  const articleFields = new Int32Array(articles.length * ARTICLE_FIELDS.length);
  const paragraphStarts = new Uint32Array(articles.length + 1);
  let paragraphCount = 0;
  articles.forEach((article, a) => {
    ARTICLE_FIELDS.forEach((field, f) => (articleFields[a * ARTICLE_FIELDS.length + f] = strings.id(article[field])));
    paragraphStarts[a] = paragraphCount;
    paragraphCount += article.paragraphs.length;
  });
  paragraphStarts[articles.length] = paragraphCount;
  const paragraphs = new Int32Array(paragraphCount * 2);
  let p = 0;
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      paragraphs[p++] = strings.id(paragraph.kind);
      paragraphs[p++] = strings.id(paragraph.text);
    }
  }
  const { terms, passageFrequency } = snapshot.search.dictionary;
  const searchTerms = Int32Array.from(terms, (term) => strings.id(term));
  const { quotes: quoteList, articles: quoteArticles, ...quoteIndex } = snapshot.quotes;
  const quotes = new Int32Array(quoteList.length * QUOTE_FIELDS);
  let q = 0;
  for (const quote of quoteList) {
    quotes[q++] = strings.id(quote.quote);
    quotes[q++] = strings.id(quote.speaker);
    quotes[q++] = strings.id(quote.role);
    quotes[q++] = strings.id(quote.kind);
    quotes[q++] = strings.id(quote.articleId);
    quotes[q++] = quote.paragraphIndex;
  }
  return {
    version: snapshot.version,
    key: snapshot.key,
    strings: strings.pack(),
    articleFields,
    paragraphStarts,
    paragraphs,
    skipped: snapshot.corpus.skipped,
    search: { ...snapshot.search, dictionary: { terms: [], passageFrequency } },
    searchTerms,
    quotes,
    quoteIndex: { ...quoteIndex, articles: sameArticles(articles, quoteArticles) ? null : quoteArticles },
  };
}

/**
 * The snapshot a {@link packSnapshot} result holds.
 * @example unpackSnapshot(packSnapshot(snapshot)).quotes.quotes[0]?.speaker // => 'Alain Juppe'
 */
export function unpackSnapshot(packed: PackedSnapshot): IndexSnapshot {
  const strings = new StringReader(packed.strings);
  const fields = ARTICLE_FIELDS.length;
  const articleCount = packed.paragraphStarts.length - 1;
  const articles: Article[] = new Array<Article>(articleCount);
  for (let a = 0; a < articleCount; a += 1) {
    const at = (f: number): string | null => strings.get(packed.articleFields[a * fields + f]!);
    const paragraphs = [];
    for (let p = packed.paragraphStarts[a]!; p < packed.paragraphStarts[a + 1]!; p += 1) {
      paragraphs.push({ kind: strings.must(packed.paragraphs[p * 2]!) as ParagraphKind, text: strings.must(packed.paragraphs[p * 2 + 1]!) });
    }
    articles[a] = {
      id: at(0) ?? '',
      headline: at(1) ?? '',
      standfirst: at(2),
      section: at(3),
      source: at(4),
      date: at(5),
      url: at(6),
      byline: at(7),
      credit: at(8),
      license: at(9),
      format: (at(10) ?? 'plain') as ArticleFormat,
      paragraphs,
    };
  }
  const quoteCount = packed.quotes.length / QUOTE_FIELDS;
  const quotes: Quote[] = new Array<Quote>(quoteCount);
  for (let i = 0, q = 0; i < quoteCount; i += 1, q += QUOTE_FIELDS) {
    quotes[i] = {
      quote: strings.must(packed.quotes[q]!),
      speaker: strings.get(packed.quotes[q + 1]!),
      role: strings.get(packed.quotes[q + 2]!),
      kind: strings.must(packed.quotes[q + 3]!) as QuoteKind,
      articleId: strings.must(packed.quotes[q + 4]!),
      paragraphIndex: packed.quotes[q + 5]!,
    };
  }
  const { articles: quoteArticles, ...quoteIndex } = packed.quoteIndex;
  return {
    version: packed.version,
    key: packed.key,
    corpus: { articles, skipped: packed.skipped },
    search: { ...packed.search, dictionary: { terms: Array.from(packed.searchTerms, (id) => strings.must(id)), passageFrequency: packed.search.dictionary.passageFrequency } },
    quotes: {
      ...quoteIndex,
      quotes,
      articles: quoteArticles ?? articles.map((article) => [article.id, { headline: article.headline, date: article.date, source: article.source, url: article.url }]),
    },
  };
}

/** The buffers of a packed snapshot, to transfer rather than copy to another thread. */
export function packedBuffers(packed: PackedSnapshot): ArrayBuffer[] {
  const { search } = packed;
  const postings = [search.passages, search.heads].flatMap((data) => [data.offsets, data.docs, data.counts, data.lengths]);
  const arrays = [
    packed.searchTerms,
    packed.strings.bytes,
    packed.strings.ends,
    packed.articleFields,
    packed.paragraphStarts,
    packed.paragraphs,
    packed.quotes,
    ...postings,
    search.passageArticle,
    search.passageParagraph,
    search.articlePassages,
    search.dictionary.passageFrequency,
  ];
  // A buffer of Buffer's shared pool holds other small buffers too: copied, not moved.
  return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))].filter((buffer) => buffer.byteLength > Buffer.poolSize);
}

/**
 * The packed snapshot with the search arrays copied out of `v8.deserialize`'s input: deserialised typed arrays are
 * views of the whole file read, which would otherwise stay in memory as long as the search index.
 */
export function ownSearchArrays(packed: PackedSnapshot): PackedSnapshot {
  const { search } = packed;
  const postings = (data: SearchIndexData['passages']) => ({ offsets: data.offsets.slice(), docs: data.docs.slice(), counts: data.counts.slice(), lengths: data.lengths.slice() });
  return {
    ...packed,
    search: {
      dictionary: { terms: search.dictionary.terms, passageFrequency: search.dictionary.passageFrequency.slice() },
      passages: postings(search.passages),
      heads: postings(search.heads),
      passageArticle: search.passageArticle.slice(),
      passageParagraph: search.passageParagraph.slice(),
      articlePassages: search.articlePassages.slice(),
    },
  };
}
