import { readFile, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { statSync } from 'node:fs';
import { serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeSection, encodeCacheFile, packedOf, readCacheFile } from '../../src/indexCache/cacheSections.js';
import { cacheFile, loadSnapshot, readCacheBytes, readIndexCache } from '../../src/indexCache/index.js';
import { packSnapshot, unpackSnapshot } from '../../src/indexCache/packSnapshot.js';
import { snapshotKey } from '../../src/indexCache/snapshotKey.js';
import { buildLibrary } from '../../src/library.js';

let seeds: string;
let cache: string;

beforeEach(async () => {
  seeds = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-seeds-'));
  cache = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-cache-'));
  await writeFile(path.join(seeds, 'a.txt'), 'Flood warning for the river town\n\nHeavy rain fell for three days. "We are ready," the mayor, John Smith, said.\n\nThe river rose by two metres.\n');
  await writeFile(path.join(seeds, 'b.txt'), 'Council budget approved\n\nThe council approved its budget on Tuesday. "It is fair," said Mary Jones.\n');
});

afterEach(async () => {
  await rm(seeds, { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
});

describe('the cache file in sections', () => {
  it('reads back, all sections read, the packed snapshot it was written from', async () => {
    const { snapshot } = await loadSnapshot(seeds, null);
    const packed = packSnapshot(snapshot);
    await writeFile(cacheFile(cache), Buffer.concat(encodeCacheFile(packed)));
    const read = await readCacheFile(cacheFile(cache));
    const back = unpackSnapshot(packedOf(read));
    expect(back.corpus).toEqual(snapshot.corpus);
    expect(back.search).toEqual(snapshot.search);
    expect(back.quotes).toEqual(snapshot.quotes);
  });

  it('leaves the quotations\' section unread on a persisted start, and reads it when they are first read', async () => {
    const direct = await buildLibrary(seeds);
    await buildLibrary(seeds, undefined, { cacheDir: cache });
    const read = await readCacheBytes(cache);
    expect(read?.buffers.quotes).toBeUndefined();
    const snapshot = await readIndexCache(cache, await snapshotKey(seeds, cache), Promise.resolve(read));
    expect(snapshot?.corpus.articles).toEqual(direct.corpus.articles);
    expect(read?.buffers.quotes).toBeUndefined();
    expect(snapshot?.quotes.quotes).toEqual(direct.quotes.toJSON().quotes);
    expect(read?.buffers.quotes).toBeInstanceOf(Buffer);
  });

  it('makes an article\'s paragraphs when first read, seen by a spread or a clone as a plain article\'s', async () => {
    const direct = await buildLibrary(seeds);
    await buildLibrary(seeds, undefined, { cacheDir: cache });
    const restored = await buildLibrary(seeds, undefined, { cacheDir: cache });
    const article = restored.corpus.articles[0]!;
    expect(Object.getOwnPropertyDescriptor(article, 'paragraphs')?.get).toBeTypeOf('function');
    expect({ ...article }).toEqual({ ...direct.corpus.articles[0]! });
    expect(structuredClone(article)).toEqual(direct.corpus.articles[0]);
    expect(article.paragraphs).toBe(article.paragraphs);
    article.paragraphs = [{ kind: 'body', text: 'Replaced.' }];
    expect(article.paragraphs.map((paragraph) => paragraph.text)).toEqual(['Replaced.']);
  });

  it('reads only the library section on a persisted start, the paragraphs\' text when first read', async () => {
    const direct = await buildLibrary(seeds);
    await buildLibrary(seeds, undefined, { cacheDir: cache });
    const read = await readCacheBytes(cache);
    expect(read?.buffers.library).toBeInstanceOf(Buffer);
    expect(read?.buffers.text).toBeUndefined();
    const snapshot = await readIndexCache(cache, await snapshotKey(seeds, cache), Promise.resolve(read));
    expect(snapshot?.search).toEqual((await loadSnapshot(seeds, null)).snapshot.search);
    expect(read?.buffers.text).toBeUndefined();
    expect(snapshot?.corpus.articles[1]?.paragraphs).toEqual(direct.corpus.articles[1]!.paragraphs);
    expect(read?.buffers.text).toBeInstanceOf(Buffer);
  });

  it('keeps a search term that is also a paragraph\'s whole text out of the text section, which a persisted start leaves unread', async () => {
    await writeFile(path.join(seeds, 'c.txt'), 'River levels\n\nflood\n\nThe water rose again overnight.\n');
    const { snapshot: direct } = await loadSnapshot(seeds, null);
    expect(direct.search.dictionary.terms).toContain('flood');
    await loadSnapshot(seeds, cache);
    const read = await readCacheBytes(cache);
    const restored = await readIndexCache(cache, await snapshotKey(seeds, cache), Promise.resolve(read));
    expect(restored?.search.dictionary.terms).toEqual(direct.search.dictionary.terms);
    expect(read?.buffers.text).toBeUndefined();
    expect(restored?.corpus.articles).toEqual(direct.corpus.articles);
  });

  it('reads its text and quotations from the file it started from when a newer index was written over it since', async () => {
    const direct = await buildLibrary(seeds);
    await buildLibrary(seeds, undefined, { cacheDir: cache });
    const warnings: string[] = [];
    const restored = await buildLibrary(seeds, undefined, { cacheDir: cache, warn: (line) => warnings.push(line) });
    expect(restored.fromCache).toBe(true);
    // A reload writes the index of changed seeds over it (a new file renamed over the path).
    await writeFile(path.join(seeds, 'c.txt'), 'Storm closes the port\n\n"Stay at home," said the harbour master, Ann Lee. The storm is the worst in years.\n');
    await buildLibrary(seeds, undefined, { cacheDir: cache });
    expect(restored.corpus.articles).toEqual(direct.corpus.articles);
    expect(restored.quotes.toJSON().quotes).toEqual(direct.quotes.toJSON().quotes);
    expect(restored.quotes.quotesBy('John Smith')).toEqual(direct.quotes.quotesBy('John Smith'));
    expect(warnings).toEqual([]);
  });

  it('says so in one line naming the file, and does not crash, when the file was cut short after the start', async () => {
    const direct = await buildLibrary(seeds);
    await buildLibrary(seeds, undefined, { cacheDir: cache });
    const warnings: string[] = [];
    const restored = await buildLibrary(seeds, undefined, { cacheDir: cache, warn: (line) => warnings.push(line) });
    const { size } = statSync(cacheFile(cache));
    await truncate(cacheFile(cache), size - 8);
    // Its text unreadable too, the quotations extracted again from the articles are none: no crash, no other index's.
    expect(restored.quotes.quotesBy('John Smith')).toEqual([]);
    expect(restored.corpus.articles[0]!.headline).toBe(direct.corpus.articles[0]!.headline);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((line) => !line.includes('\n') && line.includes(cacheFile(cache)) && line.includes('delete'))).toBe(true);
    // Once per section, however often it is read.
    void restored.corpus.articles[1]!.paragraphs;
    expect(new Set(warnings).size).toBe(warnings.length);
    // The next start rebuilds it.
    expect((await buildLibrary(seeds, undefined, { cacheDir: cache })).fromCache).toBe(false);
  });

  it('reads no section of a file cut short in place since the rest was read', async () => {
    await buildLibrary(seeds, undefined, { cacheDir: cache });
    const read = await readCacheFile(cacheFile(cache), ['library']);
    packedOf(read);
    await writeFile(cacheFile(cache), (await readFile(cacheFile(cache))).subarray(0, -8));
    expect(completeSection(read, 'quotes')).toBe(false);
    expect(read.buffers.quotes).toBeUndefined();
  });

  it('rebuilds from a file cut short or of the former v8-serialised layout', async () => {
    await buildLibrary(seeds, undefined, { cacheDir: cache });
    const key = await snapshotKey(seeds, cache);
    const { size } = await import('node:fs').then((fs) => fs.statSync(cacheFile(cache)));
    await truncate(cacheFile(cache), size - 8);
    expect(await readIndexCache(cache, key)).toBeNull();
    expect((await buildLibrary(seeds, undefined, { cacheDir: cache })).fromCache).toBe(false);
    await writeFile(cacheFile(cache), serialize({ version: 3, key, strings: { chunks: [] }, search: {}, quotes: new Int32Array(0) }));
    expect(await readIndexCache(cache, key)).toBeNull();
  });
});
