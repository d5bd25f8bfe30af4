import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildLibrary, type Library, LibraryStore, prepareReloaded } from '../../src/library.js';

let seeds: string;

beforeEach(async () => {
  seeds = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-reload-'));
  await writeFile(path.join(seeds, 'a.txt'), 'Flood warning for the river town\n\nHeavy rain fell for three days. "We are ready," the mayor, John Smith, said.\n');
});

afterEach(async () => {
  await rm(seeds, { recursive: true, force: true });
});

describe('a background reload (built in a worker)', () => {
  it('keeps answering from the old library while the event loop turns, then swaps in the new one whole, both its indexes prepared', async () => {
    const initial = await buildLibrary(seeds);
    const store = new LibraryStore(initial, seeds, buildLibrary, { worker: true });
    await writeFile(path.join(seeds, 'b.txt'), 'Council budget approved\n\nThe council approved its budget on Tuesday.\n');
    let swappedIn: Library | null = null;
    let preparedAtSwap = { search: false, quotes: false };
    store.onReload((next) => {
      swappedIn = next;
      preparedAtSwap = { search: next.search.prepared, quotes: next.quotes.prepared };
    });
    // Turns of the event loop seen during the reload, each with the library in use then.
    const seen: Library[] = [];
    let reloading = true;
    const watch = (): void => {
      if (!reloading) return;
      seen.push(store.current);
      setImmediate(watch);
    };
    setImmediate(watch);
    const result = await store.reload();
    reloading = false;
    expect(result.ok).toBe(true);
    // Never half a library: until the swap every turn sees the old one, after it the new one.
    const swapAt = seen.indexOf(swappedIn!);
    const before = swapAt === -1 ? seen : seen.slice(0, swapAt);
    expect(before.length).toBeGreaterThan(1);
    expect(before.every((library) => library === initial)).toBe(true);
    expect(store.current).toBe(swappedIn);
    expect(store.current.search.search('council budget').hits[0]?.article.id).toBe('b.txt');
    expect(preparedAtSwap).toEqual({ search: true, quotes: true });
    expect(store.current.quotes.findByText('we are ready')[0]?.quote.speaker).toBe('John Smith');
  });

  it('leaves the swapped-in library prepared as the bot prepares it (prepareReloaded)', async () => {
    const store = new LibraryStore(await buildLibrary(seeds), seeds, buildLibrary, { worker: true });
    await store.reload();
    await prepareReloaded(store.current);
    expect(store.current.search.prepared).toBe(true);
    expect(store.current.quotes.prepared).toBe(true);
  });
});
