import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheFile, loadSnapshot, readIndexCache, seedsFingerprint } from '../../src/indexCache/index.js';
import { buildLibrary } from '../../src/library.js';

let seeds: string;
let cache: string;

beforeEach(async () => {
  seeds = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-seeds-'));
  cache = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-cache-'));
  await writeFile(path.join(seeds, 'a.txt'), 'Flood warning for the river town\n\nHeavy rain fell for three days. "We are ready," the mayor, John Smith, said.\n');
  await writeFile(path.join(seeds, 'b.txt'), 'Council budget approved\n\nThe council approved its budget on Tuesday.\n');
});

afterEach(async () => {
  await rm(seeds, { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
});

describe('seedsFingerprint', () => {
  it('returns the same fingerprint for an unchanged folder and another one when a file is touched', async () => {
    const first = await seedsFingerprint(seeds);
    expect(await seedsFingerprint(seeds)).toBe(first);
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(seeds, 'b.txt'), later, later);
    expect(await seedsFingerprint(seeds)).not.toBe(first);
  });

  it('returns another fingerprint when a file is added', async () => {
    const first = await seedsFingerprint(seeds);
    await writeFile(path.join(seeds, 'c.txt'), 'Another story\n\nText.\n');
    expect(await seedsFingerprint(seeds)).not.toBe(first);
  });
});

describe('loadSnapshot', () => {
  it('builds and persists on the first load, reads the cache on the next, and rebuilds when a seed changes', async () => {
    expect((await loadSnapshot(seeds, cache)).fromCache).toBe(false);
    const second = await loadSnapshot(seeds, cache);
    expect(second.fromCache).toBe(true);
    expect(second.snapshot.corpus.articles.map((article) => article.id)).toEqual(['a.txt', 'b.txt']);
    await writeFile(path.join(seeds, 'b.txt'), 'Council budget rejected\n\nThe council rejected its budget.\n');
    const third = await loadSnapshot(seeds, cache);
    expect(third.fromCache).toBe(false);
    expect(third.snapshot.corpus.articles[1]!.headline).toBe('Council budget rejected');
  });
});

describe('readIndexCache', () => {
  it('returns null for a damaged cache file', async () => {
    await loadSnapshot(seeds, cache);
    await writeFile(cacheFile(cache), 'not a snapshot');
    expect(await readIndexCache(cache, await seedsFingerprint(seeds, 'v1'))).toBeNull();
  });
});

describe('buildLibrary with a cache and a worker', () => {
  it('returns a library answering as one built in place', async () => {
    const direct = await buildLibrary(seeds);
    const cached = await buildLibrary(seeds, undefined, { cacheDir: cache });
    const again = await buildLibrary(seeds, undefined, { cacheDir: cache, worker: true });
    for (const library of [cached, again]) {
      expect(library.search.search('river flood').hits.map((hit) => hit.article.id)).toEqual(direct.search.search('river flood').hits.map((hit) => hit.article.id));
      expect(library.quotes.size).toBe(direct.quotes.size);
      expect(library.corpus.articles).toEqual(direct.corpus.articles);
    }
  });

  it('restores a persisted library\'s quotations and articles by id when first read, answering as the built one', async () => {
    const direct = await buildLibrary(seeds);
    await buildLibrary(seeds, undefined, { cacheDir: cache });
    const restored = await buildLibrary(seeds, undefined, { cacheDir: cache });
    expect(restored.fromCache).toBe(true);
    expect(restored.quotes.quotesBy('John Smith')).toEqual(direct.quotes.quotesBy('John Smith'));
    expect(restored.quotes.quotesBy('John Smith')).toHaveLength(1);
    // The same index on every read: made once.
    expect(restored.quotes).toBe(restored.quotes);
    expect([...restored.articles.keys()]).toEqual(['a.txt', 'b.txt']);
    expect(restored.articles.get('a.txt')).toBe(restored.corpus.articles[0]);
  });

  it('returns the search index prepared (built while the bot answers: nothing left for the swap or a first /ask)', async () => {
    expect((await buildLibrary(seeds, undefined, { worker: true })).search.prepared).toBe(true);
    expect((await buildLibrary(seeds)).search.prepared).toBe(false);
  });

  it('rejects with the reason when the folder has no article', async () => {
    await rm(path.join(seeds, 'a.txt'));
    await rm(path.join(seeds, 'b.txt'));
    await writeFile(path.join(seeds, 'empty.txt'), '');
    await expect(buildLibrary(seeds, undefined, { worker: true })).rejects.toThrow(/no article could be loaded/);
  });
});
