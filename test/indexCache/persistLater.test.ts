import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheFile } from '../../src/indexCache/index.js';
import { buildLibrary } from '../../src/library.js';

const seeds = path.resolve(import.meta.dirname, '../../seeds');
let cacheDir = '';

afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

describe('persisting a newly built index after start-up (persistLater)', () => {
  it('writes nothing on the way to ready, then the same index the next start reads back', async () => {
    cacheDir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-persist-later-'));
    const built = await buildLibrary(seeds, undefined, { cacheDir, persistLater: true });
    expect(existsSync(cacheFile(cacheDir))).toBe(false);
    expect(built.persistSnapshot).toBeTypeOf('function');
    await built.persistSnapshot!();
    expect(existsSync(cacheFile(cacheDir))).toBe(true);

    const restored = await buildLibrary(seeds, undefined, { cacheDir, persistLater: true });
    // Read from the cache: nothing left to persist, and the same coverage and answers.
    expect(restored.persistSnapshot).toBeUndefined();
    expect(restored.corpus).toEqual(built.corpus);
    expect(restored.quotes.size).toBe(built.quotes.size);
    const question = 'How many people have been killed in Syria?';
    expect(restored.search.search(question).hits.map((hit) => hit.article.id)).toEqual(built.search.search(question).hits.map((hit) => hit.article.id));
  });

  it('writes the index before returning without persistLater', async () => {
    cacheDir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-persist-now-'));
    const built = await buildLibrary(seeds, undefined, { cacheDir });
    expect(existsSync(cacheFile(cacheDir))).toBe(true);
    expect(built.persistSnapshot).toBeUndefined();
  });
});
