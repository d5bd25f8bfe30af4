import { createHash } from 'node:crypto';

/** Longest `nonce` Discord accepts on a message. */
export const NONCE_MAX_LENGTH = 25;

/**
 * The Discord `nonce` of message `index` (0-based) of a post the bot makes on its own, sent with `enforce_nonce`.
 * The same post and index always give the same nonce, on every host and after every restart, so a message re-sent
 * because a process died after Discord accepted it (and before its record) is answered with the earlier message
 * instead of being created twice. `key` names the post: for a run `runPostKey(run)`, unique per guild and slot in
 * the state store. At most 25 characters: 20 of a SHA-256 of the key, a dash and the index in base 36.
 * @example postNonce('run:1234:2026-06-01T08:00:00.000Z', 0) // => 'x9R…-0' (20 hash characters, '-', '0')
 */
export function postNonce(key: string, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= 36 ** 4) throw new RangeError(`message index ${index} must be a whole number from 0 to ${36 ** 4 - 1}`);
  const hash = createHash('sha256').update(key).digest('base64url').slice(0, 20);
  return `${hash}-${index.toString(36)}`;
}

/**
 * The nonce key of a run: one per guild and slot, the run's identity in the state store (a digest's slot, or
 * whatever slot another kind of scheduled post records).
 * @example runPostKey({ guildId: '1234', slot: '2026-06-01T08:00:00.000Z' }) // => 'run:1234:2026-06-01T08:00:00.000Z'
 */
export function runPostKey(run: { guildId: string; slot: string }): string {
  return `run:${run.guildId}:${run.slot}`;
}
