import { defaults } from '../config.js';
import type { AppContext } from '../context.js';
import type { QuoteIndex } from '../quotes/index.js';
import { quoteIndexForSpeaker } from '../quotes/speakerQuotesEarly.js';
import type { CommandInvocation } from './invocation.js';
import { texts } from './texts.js';

/** Options of {@link quotesStillIndexing}. */
export interface QuotesIndexingOptions {
  /** Longest wait for the quotations before answering that they are still being indexed. @default 2000 */
  waitMs?: number;
}

/**
 * For an answer that needs the quote index (`/quote`, "what did X say"): after a cold start the search is ready
 * before the quotations are (see `Library.quotesPending`). Waits for them a little (the interaction is deferred for
 * it meanwhile, see `commandInvocation`); if they are still not in, answers the honest ephemeral "still indexing"
 * and returns true: the caller then stops. Returns false at once when the quotations are indexed, and after they
 * are when the invocation is `patient` (console mode: no deadline).
 * @example if (await quotesStillIndexing(invocation, ctx)) return;
 */
export async function quotesStillIndexing(invocation: Pick<CommandInvocation, 'reply' | 'patient'>, ctx: Pick<AppContext, 'library'>, options: QuotesIndexingOptions = {}): Promise<boolean> {
  const pending = ctx.library.current.quotesPending;
  if (!pending) return false;
  if (invocation.patient) {
    await pending;
    return false;
  }
  const { waitMs } = { waitMs: defaults.quotes.indexingWaitMs, ...options };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<true>((resolve) => (timer = setTimeout(() => resolve(true), waitMs)));
  const late = await Promise.race([pending.then(() => false), timedOut]);
  clearTimeout(timer);
  if (!late) return false;
  await invocation.reply({ content: texts.quotesIndexing, ephemeral: true, data: { indexing: 'quotes' } });
  return true;
}

/**
 * The quote index to answer "what did `speaker` say" from (`/ask`), or null when the caller should stop (the honest
 * "still indexing" was sent). Once the quotations are indexed: the library's index. Before (a cold start), a
 * `patient` invocation (console mode) is answered now from the quotations of the articles that can hold the speaker's,
 * extracted on demand ({@link quoteIndexForSpeaker}: what the complete index will give for that name); when the name
 * is found neither by its key nor by its surname (misspelt, unknown, or the end of a longer name: the complete index
 * would match it fuzzily, if at all), the question is answered as if no speaker were known, so that a script is not
 * held for the whole extraction (seconds); that answer may lack the quotations the complete index would match. The bot (not patient) never extracts on its main thread, which must stay free to answer:
 * it waits as {@link quotesStillIndexing} does.
 * @example const quotes = await quotesForSpeakerQuestion(invocation, ctx, 'Gordon Brown'); if (!quotes) return;
 */
export async function quotesForSpeakerQuestion(invocation: Pick<CommandInvocation, 'reply' | 'patient'>, ctx: Pick<AppContext, 'library'>, speaker: string, options: QuotesIndexingOptions = {}): Promise<QuoteIndex | null> {
  const library = ctx.library.current;
  if (!library.quotesPending) return library.quotes;
  if (invocation.patient) return earlyQuotesForSpeaker(invocation, ctx, speaker) ?? library.quotes;
  if (await quotesStillIndexing(invocation, ctx, options)) return null;
  // Replaced on the same library object once the quotations are in.
  return library.quotes;
}

/**
 * While a cold start's quotations are still being extracted, for a `patient` invocation (console mode) naming a
 * speaker: a quote index that gives, for that name, what the complete one will ({@link quoteIndexForSpeaker}); null
 * when the quotations are in, the invocation is not patient (the bot never extracts on its main thread), no speaker
 * was named, or the name is not found by its key or surname (then only the complete index can say).
 * @example earlyQuotesForSpeaker({ patient: true }, ctx, 'Juppe')?.quotesBy('Juppe').length // => 7
 */
export function earlyQuotesForSpeaker(invocation: Pick<CommandInvocation, 'patient'>, ctx: Pick<AppContext, 'library'>, speaker: string | null): QuoteIndex | null {
  const library = ctx.library.current;
  const name = speaker?.trim() ?? '';
  if (!library.quotesPending || !invocation.patient || name === '') return null;
  return quoteIndexForSpeaker(library.corpus.articles, name, library.quotesSoFar ?? undefined);
}
