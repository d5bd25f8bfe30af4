import type { Article, ArticleFormat, Paragraph, ParagraphKind, SkippedFile } from '../corpus/types.js';
import type { ArticleInfo, Quote, QuoteIndexJSON, QuoteKind } from '../quotes/index.js';
import type { SearchIndexData } from '../search/index.js';
import { finishInSteps, finishNow, STEP_BUDGET_MS, type Steps } from '../search/steps.js';
import type { IndexSnapshot } from './indexCache.js';

/**
 * Every distinct string of a snapshot, once, in a few text chunks: string `i` is characters `starts[i]` …
 * `ends[i]` of chunk `chunk[i]`. Chunks of Latin-1 text are stored as Latin-1 and come back as one-byte strings;
 * the others as UTF-8. A chunk decodes in one call and each string is then a slice of it (no copy), where
 * `v8.deserialize` or a structured clone of a million small objects and strings takes seconds; identical strings
 * (article ids of quotations, speakers, sources) are stored once.
 */
export interface PackedStrings {
  chunks: PackedChunk[];
  chunk: Uint16Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

/**
 * Which strings a chunk holds: a string first packed as paragraph text goes to a `text` chunk, as a quotation's to a
 * `quotes` chunk, any other (article fields, search terms, paragraph kinds) to a chunk without a group. The cache file
 * keeps each group in its own section (see cacheSections.ts): a persisted start decodes only the chunks it reads, and
 * the sections' memory goes once they are all decoded.
 */
export type StringGroup = 'text' | 'quotes';

/** One chunk of {@link PackedStrings}. */
export interface PackedChunk {
  bytes: Uint8Array;
  latin1: boolean;
  group?: StringGroup;
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
  quoteIndex: Omit<QuoteIndexJSON, 'quotes' | 'articles' | 'text' | 'speakers'> & {
    /** The quotation index's article list when it is not exactly the corpus's articles in order, else null. */
    articles: [string, ArticleInfo][] | null;
    /** Its saved text index and speaker directory as string ids (see {@link PackedJson}). */
    text: PackedJson | null;
    speakers: PackedJson | null;
  };
}

/**
 * Saved JSON (a `JsonParts` or one string) as string ids: tens of megabytes of it at 100,000 articles, which as
 * strings were copied one by one by the structured clone that hands a snapshot over from a worker thread (a 0.3 s
 * stall of the main thread on a reload) and by `v8.deserialize`; as ids they ride in the transferred chunks.
 */
export interface PackedJson {
  ids: Int32Array;
  /** It was one string, not parts. */
  whole: boolean;
}

function packJson(strings: StringPacker, saved: string[] | string | undefined): PackedJson | null {
  if (saved === undefined) return null;
  const parts = typeof saved === 'string' ? [saved] : saved;
  return { ids: Int32Array.from(parts, (part) => strings.id(part, 'quotes')), whole: typeof saved === 'string' };
}

function* unpackingJson(strings: StringReader, packed: PackedJson | null): Steps<string[] | string | undefined> {
  if (!packed) return undefined;
  const parts = new Array<string>(packed.ids.length);
  for (let i = 0; i < parts.length; i += 1) {
    // One part per step: a part (up to 64 K characters) is often the first read of its chunk, whose decoding is then
    // the step's cost (64 parts a step decoded ten chunks in one block: 70 ms on a reload at 7,050 articles).
    if (i > 0) yield;
    parts[i] = strings.must(packed.ids[i]!);
  }
  return packed.whole ? parts[0] : parts;
}

/** The article fields packed per article, in the order of {@link PackedSnapshot.articleFields}. */
export const ARTICLE_FIELDS = ['id', 'headline', 'standfirst', 'section', 'source', 'date', 'url', 'byline', 'credit', 'license', 'format', 'tags'] as const;

/** An article field as one packed string: its tags as a JSON array (null when none). */
function packedField(article: Article, field: (typeof ARTICLE_FIELDS)[number]): string | null {
  if (field === 'tags') return article.tags.length ? JSON.stringify(article.tags) : null;
  return article[field];
}
const QUOTE_FIELDS = 6;

/**
 * The tags of every unpacked article that has none (most): one frozen empty list, not a `JSON.parse('[]')` each
 * (100,000 short-lived parses and arrays on a reload at 100,000 articles). Nothing adds to an article's tags.
 */
const NO_TAGS = Object.freeze([]) as unknown as string[];

/**
 * The paragraphs of article `a`, read from `paragraphStarts` and `paragraphs` (kind and text string ids per paragraph).
 * @example unpackedParagraphs(strings, packed.paragraphStarts, packed.paragraphs, 0)[0] // => { kind: 'body', text: '…' }
 */
export function unpackedParagraphs(strings: StringReader, starts: Uint32Array, ids: Int32Array, a: number): Paragraph[] {
  const first = starts[a]!;
  // Sized up front: an array grown by push keeps spare slots (17 after the first push), 8 MB at 100,000 articles.
  const paragraphs = new Array<Paragraph>(starts[a + 1]! - first);
  for (let i = 0, p = first * 2; i < paragraphs.length; i += 1, p += 2) {
    paragraphs[i] = { kind: strings.must(ids[p]!) as ParagraphKind, text: strings.must(ids[p + 1]!) };
  }
  return paragraphs;
}

/**
 * The fields of article `a` but its paragraphs, read from `articleFields` ({@link ARTICLE_FIELDS} string ids per
 * article), set on `into`: for an unpacked article and a restored one (restoreSnapshot.ts, which passes itself: an
 * `Object.assign` of a new object per article was the larger part of making 7,050 restored articles).
 * @example unpackedFields(strings, packed.articleFields, 0).headline // => 'Syrian army steps up Homs offensive'
 */
export function unpackedFields(strings: StringReader, articleFields: Int32Array, a: number, into: Partial<Article> = {}): Omit<Article, 'paragraphs'> {
  const first = a * ARTICLE_FIELDS.length;
  const at = (f: number): string | null => strings.get(articleFields[first + f]!);
  into.id = at(0) ?? '';
  into.headline = at(1) ?? '';
  into.standfirst = at(2);
  into.section = at(3);
  into.source = at(4);
  into.date = at(5);
  into.url = at(6);
  into.byline = at(7);
  into.credit = at(8);
  into.license = at(9);
  into.format = (at(10) ?? 'plain') as ArticleFormat;
  into.tags = articleFields[first + 11]! < 0 ? NO_TAGS : (JSON.parse(at(11)!) as string[]);
  return into as Omit<Article, 'paragraphs'>;
}

/**
 * Characters per chunk: small enough that decoding one (on its first use, see StringReader) is one short step of
 * {@link unpackSnapshotInSteps}. Chunks of 4 M characters took 20-45 ms each to decode on the bench machine, the
 * longest blocks of a reload at 7,050 articles; 256 K take 1-3 ms. A longer string gets a chunk of its own.
 */
const CHUNK_CHARS = 1 << 18;
const NOT_LATIN1 = /[\u0100-\u{10ffff}]/u;

/** Collects distinct strings and gives each an id. */
class StringPacker {
  readonly #ids = new Map<string, number>();
  readonly #chunk: number[] = [];
  readonly #starts: number[] = [];
  readonly #chunks: PackedChunk[] = [];
  readonly #chunkLengths: number[] = [];
  /** The chunk being filled for each group and kind of text (see {@link openKey}): its index, parts and length so far. */
  readonly #open = new Map<string, { index: number; parts: string[]; length: number; latin1: boolean; group: StringGroup | undefined }>();

  /** The id of `value`, packed in a chunk of `group` when first seen. */
  id(value: string | null, group?: StringGroup): number {
    if (value === null) return -1;
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = this.#starts.length;
      this.#ids.set(value, id);
      const latin1 = !NOT_LATIN1.test(value);
      const key = `${group ?? ''} ${latin1}`;
      let open = this.#open.get(key);
      if (!open || open.length + value.length > CHUNK_CHARS) {
        if (open) this.#close(open);
        open = { index: this.#chunks.length, parts: [], length: 0, latin1, group };
        this.#chunks.push({ bytes: new Uint8Array(0), latin1 });
        this.#chunkLengths.push(0);
        this.#open.set(key, open);
      }
      this.#chunk.push(open.index);
      this.#starts.push(open.length);
      open.parts.push(value);
      open.length += value.length;
    }
    return id;
  }

  pack(): PackedStrings {
    for (const open of this.#open.values()) this.#close(open);
    this.#open.clear();
    const starts = Uint32Array.from(this.#starts);
    const ends = new Uint32Array(starts.length);
    // A string ends where the next one of its chunk starts, the last one where the chunk ends.
    const next = [...this.#chunkLengths];
    for (let id = starts.length - 1; id >= 0; id -= 1) {
      const chunk = this.#chunk[id]!;
      ends[id] = next[chunk]!;
      next[chunk] = starts[id]!;
    }
    return { chunks: this.#chunks, chunk: Uint16Array.from(this.#chunk), starts, ends };
  }

  #close(open: { index: number; parts: string[]; length: number; latin1: boolean; group: StringGroup | undefined }): void {
    const { latin1, group } = open;
    const text = open.parts.join('');
    // Not from Buffer's shared pool: the buffer may be transferred to another thread, which detaches it.
    const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text, latin1 ? 'latin1' : 'utf8'));
    bytes.write(text, 0, latin1 ? 'latin1' : 'utf8');
    this.#chunks[open.index] = group ? { bytes, latin1, group } : { bytes, latin1 };
    this.#chunkLengths[open.index] = open.length;
  }
}

/**
 * Reads strings back by id: each chunk decoded once, when a string of it is first read; each string a slice of it,
 * made once per id. Every `slice` call makes a new string object (about 20 bytes, or a copy of a short string), so
 * without the memo a quotation's article id, kind, speaker and role and a paragraph's kind were each a new object per
 * use (heap after a persisted start: 7 MB more at the 7,050 research articles, 106 MB more at the bench's 100,000
 * generated ones, whose paragraphs repeat). A string id is shared by every use of the same text, so its one string is too.
 */
export class StringReader {
  readonly #texts: (string | undefined)[];
  /** The string table's arrays (not the PackedStrings, which holds every chunk's bytes). */
  readonly #chunkOf: Uint16Array;
  readonly #starts: Uint32Array;
  readonly #ends: Uint32Array;
  /**
   * Each chunk until it is decoded: then let go, so that a section of the cache file read back (see cacheSections.ts)
   * is freed once all its chunks are decoded. The chunk objects themselves, not their bytes: a section read later
   * (the quotations') puts its bytes in them then.
   */
  readonly #chunks: (PackedChunk | null)[];
  /** The string of each id, once read. */
  readonly #read: (string | undefined)[];
  readonly #readGroup: ((group: StringGroup) => boolean) | null;

  /**
   * `readGroup`: called before a chunk of a group is first decoded, to read its section of the cache file (see
   * cacheSections.ts; a persisted start reads the others when first used). Any string may lie in such a chunk (a search
   * term first packed as a paragraph's text): the reader, not its callers, makes sure the bytes are there. When it
   * returns false, the chunk's strings read as '' (and the next read tries again).
   */
  constructor(strings: PackedStrings, readGroup: ((group: StringGroup) => boolean) | null = null) {
    this.#readGroup = readGroup;
    this.#chunkOf = strings.chunk;
    this.#starts = strings.starts;
    this.#ends = strings.ends;
    this.#texts = new Array<string | undefined>(strings.chunks.length);
    this.#chunks = strings.chunks.slice();
    this.#read = new Array<string | undefined>(strings.starts.length);
  }

  get(id: number): string | null {
    if (id < 0) return null;
    let text = this.#read[id];
    if (text === undefined) {
      const chunk = this.#chunkOf[id]!;
      const texts = this.#texts[chunk] ?? this.#decode(chunk);
      if (texts === null) return '';
      text = texts.slice(this.#starts[id], this.#ends[id]);
      this.#read[id] = text;
    }
    return text;
  }

  /** Chunk `chunk` decoded (and kept), or null when its section of the cache file cannot be read. */
  #decode(chunk: number): string | null {
    const packed = this.#chunks[chunk]!;
    // Before its bytes are taken from it: a section read now puts them in the chunk object.
    if (packed.group && this.#readGroup && !this.#readGroup(packed.group)) return null;
    this.#chunks[chunk] = null;
    const { bytes, latin1 } = packed;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(latin1 ? 'latin1' : 'utf8');
    this.#texts[chunk] = text;
    return text;
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
  return finishNow(packing(snapshot));
}

/**
 * {@link packSnapshot} with the event loop turning between steps (see `finishInSteps`): for the index written while
 * the bot answers, after a cold start. At 7,050 articles packing in one go held the loop for 0.1-0.4 s.
 * @example unpackSnapshot(await packSnapshotInSteps(snapshot)).corpus.articles.length === snapshot.corpus.articles.length // => true
 */
export function packSnapshotInSteps(snapshot: IndexSnapshot): Promise<PackedSnapshot> {
  return finishInSteps(packing(snapshot));
}

/** Articles, quotations or terms packed between two yields of {@link packing}. */
const PACK_STEP = 100;

/** The packing, pausing (yield) after each {@link PACK_STEP} articles, quotations or ({@link PACK_STEP} × 20) terms. */
function* packing(snapshot: IndexSnapshot): Steps<PackedSnapshot> {
  const strings = new StringPacker();
  const { articles } = snapshot.corpus;
  const articleFields = new Int32Array(articles.length * ARTICLE_FIELDS.length);
  const paragraphStarts = new Uint32Array(articles.length + 1);
  let paragraphCount = 0;
  for (const [a, article] of articles.entries()) {
    if (a > 0 && a % PACK_STEP === 0) yield;
    ARTICLE_FIELDS.forEach((field, f) => {
      articleFields[a * ARTICLE_FIELDS.length + f] = strings.id(packedField(article, field));
    });
    paragraphStarts[a] = paragraphCount;
    paragraphCount += article.paragraphs.length;
  }
  paragraphStarts[articles.length] = paragraphCount;
  // The search terms before the paragraphs' text: a term that is also a paragraph's whole text (a one-word line) is
  // then packed outside the text chunks, which a persisted start reads only when an article's paragraphs are first read.
  const { terms, passageFrequency } = snapshot.search.dictionary;
  const searchTerms = new Int32Array(terms.length);
  for (const [t, term] of terms.entries()) {
    if (t > 0 && t % (PACK_STEP * 20) === 0) yield;
    searchTerms[t] = strings.id(term);
  }
  const paragraphs = new Int32Array(paragraphCount * 2);
  let p = 0;
  for (const [a, article] of articles.entries()) {
    if (a > 0 && a % PACK_STEP === 0) yield;
    for (const paragraph of article.paragraphs) {
      paragraphs[p++] = strings.id(paragraph.kind);
      paragraphs[p++] = strings.id(paragraph.text, 'text');
    }
  }
  const { quotes: quoteList, articles: quoteArticles, text, speakers, ...quoteIndex } = snapshot.quotes;
  const quotes = new Int32Array(quoteList.length * QUOTE_FIELDS);
  let q = 0;
  for (const [i, quote] of quoteList.entries()) {
    if (i > 0 && i % PACK_STEP === 0) yield;
    quotes[q++] = strings.id(quote.quote, 'quotes');
    quotes[q++] = strings.id(quote.speaker, 'quotes');
    quotes[q++] = strings.id(quote.role, 'quotes');
    quotes[q++] = strings.id(quote.kind, 'quotes');
    quotes[q++] = strings.id(quote.articleId, 'quotes');
    quotes[q++] = quote.paragraphIndex;
  }
  const packedText = packJson(strings, text);
  const packedSpeakers = packJson(strings, speakers);
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
    quoteIndex: { ...quoteIndex, articles: sameArticles(articles, quoteArticles) ? null : quoteArticles, text: packedText, speakers: packedSpeakers },
  };
}

/**
 * The snapshot a {@link packSnapshot} result holds, all unpacked at once (a persisted start restores it lazily
 * instead: see restoreSnapshot.ts).
 * @example unpackSnapshot(packSnapshot(snapshot)).quotes.quotes[0]?.speaker // => 'Alain Juppe'
 */
export function unpackSnapshot(packed: PackedSnapshot): IndexSnapshot {
  return finishNow(unpacking(packed));
}

/**
 * {@link unpackSnapshot} in steps of {@link UNPACK_STEP} articles, quotations or terms, the event loop turning whenever
 * `budgetMs` has passed (Discord heartbeats and interactions keep flowing): for a snapshot received while the bot
 * answers (a reload, a start in a worker thread). At 7,050 articles the whole unpacking holds the loop for 0.1-0.2 s
 * in one go.
 * @example (await unpackSnapshotInSteps(packSnapshot(snapshot))).corpus.articles.length === snapshot.corpus.articles.length // => true
 */
export async function unpackSnapshotInSteps(packed: PackedSnapshot, budgetMs: number = STEP_BUDGET_MS): Promise<IndexSnapshot> {
  return finishInSteps(unpacking(packed), budgetMs);
}

/**
 * Items (articles, quotations or search terms) unpacked per step of {@link unpackSnapshotInSteps}: well under a
 * millisecond, chunk decoding included (100 articles are about 0.4 MB of text: one or two chunks to decode at most;
 * 500 a step decoded up to seven in one block).
 */
const UNPACK_STEP = 100;

/** The unpacking, pausing (yield) after each {@link UNPACK_STEP} items. */
function* unpacking(packed: PackedSnapshot): Steps<IndexSnapshot> {
  const strings = new StringReader(packed.strings);
  const { corpus, search } = yield* unpackingLibrary(strings, packed);
  const quotes = yield* unpackingQuotes(strings, packed, corpus.articles);
  yield;
  return { version: packed.version, key: packed.key, corpus, search, quotes };
}

/** The articles and the search data of a packed snapshot (see {@link unpacking}). */
function* unpackingLibrary(strings: StringReader, packed: PackedSnapshot): Steps<Pick<IndexSnapshot, 'corpus' | 'search'>> {
  const articleCount = packed.paragraphStarts.length - 1;
  const articles: Article[] = new Array<Article>(articleCount);
  for (let a = 0; a < articleCount; a += 1) {
    if (a > 0 && a % UNPACK_STEP === 0) yield;
    const article = unpackedFields(strings, packed.articleFields, a) as Article;
    article.paragraphs = unpackedParagraphs(strings, packed.paragraphStarts, packed.paragraphs, a);
    articles[a] = article;
  }
  const terms = new Array<string>(packed.searchTerms.length);
  for (let t = 0; t < terms.length; t += 1) {
    if (t % (UNPACK_STEP * 20) === 0) yield;
    terms[t] = strings.must(packed.searchTerms[t]!);
  }
  return {
    corpus: { articles, skipped: packed.skipped },
    search: { ...packed.search, dictionary: { terms, passageFrequency: packed.search.dictionary.passageFrequency } },
  };
}

/** The quote index's saved data of a packed snapshot, over the articles unpacked already (see {@link unpacking}). */
export function* unpackingQuotes(strings: StringReader, packed: Pick<PackedSnapshot, 'quotes' | 'quoteIndex'>, articles: readonly Article[]): Steps<QuoteIndexJSON> {
  const articleCount = articles.length;
  const quoteCount = packed.quotes.length / QUOTE_FIELDS;
  const quotes: Quote[] = new Array<Quote>(quoteCount);
  for (let i = 0, q = 0; i < quoteCount; i += 1, q += QUOTE_FIELDS) {
    if (i % (UNPACK_STEP * 4) === 0) yield;
    quotes[i] = {
      quote: strings.must(packed.quotes[q]!),
      speaker: strings.get(packed.quotes[q + 1]!),
      role: strings.get(packed.quotes[q + 2]!),
      kind: strings.must(packed.quotes[q + 3]!) as QuoteKind,
      articleId: strings.must(packed.quotes[q + 4]!),
      paragraphIndex: packed.quotes[q + 5]!,
    };
  }
  const { articles: savedQuoteArticles, text: packedText, speakers: packedSpeakers, ...quoteIndex } = packed.quoteIndex;
  const text = yield* unpackingJson(strings, packedText);
  const speakers = yield* unpackingJson(strings, packedSpeakers);
  let quoteArticles = savedQuoteArticles;
  if (!quoteArticles) {
    // The corpus's own articles, as the quotation index lists them: made in steps too (100,000 of them at 100,000).
    quoteArticles = new Array<[string, ArticleInfo]>(articleCount);
    for (let a = 0; a < articleCount; a += 1) {
      if (a % (UNPACK_STEP * 4) === 0) yield;
      const article = articles[a]!;
      quoteArticles[a] = [article.id, { headline: article.headline, date: article.date, source: article.source, url: article.url }];
    }
  }
  return {
    ...quoteIndex,
    ...(text === undefined ? {} : { text }),
    ...(speakers === undefined ? {} : { speakers }),
    quotes,
    articles: quoteArticles,
  };
}

/** The buffers of a packed snapshot, to transfer rather than copy to another thread. */
export function packedBuffers(packed: PackedSnapshot): ArrayBuffer[] {
  const { search } = packed;
  const postings = [search.passages, search.heads].flatMap((data) => [data.offsets, data.docs, data.counts, data.lengths]);
  const arrays = [
    packed.searchTerms,
    ...packed.strings.chunks.map((chunk) => chunk.bytes),
    packed.strings.chunk,
    packed.strings.starts,
    packed.strings.ends,
    packed.articleFields,
    packed.paragraphStarts,
    packed.paragraphs,
    packed.quotes,
    ...[packed.quoteIndex.text, packed.quoteIndex.speakers].flatMap((json) => (json ? [json.ids] : [])),
    ...postings,
    search.passageArticle,
    search.passageParagraph,
    search.articlePassages,
    search.dictionary.passageFrequency,
  ];
  // A buffer of Buffer's shared pool holds other small buffers too: copied, not moved.
  return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))].filter((buffer) => buffer.byteLength > Buffer.poolSize);
}
