/** Longest wait between two polls of a failing feed. */
export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;
/** Share of the interval by which a poll is moved earlier or later, so feeds of one host do not fire together. */
export const JITTER = 0.1;

/**
 * When to poll next: the feed's interval with ±10% jitter after a success; after `failures` failures in a row,
 * the interval doubled per failure (capped at a day), and never before a server's `Retry-After`.
 * @example nextPollAt(new Date('2026-11-30T10:00:00Z'), { everyMinutes: 15, failures: 2, retryAfterMs: null, random: () => 0.5 })
 * // => 2026-11-30T11:00:00.000Z (15 min x 2^2)
 */
export function nextPollAt(now: Date, options: { everyMinutes: number; failures: number; retryAfterMs: number | null; random: () => number }): Date {
  const base = options.everyMinutes * 60_000 * 2 ** Math.min(options.failures, 16);
  const interval = Math.min(base, Math.max(MAX_BACKOFF_MS, options.everyMinutes * 60_000));
  const jittered = interval * (1 - JITTER + 2 * JITTER * options.random());
  return new Date(now.getTime() + Math.max(jittered, options.retryAfterMs ?? 0));
}
