import { defaults } from '../config.js';
import type { AppContext } from '../context.js';
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
