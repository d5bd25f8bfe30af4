import { Agent, RetryAgent, type Dispatcher } from 'undici';

/**
 * Network failures after which a request can be sent again: the connection was refused, reset or closed before an
 * answer came. The common one is a keep-alive race: the server closes an idle connection just as a request is written
 * to it ("other side closed"), more often when the event loop is busy. discord.js retries only ECONNRESET.
 */
const RETRIED_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET']);
/** Attempts after the first. */
const MAX_RETRIES = 2;
/** Wait before the first retry, doubled for the next. */
const RETRY_DELAY_MS = 50;
/** An interaction callback: Discord takes one per interaction and refuses a second (40060), so a retry never doubles it. */
const INTERACTION_CALLBACK = /\/interactions\/\d+\/[^/]+\/callback(?:\?|$)/u;

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
 * The dispatcher discord.js's REST client sends through: undici's own, with {@link safeToRepeat} requests sent again
 * (twice at most, 50 then 100 ms later) when the connection failed before an answer came, so an answer is not lost to
 * a closed keep-alive connection. HTTP errors (429, 5xx) are left to discord.js, which handles them itself.
 * @example new Client({ intents: [], rest: { agent: retryingDispatcher() } })
 */
export function retryingDispatcher(): Dispatcher {
  return new RetryAgent(new Agent(), {
    // Every HTTP answer goes to discord.js as it came: it waits out 429s and retries 5xx itself.
    statusCodes: [],
    retry(error, { state, opts }, callback) {
      const code = (error as { code?: string }).code;
      const { method, path } = opts as { method: string; path: string };
      if (code === undefined || !RETRIED_CODES.has(code) || state.counter > MAX_RETRIES || !safeToRepeat(method, path)) {
        callback(error);
        return;
      }
      setTimeout(() => callback(null), RETRY_DELAY_MS * 2 ** (state.counter - 1));
    },
  });
}
