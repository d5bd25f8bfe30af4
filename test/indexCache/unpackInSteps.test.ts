import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import type { IndexSnapshot } from '../../src/indexCache/index.js';
import { packSnapshot, unpackSnapshot, unpackSnapshotInSteps } from '../../src/indexCache/packSnapshot.js';
import { QuoteIndex } from '../../src/quotes/index.js';
import { SearchIndex } from '../../src/search/index.js';

const seeds = path.resolve(import.meta.dirname, '../../seeds');
let snapshot: IndexSnapshot;

beforeAll(async () => {
  const corpus = await loadCorpus(seeds);
  snapshot = { version: 2, key: 'k', corpus, search: SearchIndex.build(corpus.articles).toData(), quotes: QuoteIndex.fromArticles(corpus.articles).toJSON() };
});

describe('unpackSnapshotInSteps', () => {
  it('returns the snapshot unpackSnapshot returns', async () => {
    const stepped = await unpackSnapshotInSteps(packSnapshot(snapshot));
    expect(stepped).toEqual(unpackSnapshot(packSnapshot(snapshot)));
    expect(stepped.corpus).toEqual(snapshot.corpus);
    expect(stepped.quotes).toEqual(snapshot.quotes);
  });

  it('lets the event loop turn between steps (with no time budget: a turn at every step)', async () => {
    const packed = packSnapshot(snapshot);
    let turns = 0;
    let done = false;
    const unpacking = unpackSnapshotInSteps(packed, 0).then(() => (done = true));
    // A callback queued after the unpacking started runs before it ends: the work is not one synchronous block.
    setImmediate(() => {
      turns += 1;
      expect(done).toBe(false);
    });
    await unpacking;
    expect(turns).toBe(1);
  });

  it('pauses after every saved JSON part and every 100 articles: each may be the first read of a chunk to decode', async () => {
    const packed = packSnapshot(snapshot);
    const parts = (packed.quoteIndex.text?.ids.length ?? 0) + (packed.quoteIndex.speakers?.ids.length ?? 0);
    expect(parts).toBeGreaterThan(2);
    let turns = 0;
    let unpacking = true;
    const count = (): void => {
      if (!unpacking) return;
      turns += 1;
      setImmediate(count);
    };
    setImmediate(count);
    await unpackSnapshotInSteps(packed, 0);
    unpacking = false;
    expect(turns).toBeGreaterThanOrEqual(parts - 2 + Math.floor(snapshot.corpus.articles.length / 100));
  });
});
