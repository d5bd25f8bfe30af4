import type { AnyStateStore } from '../state/asyncStateStore.js';
import type { DigestRun } from '../state/types.js';
import { postNonce, runPostKey } from './postNonce.js';

/** How one message is posted. */
export interface SendOptions {
  /**
   * Idempotency key of the message (`postNonce` of the run and the message index, at most 25 characters), sent
   * with `enforce_nonce`: Discord answers a repeat within a few minutes with the earlier message.
   */
  nonce: string;
}

/** What `deliverRun` needs: a run claimed with `StateStore.claimRun`, its messages and a way to send one. */
export interface DeliverRunRequest<M> {
  /** The SQLite `StateStore` or either backend of the async contract: every call is awaited. */
  store: AnyStateStore;
  /** The run as `claimRun` returned it; sending resumes at its `partsSent`. */
  run: DigestRun;
  /** The owner the run was claimed with: every record is conditional on still holding the claim. */
  owner: string;
  channelId: string;
  /** The run's messages in posting order (whatever the sender takes: a Discord reply, a test record). */
  messages: readonly M[];
  /**
   * Posts one message; throws on failure, with `status` (an HTTP status) when the platform refused it. `options.nonce`
   * is the same for the same run and message on every attempt, so a re-send after a crash is not a second message.
   */
  send(channelId: string, message: M, options: SendOptions): Promise<void>;
  now(): Date;
  /** How long the claim is extended after each message. */
  leaseMs: number;
  /** A failed run is not retried before this long after the failure. */
  retryMs: number;
}

/** How a delivery ended; the run's row says the same. */
export type DeliveryResult =
  | { outcome: 'posted'; messages: number }
  | { outcome: 'claim-lost'; sent: number }
  | { outcome: 'failed'; error: string; status: number | null; retryAt: Date; cause: unknown };

/**
 * Sends a claimed run's messages one by one from where it stopped, recording each one as sent before the next
 * (so a retry never re-posts it), then marks the run `ok`; on an error marks it `failed` with a retry time (so it
 * is never silently skipped). Stops at once when another process took the claim over. Knows nothing of what the
 * messages are: the digest and any other scheduled post share these guarantees.
 * @example await deliverRun({ store, run, owner, channelId: 'c1', messages: ['a', 'b'], send, now, leaseMs: 600_000, retryMs: 600_000 })
 * // => { outcome: 'posted', messages: 2 }
 */
export async function deliverRun<M>(request: DeliverRunRequest<M>): Promise<DeliveryResult> {
  const { store, run, owner, channelId, messages, now } = request;
  await store.setPartsTotal(run.id, messages.length);
  try {
    for (let part = run.partsSent; part < messages.length; part += 1) {
      // The nonce makes a re-send of a message the platform accepted just before a crash return that message.
      await request.send(channelId, messages[part]!, { nonce: postNonce(runPostKey(run), part) });
      if (!(await store.recordPartSent(run.id, owner, part, now(), request.leaseMs))) return { outcome: 'claim-lost', sent: part + 1 };
    }
  } catch (error) {
    const status = (error as { status?: unknown } | null)?.status;
    const httpStatus = typeof status === 'number' ? status : null;
    const text = `${httpStatus !== null ? `HTTP ${httpStatus}: ` : ''}${error instanceof Error ? error.message : String(error)}`;
    const retryAt = new Date(now().getTime() + request.retryMs);
    await store.failRun(run.id, owner, text, now(), retryAt);
    return { outcome: 'failed', error: text, status: httpStatus, retryAt, cause: error };
  }
  await store.finishRun(run.id, owner, 'ok', now());
  return { outcome: 'posted', messages: messages.length };
}
