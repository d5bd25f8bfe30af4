import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../src/rateLimiter.js';

describe('RateLimiter', () => {
  it('refuses a second command from the same user within the cooldown, and says when to retry', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ userCooldownSeconds: 3, now: () => now });
    expect(limiter.take({ userId: 'u', guildId: 'g' })).toEqual({ ok: true });
    expect(limiter.take({ userId: 'u', guildId: 'g' })).toEqual({ ok: false, retryAt: 1_003_000, scope: 'user' });
    expect(limiter.take({ userId: 'other', guildId: 'g' })).toEqual({ ok: true });
    now += 3000;
    expect(limiter.take({ userId: 'u', guildId: 'g' })).toEqual({ ok: true });
  });

  it('caps a guild at its per-minute budget across all members', () => {
    let now = 0;
    const limiter = new RateLimiter({ userCooldownSeconds: 0, guildPerMinute: 2, now: () => now });
    expect(limiter.take({ userId: 'a', guildId: 'g' }).ok).toBe(true);
    expect(limiter.take({ userId: 'b', guildId: 'g' }).ok).toBe(true);
    expect(limiter.take({ userId: 'c', guildId: 'g' })).toEqual({ ok: false, retryAt: 60_000, scope: 'guild' });
    expect(limiter.take({ userId: 'c', guildId: 'other' }).ok).toBe(true);
    now = 60_001;
    expect(limiter.take({ userId: 'c', guildId: 'g' }).ok).toBe(true);
  });

  it('lets everything through when both limits are 0', () => {
    const limiter = new RateLimiter({ userCooldownSeconds: 0, guildPerMinute: 0 });
    for (let i = 0; i < 100; i += 1) expect(limiter.take({ userId: 'u', guildId: 'g' }).ok).toBe(true);
  });
});
