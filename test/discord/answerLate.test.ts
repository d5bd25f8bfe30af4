import path from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import ask from '../../commands/ask.js';
import quote from '../../commands/quote.js';
import type { Command } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { answerMayBeLate } from '../../src/discord/answerLate.js';
import type { CommandInvocation } from '../../src/discord/invocation.js';
import { PageStore } from '../../src/discord/pageStore.js';
import { buildLibrary, LibraryStore, type Library } from '../../src/library.js';
import { createLogger } from '../../src/log.js';
import { RateLimiter } from '../../src/rateLimiter.js';

const seeds = path.resolve(import.meta.dirname, '../../seeds');
let library: Library;

beforeAll(async () => {
  library = await buildLibrary(seeds);
});

function contextWith(store: LibraryStore): AppContext {
  return {
    config: loadConfig({}),
    log: createLogger('silent', new Writable({ write: (_chunk: Buffer, _encoding, done) => done() })),
    library: store,
    limiter: new RateLimiter({ userCooldownSeconds: 0, guildPerMinute: 0 }),
    pages: new PageStore(),
    digest: null,
    now: () => new Date('2024-01-01T00:00:00Z'),
  };
}

/** Runs a command and returns what the invocation saw, in order: 'defer' and 'reply'. */
async function steps(command: Command, values: Record<string, string>, ctx: AppContext): Promise<string[]> {
  const seen: string[] = [];
  const invocation: CommandInvocation = {
    commandName: command.data.name,
    subcommand: null,
    options: { string: (name) => values[name] ?? null, integer: () => null, boolean: () => null, channel: () => null },
    user: { id: 'u1', name: 'User' },
    guildId: 'g1',
    canManageGuild: false,
    defer: async () => void seen.push('defer'),
    reply: async () => void seen.push('reply'),
  };
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
    library.quotes.prepare();
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
