import path from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import ask from '../../commands/ask.js';
import quote from '../../commands/quote.js';
import type { Command } from '../../commands/index.js';
import { defaults, loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import type { CommandInvocation } from '../../src/discord/invocation.js';
import { PageStore } from '../../src/discord/pageStore.js';
import type { Reply } from '../../src/discord/reply.js';
import { texts } from '../../src/discord/texts.js';
import { buildLibrary, LibraryStore, type Library } from '../../src/library.js';
import { createLogger } from '../../src/log.js';
import { QuoteIndex } from '../../src/quotes/index.js';
import { RateLimiter } from '../../src/rateLimiter.js';

const seeds = path.resolve(import.meta.dirname, '../../seeds');
let built: Library;

beforeAll(async () => {
  built = await buildLibrary(seeds);
});

/**
 * The library as a cold start hands it over: search ready, the quotations still on their way. `arrive()` puts them
 * in as buildLibrary does (on the same object, then the promise settles).
 */
function coldLibrary(): { library: Library; arrive: () => void } {
  let arrive = (): void => undefined;
  const library: Library = { ...built, quotes: QuoteIndex.fromExtracted(built.corpus.articles, []) };
  library.quotesPending = new Promise<void>((resolve) => (arrive = resolve)).then(() => {
    library.quotes = built.quotes;
    library.quotesPending = null;
  });
  return { library, arrive };
}

function contextWith(library: Library): AppContext {
  return {
    config: loadConfig({}),
    log: createLogger('silent', new Writable({ write: (_chunk: Buffer, _encoding, done) => done() })),
    library: new LibraryStore(library, seeds),
    limiter: new RateLimiter({ userCooldownSeconds: 0, guildPerMinute: 0 }),
    pages: new PageStore(),
    digest: null,
    now: () => new Date('2024-01-01T00:00:00Z'),
  };
}

/** Runs a command; returns its replies and how long it took. */
async function run(command: Command, values: Record<string, string>, ctx: AppContext, patient = false): Promise<{ replies: Reply[]; ms: number }> {
  const replies: Reply[] = [];
  const invocation: CommandInvocation = {
    commandName: command.data.name,
    subcommand: null,
    options: { string: (name) => values[name] ?? null, integer: () => null, boolean: () => null, channel: () => null },
    user: { id: 'u1', name: 'User' },
    guildId: 'g1',
    canManageGuild: false,
    patient,
    defer: async () => undefined,
    reply: async (reply) => void replies.push(reply),
  };
  const started = performance.now();
  await command.execute(invocation, ctx);
  return { replies, ms: performance.now() - started };
}

const text = (reply: Reply | undefined) => JSON.stringify(reply ?? null);

describe('the quotations still being indexed after a cold start', () => {
  it('/quote waits for quotations that arrive within the wait, then answers from them', async () => {
    const { library, arrive } = coldLibrary();
    setTimeout(arrive, 100);
    const { replies } = await run(quote, { text: 'moral stain' }, contextWith(library));
    expect(replies).toHaveLength(1);
    expect(replies[0]?.ephemeral).not.toBe(true);
    expect(text(replies[0])).toContain('Juppe');
  });

  it('/quote says, only to the asker, that quotations are still being indexed when they do not arrive in time', async () => {
    const { library } = coldLibrary();
    const { replies, ms } = await run(quote, { text: 'moral stain' }, contextWith(library));
    expect(replies).toEqual([{ content: texts.quotesIndexing, ephemeral: true, data: { indexing: 'quotes' } }]);
    expect(ms).toBeGreaterThanOrEqual(defaults.quotes.indexingWaitMs - 50);
  });

  it('/ask answers other questions at once, and "what did X say" says the quotations are still being indexed', async () => {
    const { library } = coldLibrary();
    const ctx = contextWith(library);
    const plain = await run(ask, { question: 'Homs shelling' }, ctx);
    expect(plain.ms).toBeLessThan(defaults.quotes.indexingWaitMs / 2);
    expect(text(plain.replies[0])).not.toContain(texts.quotesIndexing);
    expect(plain.replies[0]?.ephemeral).not.toBe(true);

    const said = await run(ask, { question: 'What did Juppe say?' }, ctx);
    expect(said.replies).toEqual([{ content: texts.quotesIndexing, ephemeral: true, data: { indexing: 'quotes' } }]);
  });

  it('/ask "what did X say" answers from the quotations once they are in', async () => {
    const { library, arrive } = coldLibrary();
    setTimeout(arrive, 50);
    const { replies } = await run(ask, { question: 'What did Juppe say?' }, contextWith(library));
    expect(text(replies[0])).not.toContain(texts.quotesIndexing);
    expect(text(replies[0])).toContain('Jupp');
  });

  it('console mode (patient) waits for the quotations however long they take, and answers from them', async () => {
    const { library, arrive } = coldLibrary();
    setTimeout(arrive, defaults.quotes.indexingWaitMs + 300);
    const { replies, ms } = await run(quote, { text: 'moral stain' }, contextWith(library), true);
    expect(ms).toBeGreaterThanOrEqual(defaults.quotes.indexingWaitMs);
    expect(replies).toHaveLength(1);
    expect(text(replies[0])).toContain('Juppe');
  });
});
