import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import type { IndexSnapshot } from '../../src/indexCache/index.js';
import { packedBuffers, packSnapshot, packSnapshotInSteps, unpackSnapshot, unpackSnapshotInSteps, type PackedSnapshot } from '../../src/indexCache/packSnapshot.js';
import { QuoteIndex } from '../../src/quotes/index.js';
import { joinParts, type JsonParts } from '../../src/quotes/jsonParts.js';
import { SearchIndex } from '../../src/search/index.js';

const seeds = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../seeds');
let snapshot: IndexSnapshot;
let built: QuoteIndex;

beforeAll(async () => {
  const corpus = await loadCorpus(seeds);
  built = QuoteIndex.fromArticles(corpus.articles);
  snapshot = { version: 2, key: 'k', corpus, search: SearchIndex.build(corpus.articles).toData(), quotes: built.toJSON() };
});

describe('packSnapshot and unpackSnapshot', () => {
  it('returns the same snapshot after packing, v8 serialisation and unpacking', () => {
    const restored = unpackSnapshot(deserialize(serialize(packSnapshot(snapshot))) as PackedSnapshot);
    expect(restored.corpus).toEqual(snapshot.corpus);
    expect(restored.quotes).toEqual(snapshot.quotes);
    expect(restored.search.dictionary.terms).toEqual(snapshot.search.dictionary.terms);
    expect(restored.search).toEqual(snapshot.search);
  });

  it('gives every article without tags one shared frozen empty list, and an article with tags its own', async () => {
    const tagged = { ...snapshot.corpus.articles[0]!, id: 'tagged.md', tags: ['Iraq war', 'Budget'] };
    const corpus = { ...snapshot.corpus, articles: [...snapshot.corpus.articles, tagged] };
    const packed = packSnapshot({ ...snapshot, corpus, search: SearchIndex.build(corpus.articles).toData() });
    for (const restored of [unpackSnapshot(packed), await unpackSnapshotInSteps(packed)]) {
      const untagged = restored.corpus.articles.filter((article) => article.tags.length === 0);
      expect(untagged.length).toBeGreaterThan(1);
      expect(untagged.every((article) => article.tags === untagged[0]!.tags && Object.isFrozen(article.tags))).toBe(true);
      expect(restored.corpus.articles.at(-1)!.tags).toEqual(['Iraq war', 'Budget']);
    }
  });

  it('packs in steps exactly what it packs at once', async () => {
    const stepped = await packSnapshotInSteps(snapshot);
    expect(serialize(stepped).equals(serialize(packSnapshot(snapshot)))).toBe(true);
  });

  it('returns null fields as null and keeps an article list that is not the corpus order', () => {
    const [first, second] = snapshot.corpus.articles;
    const articles = [{ ...first!, standfirst: null, url: null }, second!];
    const infos = snapshot.quotes.articles.slice(0, 2).reverse();
    const small: IndexSnapshot = { ...snapshot, corpus: { articles, skipped: [{ file: 'x.bin', reason: 'binary' }] }, quotes: { ...snapshot.quotes, articles: infos } };
    const restored = unpackSnapshot(packSnapshot(small));
    expect(restored.corpus).toEqual(small.corpus);
    expect(restored.quotes.articles).toEqual(infos);
  });

  it('returns every use of a repeated string (a shared paragraph, an article id of many quotations) with its text', () => {
    const [first, second] = snapshot.corpus.articles;
    const shared = first!.paragraphs[0]!;
    const articles = [first!, { ...second!, paragraphs: [shared, ...second!.paragraphs, shared] }];
    const quotes = snapshot.quotes.quotes.filter((quote) => quote.articleId === first!.id || quote.articleId === second!.id);
    expect(quotes.length).toBeGreaterThan(1);
    const small: IndexSnapshot = { ...snapshot, corpus: { articles, skipped: [] }, quotes: { ...snapshot.quotes, quotes, articles: snapshot.quotes.articles.slice(0, 2) } };
    const restored = unpackSnapshot(packSnapshot(small));
    expect(restored.corpus).toEqual(small.corpus);
    expect(restored.corpus.articles[1]!.paragraphs.at(-1)).toEqual(shared);
    expect(restored.quotes.quotes).toEqual(quotes);
  });

  it('hands the quotation structures over as string ids in the transferred buffers, parts or whole', () => {
    expect(snapshot.quotes.text).toBeDefined();
    const packed = packSnapshot(snapshot);
    expect(packed.quoteIndex.text?.ids).toBeInstanceOf(Int32Array);
    expect(packed.quoteIndex.speakers?.ids).toBeInstanceOf(Int32Array);
    const moved = structuredClone(packed, { transfer: packedBuffers(packed) });
    // No text of them outside the string chunks: nothing for the clone to copy string by string.
    expect(JSON.stringify({ ...packed.quoteIndex, articles: null }).length).toBeLessThan(2000);
    expect(unpackSnapshot(moved).quotes).toEqual(snapshot.quotes);
    const whole: IndexSnapshot = { ...snapshot, quotes: { ...snapshot.quotes, text: JSON.stringify(joinParts(snapshot.quotes.text as JsonParts)), speakers: undefined } };
    const restored = unpackSnapshot(packSnapshot(whole)).quotes;
    expect(restored.text).toBe(whole.quotes.text);
    expect('speakers' in restored).toBe(false);
  });

  it('keeps each string chunk to 256 K characters (one short step to decode on a reload), a longer string alone in its own', () => {
    const long = 'x'.repeat(300_000);
    const [first, ...rest] = snapshot.corpus.articles;
    const withLong: IndexSnapshot = { ...snapshot, corpus: { ...snapshot.corpus, articles: [{ ...first!, paragraphs: [...first!.paragraphs, { kind: 'body', text: long }] }, ...rest] } };
    const packed = packSnapshot(withLong);
    expect(packed.strings.chunks.length).toBeGreaterThan(2);
    const { chunks, chunk, starts, ends } = packed.strings;
    for (const [index, { bytes, latin1 }] of chunks.entries()) {
      const text = Buffer.from(bytes).toString(latin1 ? 'latin1' : 'utf8');
      const alone = [...chunk.keys()].filter((id) => chunk[id] === index).length === 1;
      if (!alone) expect(text.length).toBeLessThanOrEqual(256 * 1024);
      else expect(text.length).toBe(ends[chunk.indexOf(index)]! - starts[chunk.indexOf(index)]!);
    }
    expect(unpackSnapshot(packed).corpus.articles[0]!.paragraphs.at(-1)!.text).toBe(long);
  });

  it('returns transferable buffers that are not Buffer pool slabs', () => {
    const buffers = packedBuffers(packSnapshot(snapshot));
    expect(buffers.length).toBeGreaterThan(0);
    for (const buffer of buffers) expect(buffer.byteLength).toBeGreaterThan(Buffer.poolSize);
  });
});

const sortedTerms = (text: JsonParts | string | undefined): unknown => {
  const parsed = (typeof text === 'string' ? JSON.parse(text) : joinParts(text ?? ['{}'])) as { index: [string, unknown][] };
  return { ...parsed, index: [...parsed.index].sort((a, b) => (a[0] < b[0] ? -1 : 1)) };
};

describe('QuoteIndex.fromJSON with the persisted structures', () => {
  it('returns the same answers as the index built from the articles', () => {
    const restored = QuoteIndex.fromJSON(unpackSnapshot(packSnapshot(snapshot)).quotes);
    const rebuilt = QuoteIndex.fromJSON({ version: 1, quotes: snapshot.quotes.quotes, articles: snapshot.quotes.articles });
    for (const index of [restored, rebuilt]) {
      expect(index.size).toBe(built.size);
      for (const text of ['moral stain', 'we will not', 'the government said', 'economy growth']) expect(index.findByText(text)).toEqual(built.findByText(text));
      for (const name of ['ju', 'juppé', 'obama', 'bush', 'smith', 'pres']) {
        expect(index.suggestSpeakers(name)).toEqual(built.suggestSpeakers(name));
        expect(index.findSpeaker(name)).toEqual(built.findSpeaker(name));
        expect(index.quotesBy(name)).toEqual(built.quotesBy(name));
      }
      const id = snapshot.corpus.articles[0]!.id;
      expect(index.quotesOfArticle(id)).toEqual(built.quotesOfArticle(id));
      // MiniSearch lists its terms in the order its tree was filled: the same terms, in another order.
      const { text, ...rest } = index.toJSON();
      const { text: builtText, ...builtRest } = built.toJSON();
      expect(rest).toEqual(builtRest);
      expect(sortedTerms(text)).toEqual(sortedTerms(builtText));
    }
  });
});

describe('QuoteIndex.prepare', () => {
  it('returns the same answers and the same persisted form once its structures are made ahead of use', () => {
    const index = QuoteIndex.fromJSON(unpackSnapshot(packSnapshot(snapshot)).quotes);
    index.prepare();
    expect(index.findByText('moral stain')).toEqual(built.findByText('moral stain'));
    expect(index.suggestSpeakers('ju')).toEqual(built.suggestSpeakers('ju'));
    expect(index.quotesOfArticle(snapshot.corpus.articles[0]!.id)).toEqual(built.quotesOfArticle(snapshot.corpus.articles[0]!.id));
    expect(index.toJSON().speakers).toEqual(built.toJSON().speakers);
  });
});
