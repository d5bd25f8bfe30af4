import { describe, expect, it } from 'vitest';
import { NONCE_MAX_LENGTH, postNonce, runPostKey } from '../../src/delivery/postNonce.js';

describe('postNonce: the Discord nonce of a message the bot posts on its own', () => {
  const key = runPostKey({ guildId: '1250000000000000001', slot: '2026-06-01T08:00:00.000Z' });

  it('fits Discord’s 25 characters, even for the largest index', () => {
    expect(NONCE_MAX_LENGTH).toBe(25);
    for (const index of [0, 9, 35, 36 ** 4 - 1]) expect(postNonce(key, index).length).toBeLessThanOrEqual(NONCE_MAX_LENGTH);
  });

  it('is the same for the same post and index, on any host and after a restart', () => {
    expect(postNonce(key, 2)).toBe(postNonce(runPostKey({ guildId: '1250000000000000001', slot: '2026-06-01T08:00:00.000Z' }), 2));
  });

  it('differs between the messages of a post, between slots and between guilds', () => {
    const nonces = [
      postNonce(key, 0),
      postNonce(key, 1),
      postNonce(runPostKey({ guildId: '1250000000000000001', slot: '2026-06-02T08:00:00.000Z' }), 0),
      postNonce(runPostKey({ guildId: '1250000000000000002', slot: '2026-06-01T08:00:00.000Z' }), 0),
      postNonce(runPostKey({ guildId: '1250000000000000001', slot: 'manual:2026-06-01T09:12:00.000Z' }), 0),
    ];
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it('refuses an index that would not fit', () => {
    expect(() => postNonce(key, -1)).toThrow(/message index -1/);
    expect(() => postNonce(key, 36 ** 4)).toThrow(RangeError);
    expect(() => postNonce(key, 1.5)).toThrow(RangeError);
  });
});
