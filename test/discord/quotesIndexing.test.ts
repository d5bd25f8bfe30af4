import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandContext, invocationOf } from '../support/commandContext.js';
import ask from '../../commands/ask.js';
import quote from '../../commands/quote.js';
import type { Command } from '../../commands/index.js';
import { defaults, } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import type { Reply } from '../../src/discord/reply.js';
import { texts } from '../../src/discord/texts.js';
import { buildLibrary, LibraryStore, type Library } from '../../src/library.js';
import { QuoteIndex } from '../../src/quotes/index.js';

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

const contextWith = (library: Library): AppContext => commandContext(new LibraryStore(library, seeds));

/** Runs a command; returns its replies and how long it took. */
async function run(command: Command, values: Record<string, string>, ctx: AppContext, patient = false): Promise<{ replies: Reply[]; ms: number }> {
  const replies: Reply[] = [];
  const invocation = invocationOf(command, values, { patient, reply: async (reply) => void replies.push(reply) });
  const started = performance.now();
  await command.execute(invocation, ctx);
  return { replies, ms: performance.now() - started };
}

const text = (reply: Reply | undefined) => JSON.stringify(reply ?? null);
/** What a reply answers, without how long the search took (`ms`), which differs from run to run. */
const answered = (replies: Reply[]) => replies.map((reply) => ({ ...reply.data, ms: undefined }));

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

  it('console mode (patient) answers "what did X say" at once, with the answer the complete quotations give', async () => {
    const { library } = coldLibrary();
    const early = await run(ask, { question: 'What did Juppe say about sanctions?' }, contextWith(library), true);
    const complete = await run(ask, { question: 'What did Juppe say about sanctions?' }, contextWith(built), true);
    expect(library.quotesPending).not.toBeNull();
    expect(early.replies).toHaveLength(1);
    expect(text(early.replies[0])).toContain('Jupp');
    expect(answered(early.replies)).toEqual(answered(complete.replies));
  });

  it('console mode (patient) answers a misspelt speaker at once too, as a question naming no known speaker', async () => {
    const { library } = coldLibrary();
    const early = await run(ask, { question: 'What did Alain Jupe say?' }, contextWith(library), true);
    const unknown = await run(ask, { question: 'What did Alain Jupe say?' }, contextWith({ ...built, quotes: QuoteIndex.fromExtracted(built.corpus.articles, []) }), true);
    expect(library.quotesPending).not.toBeNull();
    expect(answered(early.replies)).toEqual(answered(unknown.replies));
  });

  it('console mode (patient) answers /quote speaker: at once, as the complete quotations do; /quote text: still waits', async () => {
    const { library, arrive } = coldLibrary();
    const early = await run(quote, { speaker: 'Juppe', about: 'sanctions' }, contextWith(library), true);
    const complete = await run(quote, { speaker: 'Juppe', about: 'sanctions' }, contextWith(built), true);
    expect(library.quotesPending).not.toBeNull();
    expect(text(early.replies[0])).toContain('Jupp');
    expect(early.replies).toEqual(complete.replies);
    // Who said it needs every quotation: that waits for them.
    setTimeout(arrive, 100);
    const { replies } = await run(quote, { text: 'moral stain' }, contextWith(library), true);
    expect(library.quotesPending).toBeNull();
    expect(text(replies[0])).toContain('Juppe');
  });
});

