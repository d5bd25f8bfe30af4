import { defaults } from './config.js';

/** Options of a {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** Seconds a user waits between two expensive commands; 0 disables. @default 3 */
  userCooldownSeconds?: number;
  /** Expensive commands one guild may run per rolling minute; 0 disables. @default 60 */
  guildPerMinute?: number;
  /** The clock, in milliseconds. @default Date.now */
  now?: () => number;
}

const defaultOptions: Required<RateLimiterOptions> = { ...defaults.limits, now: Date.now };

/** The answer of {@link RateLimiter.take}: allowed, or when to try again. */
export type RateDecision = { ok: true } | { ok: false; retryAt: number; scope: 'user' | 'guild' };

/**
 * Per-user cooldown and per-guild budget for the expensive commands.
 * @example
 * const limiter = new RateLimiter({ userCooldownSeconds: 3 });
 * limiter.take({ userId: 'u', guildId: 'g' }); // => { ok: true }
 * limiter.take({ userId: 'u', guildId: 'g' }); // => { ok: false, retryAt: <in 3 s>, scope: 'user' }
 */
export class RateLimiter {
  readonly #options: Required<RateLimiterOptions>;
  readonly #userNext = new Map<string, number>();
  readonly #guildRecent = new Map<string, number[]>();

  constructor(options: RateLimiterOptions = {}) {
    this.#options = { ...defaultOptions, ...options };
  }

  /** Counts one expensive command by `userId` in `guildId`, or refuses it. A refused command is not counted. */
  take({ userId, guildId }: { userId: string; guildId: string | null }): RateDecision {
    const now = this.#options.now();
    const cooldown = this.#options.userCooldownSeconds * 1000;
    const next = this.#userNext.get(userId) ?? 0;
    if (cooldown > 0 && next > now) return { ok: false, retryAt: next, scope: 'user' };
    if (guildId && this.#options.guildPerMinute > 0) {
      const recent = (this.#guildRecent.get(guildId) ?? []).filter((time) => time > now - 60_000);
      if (recent.length >= this.#options.guildPerMinute) return { ok: false, retryAt: recent[0]! + 60_000, scope: 'guild' };
      recent.push(now);
      this.#guildRecent.set(guildId, recent);
    }
    if (cooldown > 0) this.#userNext.set(userId, now + cooldown);
    if (this.#userNext.size > 10_000) this.#forget(now);
    return { ok: true };
  }

  #forget(now: number): void {
    for (const [user, next] of this.#userNext) if (next <= now) this.#userNext.delete(user);
  }
}
