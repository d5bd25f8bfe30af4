import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandContext, invocationOf } from '../support/commandContext.js';
import ask from '../../commands/ask.js';
import quote from '../../commands/quote.js';
import type { Command } from '../../commands/index.js';
import type { AppContext } from '../../src/context.js';
import { answerMayBeLate } from '../../src/discord/answerLate.js';
import { buildLibrary, LibraryStore, type Library } from '../../src/library.js';

const seeds = path.resolve(import.meta.dirname, '../../seeds');
let library: Library;

beforeAll(async () => {
  library = await buildLibrary(seeds);
  library.search.prepare();
  library.quotes.prepare();
});

const contextWith = (store: LibraryStore): AppContext => commandContext(store);

/** Runs a command and returns what the invocation saw, in order: 'defer' and 'reply'. */
async function steps(command: Command, values: Record<string, string>, ctx: AppContext): Promise<string[]> {
  const seen: string[] = [];
  const invocation = invocationOf(command, values, { defer: async () => void seen.push('defer'), reply: async () => void seen.push('reply') });
  await command.execute(invocation, ctx);
  return seen;
}

/** A store whose reload waits until `finish` is called: a reload in progress, for as long as the test needs. */
function storeWithPendingReload(): { store: LibraryStore; finish: () => void } {
  let finish = (): void => undefined;
  const gate = new Promise<void>((resolve) => (finish = resolve));
  const store = new LibraryStore(library, seeds, async () => {
    await gate;
    return library;
  });
  return { store, finish };
}

describe('answering in the interaction callback, or deferring first', () => {
  it('answers /ask straight away (no deferral) when no reload runs', async () => {
    const ctx = contextWith(new LibraryStore(library, seeds));
    expect(answerMayBeLate(ctx, 'search')).toBe(false);
    expect(await steps(ask, { question: 'Homs shelling' }, ctx)).toEqual(['reply']);
  });

  it('defers /ask and /quote while a reload is in progress, and answers straight away again once it is over', async () => {
    const { store, finish } = storeWithPendingReload();
    const ctx = contextWith(store);
    const reload = store.reload();
    expect(store.reloading).toBe(true);
    expect(await steps(ask, { question: 'Homs shelling' }, ctx)).toEqual(['defer', 'reply']);
    expect(await steps(quote, { text: 'moral stain' }, ctx)).toEqual(['defer', 'reply']);
    finish();
    expect(await reload).toMatchObject({ ok: true });
    expect(store.reloading).toBe(false);
    expect(await steps(ask, { question: 'Homs shelling' }, ctx)).toEqual(['reply']);
    expect(await steps(quote, { text: 'moral stain' }, ctx)).toEqual(['reply']);
  });

  it('defers /ask while the search index has not built its lookup tables, and builds them then', async () => {
    const cold = await buildLibrary(seeds);
    expect(cold.search.prepared).toBe(false);
    const ctx = contextWith(new LibraryStore(cold, seeds));
    expect(await steps(ask, { question: 'Homs shelling' }, ctx)).toEqual(['defer', 'reply']);
    expect(cold.search.prepared).toBe(true);
    expect(await steps(ask, { question: 'Homs shelling' }, ctx)).toEqual(['reply']);
  });

  it('defers /quote while the quote index has not built its lookup structures (the first lookup builds them)', async () => {
    const cold = await buildLibrary(seeds);
    expect(cold.quotes.prepared).toBe(false);
    const ctx = contextWith(new LibraryStore(cold, seeds));
    expect(await steps(quote, { text: 'moral stain' }, ctx)).toEqual(['defer', 'reply']);
    // That lookup built them: the next one is answered at once.
    expect(cold.quotes.prepared).toBe(true);
    expect(await steps(quote, { text: 'moral stain' }, ctx)).toEqual(['reply']);
  });
});
