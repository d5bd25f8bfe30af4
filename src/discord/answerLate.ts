import type { AppContext } from '../context.js';

/** What an answer is computed from. */
export type AnswerSource = 'search' | 'quotes';

/**
 * True when an answer may not be ready well within Discord's 3 s, so the command should defer first: while a reload
 * swaps a new library in, or (for `/quote`) while the quote index's lookup structures are still to be built (the first
 * lookup after a restore builds them: seconds at 100,000 articles). Otherwise the command answers in the interaction
 * callback itself: one request, which Discord does not count against the bot's global rate limit, where a deferral
 * and its edit are two and the edit waits in discord.js's 50-per-second queue under load.
 * @example if (answerMayBeLate(ctx, 'search')) await invocation.defer();
 */
export function answerMayBeLate(ctx: Pick<AppContext, 'library'>, source: AnswerSource): boolean {
  const { library } = ctx;
  if (library.reloading) return true;
  return source === 'quotes' && !library.current.quotes.prepared;
}
