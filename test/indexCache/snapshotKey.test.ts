import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSnapshot, readIndexCache } from '../../src/indexCache/index.js';
import { snapshotKey, snapshotKeyOffThread, startSnapshotKey } from '../../src/indexCache/snapshotKey.js';
import { buildLibrary } from '../../src/library.js';

let seeds: string;
let cache: string;

beforeEach(async () => {
  seeds = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-seeds-'));
  cache = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-cache-'));
  await writeFile(path.join(seeds, 'a.txt'), 'Flood warning for the river town\n\nHeavy rain fell for three days. "We are ready," the mayor, John Smith, said.\n');
});

afterEach(async () => {
  await rm(seeds, { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
});

describe('snapshotKeyOffThread', () => {
  it('returns the key snapshotKey computes on this thread, and another one once a seed is touched', async () => {
    const key = await snapshotKeyOffThread(seeds, cache);
    expect(key).toBe(await snapshotKey(seeds, cache));
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(seeds, 'a.txt'), later, later);
    expect(await snapshotKeyOffThread(seeds, cache)).not.toBe(key);
  });

  it('takes up the key startSnapshotKey started for the same folders, once', async () => {
    const before = await snapshotKey(seeds, cache);
    // Fingerprinted as the seeds are now, then they change: the key taken up is the started one, of before.
    expect(await startSnapshotKey(seeds, cache)).toBe(before);
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(seeds, 'a.txt'), later, later);
    // Another folder's key is not the started one.
    expect(await snapshotKeyOffThread(cache, cache)).toBe(await snapshotKey(cache, cache));
    expect(await snapshotKeyOffThread(seeds, cache)).toBe(before);
    expect(await snapshotKeyOffThread(seeds, cache)).toBe(await snapshotKey(seeds, cache));
    expect(await snapshotKey(seeds, cache)).not.toBe(before);
  });

  it('returns the empty key without a cache folder', async () => {
    expect(await snapshotKeyOffThread(seeds, null)).toBe('');
  });
});

describe('readIndexCache with a key still being computed', () => {
  it('returns the snapshot when the key, once known, is the file’s, and null when it is another', async () => {
    await loadSnapshot(seeds, cache);
    const key = await snapshotKey(seeds, cache);
    expect((await readIndexCache(cache, Promise.resolve(key)))?.corpus.articles.map((article) => article.id)).toEqual(['a.txt']);
    expect(await readIndexCache(cache, Promise.resolve(`${key}-other`))).toBeNull();
  });
});

describe('buildLibrary with a persisted index', () => {
  it('reads it back while the seeds are fingerprinted, and rebuilds when a seed changed', async () => {
    expect((await buildLibrary(seeds, undefined, { cacheDir: cache })).fromCache).toBe(false);
    expect((await buildLibrary(seeds, undefined, { cacheDir: cache })).fromCache).toBe(true);
    await writeFile(path.join(seeds, 'a.txt'), 'Drought warning for the river town\n\nNo rain fell for three months.\n');
    const rebuilt = await buildLibrary(seeds, undefined, { cacheDir: cache });
    expect(rebuilt.fromCache).toBe(false);
    expect(rebuilt.corpus.articles[0]!.headline).toBe('Drought warning for the river town');
  });
});
