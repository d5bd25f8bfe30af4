import { setTimeout as sleep } from 'node:timers/promises';
import { DefaultRestOptions, type RESTOptions } from 'discord.js';

/**
 * Network failures after which a request can be sent again: the connection was refused, reset or closed before an
 * answer came. The common one is a keep-alive race: the server closes an idle connection just as a request is written
 * to it (undici's "other side closed"), more often when the event loop is busy. discord.js retries only ECONNRESET.
 */
const RETRIED_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET']);
/** Waits before each retry: two retries at most. */
const RETRY_DELAYS_MS = [50, 100] as const;
/** An interaction callback: Discord takes one per interaction and refuses a second (40060), so a retry never doubles it. */
const INTERACTION_CALLBACK = /\/interactions\/\d+\/[^/]+\/callback$/u;

type MakeRequest = RESTOptions['makeRequest'];

/**
 * True when sending this request twice cannot do anything twice: reads, edits, deletions and puts, and interaction
 * callbacks. A new message (a channel post, a follow-up) is not retried here: the delivery path retries its posts with
 * a nonce Discord deduplicates.
 * @example safeToRepeat('PATCH', '/api/v10/webhooks/1/abc/messages/@original') // => true
 * @example safeToRepeat('POST', '/api/v10/channels/1/messages') // => false
 */
export function safeToRepeat(method: string, path: string): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'PUT' || method === 'PATCH' || method === 'DELETE') return true;
  return method === 'POST' && INTERACTION_CALLBACK.test(path);
}

/**
 * discord.js's own request function (`makeRequest`), sending a {@link safeToRepeat} request again (50 then 100 ms
 * later) when its connection failed before any answer came, so that an answer is not lost to a closed keep-alive
 * connection. Every HTTP answer (429, 5xx included) goes to discord.js as it came: it handles those itself.
 * @example new Client({ intents: [], rest: { makeRequest: retryingMakeRequest() } })
 */
export function retryingMakeRequest(send: MakeRequest = DefaultRestOptions.makeRequest): MakeRequest {
  return async (url, init) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await send(url, init);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        const retry =
          attempt < RETRY_DELAYS_MS.length &&
          typeof code === 'string' &&
          RETRIED_CODES.has(code) &&
          !init.signal?.aborted &&
          safeToRepeat(init.method ?? 'GET', new URL(url).pathname);
        if (!retry) throw error;
        await sleep(RETRY_DELAYS_MS[attempt]);
      }
    }
  };
}
